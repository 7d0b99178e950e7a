package fakeecs

import (
	"slices"
	"time"
)

// The fake's time is a virtual clock that moves only when a test moves
// it. Asynchronous actions (attach, detach, delete, and starting and
// stopping instances) put their resource in a transitional state and
// schedule the transition's end on the clock; the transition ends when the
// clock reaches it, unless the test holds it.

// Delays are how long each asynchronous transition takes on the virtual
// clock. A zero delay ends the transition at the start of the next call,
// read or clock move.
type Delays struct {
	Attach        time.Duration // Attaching to InUse, or back to Available
	Detach        time.Duration // Detaching to Available
	Delete        time.Duration // Deleting to gone
	StartInstance time.Duration // Starting to Running
	StopInstance  time.Duration // Stopping to Stopped
	// PerRead moves the clock before each call of a read action
	// (Describe or List), as time passes between the reads of code that
	// polls: with an Attach of 3s and a PerRead of 1s, the third read
	// after an attach sees the ENI InUse, with no clock move by the test.
	// Zero, as in DefaultDelays, leaves the clock to the test.
	PerRead time.Duration
}

// DefaultDelays returns the delays a fake has unless WithDelays says
// otherwise: a few seconds each, the order of what ENI controllers wait
// for against the real service.
func DefaultDelays() Delays {
	return Delays{
		Attach:        3 * time.Second,
		Detach:        3 * time.Second,
		Delete:        time.Second,
		StartInstance: 10 * time.Second,
		StopInstance:  10 * time.Second,
	}
}

// WithDelays sets how long each transition takes on the virtual clock.
// A field left zero ends its transition at once, so start from
// [DefaultDelays] to change a few.
func WithDelays(d Delays) Option {
	return func(c *config) { c.delays = d }
}

// SetDelays changes how long transitions take from now on; those in
// progress keep their ends.
func (f *Fake) SetDelays(d Delays) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cfg.delays = d
}

// Delays returns the delays the fake's transitions take now.
func (f *Fake) Delays() Delays {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.cfg.delays
}

// transition is a change of state that ends on the virtual clock. It is
// plain data, so that a snapshot can keep it.
type transition struct {
	seq  uint64
	at   time.Time
	id   string // the ENI or instance in transition
	kind endKind
	to   InstanceStatus // where an instance's transition ends
}

// endKind says how a transition ends.
type endKind int

const (
	endAttach     endKind = iota // the ENI is InUse
	endFailAttach                // the ENI is Available again
	endDetach                    // the ENI is Available
	endDelete                    // the ENI is gone
	endInstance                  // the instance reaches its status
)

// schedule makes a transition of resource id end after d. A failed call
// takes the transition back.
func (f *Fake) schedule(id string, d time.Duration, kind endKind,
	to InstanceStatus) {
	f.tseq++
	t := &transition{seq: f.tseq, at: f.now.Add(d), id: id, kind: kind,
		to: to}
	f.pending = append(f.pending, t)
	f.onUndo(func() { f.cancel(t) })
}

// end ends a transition that has fallen due.
func (f *Fake) end(t *transition) {
	f.cancel(t)
	n := f.enis[t.id]
	switch t.kind {
	case endAttach:
		n.Status = StatusInUse
	case endFailAttach, endDetach:
		f.detached(n)
	case endDelete:
		f.remove(n)
	case endInstance:
		f.instances[t.id].Status = t.to
	}
	f.changed()
}

// cancel drops a pending transition.
func (f *Fake) cancel(t *transition) {
	f.pending = slices.DeleteFunc(f.pending, func(p *transition) bool {
		return p == t
	})
}

// cancelAll drops every pending transition of resource id.
func (f *Fake) cancelAll(id string) {
	f.pending = slices.DeleteFunc(f.pending, func(p *transition) bool {
		return p.id == id
	})
}

// endDue ends, in time order, every pending transition that is due and
// not held.
func (f *Fake) endDue() {
	for {
		t := f.nextDue(f.now)
		if t == nil {
			return
		}
		f.end(t)
	}
}

// nextDue returns the earliest transition due by the given time that is
// not held, or nil.
func (f *Fake) nextDue(by time.Time) *transition {
	var next *transition
	for _, t := range f.pending {
		if f.held[t.id] || t.at.After(by) {
			continue
		}
		if next == nil || t.at.Before(next.at) ||
			(t.at.Equal(next.at) && t.seq < next.seq) {
			next = t
		}
	}
	return next
}

// Now returns the time on the fake's virtual clock.
func (f *Fake) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

// Advance moves the fake's virtual clock forward by d, ending every
// transition that falls due on the way, in time order. A negative d
// panics: the clock never goes back.
func (f *Fake) Advance(d time.Duration) {
	if d < 0 {
		panic("fakeecs: Advance with a negative duration")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.advance(d)
}

// advance moves the clock by d under the lock, ending the transitions
// that fall due in time order.
func (f *Fake) advance(d time.Duration) {
	end := f.now.Add(d)
	for {
		t := f.nextDue(end)
		if t == nil {
			break
		}
		f.now = maxTime(f.now, t.at)
		f.end(t)
	}
	f.now = end
}

// Settle moves the clock to the end of every pending transition that is
// not held, ending them in time order, and returns how far the clock
// moved.
func (f *Fake) Settle() time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	start := f.now
	for {
		t := f.nextDue(maxDeadline)
		if t == nil {
			return f.now.Sub(start)
		}
		f.now = maxTime(f.now, t.at)
		f.end(t)
	}
}

// maxDeadline is later than any transition's end.
var maxDeadline = time.Unix(1<<62, 0)

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// Hold keeps every transition of the ENI or instance id from ending, now
// and later, until Unhold: an ENI stuck in Detaching, a delete that never
// finishes. Holding an unknown ID panics.
func (f *Fake) Hold(id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.mustExist(id)
	f.held[id] = true
}

// Unhold lets the transitions of id end again; those already due end at
// once. Unholding an ID that is not held, or that is gone, does nothing.
func (f *Fake) Unhold(id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.held, id)
	f.endDue()
}

// Pending returns the IDs of the ENIs and instances in transition, in the
// order their transitions were scheduled.
func (f *Fake) Pending() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, t := range f.pending {
		if !slices.Contains(out, t.id) {
			out = append(out, t.id)
		}
	}
	return out
}
