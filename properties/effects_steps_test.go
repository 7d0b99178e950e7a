package properties_test

import (
	"cmp"
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"syscall"
	"time"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	gocmp "github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// The state machine's steps for fault rules of every effect and firing
// and for rate limits. Each sends a few calls of one action to the fake
// and its twin under the same rule or limit, checks each call against
// what the rule or limit promises, and removes the rule or limit at its
// end, so that the other steps run without one.

// both applies a control to the fake and its twin.
func (mc *machine) both(fn func(f *fakeecs.Fake)) {
	fn(mc.f)
	fn(mc.tf)
}

// moveClocks moves the clocks of the fake, its twin and the model.
func (mc *machine) moveClocks(d time.Duration) {
	mc.both(func(f *fakeecs.Fake) { f.Advance(d) })
	mc.m.advance(d)
}

// effect is a rule the ruled step adds, with what the machine needs to
// check its work: the kind of effect ("fail", "delay", "then" or
// "drop"), the
// code and HTTP status a failing rule answers, the clock move of a
// Delay or of a Then, and the firing's prediction.
type effect struct {
	rule   fakeecs.Rule
	kind   string
	code   string
	status int
	move   time.Duration
	acts   prediction
}

// prediction says whether a rule acts on the nth call it matches, and
// whether that is known before the call.
type prediction func(n int) (acts, known bool)

// drawEffect draws a rule on action a: an effect, a firing, and whether
// it acts before or after the commit.
func (mc *machine) drawEffect(t *rapid.T, a fakeecs.Action) effect {
	kinds := []func(*rapid.T) effect{drawFail, drawFailWith,
		drawThrottle, drawDelay, mc.drawThen, drawDrop}
	e := kinds[rapid.IntRange(0, len(kinds)-1).Draw(t, "effect")](t)
	e.rule.Name, e.rule.Action = "drawn rule", a
	e.rule.AfterCommit = rapid.Bool().Draw(t, "after commit")
	e.rule.Fire, e.acts = drawFiring(t)
	return e
}

func drawFail(t *rapid.T) effect {
	code := rapid.SampledFrom([]string{"InternalError",
		"ServiceUnavailable"}).Draw(t, "code")
	status, _ := fakeecs.StatusOf(code)
	return effect{rule: fakeecs.Rule{Effect: fakeecs.Fail(code)},
		kind: "fail", code: code, status: status}
}

// drawFailWith draws a code no call of the fake answers on its own.
func drawFailWith(t *rapid.T) effect {
	status := rapid.SampledFrom([]int{400, 403, 500, 503}).Draw(t, "status")
	code := "Injected.Failure"
	return effect{rule: fakeecs.Rule{
		Effect: fakeecs.FailWith(code, status, "injected")},
		kind: "fail", code: code, status: status}
}

func drawThrottle(t *rapid.T) effect {
	code := rapid.SampledFrom([]string{"Throttling", "Throttling.User",
		"Throttling.Api"}).Draw(t, "code")
	return effect{rule: fakeecs.Rule{Effect: fakeecs.Throttle(code)},
		kind: "fail", code: code, status: 400}
}

func drawDelay(t *rapid.T) effect {
	d := rapid.SampledFrom([]time.Duration{0, 500 * time.Millisecond,
		time.Second, 3 * time.Second, 10 * time.Second}).Draw(t, "delay")
	return effect{rule: fakeecs.Rule{Effect: fakeecs.Delay(d)},
		kind: "delay", move: d}
}

// drawDrop draws a rule that cuts the call's connection.
func drawDrop(*rapid.T) effect {
	return effect{rule: fakeecs.Rule{Effect: fakeecs.Drop()},
		kind: "drop"}
}

// drawThen draws a Then that counts its runs and moves the clock of the
// fake it runs on.
func (mc *machine) drawThen(t *rapid.T) effect {
	d := rapid.SampledFrom([]time.Duration{0, time.Second,
		3 * time.Second}).Draw(t, "then moves")
	fn := func(f *fakeecs.Fake) {
		mc.ran[f]++
		f.Advance(d)
	}
	return effect{rule: fakeecs.Rule{Effect: fakeecs.Then(fn)},
		kind: "then", move: d}
}

// drawFiring draws a firing condition and its prediction.
func drawFiring(t *rapid.T) (fakeecs.Firing, prediction) {
	k := rapid.IntRange(1, 3).Draw(t, "k")
	switch rapid.IntRange(0, 5).Draw(t, "firing") {
	case 0:
		return fakeecs.Always(), func(int) (bool, bool) { return true, true }
	case 1:
		return fakeecs.OnNth(k), func(n int) (bool, bool) { return n == k, true }
	case 2:
		return fakeecs.FirstN(k), func(n int) (bool, bool) { return n <= k, true }
	case 3:
		return fakeecs.EveryKth(k), func(n int) (bool, bool) {
			return n%k == 0, true
		}
	case 4:
		p := rapid.SliceOfN(rapid.Bool(), 1, 4).Draw(t, "pattern")
		return fakeecs.Sequence(p...), func(n int) (bool, bool) {
			return n <= len(p) && p[n-1], true
		}
	}
	p := rapid.SampledFrom([]float64{0, 0.5, 1}).Draw(t, "probability")
	return fakeecs.WithProbability(p), func(int) (bool, bool) {
		return p == 1, p != 0.5
	}
}

// ruled adds a drawn rule to the fake and its twin, on a drawn action,
// and sends from one to four calls of that action, each checked by
// sendRuled.
func (mc *machine) ruled(t *rapid.T) {
	kind := rapid.SampledFrom(opNames).Draw(t, "action")
	o, ok := opKinds[kind](mc, t)
	if !ok {
		t.Skip("nothing to act on")
	}
	e := mc.drawEffect(t, o.action)
	calls := rapid.IntRange(1, 4).Draw(t, "calls")
	mc.both(func(f *fakeecs.Fake) {
		f.ClearRules()
		f.AddRule(e.rule)
	})
	defer mc.both((*fakeecs.Fake).ClearRules)
	mc.sendRuled(t, o, e, 1)
	for n := 2; n <= calls; n++ {
		o = mc.nextOp(t, kind, o)
		mc.sendRuled(t, o, e, n)
	}
}

// nextOp builds another op of the kind, or returns the last one again
// when the model holds nothing for a new one.
func (mc *machine) nextOp(t *rapid.T, kind string, last op) op {
	if o, ok := opKinds[kind](mc, t); ok {
		return o
	}
	return last
}

// sendRuled sends the nth call of an op under the rule of e and checks
// that the rule met the call when its firing says so, and what it did:
// a failure before the commit answers its code and status and leaves
// the State as it was; one after the commit answers the same with the
// work done, unless the call failed on its own; a Delay moves the clock
// by exactly its length, before or after the work, and the transitions
// due on the way end; a Then runs only after a successful call.
func (mc *machine) sendRuled(t *rapid.T, o op, e effect, n int) {
	before, all := mc.f.State(), mc.f.NetworkInterfaces()
	ran := mc.ran[mc.f]
	resp, err := o.call(mc.c)
	mc.sameAsTwin(t, resp, err, second(o.call(mc.tc)))
	met := mc.met(t, e, n)
	then := mc.ran[mc.f] > ran
	if then != (e.kind == "then" && met && err == nil) {
		t.Fatalf("Then ran: %v; rule met: %v; error: %v", then, met, err)
	}
	delayed := met && e.kind == "delay"
	mc.checkClock(t, before.Now, delayed, then, e.move)
	if delayed && !e.rule.AfterCommit {
		mc.m.advance(e.move)
	}
	mc.outcome(t, o, e, met, err, before, all)
	if delayed && e.rule.AfterCommit || then {
		mc.m.advance(e.move)
	}
}

// met reads in the journal whether the last call met the rule, and
// checks it against the firing's prediction where there is one.
func (mc *machine) met(t *rapid.T, e effect, n int) bool {
	j := mc.f.Journal()
	last := j[len(j)-1]
	met := last.Rule == e.rule.Name
	if want, known := e.acts(n); known && met != want {
		t.Fatalf("call %d of the rule met it: %v, want %v", n, met, want)
	}
	if d := last.End.Sub(last.At); e.kind == "delay" && met && d != e.move {
		t.Fatalf("the journal says the call took %v, not %v", d, e.move)
	}
	return met
}

// checkClock checks that the call moved the clock by the delay that met
// it or the Then that ran after it, and otherwise not at all.
func (mc *machine) checkClock(t *rapid.T, from time.Time, delayed,
	then bool, move time.Duration) {
	var want time.Duration
	if delayed || then {
		want = move
	}
	if got := mc.f.Now().Sub(from); got != want {
		t.Fatalf("the call moved the clock by %v, not %v", got, want)
	}
}

// outcome checks a call's answer and records its work in the model.
func (mc *machine) outcome(t *rapid.T, o op, e effect, met bool, err error,
	before fakeecs.State, all []fakeecs.NetworkInterface) {
	fails := met && e.kind == "fail"
	if met && e.kind == "drop" {
		mc.dropped(t, o, e, err, before, all)
		return
	}
	switch {
	case fails && !e.rule.AfterCommit:
		requireStatus(t, err, e.code, e.status)
		mc.unchangedState(t, before, all)
	case fails && err == nil:
		t.Fatalf("a call met a failure after its commit and succeeded")
	case fails && fakeecs.IsCode(err, e.code):
		requireStatus(t, err, e.code, e.status)
		o.done(t) // the answer was lost, the work is done
	case err == nil:
		o.done(t)
	case !met || e.kind != "delay" || e.move == 0:
		mc.unchangedState(t, before, all) // it failed on its own
	}
}

// dropped checks a call whose connection a rule cut: the client meets a
// connection reset, not an API error, and the journal records it as
// dropped. Before the commit it changed nothing; after the commit its
// work is done unless it failed on its own, which the journal's code
// tells.
func (mc *machine) dropped(t *rapid.T, o op, e effect, err error,
	before fakeecs.State, all []fakeecs.NetworkInterface) {
	if !errors.Is(err, syscall.ECONNRESET) {
		t.Fatalf("a dropped call gave %v, not a connection reset", err)
	}
	j := mc.f.Journal()
	last := j[len(j)-1]
	if !last.Dropped {
		t.Fatalf("the journal does not say the call was dropped")
	}
	if e.rule.AfterCommit && last.Code == "" {
		o.done(t)
		return
	}
	mc.unchangedState(t, before, all)
}

// unchangedState checks that a call left the fake's State and ENIs as
// they were.
func (mc *machine) unchangedState(t *rapid.T, before fakeecs.State,
	all []fakeecs.NetworkInterface) {
	if d := gocmp.Diff(before, mc.f.State()); d != "" {
		t.Fatalf("a failed call changed the State (-before +after):\n%s",
			d)
	}
	mc.unchanged(t, all)
}

// requireStatus checks an error's code and HTTP status.
func requireStatus(t *rapid.T, err error, code string, status int) {
	requireCode(t, err, code)
	var se *tea.SDKError
	asSDKError(err, &se)
	if got := tea.IntValue(se.StatusCode); got != status {
		t.Fatalf("%s travels with HTTP %d, want %d", code, got, status)
	}
}

// rateLimited limits a drawn action of the fake and its twin to a burst
// of calls and sends one call more than the burst: the calls of the
// burst pass the limit, though they may fail on their own; the next is
// refused with the limit's code and HTTP 400 and changes nothing; and
// once the clock has refilled a token, a call passes again. The limit
// is gone at the end of the step.
func (mc *machine) rateLimited(t *rapid.T) {
	kind := rapid.SampledFrom(opNames).Draw(t, "action")
	o, ok := opKinds[kind](mc, t)
	if !ok {
		t.Skip("nothing to act on")
	}
	l := fakeecs.RateLimit{
		PerSecond: rapid.SampledFrom([]float64{0, 0.5, 2}).Draw(t, "rate"),
		Burst:     rapid.IntRange(1, 3).Draw(t, "burst"),
		Code: rapid.SampledFrom([]string{"", "Throttling",
			"Throttling.User", "Throttling.Api"}).Draw(t, "code")}
	mc.both(func(f *fakeecs.Fake) { f.SetRateLimit(o.action, l) })
	defer mc.both(func(f *fakeecs.Fake) {
		f.SetRateLimit(o.action, fakeecs.RateLimit{})
	})
	for range l.Burst {
		mc.sendPassing(t, o)
		o = mc.nextOp(t, kind, o)
	}
	mc.sendThrottled(t, o, cmp.Or(l.Code, "Throttling"))
	if l.PerSecond > 0 {
		mc.moveClocks(time.Duration(float64(time.Second) / l.PerSecond))
		mc.sendPassing(t, mc.nextOp(t, kind, o))
	}
}

// sendPassing sends a call that the rate limit lets through: it
// succeeds and does its work, or fails on its own and changes nothing.
func (mc *machine) sendPassing(t *rapid.T, o op) {
	before, all := mc.f.State(), mc.f.NetworkInterfaces()
	resp, err := o.call(mc.c)
	mc.sameAsTwin(t, resp, err, second(o.call(mc.tc)))
	if isThrottling(err) {
		t.Fatalf("a call within the limit was refused: %v", err)
	}
	if err != nil {
		mc.unchangedState(t, before, all)
		return
	}
	o.done(t)
}

// sendThrottled sends a call that the rate limit refuses.
func (mc *machine) sendThrottled(t *rapid.T, o op, code string) {
	before, all := mc.f.State(), mc.f.NetworkInterfaces()
	resp, err := o.call(mc.c)
	mc.sameAsTwin(t, resp, err, second(o.call(mc.tc)))
	requireStatus(t, err, code, 400)
	mc.unchangedState(t, before, all)
}

func isThrottling(err error) bool {
	return fakeecs.IsCode(err, "Throttling") ||
		fakeecs.IsCode(err, "Throttling.User") ||
		fakeecs.IsCode(err, "Throttling.Api")
}

// op is one call of the rule and rate-limit steps: its action, the call
// on a client, and done, which checks the fake and records in the model
// the work of a call that did it, whatever its client saw.
type op struct {
	action fakeecs.Action
	call   func(c *fakeecs.Client) (any, error)
	done   func(t *rapid.T)
}

// sender makes an op's call from a client method and its request.
func sender[R, A any](method func(*fakeecs.Client, R) (A, error),
	req R) func(*fakeecs.Client) (any, error) {
	return func(c *fakeecs.Client) (any, error) { return method(c, req) }
}

// opKinds build an op of each action, drawing its target from the
// model; each reports false when the model holds nothing to act on.
var opKinds = map[string]func(*machine, *rapid.T) (op, bool){
	"attach":   (*machine).attachOp,
	"detach":   (*machine).detachOp,
	"delete":   (*machine).deleteOp,
	"assign":   (*machine).assignOp,
	"unassign": (*machine).unassignOp,
	"modify":   (*machine).modifyOp,
	"tag":      (*machine).tagOp,
	"untag":    (*machine).untagOp,
}

// opNames are the keys of opKinds, in a fixed order for drawing.
var opNames = []string{"attach", "detach", "delete", "assign", "unassign",
	"modify", "tag", "untag"}

// pickWhere draws an ENI of the model that keep accepts or, one time in
// five, any ENI, so that some calls fail on their own. It reports false
// when the model holds none.
func (mc *machine) pickWhere(t *rapid.T,
	keep func(e modelENI) bool) (modelENI, bool) {
	var ok []modelENI
	for _, e := range mc.m.enis {
		if keep(e) {
			ok = append(ok, e)
		}
	}
	if len(ok) == 0 || rapid.IntRange(0, 4).Draw(t, "any ENI") == 0 {
		ok = mc.m.enis
	}
	if len(ok) == 0 {
		return modelENI{}, false
	}
	return ok[rapid.IntRange(0, len(ok)-1).Draw(t, "eni")], true
}

// found returns the model's ENI that a call did its work on; the call's
// success says the fake holds it, and so the model must.
func (mc *machine) found(t *rapid.T, id string) *modelENI {
	if mc.m.find(id) < 0 {
		t.Fatalf("a call did its work on %s, which the model lacks", id)
	}
	return mc.m.eni(id)
}

// attachOp attaches an Available secondary ENI to an instance of its
// zone.
func (mc *machine) attachOp(t *rapid.T) (op, bool) {
	ins := mc.f.Instances()
	if len(ins) == 0 {
		return op{}, false
	}
	in := ins[rapid.IntRange(0, len(ins)-1).Draw(t, "instance")]
	e, ok := mc.pickWhere(t, func(e modelENI) bool {
		return e.status == fakeecs.StatusAvailable && !e.primary &&
			mc.m.vsw[e.vsw].Zone == in.ZoneID
	})
	req := &ecs.AttachNetworkInterfaceRequest{
		RegionId:           tea.String(fakeecs.DefaultRegion),
		NetworkInterfaceId: tea.String(e.id), InstanceId: tea.String(in.ID)}
	return op{action: fakeecs.ActionAttachNetworkInterface,
		call: sender((*fakeecs.Client).AttachNetworkInterface, req),
		done: func(t *rapid.T) {
			mc.found(t, e.id)
			mc.m.attach(e.id, in.ID)
		}}, ok
}

// detachOp detaches an InUse or Detaching ENI from its instance.
func (mc *machine) detachOp(t *rapid.T) (op, bool) {
	e, ok := mc.pickWhere(t, func(e modelENI) bool {
		return !e.primary && (e.status == fakeecs.StatusInUse ||
			e.status == fakeecs.StatusDetaching)
	})
	req := &ecs.DetachNetworkInterfaceRequest{
		RegionId:           tea.String(fakeecs.DefaultRegion),
		NetworkInterfaceId: tea.String(e.id),
		InstanceId:         tea.String(e.instance)}
	return op{action: fakeecs.ActionDetachNetworkInterface,
		call: sender((*fakeecs.Client).DetachNetworkInterface, req),
		done: func(t *rapid.T) {
			mc.found(t, e.id)
			mc.m.detach(e.id)
		}}, ok
}

// deleteOp deletes an Available or Deleting secondary ENI.
func (mc *machine) deleteOp(t *rapid.T) (op, bool) {
	e, ok := mc.pickWhere(t, func(e modelENI) bool {
		return !e.primary && (e.status == fakeecs.StatusAvailable ||
			e.status == fakeecs.StatusDeleting)
	})
	req := &ecs.DeleteNetworkInterfaceRequest{
		RegionId:           tea.String(fakeecs.DefaultRegion),
		NetworkInterfaceId: tea.String(e.id)}
	return op{action: fakeecs.ActionDeleteNetworkInterface,
		call: sender((*fakeecs.Client).DeleteNetworkInterface, req),
		done: func(t *rapid.T) {
			mc.found(t, e.id)
			mc.m.startDelete(e.id)
		}}, ok
}

// assignOp assigns one or two secondary addresses to an Available or
// InUse ENI; once done, the ENI holds them at the end of its list, the
// lowest free ones under the lowest-free policy.
func (mc *machine) assignOp(t *rapid.T) (op, bool) {
	e, ok := mc.pickWhere(t, func(e modelENI) bool {
		return e.status == fakeecs.StatusAvailable ||
			e.status == fakeecs.StatusInUse
	})
	k := rapid.IntRange(1, 2).Draw(t, "count")
	req := &ecs.AssignPrivateIpAddressesRequest{
		RegionId:                       tea.String(fakeecs.DefaultRegion),
		NetworkInterfaceId:             tea.String(e.id),
		SecondaryPrivateIpAddressCount: tea.Int32(int32(k))}
	return op{action: fakeecs.ActionAssignPrivateIpAddresses,
		call: sender((*fakeecs.Client).AssignPrivateIpAddresses, req),
		done: func(t *rapid.T) { mc.assigned(t, e.id, k) }}, ok
}

// assigned checks the k addresses an assign gave an ENI and records
// them.
func (mc *machine) assigned(t *rapid.T, id string, k int) {
	e := mc.found(t, id)
	n, _ := mc.f.NetworkInterface(id)
	got := n.PrivateIPs[min(len(e.v4)-1, len(n.PrivateIPs)):]
	if len(got) != k {
		t.Fatalf("%s gained %d addresses, want %d", id, len(got), k)
	}
	want := mc.m.lowest(mc.m.vsw[e.vsw], k, nil)
	if mc.lowest && !slices.Equal(got, want) {
		t.Fatalf("assigned %v, model expects %v", got, want)
	}
	mc.m.give(id, got)
}

// unassignOp gives back one secondary address of an ENI, or, for an ENI
// without one, its primary address, which fails.
func (mc *machine) unassignOp(t *rapid.T) (op, bool) {
	e, ok := mc.pickWhere(t, func(e modelENI) bool { return len(e.v4) > 1 })
	if !ok {
		return op{}, false
	}
	a := e.v4[rapid.IntRange(min(1, len(e.v4)-1), len(e.v4)-1).
		Draw(t, "address")]
	req := &ecs.UnassignPrivateIpAddressesRequest{
		RegionId:           tea.String(fakeecs.DefaultRegion),
		NetworkInterfaceId: tea.String(e.id),
		PrivateIpAddress:   tea.StringSlice([]string{a.String()})}
	return op{action: fakeecs.ActionUnassignPrivateIpAddresses,
		call: sender((*fakeecs.Client).UnassignPrivateIpAddresses, req),
		done: func(t *rapid.T) {
			mc.found(t, e.id)
			mc.m.take(e.id, []netip.Addr{a})
		}}, true
}

// modifyOp sets the description of any ENI, which changes in any state.
func (mc *machine) modifyOp(t *rapid.T) (op, bool) {
	e, ok := mc.pickWhere(t, func(modelENI) bool { return true })
	desc := fmt.Sprintf("desc-%d", rapid.IntRange(0, 9).Draw(t, "desc"))
	req := &ecs.ModifyNetworkInterfaceAttributeRequest{
		RegionId:           tea.String(fakeecs.DefaultRegion),
		NetworkInterfaceId: tea.String(e.id),
		Description:        tea.String(desc)}
	return op{action: fakeecs.ActionModifyNetworkInterfaceAttribute,
		call: sender((*fakeecs.Client).ModifyNetworkInterfaceAttribute,
			req),
		done: func(t *rapid.T) { mc.found(t, e.id).desc = desc }}, ok
}

// tagKeys are the few keys the tag steps use, so that untag finds them.
var tagKeys = []string{"k0", "k1", "k2"}

// tagOp sets one tag of any ENI.
func (mc *machine) tagOp(t *rapid.T) (op, bool) {
	e, ok := mc.pickWhere(t, func(modelENI) bool { return true })
	k := rapid.SampledFrom(tagKeys).Draw(t, "key")
	v := fmt.Sprintf("v%d", rapid.IntRange(0, 3).Draw(t, "value"))
	req := &ecs.TagResourcesRequest{
		RegionId:     tea.String(fakeecs.DefaultRegion),
		ResourceType: tea.String("eni"),
		ResourceId:   tea.StringSlice([]string{e.id}),
		Tag: []*ecs.TagResourcesRequestTag{{
			Key: tea.String(k), Value: tea.String(v)}}}
	return op{action: fakeecs.ActionTagResources,
		call: sender((*fakeecs.Client).TagResources, req),
		done: func(t *rapid.T) {
			n := mc.found(t, e.id)
			if n.tags == nil {
				n.tags = map[string]string{}
			}
			n.tags[k] = v
		}}, ok
}

// untagOp removes one tag key from any ENI, which may not have it.
func (mc *machine) untagOp(t *rapid.T) (op, bool) {
	e, ok := mc.pickWhere(t, func(e modelENI) bool { return len(e.tags) > 0 })
	k := rapid.SampledFrom(tagKeys).Draw(t, "key")
	req := &ecs.UntagResourcesRequest{
		RegionId:     tea.String(fakeecs.DefaultRegion),
		ResourceType: tea.String("eni"),
		ResourceId:   tea.StringSlice([]string{e.id}),
		TagKey:       tea.StringSlice([]string{k})}
	return op{action: fakeecs.ActionUntagResources,
		call: sender((*fakeecs.Client).UntagResources, req),
		done: func(t *rapid.T) { delete(mc.found(t, e.id).tags, k) }}, ok
}
