package ipam

import (
	"fmt"
	"strconv"
)

// Policy says how a pool picks a free address or prefix. The zero Policy
// is Lowest.
type Policy int

const (
	// Lowest picks the lowest free address or prefix first.
	Lowest Policy = iota

	// Random picks uniformly among the free ones, drawn from the given
	// Rand. IPv6 single addresses are the exception: see [V6.Alloc].
	Random
)

// String returns the policy's name, as "Lowest".
func (pol Policy) String() string {
	switch pol {
	case Lowest:
		return "Lowest"
	case Random:
		return "Random"
	}
	return "Policy(" + strconv.Itoa(int(pol)) + ")"
}

// Rand is the source of randomness for the Random policy.
// *math/rand/v2.Rand satisfies it. Uint64N must return a number in [0, n);
// a pool panics on any other answer, or when Random is given a nil Rand.
type Rand interface{ Uint64N(n uint64) uint64 }

// rank returns which of n > 0 free things pol picks, counted from the
// lowest.
func rank(pol Policy, r Rand, n int) int {
	switch pol {
	case Lowest:
		return 0
	case Random:
		return int(draw(r, uint64(n)))
	}
	panic(fmt.Sprintf("ipam: unknown %v", pol))
}

// draw returns a number in [0, n) from r, and panics if r misbehaves.
func draw(r Rand, n uint64) uint64 {
	if r == nil {
		panic("ipam: Random policy with a nil Rand")
	}
	k := r.Uint64N(n)
	if k >= n {
		panic(fmt.Sprintf("ipam: Rand.Uint64N(%d) returned %d", n, k))
	}
	return k
}
