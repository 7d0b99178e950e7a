package fakeecs

import (
	"fmt"
	"maps"
	"net/netip"
	"slices"
	"time"
)

// Snapshot is a copy of a fake's whole cloud state: the clock, the ENIs,
// the instances, the security groups' members and tags, the transitions
// in progress and held, the remembered client tokens and rate limits,
// and the random source of IDs and addresses. [Fake.Restore] puts it
// back. The journal, the fault rules and the quotas are the test's, not
// the cloud's, and a snapshot leaves them out. A Snapshot is a value; it
// may be restored any number of times.
type Snapshot struct {
	now        time.Time
	pcg        []byte
	enis       []NetworkInterface
	seq        uint64
	macs       map[string]bool
	instances  []Instance
	iseq       uint64
	groups     map[string]groupState
	pending    []transition
	tseq       uint64
	held       map[string]bool
	failAttach map[string]bool
	tokens     map[tokenKey]token
	buckets    map[Action]bucket
}

// Snapshot returns a copy of the fake's cloud state.
func (f *Fake) Snapshot() Snapshot {
	f.mu.Lock()
	defer f.mu.Unlock()
	pcg, _ := f.pcg.MarshalBinary()
	s := Snapshot{now: f.now, pcg: pcg, seq: f.seq, iseq: f.iseq,
		tseq: f.tseq, macs: maps.Clone(f.macs),
		held: maps.Clone(f.held), failAttach: maps.Clone(f.failAttach),
		groups: map[string]groupState{}, tokens: map[tokenKey]token{},
		buckets: map[Action]bucket{}}
	s.enis = mapList(f.order, (*NetworkInterface).clone)
	s.instances = mapList(f.instanceList(), (*Instance).clone)
	for id, g := range f.groups {
		c := *g
		c.Tags = slices.Clone(g.Tags)
		s.groups[id] = c
	}
	s.pending = mapList(f.pending, func(t *transition) transition {
		return *t
	})
	for k, t := range f.tokens {
		s.tokens[k] = *t
	}
	for a, b := range f.buckets {
		s.buckets[a] = *b
	}
	return s
}

// Restore puts a snapshot of this fake's state back, and rebuilds the
// vSwitches' address pools from the ENIs it holds. It panics for a
// snapshot of another world.
func (f *Fake) Restore(s Snapshot) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.restore(s)
}

// restore puts a snapshot back under the lock.
func (f *Fake) restore(s Snapshot) {
	f.now, f.seq, f.iseq, f.tseq = s.now, s.seq, s.iseq, s.tseq
	if err := f.pcg.UnmarshalBinary(s.pcg); err != nil {
		panic("fakeecs: Restore of a broken snapshot: " + err.Error())
	}
	f.macs, f.held = maps.Clone(s.macs), maps.Clone(s.held)
	f.failAttach = maps.Clone(s.failAttach)
	f.restoreENIs(s.enis)
	f.restoreInstances(s.instances)
	f.restoreGroups(s.groups)
	f.pending = mapList(s.pending, func(t transition) *transition {
		return &t
	})
	f.tokens = map[tokenKey]*token{}
	for k, t := range s.tokens {
		f.tokens[k] = &t
	}
	f.buckets = map[Action]*bucket{}
	for a, b := range s.buckets {
		f.buckets[a] = &b
	}
	f.history = nil // lagged reads start again from the restored state
	if len(f.lags) > 0 {
		f.keepView()
	}
}

// restoreENIs puts ENIs back and rebuilds every pool from them.
func (f *Fake) restoreENIs(enis []NetworkInterface) {
	f.enis = map[string]*NetworkInterface{}
	f.order = f.order[:0]
	for id, s := range f.vswitches {
		f.vswitches[id] = f.newVSwitch(s.VSwitch)
	}
	for _, e := range enis {
		n := e.clone()
		f.enis[n.ID] = &n
		f.order = append(f.order, &n)
		f.hold(&n)
	}
}

// hold takes an ENI's addresses and prefixes in its vSwitch's pools.
func (f *Fake) hold(n *NetworkInterface) {
	s, ok := f.vswitches[n.VSwitchID]
	if !ok {
		panic(fmt.Sprintf("fakeecs: Restore: ENI %s of unknown vSwitch %s",
			n.ID, n.VSwitchID))
	}
	must := func(err error) {
		if err != nil {
			panic("fakeecs: Restore: " + err.Error())
		}
	}
	for _, a := range append([]netip.Addr{n.PrimaryIP}, n.PrivateIPs...) {
		must(s.v4.Take(a))
	}
	for _, p := range n.IPv4Prefixes {
		must(s.v4.TakePrefix(p))
	}
	for _, a := range n.IPv6s {
		must(s.v6.Take(a))
	}
	for _, p := range n.IPv6Prefixes {
		must(s.v6.TakePrefix(p))
	}
}

func (f *Fake) restoreInstances(ins []Instance) {
	f.instances = map[string]*Instance{}
	for _, in := range ins {
		c := in.clone()
		f.instances[c.ID] = &c
	}
}

func (f *Fake) restoreGroups(gs map[string]groupState) {
	for id, g := range gs {
		c := g
		c.Tags = slices.Clone(g.Tags)
		*f.groups[id] = c
	}
}

// Reset puts the fake back as New made it: its starting state, no fault
// rules, rate limits or read lags, an empty journal, the quotas and
// delays it was made with, and its fault decisions' random source as
// new. Request IDs and rule IDs go on from where they were, so that no
// two calls or rules share one. A call runs wholly before or after it,
// but for its Then effects, which run outside the lock and so may run
// on the fake after a Reset.
func (f *Fake) Reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.restore(f.start)
	f.rules, f.journal, f.history, f.calls = nil, nil, nil, 0
	f.buckets = map[Action]*bucket{}
	f.lags = map[Action]lagState{}
	f.tokens = map[tokenKey]*token{}
	f.cfg = f.cfg0
	f.faults = newFaultSource(f.cfg.seed)
}
