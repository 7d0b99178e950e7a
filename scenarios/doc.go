// Package scenarios holds named, composable scenarios of the failures that
// code managing Alibaba Cloud ENIs meets in production, built on the
// fake's fault rules, quotas, clock and instance controls. Each scenario's
// documentation says what production behaviour it models.
//
// Apply one or several to a fake before the code under test runs:
//
//	f := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()))
//	scenarios.Apply(f,
//		scenarios.Throttled(fakeecs.ActionCreateNetworkInterface, 2),
//		scenarios.LostAnswer(fakeecs.ActionAttachNetworkInterface, 1))
//
// [Sweep] runs a test body once for each call it makes, with that call
// failing, and reports the runs the body did not survive.
package scenarios
