package ipam

import "math/bits"

// slots is a row of numbered slots, each free or used, that finds the k-th
// free slot in O(log n). A slot is used when its bit is set; the bits past
// the last slot of the last word are set for good, so they are never free.
// The zero slots has no slots.
type slots struct {
	used []uint64 // bit i%64 of used[i/64] is set when slot i is used
	free fenwick  // the number of clear bits in each word of used
}

// newSlots returns n free slots.
func newSlots(n int) slots {
	used := make([]uint64, (n+63)/64)
	if tail := n % 64; tail != 0 {
		used[len(used)-1] = ^uint64(0) << tail
	}
	free := make([]int, len(used))
	for w, word := range used {
		free[w] = 64 - bits.OnesCount64(word)
	}
	return slots{used: used, free: newFenwick(free)}
}

// bit returns the word of slot i and its bit in that word.
func bit(i int) (w int, m uint64) { return i / 64, 1 << (i % 64) }

// count returns the number of free slots.
func (s *slots) count() int { return s.free.total }

// isUsed reports whether slot i is used.
func (s *slots) isUsed(i int) bool {
	w, m := bit(i)
	return s.used[w]&m != 0
}

// fill marks the slots of mask m in word w used.
func (s *slots) fill(w int, m uint64) {
	old := s.used[w]
	s.used[w] = old | m
	s.free.add(w, -bits.OnesCount64(m&^old))
}

// drain marks the slots of mask m in word w free.
func (s *slots) drain(w int, m uint64) {
	old := s.used[w]
	s.used[w] = old &^ m
	s.free.add(w, bits.OnesCount64(m&old))
}

// use marks slot i used.
func (s *slots) use(i int) { s.fill(bit(i)) }

// unuse marks slot i free.
func (s *slots) unuse(i int) { s.drain(bit(i)) }

// nth returns the k-th free slot, counting from 0 at the lowest. It needs
// 0 <= k < s.count().
func (s *slots) nth(k int) int {
	w, r := s.free.find(k)
	return w*64 + nthZero(s.used[w], r)
}

// nthZero returns the position of the r-th clear bit of word, counting
// from 0 at the least significant bit. The word must have more than r
// clear bits.
func nthZero(word uint64, r int) int {
	x := ^word
	for ; r > 0; r-- {
		x &= x - 1
	}
	return bits.TrailingZeros64(x)
}
