package ipam

import (
	"net/netip"
	"testing"
)

// fuzzV6 runs a program on a V6 pool and its reference.
type fuzzV6 struct {
	pool *V6
	ref  *slowV6
	tp   *tape
}

// fuzzBlocks are the /80 blocks the program mostly works in: the two
// reserved ones and their neighbours.
var fuzzBlocks = [...]uint64{0, 1, 2, 3, 65534, 65535}

// addr reads an address near the start or the end of a block, or one
// outside the /64.
func (f *fuzzV6) addr() netip.Addr {
	kind := f.tp.byte()
	if kind == 0xff {
		return lastOf(f.ref.pfx).Next()
	}
	b := fuzzBlocks[int(kind)%len(fuzzBlocks)]
	low := uint64(f.tp.byte())
	if kind&0x80 != 0 {
		low = 1<<48 - 1 - low
	}
	return f.pool.addr(b<<48 | low)
}

// prefix reads a prefix around an address: aligned /80s mostly, some
// unaligned or of the wrong length.
func (f *fuzzV6) prefix() netip.Prefix {
	a := f.addr()
	switch f.tp.byte() % 8 {
	case 0:
		return netip.PrefixFrom(a, 80)
	case 1:
		return netip.PrefixFrom(a, 96).Masked()
	}
	return netip.PrefixFrom(a, 80).Masked()
}

// step runs one operation and fails t if pool and reference disagree.
func (f *fuzzV6) step(t *testing.T) {
	switch op := f.tp.byte() % 6; op {
	case 0:
		a := f.addr()
		f.agree(t, "Take", a, f.ref.take(a), f.pool.Take(a))
	case 1:
		a := f.addr()
		f.agree(t, "Release", a, f.ref.release(a), f.pool.Release(a))
	case 2:
		f.alloc(t)
	case 3:
		q := f.prefix()
		f.agree(t, "TakePrefix", q, f.ref.takePrefix(q),
			f.pool.TakePrefix(q))
	case 4:
		q := f.prefix()
		f.agree(t, "ReleasePrefix", q, f.ref.releasePrefix(q),
			f.pool.ReleasePrefix(q))
	case 5:
		f.allocPrefix(t)
	}
}

func (f *fuzzV6) agree(t *testing.T, op string, in any, want, got error) {
	t.Helper()
	if !sameError(want, got) {
		t.Fatalf("%s(%v) = %v, want %v", op, in, got, want)
	}
}

func (f *fuzzV6) alloc(t *testing.T) {
	pol := f.tp.policy()
	want := f.ref.lowest()
	got, ok := f.pool.Alloc(pol, f.tp)
	switch {
	case !ok:
		t.Fatalf("Alloc(%v) found nothing free", pol)
	case pol == Lowest && got != want:
		t.Fatalf("Alloc(Lowest) = %v, want %v", got, want)
	case f.ref.take(got) != nil:
		t.Fatalf("Alloc(%v) = %v, which is not free", pol, got)
	}
}

func (f *fuzzV6) allocPrefix(t *testing.T) {
	pol := f.tp.policy()
	want, _ := f.ref.lowestPrefix()
	got, ok := f.pool.AllocPrefix(pol, f.tp)
	switch {
	case !ok:
		t.Fatalf("AllocPrefix(%v) found nothing free", pol)
	case pol == Lowest && got != want:
		t.Fatalf("AllocPrefix(Lowest) = %v, want %v", got, want)
	case f.ref.takePrefix(got) != nil:
		t.Fatalf("AllocPrefix(%v) = %v, which is not free", pol, got)
	}
}

// check fails t unless the counts agree with the reference.
func (f *fuzzV6) check(t *testing.T) {
	if got, want := f.pool.HeldCount(), len(f.ref.single); got != want {
		t.Fatalf("HeldCount() = %d, want %d", got, want)
	}
	if got, want := f.pool.FreePrefixes(), f.ref.freePrefixes(); got != want {
		t.Fatalf("FreePrefixes() = %d, want %d", got, want)
	}
}

func FuzzV6(f *testing.F) {
	// The first byte moves the lowest-address cursor to the start of
	// block 0 to 3 (see shiftCursor); then come operations.
	// Three allocations; the last is Random, draws only the held ::1,
	// and falls back to the lowest free address.
	f.Add([]byte{0, 2, 0, 2, 0, 2, 1})
	// A prefix, then a Take inside it and its release.
	f.Add([]byte{0, 5, 0, 0, 1, 5, 1, 1, 5})
	// The reserved tail of the last block, and the /80 that covers it.
	f.Add([]byte{0, 0, 0x83, 0, 3, 0x83, 0, 2})
	// A prefix taken and released below a shifted cursor, then the
	// lowest address.
	f.Add([]byte{2, 3, 1, 0, 2, 4, 1, 0, 2, 2, 0})
	// A Random allocation with the largest draw.
	f.Add([]byte{0, 2, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		tp := &tape{data: data}
		cidr := prefix(net6)
		pool, err := NewV6(cidr)
		if err != nil {
			t.Fatal(err)
		}
		shiftCursor(pool, int(tp.byte()%4))
		fz := &fuzzV6{pool: pool, ref: newSlowV6(cidr), tp: tp}
		for !tp.done() {
			fz.step(t)
			fz.check(t)
		}
	})
}
