package ipam

import (
	"math/rand/v2"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/require"
)

// The reserved addresses and sizes below follow the Alibaba Cloud VPC
// documentation, "Create and manage a vSwitch": the first and the last
// three IPv4 addresses of a vSwitch CIDR block are reserved.

func TestNewV4RejectsBadBlocks(t *testing.T) {
	for _, cidr := range []string{
		"10.0.0.0/15",   // wider than /16
		"10.0.0.0/30",   // narrower than /29
		"10.0.0.1/24",   // host bits set
		"2001:db8::/64", // the other family
		"::ffff:10.0.0.0/120",
	} {
		_, err := NewV4(prefix(cidr))
		require.Error(t, err, cidr)
	}
	_, err := NewV4(netip.Prefix{})
	require.Error(t, err, "zero prefix")
}

func TestV4ReservedAddresses(t *testing.T) {
	p := mustV4(t, "10.0.0.0/24")
	for _, tc := range []struct {
		addr     string
		reserved bool
	}{
		{"10.0.0.0", true},
		{"10.0.0.1", false},
		{"10.0.0.252", false},
		{"10.0.0.253", true},
		{"10.0.0.254", true},
		{"10.0.0.255", true},
		{"10.0.1.0", false}, // outside
	} {
		require.Equal(t, tc.reserved, p.Reserved(addr(tc.addr)), tc.addr)
		if tc.reserved {
			require.ErrorIs(t, p.Take(addr(tc.addr)), ErrReserved)
			require.ErrorIs(t, p.Release(addr(tc.addr)), ErrReserved)
		}
	}
}

func TestV4Available(t *testing.T) {
	for _, tc := range []struct {
		cidr      string
		available int
		prefixes  int
	}{
		{"10.0.0.0/16", 65532, 4094},
		{"10.0.0.0/24", 252, 14},
		{"10.0.0.0/26", 60, 2},
		{"10.0.0.0/27", 28, 0},
		{"10.0.0.0/28", 12, 0},
		{"10.0.0.8/29", 4, 0},
	} {
		p := mustV4(t, tc.cidr)
		require.Equal(t, tc.available, p.Available(), tc.cidr)
		require.Equal(t, tc.prefixes, p.FreePrefixes(), tc.cidr)
	}
}

func TestV4AllocLowest(t *testing.T) {
	p := mustV4(t, "10.0.0.8/29")
	got := allocAll(t, p, Lowest, nil)
	want := []netip.Addr{
		addr("10.0.0.9"), addr("10.0.0.10"),
		addr("10.0.0.11"), addr("10.0.0.12"),
	}
	require.Equal(t, want, got)
	require.Zero(t, p.Available())
}

func TestV4AllocSkipsTaken(t *testing.T) {
	p := mustV4(t, "10.0.0.0/24")
	require.NoError(t, p.Take(addr("10.0.0.1")))
	require.NoError(t, p.Take(addr("10.0.0.3")))
	for _, want := range []string{"10.0.0.2", "10.0.0.4"} {
		a, ok := p.Alloc(Lowest, nil)
		require.True(t, ok)
		require.Equal(t, addr(want), a)
	}
	require.Equal(t, 248, p.Available())
}

func TestV4TakeAndRelease(t *testing.T) {
	p := mustV4(t, "10.0.0.0/24")
	a := addr("10.0.0.7")
	require.NoError(t, p.Take(a))
	require.True(t, p.Held(a))
	require.ErrorIs(t, p.Take(a), ErrHeld)
	require.NoError(t, p.Release(a))
	require.False(t, p.Held(a))
	require.ErrorIs(t, p.Release(a), ErrNotHeld)
	require.Equal(t, 252, p.Available())
}

func TestV4RejectsOutsideAddresses(t *testing.T) {
	p := mustV4(t, "10.0.0.0/24")
	for _, s := range []string{"10.0.1.1", "9.255.255.255", "::ffff:10.0.0.1",
		"2001:db8::1"} {
		require.ErrorIs(t, p.Take(addr(s)), ErrOutside, s)
		require.ErrorIs(t, p.Release(addr(s)), ErrOutside, s)
		require.False(t, p.Held(addr(s)), s)
		require.False(t, p.Reserved(addr(s)), s)
	}
	require.ErrorIs(t, p.Take(netip.Addr{}), ErrOutside)
}

