package ipam

import (
	"math/rand/v2"
	"net/netip"
	"testing"
)

// The benchmarks time allocations only. Every batch allocations the
// timer stops while the batch is released, so the pool stays near the
// state the benchmark names.

const batch = 1024

// benchAlloc runs alloc b.N times, calling release with the timer stopped
// after every batch.
func benchAlloc[T any](b *testing.B, alloc func() T, release func(T)) {
	got := make([]T, 0, batch)
	b.ResetTimer()
	for range b.N {
		got = append(got, alloc())
		if len(got) == batch {
			b.StopTimer()
			for _, x := range got {
				release(x)
			}
			got = got[:0]
			b.StartTimer()
		}
	}
}

// heldV4 returns a /16 pool with the lowest n addresses held.
func heldV4(b *testing.B, n int) *V4 {
	p := mustV4(b, "10.0.0.0/16")
	for range n {
		p.Alloc(Lowest, nil)
	}
	return p
}

// releaseV4 returns a function that releases an address, failing b on
// error.
func releaseV4(b *testing.B, p *V4) func(netip.Addr) {
	return func(a netip.Addr) {
		if err := p.Release(a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkV4Alloc(b *testing.B) {
	for _, bc := range []struct {
		name string
		held int
	}{{"empty", 0}, {"held60000", 60000}} {
		b.Run(bc.name, func(b *testing.B) {
			p := heldV4(b, bc.held)
			alloc := func() netip.Addr {
				a, ok := p.Alloc(Lowest, nil)
				if !ok {
					b.Fatal("pool ran dry")
				}
				return a
			}
			benchAlloc(b, alloc, releaseV4(b, p))
		})
	}
}

func BenchmarkV4AllocRandom(b *testing.B) {
	for _, bc := range []struct {
		name string
		held int
	}{{"empty", 0}, {"held60000", 60000}} {
		b.Run(bc.name, func(b *testing.B) {
			p := heldV4(b, bc.held)
			r := rand.New(rand.NewPCG(1, 2))
			alloc := func() netip.Addr {
				a, _ := p.Alloc(Random, r)
				return a
			}
			benchAlloc(b, alloc, releaseV4(b, p))
		})
	}
}

func BenchmarkV4AllocPrefix(b *testing.B) {
	for _, pol := range []Policy{Lowest, Random} {
		b.Run(pol.String(), func(b *testing.B) {
			p := mustV4(b, "10.0.0.0/16")
			r := rand.New(rand.NewPCG(1, 2))
			alloc := func() netip.Prefix {
				q, ok := p.AllocPrefix(pol, r)
				if !ok {
					b.Fatal("pool ran dry")
				}
				return q
			}
			release := func(q netip.Prefix) {
				if err := p.ReleasePrefix(q); err != nil {
					b.Fatal(err)
				}
			}
			benchAlloc(b, alloc, release)
		})
	}
}

func BenchmarkV6Alloc(b *testing.B) {
	for _, pol := range []Policy{Lowest, Random} {
		b.Run(pol.String(), func(b *testing.B) {
			p := mustV6(b, net6)
			r := rand.New(rand.NewPCG(1, 2))
			alloc := func() netip.Addr {
				a, _ := p.Alloc(pol, r)
				return a
			}
			release := func(a netip.Addr) {
				if err := p.Release(a); err != nil {
					b.Fatal(err)
				}
			}
			benchAlloc(b, alloc, release)
		})
	}
}

func BenchmarkV6AllocPrefix(b *testing.B) {
	p := mustV6(b, net6)
	alloc := func() netip.Prefix {
		q, _ := p.AllocPrefix(Lowest, nil)
		return q
	}
	release := func(q netip.Prefix) {
		if err := p.ReleasePrefix(q); err != nil {
			b.Fatal(err)
		}
	}
	benchAlloc(b, alloc, release)
}
