package ipam

import "net/netip"

// slowV4 is the reference IPv4 pool: every address of the block in a
// list, held addresses and prefixes in sets, and every question answered
// by a scan. It is slow and meant to be obviously right.
type slowV4 struct {
	pfx    netip.Prefix
	all    []netip.Addr          // every address of the block, in order
	single map[netip.Addr]bool   // addresses held singly
	prefix map[netip.Prefix]bool // /28 prefixes held
}

func newSlowV4(p netip.Prefix) *slowV4 {
	s := &slowV4{
		pfx:    p,
		single: map[netip.Addr]bool{},
		prefix: map[netip.Prefix]bool{},
	}
	for a := p.Addr(); p.Contains(a); a = a.Next() {
		s.all = append(s.all, a)
	}
	return s
}

// reserved: the first address and the last three.
func (s *slowV4) reserved(a netip.Addr) bool {
	n := len(s.all)
	return a == s.all[0] || a == s.all[n-1] || a == s.all[n-2] ||
		a == s.all[n-3]
}

// inPrefix reports whether the /28 around a is held.
func (s *slowV4) inPrefix(a netip.Addr) bool {
	q, _ := a.Prefix(28)
	return s.prefix[q]
}

func (s *slowV4) held(a netip.Addr) bool {
	return s.pfx.Contains(a) && (s.single[a] || s.inPrefix(a))
}

func (s *slowV4) isFree(a netip.Addr) bool {
	return !s.reserved(a) && !s.held(a)
}

func (s *slowV4) available() int {
	n := 0
	for _, a := range s.all {
		if s.isFree(a) {
			n++
		}
	}
	return n
}

func (s *slowV4) lowest() (netip.Addr, bool) {
	for _, a := range s.all {
		if s.isFree(a) {
			return a, true
		}
	}
	return netip.Addr{}, false
}

// prefixes returns every /28 of the block, in order.
func (s *slowV4) prefixes() []netip.Prefix {
	var qs []netip.Prefix
	for i := 0; i+16 <= len(s.all); i += 16 {
		qs = append(qs, netip.PrefixFrom(s.all[i], 28))
	}
	return qs
}

func (s *slowV4) prefixFree(q netip.Prefix) bool {
	for a := q.Addr(); q.Contains(a); a = a.Next() {
		if !s.isFree(a) {
			return false
		}
	}
	return true
}

func (s *slowV4) freePrefixes() []netip.Prefix {
	var free []netip.Prefix
	for _, q := range s.prefixes() {
		if s.prefixFree(q) {
			free = append(free, q)
		}
	}
	return free
}

func (s *slowV4) take(a netip.Addr) error {
	switch {
	case !s.pfx.Contains(a):
		return ErrOutside
	case s.reserved(a):
		return ErrReserved
	case s.held(a):
		return ErrHeld
	}
	s.single[a] = true
	return nil
}

func (s *slowV4) release(a netip.Addr) error {
	switch {
	case !s.pfx.Contains(a):
		return ErrOutside
	case s.reserved(a):
		return ErrReserved
	case !s.single[a]:
		return ErrNotHeld
	}
	delete(s.single, a)
	return nil
}

// checkPrefix says why q is not an ordinary /28 of the block, or nil.
func (s *slowV4) checkPrefix(q netip.Prefix) error {
	switch {
	case !q.Addr().Is4():
		return ErrOutside
	case q.Bits() != 28 || q.Masked() != q:
		return ErrUnaligned
	case s.pfx.Bits() > 28 || !s.pfx.Contains(q.Addr()):
		return ErrOutside
	}
	for a := q.Addr(); q.Contains(a); a = a.Next() {
		if s.reserved(a) {
			return ErrReserved
		}
	}
	return nil
}

func (s *slowV4) takePrefix(q netip.Prefix) error {
	if err := s.checkPrefix(q); err != nil {
		return err
	}
	if !s.prefixFree(q) {
		return ErrHeld
	}
	s.prefix[q] = true
	return nil
}

func (s *slowV4) releasePrefix(q netip.Prefix) error {
	if err := s.checkPrefix(q); err != nil {
		return err
	}
	if !s.prefix[q] {
		return ErrNotHeld
	}
	delete(s.prefix, q)
	return nil
}