func TestV4ErrorNamesInputAndPool(t *testing.T) {
	p := mustV4(t, "10.0.0.0/24")
	err := p.Take(addr("10.0.0.255"))
	require.EqualError(t, err,
		"ipam: take 10.0.0.255 in 10.0.0.0/24: reserved by the system")
}

// IPv4 prefixes handed to an interface are aligned /28s.
func TestV4AllocPrefixLowest(t *testing.T) {
	p := mustV4(t, "10.0.0.0/24")
	q, ok := p.AllocPrefix(Lowest, nil)
	require.True(t, ok)
	require.Equal(t, prefix("10.0.0.16/28"), q, "block 0 holds .0")
	require.Equal(t, 236, p.Available())
	require.True(t, p.Held(addr("10.0.0.20")))
	require.ErrorIs(t, p.Take(addr("10.0.0.20")), ErrHeld)
	require.ErrorIs(t, p.Release(addr("10.0.0.20")), ErrNotHeld)

	require.NoError(t, p.Take(addr("10.0.0.33")))
	q, ok = p.AllocPrefix(Lowest, nil)
	require.True(t, ok)
	require.Equal(t, prefix("10.0.0.48/28"), q, "skips the block of .33")
}

func TestV4AllocPrefixNeverLastBlock(t *testing.T) {
	p := mustV4(t, "10.0.0.0/24")
	var got []netip.Prefix
	for {
		q, ok := p.AllocPrefix(Lowest, nil)
		if !ok {
			break
		}
		got = append(got, q)
	}
	require.Len(t, got, 14)
	require.Equal(t, prefix("10.0.0.224/28"), got[13])
	require.Equal(t, 252-14*16, p.Available())
	require.ErrorIs(t, p.TakePrefix(prefix("10.0.0.240/28")), ErrReserved)
	require.ErrorIs(t, p.TakePrefix(prefix("10.0.0.0/28")), ErrReserved)
}

func TestV4TakePrefixErrors(t *testing.T) {
	p := mustV4(t, "10.0.0.0/24")
	require.NoError(t, p.Take(addr("10.0.0.17")))
	require.NoError(t, p.TakePrefix(prefix("10.0.0.32/28")))
	for _, tc := range []struct {
		prefix string
		err    error
	}{
		{"10.0.0.16/28", ErrHeld},      // holds .17
		{"10.0.0.32/28", ErrHeld},      // held already
		{"10.0.0.48/27", ErrUnaligned}, // wrong length
		{"10.0.0.50/28", ErrUnaligned}, // host bits set
		{"10.0.1.0/28", ErrOutside},
		{"2001:db8::/80", ErrOutside},
		{"10.0.0.0/28", ErrReserved},
		{"10.0.0.64/28", nil},
	} {
		err := p.TakePrefix(prefix(tc.prefix))
		if tc.err == nil {
			require.NoError(t, err, tc.prefix)
			continue
		}
		require.ErrorIs(t, err, tc.err, tc.prefix)
	}
	require.ErrorIs(t, p.TakePrefix(netip.Prefix{}), ErrOutside)
}

func TestV4ReleasePrefixErrors(t *testing.T) {
	p := mustV4(t, "10.0.0.0/24")
	require.NoError(t, p.Take(addr("10.0.0.17")))
	require.NoError(t, p.TakePrefix(prefix("10.0.0.32/28")))
	require.ErrorIs(t, p.ReleasePrefix(prefix("10.0.0.16/28")), ErrNotHeld,
		"holds a single address, not a prefix")
	require.ErrorIs(t, p.ReleasePrefix(prefix("10.0.0.48/28")), ErrNotHeld)
	require.ErrorIs(t, p.ReleasePrefix(prefix("10.0.0.0/28")), ErrReserved)
	require.ErrorIs(t, p.ReleasePrefix(prefix("10.0.0.32/27")), ErrUnaligned)
	require.NoError(t, p.ReleasePrefix(prefix("10.0.0.32/28")))
	require.ErrorIs(t, p.ReleasePrefix(prefix("10.0.0.32/28")), ErrNotHeld)
	require.Equal(t, 251, p.Available())
}

