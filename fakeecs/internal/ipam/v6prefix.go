package ipam

import "net/netip"

// TakePrefix holds the /80 prefix q. IPv6 prefixes handed to an interface
// are /80s of the vSwitch /64, aligned on their size. It fails with
// ErrOutside if q is not an IPv6 prefix inside the /64, ErrUnaligned if it
// is not an /80 with its host bits clear, ErrReserved if it covers a
// reserved address, and ErrHeld if it covers a held address or is held
// already.
func (p *V6) TakePrefix(q netip.Prefix) error {
	b, err := p.block("take prefix", q)
	if err != nil {
		return err
	}
	if p.blocks.isUsed(b) {
		return prefixError("take prefix", q, p.pfx, ErrHeld)
	}

	p.holdBlock(b)
	return nil
}

// AllocPrefix holds a free /80 prefix and returns it, picked by pol; r is
// used only by Random. It returns false when no prefix is free. The first
// and the last /80 of the /64 are never free, since each covers a reserved
// address.
func (p *V6) AllocPrefix(pol Policy, r Rand) (netip.Prefix, bool) {
	n := p.blocks.count()
	if n == 0 {
		return netip.Prefix{}, false
	}

	b := p.blocks.nth(rank(pol, r, n))
	p.holdBlock(b)
	return netip.PrefixFrom(p.addr(blockStart(b)), v6PrefixBits), true
}

// ReleasePrefix frees the /80 prefix q. It fails as TakePrefix does on a
// prefix that is outside, unaligned or reserved, and with ErrNotHeld if q
// is not held as a prefix.
func (p *V6) ReleasePrefix(q netip.Prefix) error {
	b, err := p.block("release prefix", q)
	if err != nil {
		return err
	}
	if !p.held.has(b) {
		return prefixError("release prefix", q, p.pfx, ErrNotHeld)
	}

	p.held.remove(b)
	p.refresh(b)
	p.freed(blockStart(b), blockStart(b+1)-1)
	return nil
}

// holdBlock marks block b held as a prefix.
func (p *V6) holdBlock(b int) {
	p.held.add(b)
	p.blocks.use(b)
}

// block returns the /80 block of prefix q, or why q is not an ordinary
// /80 of the /64.
func (p *V6) block(op string, q netip.Prefix) (int, error) {
	switch {
	case !q.Addr().Is6():
		return 0, prefixError(op, q, p.pfx, ErrOutside)
	case q.Bits() != v6PrefixBits || q != q.Masked():
		return 0, prefixError(op, q, p.pfx, ErrUnaligned)
	case !p.pfx.Contains(q.Addr()):
		return 0, prefixError(op, q, p.pfx, ErrOutside)
	}
	id, _ := p.ident(q.Addr())
	if reservedBlock(blockOf(id)) {
		return 0, prefixError(op, q, p.pfx, ErrReserved)
	}
	return blockOf(id), nil
}
