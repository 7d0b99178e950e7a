package ipam

import (
	"encoding/binary"
	"errors"
	"net/netip"
	"testing"
)

// The fuzz tests read a byte string as a program of pool operations, run
// it against a pool and its slow reference, and check after every step
// that the two agree. A pool must never panic on any input.

// tape reads the program. Past its end it reads zeros. It is also the
// Rand of the Random policy, so the program chooses the random draws.
type tape struct{ data []byte }

func (tp *tape) done() bool { return len(tp.data) == 0 }

func (tp *tape) byte() byte {
	if tp.done() {
		return 0
	}
	b := tp.data[0]
	tp.data = tp.data[1:]
	return b
}

func (tp *tape) uint16() int {
	return int(tp.byte())<<8 | int(tp.byte())
}

func (tp *tape) uint64() uint64 {
	var b [8]byte
	for i := range b {
		b[i] = tp.byte()
	}
	return binary.BigEndian.Uint64(b[:])
}

// Uint64N draws from the tape, within range.
func (tp *tape) Uint64N(n uint64) uint64 { return tp.uint64() % n }

// policy reads Lowest or Random.
func (tp *tape) policy() Policy { return Policy(tp.byte() % 2) }

// sameError reports whether got is want, or wraps it.
func sameError(want, got error) bool {
	if want == nil {
		return got == nil
	}
	return errors.Is(got, want)
}

// fuzzV4 runs a program on a V4 pool and its reference.
type fuzzV4 struct {
	pool *V4
	ref  *slowV4
	tp   *tape
}

// addr reads an address of the block, or one just outside it.
func (f *fuzzV4) addr() netip.Addr {
	all := f.ref.all
	i := f.tp.uint16() % (len(all) + 2)
	switch i {
	case 0:
		return all[0].Prev()
	case len(all) + 1:
		return all[len(all)-1].Next()
	}
	return all[i-1]
}

// prefix reads a prefix around an address of the block: aligned /28s
// mostly, some unaligned or of the wrong length.
func (f *fuzzV4) prefix() netip.Prefix {
	a := f.addr()
	switch f.tp.byte() % 8 {
	case 0:
		return netip.PrefixFrom(a, 28)
	case 1:
		return netip.PrefixFrom(a, 27).Masked()
	}
	return netip.PrefixFrom(a, 28).Masked()
}

// step runs one operation and fails t if pool and reference disagree.
func (f *fuzzV4) step(t *testing.T) {
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

func (f *fuzzV4) agree(t *testing.T, op string, in any, want, got error) {
	t.Helper()
	if !sameError(want, got) {
		t.Fatalf("%s(%v) = %v, want %v", op, in, got, want)
	}
}

func (f *fuzzV4) alloc(t *testing.T) {
	pol := f.tp.policy()
	want, wantOK := f.ref.lowest()
	got, ok := f.pool.Alloc(pol, f.tp)
	switch {
	case ok != wantOK:
		t.Fatalf("Alloc(%v) ok = %v, want %v", pol, ok, wantOK)
	case ok && pol == Lowest && got != want:
		t.Fatalf("Alloc(Lowest) = %v, want %v", got, want)
	case ok && f.ref.take(got) != nil:
		t.Fatalf("Alloc(%v) = %v, which is not free", pol, got)
	}
}

func (f *fuzzV4) allocPrefix(t *testing.T) {
	pol := f.tp.policy()
	free := f.ref.freePrefixes()
	got, ok := f.pool.AllocPrefix(pol, f.tp)
	switch {
	case ok != (len(free) > 0):
		t.Fatalf("AllocPrefix(%v) ok = %v with %d free", pol, ok,
			len(free))
	case ok && pol == Lowest && got != free[0]:
		t.Fatalf("AllocPrefix(Lowest) = %v, want %v", got, free[0])
	case ok && f.ref.takePrefix(got) != nil:
		t.Fatalf("AllocPrefix(%v) = %v, which is not free", pol, got)
	}
}

// check fails t unless the counts agree with the reference.
func (f *fuzzV4) check(t *testing.T) {
	held := len(f.ref.single) + 16*len(f.ref.prefix)
	if got, want := f.pool.Available(), len(f.ref.all)-4-held; got != want {
		t.Fatalf("Available() = %d, want %d", got, want)
	}
	got, want := f.pool.FreePrefixes(), len(f.ref.freePrefixes())
	if got != want {
		t.Fatalf("FreePrefixes() = %d, want %d", got, want)
	}
}

func FuzzV4(f *testing.F) {
	// The first byte picks the mask, /20 to /29; then come operations.
	// A /24 and three allocations, the last one Random.
	f.Add([]byte{4, 2, 0, 2, 0, 2, 1})
	// A /29 run dry: four addresses, five allocations.
	f.Add([]byte{9, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0})
	// A /24: a prefix, a Take inside it, and a second prefix.
	f.Add([]byte{4, 5, 0, 0, 0, 0x11, 5, 0})
	// A /26: take 10.0.0.16/28 and release it.
	f.Add([]byte{6, 3, 0, 0x11, 2, 4, 0, 0x11, 2})
	// A /24: release the reserved 10.0.0.0 and the /28 that covers it.
	f.Add([]byte{4, 1, 0, 1, 4, 0, 1, 0})
	// A /20 and a Random allocation with the largest draw.
	f.Add([]byte{0, 2, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		tp := &tape{data: data}
		cidr := netip.PrefixFrom(addr("10.0.0.0"), 20+int(tp.byte()%10))
		pool, err := NewV4(cidr)
		if err != nil {
			t.Fatal(err)
		}
		fz := &fuzzV4{pool: pool, ref: newSlowV4(cidr), tp: tp}
		for !tp.done() {
			fz.step(t)
			fz.check(t)
		}
	})
}
