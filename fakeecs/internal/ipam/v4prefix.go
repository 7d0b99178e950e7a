package ipam

import "net/netip"

// TakePrefix holds the /28 prefix q. IPv4 prefixes handed to an interface
// are /28s aligned on their size. It fails with ErrOutside if q is not an
// IPv4 prefix inside the block, ErrUnaligned if it is not a /28 with its
// host bits clear, ErrReserved if it covers a reserved address, and
// ErrHeld if it covers a held address or is held already.
func (p *V4) TakePrefix(q netip.Prefix) error {
	g, err := p.group("take prefix", q)
	if err != nil {
		return err
	}
	w, m := groupMask(g)
	if p.slots.used[w]&m != 0 {
		return prefixError("take prefix", q, p.pfx, ErrHeld)
	}

	p.hold(g)
	return nil
}

// AllocPrefix holds a free /28 prefix and returns it, picked by pol; r is
// used only by Random. It returns false when no prefix is free. The first
// and the last /28 of the block are never free, since each covers a
// reserved address.
func (p *V4) AllocPrefix(pol Policy, r Rand) (netip.Prefix, bool) {
	n := p.groups.total
	if n == 0 {
		return netip.Prefix{}, false
	}

	w, k := p.groups.find(rank(pol, r, n))
	g := w*4 + nthFreeGroup(p.slots.used[w], k)
	p.hold(g)
	return netip.PrefixFrom(p.addr(g*groupSize), v4PrefixBits), true
}

// ReleasePrefix frees the /28 prefix q. It fails as TakePrefix does on a
// prefix that is outside, unaligned or reserved, and with ErrNotHeld if q
// is not held as a prefix.
func (p *V4) ReleasePrefix(q netip.Prefix) error {
	g, err := p.group("release prefix", q)
	if err != nil {
		return err
	}
	if !p.held.has(g) {
		return prefixError("release prefix", q, p.pfx, ErrNotHeld)
	}

	p.held.remove(g)
	p.drain(groupMask(g))
	return nil
}

// hold marks group g held as a prefix.
func (p *V4) hold(g int) {
	p.held.add(g)
	p.fill(groupMask(g))
}

// group returns the group of prefix q, or why q is not an ordinary /28 of
// the block.
func (p *V4) group(op string, q netip.Prefix) (int, error) {
	switch {
	case !q.Addr().Is4():
		return 0, prefixError(op, q, p.pfx, ErrOutside)
	case q.Bits() != v4PrefixBits || q != q.Masked():
		return 0, prefixError(op, q, p.pfx, ErrUnaligned)
	case p.pfx.Bits() > v4PrefixBits || !p.pfx.Contains(q.Addr()):
		return 0, prefixError(op, q, p.pfx, ErrOutside)
	}
	i, _ := p.index(q.Addr())
	if p.reserved(i) || p.reserved(i+groupSize-1) {
		return 0, prefixError(op, q, p.pfx, ErrReserved)
	}
	return i / groupSize, nil
}
