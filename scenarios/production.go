package scenarios

import (
	"errors"
	"sync"
	"time"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// The failures ENI controllers meet against the real service and branch
// on: each one models a behaviour that production code has been seen to
// defend against.

// ExhaustedVSwitch fills the vSwitch with other ENIs, tagged
// scenario=exhausted-vswitch, until it has no free address: creates and
// assigns on it then fail with InvalidVSwitchId.IpNotEnough, and
// DescribeVSwitches reports no available address. It models a vSwitch
// that other workloads ran dry, which controllers answer by blocking the
// vSwitch and trying another. It fills the vSwitch through the typed
// client, so its creates are in the journal, and meet the fake's rules,
// rate limits and quotas: apply it before scenarios that refuse, throttle
// or count creates. It panics when a create fails for another reason.
func ExhaustedVSwitch(region, vswitch, securityGroup string) Scenario {
	return Scenario{Name: "exhausted vSwitch",
		Models: "a vSwitch with no free address left",
		apply: func(f *fakeecs.Fake) {
			fill(f.Client(), region, vswitch, securityGroup)
		}}
}

// fill creates ENIs on the vSwitch until it refuses one.
func fill(c *fakeecs.Client, region, vswitch, sg string) {
	for n := int32(49); n >= 0; {
		req := &ecs.CreateNetworkInterfaceRequest{
			RegionId: tea.String(region), VSwitchId: tea.String(vswitch),
			SecurityGroupId: tea.String(sg),
			Tag: []*ecs.CreateNetworkInterfaceRequestTag{{
				Key:   tea.String("scenario"),
				Value: tea.String("exhausted-vswitch")}},
		}
		if n > 0 {
			req.SecondaryPrivateIpAddressCount = tea.Int32(n)
		}
		_, err := c.CreateNetworkInterface(req)
		switch {
		case err == nil:
		case fakeecs.IsCode(err, "InvalidVSwitchId.IpNotEnough") && n > 0:
			n /= 2 // fewer addresses fit; the last ENIs take one each
		case fakeecs.IsCode(err, "InvalidVSwitchId.IpNotEnough"):
			return
		default:
			panic("scenarios: ExhaustedVSwitch cannot fill the vSwitch " +
				"(apply it before scenarios that refuse creates): " +
				codeOf(err))
		}
	}
}

// codeOf is the service's code of a typed client's error, or the
// error's text.
func codeOf(err error) string {
	var se *tea.SDKError
	if errors.As(err, &se) {
		return tea.StringValue(se.Code)
	}
	return err.Error()
}

// Throttled makes the first n calls of the action fail with Throttling,
// then lets calls through: the flow control that makes ENI controllers
// back off and retry.
func Throttled(a fakeecs.Action, n int) Scenario {
	return ThrottledWith(a, n, "Throttling")
}

// ThrottledWith is Throttled with another throttling code,
// "Throttling.User" or "Throttling.Api": a controller that retries only
// on the exact code "Throttling" gives up on these.
func ThrottledWith(a fakeecs.Action, n int, code string) Scenario {
	return rule("throttled "+string(a),
		"flow control on one API: "+code+" for a while",
		fakeecs.Rule{Action: a, Fire: fakeecs.FirstN(n),
			Effect: fakeecs.Throttle(code)})
}

// RateLimited limits the action to perSecond calls a second on the
// virtual clock, with a burst: the service's per-API quota of requests,
// which a controller's own client-side limiter should keep below.
func RateLimited(a fakeecs.Action, perSecond float64, burst int) Scenario {
	return Scenario{Name: "rate limited " + string(a),
		Models: "a per-API request quota",
		apply: func(f *fakeecs.Fake) {
			f.SetRateLimit(a, fakeecs.RateLimit{PerSecond: perSecond,
				Burst: burst})
		}}
}

// AccountRateLimited limits the account's calls of every action together
// to perSecond a second on the virtual clock, with a burst: the
// per-account flow control that several controllers sharing one account
// meet, whichever API each of them calls.
func AccountRateLimited(perSecond float64, burst int) Scenario {
	return Scenario{Name: "account rate limited",
		Models: "a per-account request quota over every API",
		apply: func(f *fakeecs.Fake) {
			f.SetAccountRateLimit(fakeecs.RateLimit{PerSecond: perSecond,
				Burst: burst})
		}}
}

// AttachRollsBack makes the next attach of the ENI pass through
// Attaching and return to Available: an attach that the service accepted
// and then undid, so that only the ENI's final state tells.
func AttachRollsBack(eni string) Scenario {
	return Scenario{Name: "attach rolls back",
		Models: "an accepted attach that ends Available, not InUse",
		apply:  func(f *fakeecs.Fake) { f.FailAttach(eni) }}
}

// StuckDetaching holds every transition of the ENI until the test calls
// Unhold, so that its next detach stays in Detaching: the ENI that never
// finishes detaching, which no retry of the detach helps. An attach or a
// delete of the ENI meanwhile stays in Attaching or Deleting as well.
func StuckDetaching(eni string) Scenario {
	return Scenario{Name: "stuck in Detaching",
		Models: "a detach that never completes",
		apply:  func(f *fakeecs.Fake) { f.Hold(eni) }}
}

// SlowTransitions makes attach, detach and delete take d each on the
// virtual clock, leaving the instances' delays as they are: a service
// under load, where code that waits a fixed time between detach and
// delete meets InvalidOperation.InvalidEniState.
func SlowTransitions(d time.Duration) Scenario {
	return Scenario{Name: "slow transitions",
		Models: "attach, detach and delete that take long to finish",
		apply: func(f *fakeecs.Fake) {
			ds := f.Delays()
			ds.Attach, ds.Detach, ds.Delete = d, d, d
			f.SetDelays(ds)
		}}
}

// LostAnswer makes the nth call of the action do its work and answer
// InternalError (500) all the same: the response lost after the commit,
// after which only a retry with the same ClientToken avoids doing the
// work twice.
func LostAnswer(a fakeecs.Action, nth int) Scenario {
	return rule("lost answer of "+string(a),
		"the work is done, the client sees a 500",
		fakeecs.Rule{Action: a, Fire: fakeecs.OnNth(nth),
			Effect: fakeecs.Fail("InternalError"), AfterCommit: true})
}

// ConnectionDropped makes the nth call of the action do its work and
// cut the connection without an answer: a network failure after the
// commit, which the SDKs report as a transport error (a *url.Error), not
// as an API error, and after which only a retry with the same
// ClientToken avoids doing the work twice.
func ConnectionDropped(a fakeecs.Action, nth int) Scenario {
	return rule("connection dropped on "+string(a),
		"the work is done, the connection is cut before the answer",
		fakeecs.Rule{Action: a, Fire: fakeecs.OnNth(nth),
			Effect: fakeecs.Drop(), AfterCommit: true})
}

// ConcurrentModification makes the first n calls of the action fail with
// Operation.Conflict: another operation on the same ENI in progress,
// which ENI controllers retry.
func ConcurrentModification(a fakeecs.Action, n int) Scenario {
	return rule("concurrent modification of "+string(a),
		"another operation in progress on the resource",
		fakeecs.Rule{Action: a, Fire: fakeecs.FirstN(n),
			Effect: fakeecs.Fail("Operation.Conflict")})
}

// RegionENIQuotaReached refuses every create in the region with
// MaxEniCountExceeded: the account's ENI quota there used up. It is a
// rule, not a quota, so that other regions keep theirs (the fake's
// quotas apply to every region alike) and an empty region is refused
// too; [fakeecs.Fake.SetQuotas] gives the quota itself.
func RegionENIQuotaReached(region string) Scenario {
	return quotaReached("ENI quota reached",
		"the account's per-region ENI quota used up", region,
		"MaxEniCountExceeded", fakeecs.ActionCreateNetworkInterface)
}

// PrivateIPQuotaReached refuses every create and private address assign
// in the region with QuotaExceeded.PrivateIpAddress: the account's
// private address quota there used up. Like RegionENIQuotaReached, it is
// a rule, not a quota.
func PrivateIPQuotaReached(region string) Scenario {
	return quotaReached("private address quota reached",
		"the account's private address quota used up", region,
		"QuotaExceeded.PrivateIpAddress",
		fakeecs.ActionCreateNetworkInterface,
		fakeecs.ActionAssignPrivateIpAddresses)
}

// quotaReached adds rules that refuse the actions' calls in the region
// with code.
func quotaReached(name, models, region, code string,
	actions ...fakeecs.Action) Scenario {
	return Scenario{Name: name, Models: models,
		apply: func(f *fakeecs.Fake) {
			for _, a := range actions {
				f.AddRule(fakeecs.Rule{Name: name, Action: a,
					Match: fakeecs.MatchParams(
						map[string]string{"RegionId": region}),
					Effect: fakeecs.Fail(code)})
			}
		}}
}

// StaleReads makes the ENI and instance reads trail the writes by the
// given number of changing calls: an ENI created but not yet listed, an
// address unassigned but still listed.
func StaleReads(calls int) Scenario {
	return Scenario{Name: "stale reads",
		Models: "eventually consistent reads after writes",
		apply: func(f *fakeecs.Fake) {
			for _, a := range []fakeecs.Action{
				fakeecs.ActionDescribeNetworkInterfaces,
				fakeecs.ActionDescribeNetworkInterfaceAttribute,
				fakeecs.ActionDescribeInstances,
			} {
				f.SetReadLag(a, fakeecs.Lag{Calls: calls})
			}
		}}
}

// InstanceStopsMidAttach stops the instance right after the next attach
// to it is accepted, while the ENI is still Attaching: the instance
// whose state changes under a controller's feet. Refused attaches pass
// it by; an instance that is not Running then is left as it is. It
// takes no other rule's place, and is gone once it has acted.
func InstanceStopsMidAttach(instance string) Scenario {
	const name = "instance stops mid-attach"
	return Scenario{Name: name,
		Models: "an instance stopping while an attach is in flight",
		apply: func(f *fakeecs.Fake) {
			var once sync.Once
			var id fakeecs.RuleID
			id = f.AddRule(fakeecs.Rule{Name: name,
				Action: fakeecs.ActionAttachNetworkInterface,
				Match: fakeecs.MatchRequest(
					func(r *ecs.AttachNetworkInterfaceRequest) bool {
						return tea.StringValue(r.InstanceId) == instance
					}),
				AfterCommit: true,
				Effect: fakeecs.Then(func(f *fakeecs.Fake) {
					once.Do(func() {
						f.RemoveRule(id)
						stopIfRunning(f, instance)
					})
				})})
		}}
}

// stopIfRunning stops the instance when it is Running.
func stopIfRunning(f *fakeecs.Fake, id string) {
	for _, in := range f.Instances() {
		if in.ID == id && in.Status == fakeecs.InstanceRunning {
			f.StopInstance(id)
		}
	}
}

// VSwitchBusy makes the first n creates on the vSwitch fail with
// IncorrectVSwitchStatus: a vSwitch briefly unusable, as just after a
// change of its route table, which controllers retry.
func VSwitchBusy(vswitch string, n int) Scenario {
	return rule("vSwitch busy", "a vSwitch briefly not Available",
		fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
			Match: fakeecs.MatchRequest(
				func(r *ecs.CreateNetworkInterfaceRequest) bool {
					return tea.StringValue(r.VSwitchId) == vswitch
				}),
			Fire:   fakeecs.FirstN(n),
			Effect: fakeecs.Fail("IncorrectVSwitchStatus")})
}

