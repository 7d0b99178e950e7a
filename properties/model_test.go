package properties_test

import (
	"net/netip"
	"slices"
	"time"

	"go4.org/netipx"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// model is the reference the state machine holds beside the fake: the
// ENIs in creation order, the IPv4 addresses each holds, and the deletes
// in progress on the virtual clock. It finds the lowest free address by
// scanning the vSwitch block, slowly and plainly.
type model struct {
	vsw      map[string]fakeecs.VSwitch
	held     map[netip.Addr]string // IPv4 address to the ENI holding it
	enis     []modelENI
	now      time.Duration            // virtual time since the start
	deleting map[string]time.Duration // ENI to the end of its delete
}

type modelENI struct {
	id, vsw string
	v4      []netip.Addr // primary first
}

func newModel(w fakeecs.World) *model {
	m := &model{vsw: map[string]fakeecs.VSwitch{},
		held: map[netip.Addr]string{}, deleting: map[string]time.Duration{}}
	for _, s := range w.VSwitches {
		m.vsw[s.ID] = s
	}
	return m
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

func (m *model) add(e modelENI) {
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

// give records more secondary addresses of an ENI.
func (m *model) give(id string, as []netip.Addr) {
	i := m.find(id)
	for _, a := range as {
		m.held[a] = id
	}
	m.enis[i].v4 = append(m.enis[i].v4, as...)
}

// take records that an ENI gave back some secondary addresses.
func (m *model) take(id string, as []netip.Addr) {
	i := m.find(id)
	for _, a := range as {
		delete(m.held, a)
	}
	m.enis[i].v4 = slices.DeleteFunc(m.enis[i].v4, func(a netip.Addr) bool {
		return slices.Contains(as, a)
	})
}

func (m *model) remove(id string) {
	i := m.find(id)
	for _, a := range m.enis[i].v4 {
		delete(m.held, a)
	}
	m.enis = slices.Delete(m.enis, i, i+1)
	delete(m.deleting, id)
}

// advance moves the model's clock, ending the deletes that fall due.
func (m *model) advance(d time.Duration) {
	m.now += d
	for id, end := range m.deleting {
		if end <= m.now {
			m.remove(id)
		}
	}
}

// settle ends every delete in progress.
func (m *model) settle() {
	for id := range m.deleting {
		m.remove(id)
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
