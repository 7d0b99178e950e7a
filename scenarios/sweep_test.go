package scenarios_test

import (
	"errors"
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
	"github.com/ecsfake/ecsfake/scenarios"
)

// creates returns a body that makes n creates and returns the first
// error.
func creates(n int) func(f *fakeecs.Fake) error {
	return func(f *fakeecs.Fake) error {
		for range n {
			if _, err := f.Client().CreateNetworkInterface(
				req(nil)); err != nil {
				return err
			}
		}
		return nil
	}
}

// heedless returns the body with its error dropped.
func heedless(body func(f *fakeecs.Fake) error) func(*fakeecs.Fake) error {
	return func(f *fakeecs.Fake) error {
		_ = body(f)
		return nil
	}
}

// sweepFakeWith returns a maker of the sweep fake that sets it up.
func sweepFakeWith(setup func(f *fakeecs.Fake)) func() *fakeecs.Fake {
	return func() *fakeecs.Fake {
		f := sweepFake()
		setup(f)
		return f
	}
}

// summary renders each run as its call, action and error code.
func summary(runs []scenarios.Run) []string {
	out := make([]string, len(runs))
	for i, r := range runs {
		out[i] = fmt.Sprintf("%d %s %s", r.Call, r.Action, code(r.Err))
	}
	return out
}

// nondeterministic returns a body that makes two creates on its first
// run and one on every later run.
func nondeterministic() func(f *fakeecs.Fake) error {
	runs := 0
	return func(f *fakeecs.Fake) error {
		runs++
		if runs == 1 {
			return creates(2)(f)
		}
		return creates(1)(f)
	}
}

// retryThrottled makes a create, retrying it once, a second later, when
// it is throttled.
func retryThrottled(f *fakeecs.Fake) error {
	err := creates(1)(f)
	if fakeecs.IsCode(err, "Throttling") {
		f.Advance(time.Second)
		err = creates(1)(f)
	}
	return err
}

// TestSweepRuns checks which calls a sweep fails and what each run
// reports.
func TestSweepRuns(t *testing.T) {
	create := fakeecs.ActionCreateNetworkInterface
	tests := []struct {
		name string
		mk   func() *fakeecs.Fake
		body func(f *fakeecs.Fake) error
		want []string
	}{{
		name: "the calls of mk are not swept",
		mk: sweepFakeWith(func(f *fakeecs.Fake) {
			require.NoError(t, creates(2)(f))
		}),
		body: creates(1),
		want: []string{"1 CreateNetworkInterface InternalError"},
	}, {
		name: "a call that a rule of mk acts on is not swept",
		mk: sweepFakeWith(func(f *fakeecs.Fake) {
			scenarios.Apply(f, scenarios.Throttled(create, 1))
		}),
		body: retryThrottled,
		want: []string{"2 CreateNetworkInterface InternalError"},
	}, {
		name: "a call that a rate limit refuses is not swept",
		mk: sweepFakeWith(func(f *fakeecs.Fake) {
			scenarios.Apply(f, scenarios.RateLimited(create, 1, 1))
		}),
		body: func(f *fakeecs.Fake) error {
			if err := creates(1)(f); err != nil {
				return err
			}
			return retryThrottled(f)
		},
		want: []string{"1 CreateNetworkInterface InternalError",
			"3 CreateNetworkInterface InternalError"},
	}, {
		name: "a call the body does not make again is reported",
		mk:   sweepFake,
		body: nondeterministic(),
		want: []string{"1 CreateNetworkInterface InternalError",
			"2 CreateNetworkInterface the body did not make call 2 " +
				"(CreateNetworkInterface) in this run"},
	}, {
		name: "a panic of the body is an error",
		mk:   sweepFake,
		body: func(f *fakeecs.Fake) error {
			if creates(1)(f) != nil {
				panic("no ENI")
			}
			return nil
		},
		want: []string{"1 CreateNetworkInterface the body panics: no ENI"},
	}, {
		name: "a body that makes no calls is an error",
		mk:   sweepFake,
		body: func(*fakeecs.Fake) error { return nil },
		want: []string{"0  the body makes no calls: a sweep over none " +
			"proves nothing"},
	}, {
		name: "a body whose calls mk's rules all act on is an error",
		mk: sweepFakeWith(func(f *fakeecs.Fake) {
			scenarios.Apply(f, scenarios.Throttled(create, 1))
		}),
		body: heedless(creates(1)),
		want: []string{"0  a rule or a rate limit of the fake acts on " +
			"every call the body makes: a sweep over none proves nothing"},
	}, {
		name: "a body that fails on its own is an error",
		mk:   sweepFake,
		body: func(*fakeecs.Fake) error { return errors.New("no ENI") },
		want: []string{"0  the body fails with no call failing: no ENI"},
	}, {
		name: "a body that panics on its own is an error",
		mk:   sweepFake,
		body: func(*fakeecs.Fake) error { panic("no ENI") },
		want: []string{"0  the body panics with no call failing: no ENI"},
	}, {
		name: "a journal that lost the body's calls is an error",
		mk: func() *fakeecs.Fake {
			return fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()),
				fakeecs.WithJournalLimit(1))
		},
		body: creates(2),
		want: []string{"0  the fake's journal no longer holds the " +
			"body's first calls: make the fake without a journal limit"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runs := scenarios.SweepRuns(tt.mk, "InternalError", tt.body)
			require.Equal(t, tt.want, summary(runs))
		})
	}
}