// BurntToken makes every call of the action that carries a ClientToken
// fail with IdempotentFailed: a token the service will not take again,
// which code must replace rather than reuse.
func BurntToken(a fakeecs.Action) Scenario {
	return rule("burnt token", "a client token the service refuses",
		fakeecs.Rule{Action: a, Match: fakeecs.MatchRequest(
			func(r *struct{ ClientToken *string }) bool {
				return tea.StringValue(r.ClientToken) != ""
			}),
			Effect: fakeecs.Fail("IdempotentFailed")})
}

// ServiceErrors makes the first n calls of the action fail with
// InternalError (500) before doing anything: a transient failure of the
// service, retried by every controller.
func ServiceErrors(a fakeecs.Action, n int) Scenario {
	return rule("service errors", "a transient failure of the service",
		fakeecs.Rule{Action: a, Fire: fakeecs.FirstN(n),
			Effect: fakeecs.Fail("InternalError")})
}

// Unavailable makes the first n calls of the action fail with
// ServiceUnavailable (503).
func Unavailable(a fakeecs.Action, n int) Scenario {
	return rule("service unavailable", "the service briefly unavailable",
		fakeecs.Rule{Action: a, Fire: fakeecs.FirstN(n),
			Effect: fakeecs.Fail("ServiceUnavailable")})
}
