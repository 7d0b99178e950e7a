package properties_test

import (
	"maps"
	"net/netip"
	"slices"
	"time"

	"go4.org/netipx"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// model is the reference the state machine holds beside the fake: the
// ENIs in creation order, with the IPv4 addresses, state, instance,
// description and tags of each, and the virtual time. It finds the
// lowest free address by scanning the vSwitch block, slowly and plainly,
// and ends each transition when the clock reaches it.
type model struct {
	vsw  map[string]fakeecs.VSwitch
	held map[netip.Addr]string // IPv4 address to the ENI holding it
	enis []modelENI
	now  time.Duration // virtual time since the start
}

type modelENI struct {
	id, vsw  string
	v4       []netip.Addr // primary first
	primary  bool
	status   fakeecs.Status // Available when empty
	instance string
	until    time.Duration // the end of the transition in progress
	desc     string
	tags     map[string]string
}

func newModel(w fakeecs.World) *model {
	m := &model{vsw: map[string]fakeecs.VSwitch{},
		held: map[netip.Addr]string{}}
	for _, s := range w.VSwitches {
		m.vsw[s.ID] = s
	}
	return m
}

// clone returns a deep copy of the model, for a snapshot.
func (m *model) clone() *model {
	c := &model{vsw: m.vsw, held: maps.Clone(m.held), now: m.now,
		enis: slices.Clone(m.enis)}
	for i, e := range c.enis {
		c.enis[i].v4 = slices.Clone(e.v4)
		c.enis[i].tags = maps.Clone(e.tags)
	}
	return c
}

// reserved reports whether a is the first or one of the last three
// addresses of the vSwitch's block.
func (m *model) reserved(s fakeecs.VSwitch, a netip.Addr) bool {
	r := netipx.RangeOfPrefix(s.CIDR)
	last := r.To()
	return a == r.From() || a == last || a == last.Prev() ||
		a == last.Prev().Prev()
}

// free returns the number of addresses of the vSwitch that are neither
// reserved nor held.
func (m *model) free(s fakeecs.VSwitch) int {
	n := 0
	for a := range addrs(s.CIDR) {
		if !m.reserved(s, a) && m.held[a] == "" {
			n++
		}
	}
	return n
}

// lowest returns the n lowest free addresses of the vSwitch, skipping
// those in skip.
func (m *model) lowest(s fakeecs.VSwitch, n int, skip []netip.Addr) []netip.Addr {
	var out []netip.Addr
	for a := range addrs(s.CIDR) {
		if len(out) == n {
			break
		}
		if !m.reserved(s, a) && m.held[a] == "" && !slices.Contains(skip, a) {
			out = append(out, a)
		}
	}
	return out
}

// add records a new ENI; one with no status is Available.
func (m *model) add(e modelENI) {
	if e.status == "" {
		e.status = fakeecs.StatusAvailable
	}
	for _, a := range e.v4 {
		m.held[a] = e.id
	}
	m.enis = append(m.enis, e)
}

// find returns the index of the ENI, or -1.
func (m *model) find(id string) int {
	return slices.IndexFunc(m.enis, func(e modelENI) bool {
		return e.id == id
	})
}

// eni returns the ENI with the given ID; it must be in the model.
func (m *model) eni(id string) *modelENI { return &m.enis[m.find(id)] }

// give records more secondary addresses of an ENI.
func (m *model) give(id string, as []netip.Addr) {
	e := m.eni(id)
	for _, a := range as {
		m.held[a] = id
	}
	e.v4 = append(e.v4, as...)
}

// take records that an ENI gave back some secondary addresses.
func (m *model) take(id string, as []netip.Addr) {
	e := m.eni(id)
	for _, a := range as {
		delete(m.held, a)
	}
	e.v4 = slices.DeleteFunc(e.v4, func(a netip.Addr) bool {
		return slices.Contains(as, a)
	})
}

func (m *model) remove(id string) {
	i := m.find(id)
	for _, a := range m.enis[i].v4 {
		delete(m.held, a)
	}
	m.enis = slices.Delete(m.enis, i, i+1)
}

// start puts an ENI in a transition that ends after d.
func (m *model) start(id string, s fakeecs.Status, d time.Duration) {
	e := m.eni(id)
	e.status, e.until = s, m.now+d
}

// attach records an attach that has begun.
func (m *model) attach(id, instance string) {
	m.eni(id).instance = instance
	m.start(id, fakeecs.StatusAttaching, fakeecs.DefaultDelays().Attach)
}

// detach records a detach: an InUse ENI starts Detaching, and a
// Detaching one goes on as it was.
func (m *model) detach(id string) {
	if m.eni(id).status == fakeecs.StatusInUse {
		m.start(id, fakeecs.StatusDetaching, fakeecs.DefaultDelays().Detach)
	}
}

// startDelete records a delete: an Available ENI starts Deleting, and a
// Deleting one goes on as it was.
func (m *model) startDelete(id string) {
	if m.eni(id).status == fakeecs.StatusAvailable {
		m.start(id, fakeecs.StatusDeleting, fakeecs.DefaultDelays().Delete)
	}
}

// inTransition reports whether an ENI's state ends on the clock.
func inTransition(e modelENI) bool {
	switch e.status {
	case fakeecs.StatusAttaching, fakeecs.StatusDetaching,
		fakeecs.StatusDeleting:
		return true
	}
	return false
}

// end ends an ENI's transition: Attaching becomes InUse, Detaching
// Available on no instance, and a Deleting ENI is gone.
func (m *model) end(id string) {
	e := m.eni(id)
	switch e.status {
	case fakeecs.StatusAttaching:
		e.status = fakeecs.StatusInUse
	case fakeecs.StatusDetaching:
		e.status, e.instance = fakeecs.StatusAvailable, ""
	case fakeecs.StatusDeleting:
		m.remove(id)
	}
}

// advance moves the model's clock, ending the transitions that fall due.
func (m *model) advance(d time.Duration) {
	m.now += d
	m.endWhere(func(e modelENI) bool { return e.until <= m.now })
}

// settle ends every transition in progress.
func (m *model) settle() {
	m.endWhere(func(modelENI) bool { return true })
}

// endWhere ends the transitions of the ENIs that due accepts.
func (m *model) endWhere(due func(e modelENI) bool) {
	for _, e := range slices.Clone(m.enis) {
		if inTransition(e) && due(e) {
			m.end(e.id)
		}
	}
}

// release records that an instance is gone: its primary ENI with it,
// and its other ENIs Available on no instance, their transitions
// dropped.
func (m *model) release(instance string) {
	for _, e := range slices.Clone(m.enis) {
		switch {
		case e.instance != instance:
		case e.primary:
			m.remove(e.id)
		default:
			n := m.eni(e.id)
			n.status, n.instance = fakeecs.StatusAvailable, ""
		}
	}
}

// addrs yields every address of p in order.
func addrs(p netip.Prefix) func(func(netip.Addr) bool) {
	return func(yield func(netip.Addr) bool) {
		r := netipx.RangeOfPrefix(p)
		for a := r.From(); ; a = a.Next() {
			if !yield(a) || a == r.To() {
				return
			}
		}
	}
}
