package properties_test

import (
	"net/netip"
	"slices"

	"go4.org/netipx"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// model is the reference the state machine holds beside the fake: the
// ENIs in creation order and the IPv4 addresses each holds. It finds the
// lowest free address by scanning the vSwitch block, slowly and plainly.
type model struct {
	vsw  map[string]fakeecs.VSwitch
	held map[netip.Addr]string // IPv4 address to the ENI holding it
	enis []modelENI
}

type modelENI struct {
	id, vsw string
	v4      []netip.Addr // primary first
}

func newModel(w fakeecs.World) *model {
	m := &model{vsw: map[string]fakeecs.VSwitch{},
		held: map[netip.Addr]string{}}
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

func (m *model) remove(i int) {
	for _, a := range m.enis[i].v4 {
		delete(m.held, a)
	}
	m.enis = slices.Delete(m.enis, i, i+1)
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