// TestSweepRunsKeepsTheBodysError checks that a run's error is the
// body's own, to be matched, and the counting run's wraps it.
func TestSweepRunsKeepsTheBodysError(t *testing.T) {
	runs := scenarios.SweepRuns(sweepFake, "InternalError", creates(1))
	require.Len(t, runs, 1)
	require.True(t, fakeecs.IsCode(runs[0].Err, "InternalError"))

	lost := errors.New("no ENI")
	runs = scenarios.SweepRuns(sweepFake, "InternalError",
		func(*fakeecs.Fake) error { return lost })
	require.Len(t, runs, 1)
	require.ErrorIs(t, runs[0].Err, lost)
}

// TestSweepReports checks the failure Sweep gives the test.
func TestSweepReports(t *testing.T) {
	tests := []struct {
		name string
		body func(f *fakeecs.Fake) error
		want string
	}{{
		name: "a call the body does not make again",
		body: heedless(nondeterministic()),
		want: "scenarios: the body did not survive 1 of its calls " +
			"failing:\n  call 2 (CreateNetworkInterface) failing with " +
			"InternalError: the body did not make call 2 " +
			"(CreateNetworkInterface) in this run",
	}, {
		name: "a body that makes no calls",
		body: func(*fakeecs.Fake) error { return nil },
		want: "scenarios: the body makes no calls: a sweep over none " +
			"proves nothing",
	}, {
		name: "a body that panics with no call failing",
		body: func(*fakeecs.Fake) error { panic("no ENI") },
		want: "scenarios: the body panics with no call failing: no ENI",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r recorder
			scenarios.Sweep(&r, sweepFake, "InternalError", tt.body)
			require.Equal(t, []string{tt.want}, r.failures)
		})
	}
}

// TestSweepPassesABodyThatSurvives checks that Sweep reports nothing
// when the body survives each of its calls failing.
func TestSweepPassesABodyThatSurvives(t *testing.T) {
	var r recorder
	scenarios.Sweep(&r, sweepFake, "InternalError", heedless(creates(2)))
	require.Empty(t, r.failures)
}

// TestSweepSkipsRefusedCalls checks that a call the front door refuses
// before the rules (here a create sent with the VPC API's version, which
// gets InvalidVersion) is not swept and does not shift the count: the
// one run fails the body's second call.
func TestSweepSkipsRefusedCalls(t *testing.T) {
	body := func(f *fakeecs.Fake) error {
		r := httptest.NewRequest("POST", "/?Action=CreateNetworkInterface"+
			"&Version=2016-04-28&RegionId="+region, nil)
		f.Handler().ServeHTTP(httptest.NewRecorder(), r)
		_, err := f.Client().CreateNetworkInterface(req(nil))
		return err
	}
	runs := scenarios.SweepRuns(sweepFake, "InternalError", body)
	require.Equal(t, []string{"2 CreateNetworkInterface " +
		"InternalError"}, summary(runs))
}
