package ipam

import (
	"net/netip"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// The model tests run random sequences of operations against a pool and
// against its slow reference, and check after every step that the two
// agree. On failure rapid prints the steps and the seed that replays them.

// rapidRand draws the Random policy's numbers from the test's own data, so
// they are shrunk and printed with the steps.
type rapidRand struct{ t *rapid.T }

func (r rapidRand) Uint64N(n uint64) uint64 {
	return rapid.Uint64Range(0, n-1).Draw(r.t, "rand")
}

// requireSameError checks that got is want, or wraps it.
func requireSameError(t *rapid.T, want, got error) {
	t.Helper()
	if want == nil {
		require.NoError(t, got)
		return
	}
	require.ErrorIs(t, got, want)
}

// drawPolicy draws Lowest or Random.
func drawPolicy(t *rapid.T) Policy {
	return rapid.SampledFrom([]Policy{Lowest, Random}).Draw(t, "policy")
}

// sortedKeys returns the keys of m in order, so draws do not depend on
// map order.
func sortedKeys[K interface {
	comparable
	Compare(K) int
}](m map[K]bool) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b K) int { return a.Compare(b) })
	return keys
}

// v4Machine drives a V4 pool and its reference side by side.
type v4Machine struct {
	pool *V4
	ref  *slowV4
}

func newV4Machine(t *rapid.T) *v4Machine {
	base := rapid.SampledFrom([]string{"10.0.0.0", "0.0.0.0",
		"255.255.255.255"}).Draw(t, "base")
	bits := rapid.SampledFrom([]int{20, 22, 24, 26, 27, 28, 29}).
		Draw(t, "bits")
	cidr := netip.PrefixFrom(addr(base), bits).Masked()
	pool, err := NewV4(cidr)
	require.NoError(t, err)
	return &v4Machine{pool: pool, ref: newSlowV4(cidr)}
}

// drawAddr draws an address of the block or one just outside it, and now
// and then one of the other family.
func (m *v4Machine) drawAddr(t *rapid.T) netip.Addr {
	all := m.ref.all
	i := rapid.IntRange(-2, len(all)).Draw(t, "index")
	switch {
	case i == -2:
		return addr("2001:db8::1")
	case i == -1:
		return all[0].Prev()
	case i == len(all):
		return all[i-1].Next()
	}
	return all[i]
}

// drawHeld draws a held address if there is one, else any address.
func (m *v4Machine) drawHeld(t *rapid.T) netip.Addr {
	held := sortedKeys(m.ref.single)
	if len(held) == 0 || rapid.IntRange(0, 4).Draw(t, "any") == 0 {
		return m.drawAddr(t)
	}
	return rapid.SampledFrom(held).Draw(t, "held")
}

// drawPrefix draws mostly aligned /28s of the block, and now and then an
// unaligned or wrong-length prefix.
func (m *v4Machine) drawPrefix(t *rapid.T) netip.Prefix {
	a := m.drawAddr(t)
	bits := rapid.SampledFrom([]int{28, 28, 28, 27, 32}).Draw(t, "bits")
	q := netip.PrefixFrom(a, bits)
	if rapid.IntRange(0, 5).Draw(t, "unaligned") == 0 {
		return q
	}
	return q.Masked()
}

func (m *v4Machine) Take(t *rapid.T) {
	a := m.drawAddr(t)
	requireSameError(t, m.ref.take(a), m.pool.Take(a))
}

func (m *v4Machine) Release(t *rapid.T) {
	a := m.drawHeld(t)
	requireSameError(t, m.ref.release(a), m.pool.Release(a))
}

func (m *v4Machine) Alloc(t *rapid.T) {
	pol := drawPolicy(t)
	want, wantOK := m.ref.lowest()
	got, ok := m.pool.Alloc(pol, rapidRand{t})
	require.Equal(t, wantOK, ok)
	if !ok {
		return
	}
	if pol == Lowest {
		require.Equal(t, want, got)
	}
	require.NoError(t, m.ref.take(got), "allocated %v", got)
}

