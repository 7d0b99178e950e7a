package scenarios

import (
	"fmt"
	"strings"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// Run is one run of a sweep: the body, with one of its calls failing.
type Run struct {
	// Call is the call that failed, counted from 1 in the body's order.
	Call   int
	Action fakeecs.Action
	// Err is what the body returned, or the panic it raised; nil when the
	// body survived the failure.
	Err error
}

// SweepRuns runs body once on a fresh fake from mk to learn its calls,
// and then once more per call, each on a fresh fake, with that call
// failing with the error code. It returns every run, in call order. The
// body must make the same calls on the same fake each time it runs, as a
// body driven by a deterministic fake does until a failure changes its
// path.
func SweepRuns(mk func() *fakeecs.Fake, code string,
	body func(f *fakeecs.Fake) error) []Run {
	first := mk()
	if err := guard(body, first); err != nil {
		return []Run{{Err: fmt.Errorf("the body fails on its own: %w", err)}}
	}
	var runs []Run
	seen := map[fakeecs.Action]int{}
	for i, c := range first.Journal() {
		seen[c.Action]++
		f := mk()
		f.AddRule(fakeecs.Rule{Name: "sweep", Action: c.Action,
			Fire: fakeecs.OnNth(seen[c.Action]), Effect: fakeecs.Fail(code)})
		runs = append(runs, Run{Call: i + 1, Action: c.Action,
			Err: guard(body, f)})
	}
	return runs
}

// guard runs body, turning a panic into an error.
func guard(body func(*fakeecs.Fake) error, f *fakeecs.Fake) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return body(f)
}

// TB is the part of testing.TB that Sweep uses.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
}

// Sweep is SweepRuns that fails the test once, listing every run the body
// did not survive.
func Sweep(t TB, mk func() *fakeecs.Fake, code string,
	body func(f *fakeecs.Fake) error) {
	t.Helper()
	var lost []string
	for _, r := range SweepRuns(mk, code, body) {
		if r.Err != nil {
			lost = append(lost, fmt.Sprintf("call %d (%s) failing with %s: %v",
				r.Call, r.Action, code, r.Err))
		}
	}
	if len(lost) > 0 {
		t.Errorf("scenarios: the body did not survive %d of its calls "+
			"failing:\n  %s", len(lost), strings.Join(lost, "\n  "))
	}
}
