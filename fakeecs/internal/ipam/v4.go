package ipam

import (
	"encoding/binary"
	"fmt"
	"net/netip"
)

// The mask lengths a vSwitch IPv4 CIDR block may have, and the length of
// the IPv4 prefixes handed to interfaces.
const (
	minV4Bits    = 16
	maxV4Bits    = 29
	v4PrefixBits = 28
)

// V4 is the pool of addresses and /28 prefixes of one vSwitch IPv4 CIDR
// block. Each address is a slot of a bitmap; the reserved addresses are
// used slots from the start, and a held prefix uses its sixteen slots.
//
// The zero V4 has no CIDR block: every address is outside it and it has
// nothing to give. A V4 is not safe for concurrent use.
type V4 struct {
	pfx    netip.Prefix
	base   uint32  // the first address of pfx
	size   int     // the number of addresses in pfx
	slots  slots   // one slot per address
	groups fenwick // wholly free groups in each word of slots
	held   bitset  // the groups held as prefixes
}

// NewV4 returns an empty pool for the vSwitch IPv4 CIDR block p. The block
// must be an IPv4 prefix with no host bits set and a mask of /16 to /29,
// the range a vSwitch accepts.
func NewV4(p netip.Prefix) (*V4, error) {
	if err := checkV4(p); err != nil {
		return nil, err
	}
	size := 1 << (32 - p.Bits())
	pool := &V4{
		pfx:   p,
		base:  uint32of(p.Addr()),
		size:  size,
		slots: newSlots(size),
		held:  newBitset((size + groupSize - 1) / groupSize),
	}
	for _, i := range []int{0, size - 3, size - 2, size - 1} {
		pool.slots.use(i)
	}
	pool.groups = newFenwick(pool.wordGroups())
	return pool, nil
}

// checkV4 returns why p cannot be a vSwitch IPv4 CIDR block, or nil.
func checkV4(p netip.Prefix) error {
	switch {
	case !p.IsValid() || !p.Addr().Is4():
		return fmt.Errorf("ipam: %v is not an IPv4 prefix", p)
	case p.Bits() < minV4Bits || p.Bits() > maxV4Bits:
		return fmt.Errorf("ipam: %v: vSwitch mask must be /%d to /%d",
			p, minV4Bits, maxV4Bits)
	case p != p.Masked():
		return fmt.Errorf("ipam: %v has host bits set", p)
	}
	return nil
}

// wordGroups returns the number of wholly free groups in each word.
func (p *V4) wordGroups() []int {
	counts := make([]int, len(p.slots.used))
	for w, word := range p.slots.used {
		counts[w] = freeGroups(word)
	}
	return counts
}

// Prefix returns the pool's CIDR block.
func (p *V4) Prefix() netip.Prefix { return p.pfx }

// Reserved reports whether a is one of the four addresses of the block
// that the system reserves: the first and the last three, per the Alibaba
// Cloud VPC documentation, "Create and manage a vSwitch".
func (p *V4) Reserved(a netip.Addr) bool {
	i, ok := p.index(a)
	return ok && p.reserved(i)
}

// Held reports whether a is held, singly or inside a held prefix.
// Reserved addresses and addresses outside the block are not held.
func (p *V4) Held(a netip.Addr) bool {
	i, ok := p.index(a)
	return ok && !p.reserved(i) && p.slots.isUsed(i)
}

// Available returns the number of free addresses: the size of the block,
// less the four reserved addresses, less the held ones, each held prefix
// counting sixteen. An empty /24 has 252.
func (p *V4) Available() int { return p.slots.count() }

// FreePrefixes returns the number of aligned /28 blocks inside the pool
// with no reserved and no held address.
func (p *V4) FreePrefixes() int { return p.groups.total }

// index returns a's slot, and false if a is outside the block.
func (p *V4) index(a netip.Addr) (int, bool) {
	if !p.pfx.Contains(a) {
		return 0, false
	}
	return int(uint32of(a) - p.base), true
}

// uint32of returns the IPv4 address a as a number.
func uint32of(a netip.Addr) uint32 {
	b := a.As4()
	return binary.BigEndian.Uint32(b[:])
}

// reserved reports whether slot i is a reserved address.
func (p *V4) reserved(i int) bool { return i == 0 || i >= p.size-3 }

// addr returns the address of slot i.
func (p *V4) addr(i int) netip.Addr {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], p.base+uint32(i))
	return netip.AddrFrom4(b)
}

// fill marks the slots of mask m in word w used, and recounts the word's
// free groups.
func (p *V4) fill(w int, m uint64) {
	before := freeGroups(p.slots.used[w])
	p.slots.fill(w, m)
	p.groups.add(w, freeGroups(p.slots.used[w])-before)
}

// drain marks the slots of mask m in word w free, and recounts the word's
// free groups.
func (p *V4) drain(w int, m uint64) {
	before := freeGroups(p.slots.used[w])
	p.slots.drain(w, m)
	p.groups.add(w, freeGroups(p.slots.used[w])-before)
}
