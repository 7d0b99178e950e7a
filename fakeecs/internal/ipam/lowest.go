package ipam

import (
	"cmp"
	"container/heap"
	"slices"
)

// lowest tracks where the lowest free IPv6 address may be, without a scan
// of the /64.
//
// The cursor only moves up, stepping over identifiers that are held
// singly or inside a held prefix. Below the cursor, an identifier is free
// only if it was freed after the cursor passed it, and every such
// identifier lies in one of the gaps, the spans freed since. A gap may
// have gone stale since it was freed, in part or in whole; stale parts
// are dropped from its front when it comes to the top of the heap.
//
// Each identifier the cursor or a gap steps over is stepped over once, so
// finding the lowest free address costs amortised O(log n) in the number
// of gaps. So that addresses taken and freed over and over below the
// cursor do not pile up gaps, the gaps are compacted whenever their number
// doubles.
type lowest struct {
	cursor uint64 // no identifier below it is free unless in a gap
	gaps   gaps   // spans freed below the cursor, lowest first
	limit  int    // compact the gaps when there are more than this
}

// minGapLimit is the least number of gaps that triggers a compaction.
const minGapLimit = 64

// span is an inclusive range of interface identifiers.
type span struct{ lo, hi uint64 }

// gaps is a min-heap of spans by their first identifier.
type gaps []span

// byLo orders spans by their first identifier.
func byLo(a, b span) int { return cmp.Compare(a.lo, b.lo) }

func (h gaps) Len() int           { return len(h) }
func (h gaps) Less(i, j int) bool { return byLo(h[i], h[j]) < 0 }
func (h gaps) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *gaps) Push(x any)        { *h = append(*h, x.(span)) }

func (h *gaps) Pop() any {
	old := *h
	s := old[len(old)-1]
	*h = old[:len(old)-1]
	return s
}

// freed records that the identifiers lo to hi are free again. Only the
// part below the cursor needs a gap; the cursor will find the rest.
func (p *V6) freed(lo, hi uint64) {
	l := &p.low
	if lo >= l.cursor {
		return
	}
	heap.Push(&l.gaps, span{lo, min(hi, l.cursor-1)})
	if len(l.gaps) > l.limit {
		p.compact()
	}
}

// compact trims the held front of every gap, drops the gaps left empty,
// and merges those that overlap or touch. The gaps still cover every free
// identifier below the cursor, and a sorted slice is a valid heap.
func (p *V6) compact() {
	l := &p.low
	kept := l.gaps[:0]
	for _, g := range l.gaps {
		if g.lo = p.skip(g.lo); g.lo <= g.hi {
			kept = append(kept, g)
		}
	}
	slices.SortFunc(kept, byLo)
	merged := kept[:0]
	for _, g := range kept {
		n := len(merged)
		if n > 0 && g.lo <= merged[n-1].hi+1 {
			merged[n-1].hi = max(merged[n-1].hi, g.hi)
			continue
		}
		merged = append(merged, g)
	}
	l.gaps = merged
	l.limit = max(2*len(merged), minGapLimit)
}

// lowestFree returns the lowest free identifier that is not reserved, and
// false if there is none.
func (p *V6) lowestFree() (uint64, bool) {
	for len(p.low.gaps) > 0 {
		top := &p.low.gaps[0]
		lo := p.skip(top.lo)
		switch {
		case lo > top.hi:
			heap.Pop(&p.low.gaps)
		case lo != top.lo:
			top.lo = lo
			heap.Fix(&p.low.gaps, 0)
		default:
			return lo, true
		}
	}
	p.low.cursor = p.skip(p.low.cursor)
	return p.low.cursor, p.low.cursor < tailStart
}

// skip returns the first identifier at or after id that is neither held
// singly nor inside a held prefix. Neither the reserved tail nor the last
// block can be held, so skip never runs past the end of the /64.
func (p *V6) skip(id uint64) uint64 {
	for !p.free(id) {
		if b := blockOf(id); p.held.has(b) {
			id = blockStart(b + 1)
			continue
		}
		id++
	}
	return id
}
