package ipam

import (
	"math"
	"net/netip"
)

// randomTries is how many random identifiers Alloc draws before it falls
// back to the lowest free one. In a /64 a second draw is almost never
// needed; the bound only keeps a poor Rand from looping for ever.
const randomTries = 64

// Take holds the address a. It fails with ErrOutside if a is not in the
// block, ErrReserved if the system reserves it, and ErrHeld if it is held
// already, singly or inside a held prefix.
func (p *V6) Take(a netip.Addr) error {
	id, err := p.locate("take", a)
	if err != nil {
		return err
	}
	if !p.free(id) {
		return addrError("take", a, p.pfx, ErrHeld)
	}

	p.hold(id)
	return nil
}

// Alloc holds a free address and returns it, picked by pol; r is used only
// by Random. It returns false when no address is free.
//
// Random draws an interface identifier uniformly from the unreserved ones
// and draws again while it is held, which makes the pick uniform among
// the free addresses. After 64 draws it gives up and takes the
// lowest free address, as Lowest does; in a /64 that happens only with a
// Rand that keeps repeating itself.
func (p *V6) Alloc(pol Policy, r Rand) (netip.Addr, bool) {
	if !p.pfx.IsValid() {
		return netip.Addr{}, false
	}

	id, ok := p.choose(pol, r)
	if !ok {
		return netip.Addr{}, false
	}
	p.hold(id)
	return p.addr(id), true
}

// Release frees the address a. It fails with ErrOutside or ErrReserved as
// Take does, and with ErrNotHeld if a is free or held only as part of a
// prefix.
func (p *V6) Release(a netip.Addr) error {
	id, err := p.locate("release", a)
	if err != nil {
		return err
	}
	if _, ok := p.single[id]; !ok {
		return addrError("release", a, p.pfx, ErrNotHeld)
	}

	p.unhold(id)
	return nil
}

// choose returns the identifier pol picks, and false if none is free.
func (p *V6) choose(pol Policy, r Rand) (uint64, bool) {
	switch pol {
	case Lowest:
		return p.lowestFree()
	case Random:
		return p.randomFree(r)
	}
	panic("ipam: unknown " + pol.String())
}

// randomFree draws unreserved identifiers until one is free, and falls
// back to the lowest free one after randomTries draws.
func (p *V6) randomFree(r Rand) (uint64, bool) {
	for range randomTries {
		id := 1 + draw(r, math.MaxUint64-9)
		if p.free(id) {
			return id, true
		}
	}
	return p.lowestFree()
}

// hold marks identifier id held singly.
func (p *V6) hold(id uint64) {
	b := blockOf(id)
	p.single[id] = struct{}{}
	p.count[b]++
	p.blocks.use(b)
}

// unhold marks identifier id free, and its block free if it was the
// block's last single address.
func (p *V6) unhold(id uint64) {
	b := blockOf(id)
	delete(p.single, id)
	p.count[b]--
	if p.count[b] == 0 {
		delete(p.count, b)
		p.refresh(b)
	}
	p.freed(id, id)
}

// refresh marks block b free for a prefix if nothing uses it.
func (p *V6) refresh(b int) {
	if !reservedBlock(b) && !p.held.has(b) && p.count[b] == 0 {
		p.blocks.unuse(b)
	}
}

// locate returns a's identifier, or why a is not an ordinary address of
// the block.
func (p *V6) locate(op string, a netip.Addr) (uint64, error) {
	id, ok := p.ident(a)
	if !ok {
		return 0, addrError(op, a, p.pfx, ErrOutside)
	}
	if reserved6(id) {
		return 0, addrError(op, a, p.pfx, ErrReserved)
	}
	return id, nil
}
