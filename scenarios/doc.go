// Package scenarios will hold named, composable scenarios of the failures
// that real ENI code meets in production (an exhausted vSwitch, a
// throttled API, an attach that rolls back, an ENI stuck in Detaching),
// each built on the fake's fault and quota controls.
//
// It is empty for now: the fake does not yet have the fault rules,
// quotas and lifecycle that the scenarios are made of.
package scenarios
