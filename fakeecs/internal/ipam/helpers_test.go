package ipam

import (
	"net/netip"
	"testing"

	"github.com/stretchr/testify/require"
)

// mustV4 returns a new pool for cidr, failing the test on error.
func mustV4(t testing.TB, cidr string) *V4 {
	t.Helper()
	p, err := NewV4(netip.MustParsePrefix(cidr))
	require.NoError(t, err)
	return p
}

// mustV6 returns a new pool for cidr, failing the test on error.
func mustV6(t testing.TB, cidr string) *V6 {
	t.Helper()
	p, err := NewV6(netip.MustParsePrefix(cidr))
	require.NoError(t, err)
	return p
}

// addr and prefix parse test inputs.
func addr(s string) netip.Addr     { return netip.MustParseAddr(s) }
func prefix(s string) netip.Prefix { return netip.MustParsePrefix(s) }

// fixedRand answers every draw with the same number, capped to fit.
type fixedRand uint64

func (f fixedRand) Uint64N(n uint64) uint64 { return min(uint64(f), n-1) }

// allocAll allocates with pol until the pool is empty and returns what it
// got, in order.
func allocAll(t testing.TB, p *V4, pol Policy, r Rand) []netip.Addr {
	t.Helper()
	var got []netip.Addr
	for {
		a, ok := p.Alloc(pol, r)
		if !ok {
			return got
		}
		got = append(got, a)
	}
}
