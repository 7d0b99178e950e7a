package fakeecs

import (
	"fmt"
	"strings"
	"time"
)

// Lag is how far a read action's answers trail the fake's writes, so
// that a test meets "created but not yet visible" and "unassigned but
// still listed". A read sees the ENIs and instances as they were Calls
// changes ago and For ago on the virtual clock, whichever is older. A
// change is a call that changes the state, a transition that ends on
// the clock, or a change made through a control method such as
// AddInstance or StopInstance. The zero Lag reads the present.
type Lag struct {
	Calls int
	For   time.Duration
}

// maxViews bounds the history the fake keeps for lagged reads.
const maxViews = 1024

// view is the ENIs and instances as they were after some change.
type view struct {
	seq       int // numbers the views the fake has kept
	changes   int
	at        time.Time
	order     []*NetworkInterface
	instances map[string]*Instance
}

// SetReadLag makes a read action (a Describe or List action) answer from
// the past, never further back than the moment the lag was set; a zero
// Lag makes it read the present again. It panics for an action that is
// not a read.
func (f *Fake) SetReadLag(a Action, l Lag) {
	checkAction(a)
	if !isRead(a) || l.Calls < 0 || l.For < 0 {
		panic(fmt.Sprintf("fakeecs: read lag %+v for %s", l, a))
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if l == (Lag{}) {
		delete(f.lags, a)
		if len(f.lags) == 0 {
			f.history = nil
		}
		return
	}
	f.keepView()
	f.lags[a] = lagState{l, f.views}
}

// lagState is an action's lag and the first view it may read: the one
// kept when the lag was set, so that it never reads further back.
type lagState struct {
	Lag
	floor int
}

// isRead reports whether an action only reads.
func isRead(a Action) bool {
	return strings.HasPrefix(string(a), "Describe") ||
		strings.HasPrefix(string(a), "List")
}

// changed counts a change of the state and keeps a view of it when some
// read lags.
func (f *Fake) changed() {
	f.changes++
	if len(f.lags) > 0 {
		f.keepView()
	}
}

// keepView appends a copy of the ENIs and instances to the history.
func (f *Fake) keepView() {
	f.views++
	v := view{seq: f.views, changes: f.changes, at: f.now,
		instances: map[string]*Instance{}}
	for _, n := range f.order {
		c := n.clone()
		v.order = append(v.order, &c)
	}
	for id, in := range f.instances {
		c := in.clone()
		v.instances[id] = &c
	}
	f.history = append(f.history, v)
	if len(f.history) > maxViews {
		f.history = f.history[1:]
	}
}

// lagged runs read under the view its action's lag picks, if any.
func (f *Fake) lagged(a Action, read func()) {
	l, ok := f.lags[a]
	if !ok || len(f.history) == 0 {
		read()
		return
	}
	v := f.pickView(l)
	order, enis, instances := f.order, f.enis, f.instances
	defer func() { f.order, f.enis, f.instances = order, enis, instances }()
	f.order, f.instances = v.order, v.instances
	f.enis = map[string]*NetworkInterface{}
	for _, n := range v.order {
		f.enis[n.ID] = n
	}
	read()
}

// pickView returns the newest view old enough for the lag, or else the
// oldest it may read.
func (f *Fake) pickView(l lagState) view {
	oldest := f.history[0]
	for i := len(f.history) - 1; i >= 0; i-- {
		v := f.history[i]
		if v.seq < l.floor {
			break
		}
		oldest = v
		if v.changes <= f.changes-l.Calls && !v.at.After(f.now.Add(-l.For)) {
			return v
		}
	}
	return oldest
}