func TestV4SmallPoolsHaveNoPrefixes(t *testing.T) {
	for _, cidr := range []string{"10.0.0.0/27", "10.0.0.0/28",
		"10.0.0.8/29"} {
		p := mustV4(t, cidr)
		_, ok := p.AllocPrefix(Lowest, nil)
		require.False(t, ok, cidr)
	}
	p := mustV4(t, "10.0.0.8/29")
	require.ErrorIs(t, p.TakePrefix(prefix("10.0.0.0/28")), ErrOutside)
}

func TestV4FillsA16(t *testing.T) {
	p := mustV4(t, "10.1.0.0/16")
	got := allocAll(t, p, Lowest, nil)
	require.Len(t, got, 65532)
	require.Equal(t, addr("10.1.0.1"), got[0])
	require.Equal(t, addr("10.1.255.252"), got[len(got)-1])
	for i := 1; i < len(got); i++ {
		require.Equal(t, got[i-1].Next(), got[i])
	}
	require.Zero(t, p.FreePrefixes())
	require.NoError(t, p.Release(addr("10.1.128.5")))
	a, ok := p.Alloc(Random, rand.New(rand.NewPCG(1, 2)))
	require.True(t, ok)
	require.Equal(t, addr("10.1.128.5"), a, "the only free address")
}

func TestV4AllocRandomCoversEveryAddress(t *testing.T) {
	p := mustV4(t, "10.0.0.0/24")
	got := allocAll(t, p, Random, rand.New(rand.NewPCG(7, 7)))
	seen := map[netip.Addr]bool{}
	for _, a := range got {
		require.False(t, seen[a], "allocated twice: %v", a)
		require.False(t, p.Reserved(a))
		seen[a] = true
	}
	require.Len(t, seen, 252)
}

func TestV4AllocRandomIsSeeded(t *testing.T) {
	run := func() []netip.Addr {
		p := mustV4(t, "10.0.0.0/20")
		r := rand.New(rand.NewPCG(3, 4))
		var got []netip.Addr
		for range 50 {
			a, _ := p.Alloc(Random, r)
			got = append(got, a)
			q, _ := p.AllocPrefix(Random, r)
			got = append(got, q.Addr())
		}
		return got
	}
	require.Equal(t, run(), run())
}

func TestV4RandomUsesTheRank(t *testing.T) {
	p := mustV4(t, "10.0.0.0/24")
	a, ok := p.Alloc(Random, fixedRand(9))
	require.True(t, ok)
	require.Equal(t, addr("10.0.0.10"), a, "the tenth free address")
	q, ok := p.AllocPrefix(Random, fixedRand(2))
	require.True(t, ok)
	require.Equal(t, prefix("10.0.0.48/28"), q, "the third free /28")
}

func TestV4RollbackRestoresLowest(t *testing.T) {
	p := mustV4(t, "10.0.0.0/24")
	require.NoError(t, p.Take(addr("10.0.0.1")))
	a, _ := p.Alloc(Lowest, nil)
	q, _ := p.AllocPrefix(Lowest, nil)
	require.NoError(t, p.Release(a))
	require.NoError(t, p.ReleasePrefix(q))
	a2, _ := p.Alloc(Lowest, nil)
	q2, _ := p.AllocPrefix(Lowest, nil)
	require.Equal(t, a, a2)
	require.Equal(t, q, q2)
}

func TestV4ZeroValueIsEmpty(t *testing.T) {
	var p V4
	_, ok := p.Alloc(Lowest, nil)
	require.False(t, ok)
	_, ok = p.AllocPrefix(Lowest, nil)
	require.False(t, ok)
	require.ErrorIs(t, p.Take(addr("10.0.0.1")), ErrOutside)
	require.ErrorIs(t, p.TakePrefix(prefix("10.0.0.16/28")), ErrOutside)
	require.Zero(t, p.Available())
	require.False(t, p.Reserved(addr("0.0.0.0")))
}

func TestAllocPanicsOnMisuse(t *testing.T) {
	p := mustV4(t, "10.0.0.0/24")
	require.Panics(t, func() { p.Alloc(Random, nil) })
	require.Panics(t, func() { p.Alloc(Policy(7), nil) })
	require.Panics(t, func() { p.Alloc(Random, badRand{}) })
	require.Equal(t, "Policy(7)", Policy(7).String())
}

// badRand answers out of range.
type badRand struct{}

func (badRand) Uint64N(n uint64) uint64 { return n }
