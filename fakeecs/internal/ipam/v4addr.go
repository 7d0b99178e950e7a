package ipam

import "net/netip"

// Take holds the address a. It fails with ErrOutside if a is not in the
// block, ErrReserved if the system reserves it, and ErrHeld if it is held
// already, singly or inside a held prefix.
func (p *V4) Take(a netip.Addr) error {
	i, err := p.locate("take", a)
	if err != nil {
		return err
	}
	if p.slots.isUsed(i) {
		return addrError("take", a, p.pfx, ErrHeld)
	}

	p.fill(bit(i))
	return nil
}

// Alloc holds a free address and returns it, picked by pol; r is used
// only by Random. It returns false when no address is free.
func (p *V4) Alloc(pol Policy, r Rand) (netip.Addr, bool) {
	n := p.slots.count()
	if n == 0 {
		return netip.Addr{}, false
	}

	i := p.slots.nth(rank(pol, r, n))
	p.fill(bit(i))
	return p.addr(i), true
}

// Release frees the address a. It fails with ErrOutside or ErrReserved as
// Take does, and with ErrNotHeld if a is free or held only as part of a
// prefix.
func (p *V4) Release(a netip.Addr) error {
	i, err := p.locate("release", a)
	if err != nil {
		return err
	}
	if !p.slots.isUsed(i) || p.held.has(i/groupSize) {
		return addrError("release", a, p.pfx, ErrNotHeld)
	}

	p.drain(bit(i))
	return nil
}

// locate returns a's slot, or why a is not an ordinary address of the
// block.
func (p *V4) locate(op string, a netip.Addr) (int, error) {
	i, ok := p.index(a)
	if !ok {
		return 0, addrError(op, a, p.pfx, ErrOutside)
	}
	if p.reserved(i) {
		return 0, addrError(op, a, p.pfx, ErrReserved)
	}
	return i, nil
}
