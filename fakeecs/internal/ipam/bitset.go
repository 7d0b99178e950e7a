package ipam

// bitset is a fixed set of small numbers. The zero bitset is empty and
// holds nothing.
type bitset []uint64

// newBitset returns an empty set for the numbers 0 to n-1.
func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

// has reports whether i is in the set.
func (b bitset) has(i int) bool { return b[i/64]&(1<<(i%64)) != 0 }

// add puts i in the set.
func (b bitset) add(i int) { b[i/64] |= 1 << (i % 64) }

// remove takes i out of the set.
func (b bitset) remove(i int) { b[i/64] &^= 1 << (i % 64) }
