package ipam

import (
	"encoding/binary"
	"fmt"
	"math"
	"net/netip"
)

// The shape of a vSwitch IPv6 block: a /64 of 65,536 /80 blocks, each of
// 2^48 addresses. An address is named by its interface identifier, the
// low 64 bits.
const (
	v6Bits       = 64
	v6PrefixBits = 80
	v6Blocks     = 1 << (v6PrefixBits - v6Bits)
	blockShift   = 128 - v6PrefixBits

	// tailStart is the first of the nine reserved identifiers at the end
	// of the /64.
	tailStart = math.MaxUint64 - 8
)

// V6 is the pool of addresses and /80 prefixes of one vSwitch IPv6 /64.
//
// The /80 blocks are the slots of a bitmap. A block is used when it is
// held as a prefix, holds any single address, or covers a reserved
// address; so the first and the last block are never free. Single
// addresses are kept in a map, counted per block.
//
// The zero V6 has no CIDR block: every address is outside it and it has
// nothing to give. A V6 is not safe for concurrent use.
type V6 struct {
	pfx     netip.Prefix
	network uint64              // the high 64 bits of every address
	single  map[uint64]struct{} // identifiers held as single addresses
	count   map[int]int         // single addresses held in each block
	blocks  slots               // one slot per /80 block
	held    bitset              // the blocks held as prefixes
	low     lowest              // where the lowest free address may be
}

// NewV6 returns an empty pool for the vSwitch IPv6 block p. The block must
// be an IPv6 /64 with no host bits set.
func NewV6(p netip.Prefix) (*V6, error) {
	if err := checkV6(p); err != nil {
		return nil, err
	}
	pool := &V6{
		pfx:     p,
		network: network(p.Addr()),
		single:  make(map[uint64]struct{}),
		count:   make(map[int]int),
		blocks:  newSlots(v6Blocks),
		held:    newBitset(v6Blocks),
		low:     lowest{cursor: 1, limit: minGapLimit},
	}
	pool.blocks.use(0)
	pool.blocks.use(v6Blocks - 1)
	return pool, nil
}

// checkV6 returns why p cannot be a vSwitch IPv6 block, or nil.
func checkV6(p netip.Prefix) error {
	switch {
	case !p.IsValid() || !p.Addr().Is6():
		return fmt.Errorf("ipam: %v is not an IPv6 prefix", p)
	case p.Bits() != v6Bits:
		return fmt.Errorf("ipam: %v: vSwitch IPv6 block must be /%d",
			p, v6Bits)
	case p != p.Masked():
		return fmt.Errorf("ipam: %v has host bits set", p)
	}
	return nil
}

// Prefix returns the pool's CIDR block.
func (p *V6) Prefix() netip.Prefix { return p.pfx }

// Reserved reports whether a is one of the ten addresses of the /64 that
// the system reserves: the first and the last nine, per the Alibaba Cloud
// page "Use a reserved CIDR block to assign prefixes to an ENI".
func (p *V6) Reserved(a netip.Addr) bool {
	id, ok := p.ident(a)
	return ok && reserved6(id)
}

// Held reports whether a is held, singly or inside a held prefix.
// Reserved addresses and addresses outside the block are not held.
func (p *V6) Held(a netip.Addr) bool {
	id, ok := p.ident(a)
	return ok && !reserved6(id) && !p.free(id)
}

// HeldCount returns the number of addresses held singly. Addresses inside
// held prefixes are not counted.
func (p *V6) HeldCount() int { return len(p.single) }

// FreePrefixes returns the number of /80 blocks of the /64 with no
// reserved and no held address.
func (p *V6) FreePrefixes() int { return p.blocks.count() }

// ident returns a's interface identifier, and false if a is outside the
// block.
func (p *V6) ident(a netip.Addr) (uint64, bool) {
	if !p.pfx.Contains(a) {
		return 0, false
	}
	b := a.As16()
	return binary.BigEndian.Uint64(b[8:]), true
}

// network returns the high 64 bits of a, its network half.
func network(a netip.Addr) uint64 {
	b := a.As16()
	return binary.BigEndian.Uint64(b[:8])
}

// addr returns the address with interface identifier id.
func (p *V6) addr(id uint64) netip.Addr {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], p.network)
	binary.BigEndian.PutUint64(b[8:], id)
	return netip.AddrFrom16(b)
}

// free reports whether identifier id is neither held singly nor inside a
// held prefix. It says nothing of reservation.
func (p *V6) free(id uint64) bool {
	if p.held.has(blockOf(id)) {
		return false
	}
	_, ok := p.single[id]
	return !ok
}

// reserved6 reports whether identifier id is a reserved address.
func reserved6(id uint64) bool { return id == 0 || id >= tailStart }

// blockOf returns the /80 block of identifier id.
func blockOf(id uint64) int { return int(id >> blockShift) }

// blockStart returns the first identifier of block b.
func blockStart(b int) uint64 { return uint64(b) << blockShift }

// reservedBlock reports whether block b covers a reserved address.
func reservedBlock(b int) bool { return b == 0 || b == v6Blocks-1 }
