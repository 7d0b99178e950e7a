package ipam

import (
	"math/rand/v2"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/require"
)

// The reserved addresses below follow the Alibaba Cloud documentation,
// "Use a reserved CIDR block to assign prefixes to an ENI": the system
// reserves the first and the last nine IPv6 addresses of the vSwitch.
// Prefixes handed to an interface are aligned /80s of the /64.

const net6 = "2001:db8:1:2::/64"

func TestNewV6RejectsBadBlocks(t *testing.T) {
	for _, cidr := range []string{
		"2001:db8::/56",
		"2001:db8::/65",
		"2001:db8::1/64",
		"10.0.0.0/16",
	} {
		_, err := NewV6(prefix(cidr))
		require.Error(t, err, cidr)
	}
	_, err := NewV6(netip.Prefix{})
	require.Error(t, err, "zero prefix")
}

func TestV6ReservedAddresses(t *testing.T) {
	p := mustV6(t, net6)
	for _, tc := range []struct {
		addr     string
		reserved bool
	}{
		{"2001:db8:1:2::", true},
		{"2001:db8:1:2::1", false},
		{"2001:db8:1:2:ffff:ffff:ffff:fff6", false},
		{"2001:db8:1:2:ffff:ffff:ffff:fff7", true},
		{"2001:db8:1:2:ffff:ffff:ffff:fffb", true},
		{"2001:db8:1:2:ffff:ffff:ffff:ffff", true},
		{"2001:db8:1:3::", false}, // outside
	} {
		require.Equal(t, tc.reserved, p.Reserved(addr(tc.addr)), tc.addr)
		if tc.reserved {
			require.ErrorIs(t, p.Take(addr(tc.addr)), ErrReserved)
			require.ErrorIs(t, p.Release(addr(tc.addr)), ErrReserved)
		}
	}
}

func TestV6AllocLowest(t *testing.T) {
	p := mustV6(t, net6)
	require.NoError(t, p.Take(addr("2001:db8:1:2::2")))
	for _, want := range []string{"2001:db8:1:2::1", "2001:db8:1:2::3",
		"2001:db8:1:2::4"} {
		a, ok := p.Alloc(Lowest, nil)
		require.True(t, ok)
		require.Equal(t, addr(want), a)
	}
	require.Equal(t, 4, p.HeldCount())
	require.Equal(t, 65534, p.FreePrefixes(), "block 0 is reserved anyway")
}

func TestV6AllocLowestReusesReleased(t *testing.T) {
	p := mustV6(t, net6)
	for range 5 {
		p.Alloc(Lowest, nil)
	}
	require.NoError(t, p.Release(addr("2001:db8:1:2::4")))
	require.NoError(t, p.Release(addr("2001:db8:1:2::2")))
	for _, want := range []string{"2001:db8:1:2::2", "2001:db8:1:2::4",
		"2001:db8:1:2::6"} {
		a, _ := p.Alloc(Lowest, nil)
		require.Equal(t, addr(want), a)
	}
}

func TestV6AllocPrefixLowest(t *testing.T) {
	p := mustV6(t, net6)
	q, ok := p.AllocPrefix(Lowest, nil)
	require.True(t, ok)
	require.Equal(t, prefix("2001:db8:1:2:1::/80"), q, "block 0 holds ::0")
	require.True(t, p.Held(addr("2001:db8:1:2:1::9")))
	require.ErrorIs(t, p.Take(addr("2001:db8:1:2:1::9")), ErrHeld)
	require.ErrorIs(t, p.Release(addr("2001:db8:1:2:1::9")), ErrNotHeld)

	require.NoError(t, p.Take(addr("2001:db8:1:2:2::7")))
	q, _ = p.AllocPrefix(Lowest, nil)
	require.Equal(t, prefix("2001:db8:1:2:3::/80"), q,
		"skips the block holding a single address")
	require.Equal(t, 65531, p.FreePrefixes())
	require.Equal(t, 1, p.HeldCount())
}

func TestV6TakePrefixErrors(t *testing.T) {
	p := mustV6(t, net6)
	require.NoError(t, p.Take(addr("2001:db8:1:2:5::1")))
	require.NoError(t, p.TakePrefix(prefix("2001:db8:1:2:6::/80")))
	for _, tc := range []struct {
		prefix string
		err    error
	}{
		{"2001:db8:1:2:5::/80", ErrHeld},
		{"2001:db8:1:2:6::/80", ErrHeld},
		{"2001:db8:1:2::/80", ErrReserved},
		{"2001:db8:1:2:ffff::/80", ErrReserved},
		{"2001:db8:1:2:7::/96", ErrUnaligned},
		{"2001:db8:1:2:7::1/80", ErrUnaligned},
		{"2001:db8:1:3:7::/80", ErrOutside},
		{"10.0.0.0/28", ErrOutside},
		{"2001:db8:1:2:fffe::/80", nil},
	} {
		err := p.TakePrefix(prefix(tc.prefix))
		if tc.err == nil {
			require.NoError(t, err, tc.prefix)
			continue
		}
		require.ErrorIs(t, err, tc.err, tc.prefix)
	}
}

