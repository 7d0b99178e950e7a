package ipam

import "net/netip"

// slowV6 is the reference IPv6 pool: held addresses and prefixes in sets,
// and every question answered by walking addresses from the start of the
// /64. It is slow and meant to be obviously right, for pools that hold
// few addresses.
type slowV6 struct {
	pfx    netip.Prefix
	single map[netip.Addr]bool   // addresses held singly
	prefix map[netip.Prefix]bool // /80 prefixes held
}

func newSlowV6(p netip.Prefix) *slowV6 {
	return &slowV6{
		pfx:    p,
		single: map[netip.Addr]bool{},
		prefix: map[netip.Prefix]bool{},
	}
}

// last returns the last address of the /64.
func (s *slowV6) last() netip.Addr {
	b := s.pfx.Addr().As16()
	for i := 8; i < 16; i++ {
		b[i] = 0xff
	}
	return netip.AddrFrom16(b)
}

// reserved: the first address and the last nine.
func (s *slowV6) reserved(a netip.Addr) bool {
	if a == s.pfx.Addr() {
		return true
	}
	r := s.last()
	for range 9 {
		if a == r {
			return true
		}
		r = r.Prev()
	}
	return false
}

// heldPrefix returns the held /80 around a, if there is one.
func (s *slowV6) heldPrefix(a netip.Addr) (netip.Prefix, bool) {
	q := s.block(a)
	return q, s.prefix[q]
}

func (s *slowV6) held(a netip.Addr) bool {
	_, in := s.heldPrefix(a)
	return s.pfx.Contains(a) && (s.single[a] || in)
}

// lowest walks up from the first address, jumping over held prefixes.
func (s *slowV6) lowest() netip.Addr {
	a := s.pfx.Addr().Next()
	for s.held(a) {
		if q, ok := s.heldPrefix(a); ok {
			a = lastOf(q).Next()
			continue
		}
		a = a.Next()
	}
	return a
}

// lastOf returns the last address of q.
func lastOf(q netip.Prefix) netip.Addr {
	b := q.Addr().As16()
	for i := q.Bits(); i < 128; i++ {
		b[i/8] |= 0x80 >> (i % 8)
	}
	return netip.AddrFrom16(b)
}

// block returns the /80 around a.
func (s *slowV6) block(a netip.Addr) netip.Prefix {
	q, _ := a.Prefix(80)
	return q
}

// prefixFree reports whether q covers no reserved and no held address.
func (s *slowV6) prefixFree(q netip.Prefix) bool {
	if q == s.block(s.pfx.Addr()) || q == s.block(s.last()) {
		return false
	}
	if s.prefix[q] {
		return false
	}
	for a := range s.single {
		if q.Contains(a) {
			return false
		}
	}
	return true
}

// freePrefixes counts the /80s: all 65,536 less the two reserved ones,
// less those held, less those holding a single address.
func (s *slowV6) freePrefixes() int {
	busy := map[netip.Prefix]bool{}
	for a := range s.single {
		busy[s.block(a)] = true
	}
	delete(busy, s.block(s.pfx.Addr()))
	delete(busy, s.block(s.last()))
	return 65536 - 2 - len(s.prefix) - len(busy)
}

// nthBlock returns the /80 with index i.
func (s *slowV6) nthBlock(i int) netip.Prefix {
	b := s.pfx.Addr().As16()
	b[8], b[9] = byte(i>>8), byte(i)
	return netip.PrefixFrom(netip.AddrFrom16(b), 80)
}

func (s *slowV6) lowestPrefix() (netip.Prefix, bool) {
	for i := range 65536 {
		if q := s.nthBlock(i); s.prefixFree(q) {
			return q, true
		}
	}
	return netip.Prefix{}, false
}

func (s *slowV6) take(a netip.Addr) error {
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

func (s *slowV6) release(a netip.Addr) error {
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

// checkPrefix says why q is not an ordinary /80 of the /64, or nil.
func (s *slowV6) checkPrefix(q netip.Prefix) error {
	switch {
	case !q.Addr().Is6():
		return ErrOutside
	case q.Bits() != 80 || q.Masked() != q:
		return ErrUnaligned
	case !s.pfx.Contains(q.Addr()):
		return ErrOutside
	case q.Contains(s.pfx.Addr()) || q.Contains(s.last()):
		return ErrReserved
	}
	return nil
}

func (s *slowV6) takePrefix(q netip.Prefix) error {
	if err := s.checkPrefix(q); err != nil {
		return err
	}
	if !s.prefixFree(q) {
		return ErrHeld
	}
	s.prefix[q] = true
	return nil
}

func (s *slowV6) releasePrefix(q netip.Prefix) error {
	if err := s.checkPrefix(q); err != nil {
		return err
	}
	if !s.prefix[q] {
		return ErrNotHeld
	}
	delete(s.prefix, q)
	return nil
}