func (m *v4Machine) TakePrefix(t *rapid.T) {
	q := m.drawPrefix(t)
	requireSameError(t, m.ref.takePrefix(q), m.pool.TakePrefix(q))
}

func (m *v4Machine) ReleasePrefix(t *rapid.T) {
	q := m.drawPrefix(t)
	if held := sortedKeys(m.ref.prefix); len(held) > 0 &&
		rapid.Bool().Draw(t, "held") {
		q = rapid.SampledFrom(held).Draw(t, "prefix")
	}
	requireSameError(t, m.ref.releasePrefix(q), m.pool.ReleasePrefix(q))
}

func (m *v4Machine) AllocPrefix(t *rapid.T) {
	pol := drawPolicy(t)
	free := m.ref.freePrefixes()
	got, ok := m.pool.AllocPrefix(pol, rapidRand{t})
	require.Equal(t, len(free) > 0, ok)
	if !ok {
		return
	}
	if pol == Lowest {
		require.Equal(t, free[0], got)
	}
	require.NoError(t, m.ref.takePrefix(got), "allocated %v", got)
}

// Rollback allocates and releases at once; Check then finds the pool as
// it was, and the next Lowest allocation must match the reference.
func (m *v4Machine) Rollback(t *rapid.T) {
	if a, ok := m.pool.Alloc(Lowest, nil); ok {
		require.NoError(t, m.pool.Release(a))
	}
	if q, ok := m.pool.AllocPrefix(Lowest, nil); ok {
		require.NoError(t, m.pool.ReleasePrefix(q))
	}
}

func (m *v4Machine) Check(t *rapid.T) {
	held := len(m.ref.single) + 16*len(m.ref.prefix)
	size := len(m.ref.all)
	require.Equal(t, size-4-held, m.pool.Available())
	require.Equal(t, m.ref.available(), m.pool.Available())
	require.Equal(t, len(m.ref.freePrefixes()), m.pool.FreePrefixes())
	for _, a := range m.ref.all {
		if m.ref.held(a) != m.pool.Held(a) {
			t.Fatalf("Held(%v) = %v", a, m.pool.Held(a))
		}
		if m.ref.reserved(a) != m.pool.Reserved(a) {
			t.Fatalf("Reserved(%v) = %v", a, m.pool.Reserved(a))
		}
	}
}

func TestV4MatchesReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		t.Repeat(rapid.StateMachineActions(newV4Machine(t)))
	})
}

// v6Machine drives a V6 pool and its reference side by side.
type v6Machine struct {
	pool *V6
	ref  *slowV6
}

func newV6Machine(t *rapid.T) *v6Machine {
	cidr := rapid.SampledFrom([]netip.Prefix{prefix(net6),
		prefix("::/64"), prefix("ffff:ffff:ffff:ffff::/64")}).
		Draw(t, "cidr")
	pool, err := NewV6(cidr)
	require.NoError(t, err)
	shiftCursor(pool, rapid.IntRange(0, 3).Draw(t, "cursorBlock"))
	return &v6Machine{pool: pool, ref: newSlowV6(cidr)}
}

// shiftCursor moves the lowest-address cursor of a fresh pool up to the
// start of block b, and records everything below it as one gap. The pool
// must answer exactly as before; the shift only sends more of the work
// through the gaps and across block boundaries.
func shiftCursor(p *V6, b int) {
	if b == 0 {
		return
	}
	p.low = lowest{cursor: blockStart(b), gaps: gaps{{1, blockStart(b) - 1}}}
}

// drawAddr draws an address near the start or the end of a few blocks,
// where the reserved addresses and the lowest free ones are, and now and
// then one outside the /64.
func (m *v6Machine) drawAddr(t *rapid.T) netip.Addr {
	switch rapid.IntRange(0, 20).Draw(t, "kind") {
	case 0:
		return addr("10.0.0.1")
	case 1:
		return lastOf(m.ref.pfx).Next()
	}
	b := rapid.SampledFrom([]uint64{0, 1, 2, 3, 65534, 65535}).
		Draw(t, "block")
	low := rapid.Uint64Range(0, 12).Draw(t, "low")
	if rapid.Bool().Draw(t, "fromEnd") {
		low = 1<<48 - 1 - low
	}
	return m.pool.addr(b<<48 | low)
}

