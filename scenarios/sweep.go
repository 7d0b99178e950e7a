package scenarios

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// Run is one run of a sweep: the body, with one of its calls failing. A
// Run with Call 0 is the first run, in which no call fails, and says why
// the sweep could not go on.
type Run struct {
	// Call is the call that failed, counted from 1 in the order of the
	// calls the body made in the first run; 0 in the first run.
	Call int
	// Action is the action of the call that failed; empty in the first
	// run.
	Action fakeecs.Action
	// Err is what the body returned, the panic it raised, or why the run
	// proves nothing; nil when the body survived the failure.
	Err error
}

// sweepRule names the sweep's fault rule in the journal.
const sweepRule = "scenarios.Sweep"

// target is a call the sweep fails: its place among the body's calls,
// its action, and its place among the calls of that action that reached
// the fault rules.
type target struct {
	call   int
	action fakeecs.Action
	nth    int
}

// SweepRuns runs body once on a fresh fake from mk to learn its calls,
// and then once more per call, each on a fresh fake, with that call
// failing with the error code. It returns every run, in call order.
//
// Only the calls the body makes are counted and failed, not those mk
// makes to set the fake up. A call that a rule or a rate limit of mk's
// fake acts on in the first run is not failed: the fake applies the
// first rule that fires, and a rate limit refuses a call before any
// rule sees it, so the sweep's rule could not reach it.
//
// The body must make the same calls on the same fake each time it runs,
// as a body driven by a deterministic fake does until a failure changes
// its path. A run in which the call to fail never came is reported with
// an error that says so, never as survived; the body's own error is
// kept as it returned it, and a panic becomes an error.
//
// When the first run goes wrong, SweepRuns returns it alone, with Call 0
// and an error that says why: the body failed or panicked with no call
// failing, made no call that a sweep can fail, or made more calls than
// the fake's journal holds. It panics, as [fakeecs.Fail] does, for a
// code not in the catalogue.
func SweepRuns(mk func() *fakeecs.Fake, code string,
	body func(f *fakeecs.Fake) error) []Run {
	fail := fakeecs.Fail(code)
	ts, err := targets(mk, body)
	if err != nil {
		return []Run{{Err: err}}
	}
	runs := make([]Run, len(ts))
	for i, t := range ts {
		runs[i] = Run{Call: t.call, Action: t.action,
			Err: failing(mk, fail, body, t)}
	}
	return runs
}

// targets runs body on a fresh fake from mk, with no call failing, and
// returns the calls a sweep can fail.
func targets(mk func() *fakeecs.Fake,
	body func(f *fakeecs.Fake) error) ([]target, error) {
	f := mk()
	since := lastSeq(f)
	if err := guard(body, f); err != nil {
		return nil, alone(err)
	}
	calls, err := callsSince(f, since)
	switch {
	case err != nil:
		return nil, err
	case len(calls) == 0:
		return nil, errors.New("the body makes no calls: a sweep over " +
			"none proves nothing")
	}
	ts := reachable(calls)
	if len(ts) == 0 {
		return nil, errors.New("a rule or a rate limit of the fake acts " +
			"on every call the body makes: a sweep over none proves nothing")
	}
	return ts, nil
}

// reachable returns the calls that met no rule or rate limit, each with
// its place among the calls of its action that a new rule counts.
func reachable(calls []fakeecs.Call) []target {
	var ts []target
	seen := map[fakeecs.Action]int{}
	for i, c := range calls {
		if refused(c) {
			continue
		}
		seen[c.Action]++
		if c.Rule == "" {
			ts = append(ts, target{call: i + 1, action: c.Action,
				nth: seen[c.Action]})
		}
	}
	return ts
}

// throttling holds the codes a rate limit refuses a call with.
var throttling = map[string]bool{
	"Throttling": true, "Throttling.User": true, "Throttling.Api": true,
}

// refused reports whether the call was refused before any rule could
// count it: by the front door (a bad signature, an action the fake does
// not serve), or by a rate limit, which answers a throttling error that
// no rule gave. No action of the fake throttles on its own.
func refused(c fakeecs.Call) bool {
	return c.Refused || (c.Rule == "" && throttling[c.Code])
}

// failing runs body on a fresh fake from mk with the target call failing,
// and returns what the body returned, or why the run proves nothing.
func failing(mk func() *fakeecs.Fake, fail fakeecs.Effect,
	body func(f *fakeecs.Fake) error, t target) error {
	f := mk()
	since := lastSeq(f)
	f.AddRule(fakeecs.Rule{Name: sweepRule, Action: t.action,
		Fire: fakeecs.OnNth(t.nth), Effect: fail})
	err := guard(body, f)
	calls, lost := callsSince(f, since)
	switch {
	case lost != nil:
		return lost
	case !slices.ContainsFunc(calls, metSweep):
		return fmt.Errorf("the body did not make call %d (%s) in this run",
			t.call, t.action)
	}
	return err
}

// metSweep reports whether the sweep's rule acted on the call.
func metSweep(c fakeecs.Call) bool { return c.Rule == sweepRule }

// lastSeq returns the number of the last call in f's journal, or 0.
func lastSeq(f *fakeecs.Fake) int {
	j := f.Journal()
	if len(j) == 0 {
		return 0
	}
	return j[len(j)-1].Seq
}

// callsSince returns the calls of f's journal after the call numbered
// seq, or an error when the journal no longer holds the first of them.
func callsSince(f *fakeecs.Fake, seq int) ([]fakeecs.Call, error) {
	j := f.Journal()
	i := slices.IndexFunc(j, func(c fakeecs.Call) bool { return c.Seq > seq })
	switch {
	case i < 0:
		return nil, nil
	case j[i].Seq != seq+1:
		return nil, errors.New("the fake's journal no longer holds the " +
			"body's first calls: make the fake without a journal limit")
	}
	return j[i:], nil
}

// panicked is the error of a body that panicked.
type panicked struct{ value any }

func (p panicked) Error() string {
	return fmt.Sprintf("the body panics: %v", p.value)
}

// guard runs body, turning a panic into an error.
func guard(body func(*fakeecs.Fake) error, f *fakeecs.Fake) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = panicked{value: r}
		}
	}()
	return body(f)
}

// alone says how the body went wrong with no call failing.
func alone(err error) error {
	if p, ok := err.(panicked); ok {
		return fmt.Errorf("the body panics with no call failing: %v",
			p.value)
	}
	return fmt.Errorf("the body fails with no call failing: %w", err)
}

// TB is the part of testing.TB that Sweep uses.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
}

// Sweep is SweepRuns that fails the test once, with what went wrong in
// the first run, or listing every run the body did not survive, or in
// which the call to fail never came. It passes the test only when the
// body made calls that a sweep can fail and survived each of them
// failing.
func Sweep(t TB, mk func() *fakeecs.Fake, code string,
	body func(f *fakeecs.Fake) error) {
	t.Helper()
	runs := SweepRuns(mk, code, body)
	if len(runs) == 1 && runs[0].Call == 0 {
		t.Errorf("scenarios: %v", runs[0].Err)
		return
	}
	if lost := lost(runs, code); len(lost) > 0 {
		t.Errorf("scenarios: the body did not survive %d of its calls "+
			"failing:\n  %s", len(lost), strings.Join(lost, "\n  "))
	}
}

// lost describes the runs with an error.
func lost(runs []Run, code string) []string {
	var out []string
	for _, r := range runs {
		if r.Err != nil {
			out = append(out, fmt.Sprintf("call %d (%s) failing with %s: %v",
				r.Call, r.Action, code, r.Err))
		}
	}
	return out
}
