package properties_test

import (
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// The state machine's steps for snapshots and read lags. Each applies
// the same control to the fake and its twin.

// saved is a snapshot of the fake and one of its twin, with the fake's
// State and the model when they were taken.
type saved struct {
	f, tf fakeecs.Snapshot
	state fakeecs.State
	m     *model
}

// snapshot takes a snapshot of the fake and its twin, for a later
// restore; taking it changes nothing.
func (mc *machine) snapshot(t *rapid.T) {
	st := mc.f.State()
	mc.snap = &saved{f: mc.f.Snapshot(), tf: mc.tf.Snapshot(), state: st,
		m: mc.m.clone()}
	if d := cmp.Diff(st, mc.f.State()); d != "" {
		t.Fatalf("a snapshot changed the State (-before +after):\n%s", d)
	}
}

// restore puts the last snapshot back in the fake and its twin, and the
// model as it was then: the fake's State is the State at the snapshot.
// A snapshot may be restored more than once.
func (mc *machine) restore(t *rapid.T) {
	if mc.snap == nil {
		t.Skip("no snapshot")
	}
	mc.f.Restore(mc.snap.f)
	mc.tf.Restore(mc.snap.tf)
	if d := cmp.Diff(mc.snap.state, mc.f.State()); d != "" {
		t.Fatalf("the restored State differs (-snapshot +restored):\n%s", d)
	}
	mc.m = mc.snap.m.clone()
}

// lagReads makes DescribeNetworkInterfaces of the fake and its twin
// answer from some calls or some time ago, until unlagReads; meanwhile
// describe checks only that it names ENIs the fake has held.
func (mc *machine) lagReads(t *rapid.T) {
	l := fakeecs.Lag{Calls: rapid.IntRange(0, 4).Draw(t, "calls"),
		For: rapid.SampledFrom([]time.Duration{0, time.Second,
			5 * time.Second}).Draw(t, "for")}
	if l == (fakeecs.Lag{}) {
		l.Calls = 1
	}
	mc.both(func(f *fakeecs.Fake) {
		f.SetReadLag(fakeecs.ActionDescribeNetworkInterfaces, l)
	})
	mc.lagged = true
}

// unlagReads makes DescribeNetworkInterfaces read the present again: at
// once, its list agrees with the model.
func (mc *machine) unlagReads(t *rapid.T) {
	if !mc.lagged {
		t.Skip("no lag")
	}
	mc.both(func(f *fakeecs.Fake) {
		f.SetReadLag(fakeecs.ActionDescribeNetworkInterfaces, fakeecs.Lag{})
	})
	mc.lagged = false
	mc.describe(t)
}

// seenBefore checks that a lagged list names only ENIs the fake has
// held, each once.
func (mc *machine) seenBefore(t *rapid.T, ids []string) {
	seen := map[string]bool{}
	for _, id := range ids {
		if !mc.ever[id] || seen[id] {
			t.Fatalf("a lagged list names %s, which the fake never held "+
				"or the list names twice: %v", id, ids)
		}
		seen[id] = true
	}
}