// drawHeld draws a held address if there is one, else any address.
func (m *v6Machine) drawHeld(t *rapid.T) netip.Addr {
	held := sortedKeys(m.ref.single)
	if len(held) == 0 || rapid.IntRange(0, 4).Draw(t, "any") == 0 {
		return m.drawAddr(t)
	}
	return rapid.SampledFrom(held).Draw(t, "held")
}

// drawPrefix draws mostly aligned /80s, and now and then an unaligned or
// wrong-length prefix.
func (m *v6Machine) drawPrefix(t *rapid.T) netip.Prefix {
	a := m.drawAddr(t)
	bits := rapid.SampledFrom([]int{80, 80, 80, 96}).Draw(t, "bits")
	q := netip.PrefixFrom(a, bits)
	if rapid.IntRange(0, 5).Draw(t, "unaligned") == 0 {
		return q
	}
	return q.Masked()
}

func (m *v6Machine) Take(t *rapid.T) {
	a := m.drawAddr(t)
	requireSameError(t, m.ref.take(a), m.pool.Take(a))
}

func (m *v6Machine) Release(t *rapid.T) {
	a := m.drawHeld(t)
	requireSameError(t, m.ref.release(a), m.pool.Release(a))
}

func (m *v6Machine) Alloc(t *rapid.T) {
	pol := drawPolicy(t)
	got, ok := m.pool.Alloc(pol, rapidRand{t})
	require.True(t, ok)
	if pol == Lowest {
		require.Equal(t, m.ref.lowest(), got)
	}
	require.NoError(t, m.ref.take(got), "allocated %v", got)
}

func (m *v6Machine) TakePrefix(t *rapid.T) {
	q := m.drawPrefix(t)
	requireSameError(t, m.ref.takePrefix(q), m.pool.TakePrefix(q))
}

func (m *v6Machine) ReleasePrefix(t *rapid.T) {
	q := m.drawPrefix(t)
	if held := sortedKeys(m.ref.prefix); len(held) > 0 &&
		rapid.Bool().Draw(t, "held") {
		q = rapid.SampledFrom(held).Draw(t, "prefix")
	}
	requireSameError(t, m.ref.releasePrefix(q), m.pool.ReleasePrefix(q))
}

func (m *v6Machine) AllocPrefix(t *rapid.T) {
	pol := drawPolicy(t)
	want, wantOK := m.ref.lowestPrefix()
	got, ok := m.pool.AllocPrefix(pol, rapidRand{t})
	require.Equal(t, wantOK, ok)
	if pol == Lowest {
		require.Equal(t, want, got)
	}
	require.NoError(t, m.ref.takePrefix(got), "allocated %v", got)
}

// Rollback allocates and releases at once; the next Lowest allocation
// must still match the reference.
func (m *v6Machine) Rollback(t *rapid.T) {
	a, _ := m.pool.Alloc(Lowest, nil)
	require.NoError(t, m.pool.Release(a))
	if q, ok := m.pool.AllocPrefix(Lowest, nil); ok {
		require.NoError(t, m.pool.ReleasePrefix(q))
	}
}

func (m *v6Machine) Check(t *rapid.T) {
	require.Equal(t, len(m.ref.single), m.pool.HeldCount())
	require.Equal(t, m.ref.freePrefixes(), m.pool.FreePrefixes())
	for a := range m.ref.single {
		require.True(t, m.pool.Held(a), "Held(%v)", a)
	}
	for q := range m.ref.prefix {
		require.True(t, m.pool.Held(q.Addr()), "Held(%v)", q.Addr())
		require.True(t, m.pool.Held(lastOf(q)), "Held(%v)", lastOf(q))
	}
	a := m.drawAddr(t)
	require.Equal(t, m.ref.held(a), m.pool.Held(a), "Held(%v)", a)
	require.Equal(t, m.ref.reserved(a), m.pool.Reserved(a),
		"Reserved(%v)", a)
}

func TestV6MatchesReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		t.Repeat(rapid.StateMachineActions(newV6Machine(t)))
	})
}