func TestV6ReleasePrefix(t *testing.T) {
	p := mustV6(t, net6)
	q := prefix("2001:db8:1:2:9::/80")
	require.NoError(t, p.TakePrefix(q))
	require.Equal(t, 65533, p.FreePrefixes())
	require.ErrorIs(t, p.ReleasePrefix(prefix("2001:db8:1:2:8::/80")),
		ErrNotHeld)
	require.NoError(t, p.ReleasePrefix(q))
	require.ErrorIs(t, p.ReleasePrefix(q), ErrNotHeld)
	require.Equal(t, 65534, p.FreePrefixes())
	require.False(t, p.Held(addr("2001:db8:1:2:9::1")))
}

// The lowest free address must step over a held prefix, and come back to
// it once it is released.
func TestV6LowestSkipsHeldPrefix(t *testing.T) {
	p := mustV6(t, net6)
	require.NoError(t, p.TakePrefix(prefix("2001:db8:1:2:1::/80")))
	p.low.cursor = blockStart(1) // as if block 0 were exhausted
	a, _ := p.Alloc(Lowest, nil)
	require.Equal(t, addr("2001:db8:1:2:2::"), a)
	require.NoError(t, p.ReleasePrefix(prefix("2001:db8:1:2:1::/80")))
	a, _ = p.Alloc(Lowest, nil)
	require.Equal(t, addr("2001:db8:1:2:1::"), a)
	a, _ = p.Alloc(Lowest, nil)
	require.Equal(t, addr("2001:db8:1:2:1::1"), a)
}

func TestV6AllocRandom(t *testing.T) {
	p := mustV6(t, net6)
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[netip.Addr]bool{}
	for range 1000 {
		a, ok := p.Alloc(Random, r)
		require.True(t, ok)
		require.True(t, p.pfx.Contains(a))
		require.False(t, p.Reserved(a))
		require.False(t, seen[a])
		seen[a] = true
	}
	require.Equal(t, 1000, p.HeldCount())
}

// A Rand that keeps drawing held addresses makes Alloc fall back to the
// lowest free one.
func TestV6AllocRandomFallsBackToLowest(t *testing.T) {
	p := mustV6(t, net6)
	a, _ := p.Alloc(Random, fixedRand(0))
	require.Equal(t, addr("2001:db8:1:2::1"), a)
	a, _ = p.Alloc(Random, fixedRand(0))
	require.Equal(t, addr("2001:db8:1:2::2"), a)
}

func TestV6RandomNeverDrawsReserved(t *testing.T) {
	p := mustV6(t, net6)
	a, _ := p.Alloc(Random, fixedRand(^uint64(0)))
	require.Equal(t, addr("2001:db8:1:2:ffff:ffff:ffff:fff6"), a)
}

func TestV6RollbackRestoresLowest(t *testing.T) {
	p := mustV6(t, net6)
	first, _ := p.Alloc(Lowest, nil)
	a, _ := p.Alloc(Lowest, nil)
	q, _ := p.AllocPrefix(Lowest, nil)
	require.NoError(t, p.Release(a))
	require.NoError(t, p.ReleasePrefix(q))
	a2, _ := p.Alloc(Lowest, nil)
	q2, _ := p.AllocPrefix(Lowest, nil)
	require.Equal(t, a, a2)
	require.Equal(t, q, q2)
	require.NotEqual(t, first, a2)
}

func TestV6ZeroValueIsEmpty(t *testing.T) {
	var p V6
	_, ok := p.Alloc(Lowest, nil)
	require.False(t, ok)
	_, ok = p.AllocPrefix(Lowest, nil)
	require.False(t, ok)
	require.ErrorIs(t, p.Take(addr("2001:db8::1")), ErrOutside)
	require.ErrorIs(t, p.Release(addr("2001:db8::1")), ErrOutside)
	require.Zero(t, p.HeldCount())
	require.Zero(t, p.FreePrefixes())
}

// Taking and releasing the same low addresses over and over must not pile
// up gaps below the cursor.
func TestV6GapsStayBounded(t *testing.T) {
	p := mustV6(t, net6)
	for range 10 {
		p.Alloc(Lowest, nil)
	}
	for range 10000 {
		require.NoError(t, p.Release(addr("2001:db8:1:2::3")))
		require.NoError(t, p.Take(addr("2001:db8:1:2::3")))
	}
	require.LessOrEqual(t, len(p.low.gaps), minGapLimit+1)
	require.NoError(t, p.Release(addr("2001:db8:1:2::5")))
	a, _ := p.Alloc(Lowest, nil)
	require.Equal(t, addr("2001:db8:1:2::5"), a)
}

// Compaction merges gaps that touch and keeps every free address.
func TestV6CompactMergesGaps(t *testing.T) {
	p := mustV6(t, net6)
	for range 200 {
		p.Alloc(Lowest, nil)
	}
	for i := 200; i >= 1; i-- {
		require.NoError(t, p.Release(p.addr(uint64(i))))
	}
	p.compact()
	// The cursor still rests on ::200, the last address it handed out,
	// so only the addresses below it need a gap.
	require.Equal(t, gaps{{1, 199}}, p.low.gaps)
	for i := 1; i <= 201; i++ {
		a, _ := p.Alloc(Lowest, nil)
		require.Equal(t, p.addr(uint64(i)), a)
	}
}
