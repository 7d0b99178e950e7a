package ipam

import "math/bits"

// fenwick is a binary indexed tree of counts, one count per word of a
// bitmap. It adds to one count and finds the word holding the k-th unit,
// both in O(log n). The zero fenwick has no words and a total of zero.
type fenwick struct {
	tree  []int // tree[i] sums the counts of words (i - i&-i, i], 1-based
	top   int   // the highest power of two not above len(tree)-1
	total int   // the sum of all counts
}

// newFenwick returns a tree over the given counts.
func newFenwick(counts []int) fenwick {
	f := fenwick{tree: make([]int, len(counts)+1)}
	for i, c := range counts {
		f.tree[i+1] = c
		f.total += c
	}
	for i := 1; i < len(f.tree); i++ {
		if up := i + i&-i; up < len(f.tree) {
			f.tree[up] += f.tree[i]
		}
	}
	if len(counts) > 0 {
		f.top = 1 << (bits.Len(uint(len(counts))) - 1)
	}
	return f
}

// add adds d to the count of word w.
func (f *fenwick) add(w, d int) {
	f.total += d
	for i := w + 1; i < len(f.tree); i += i & -i {
		f.tree[i] += d
	}
}

// find returns the word that holds unit k, counting units from 0 across
// the words in order, and k's rank among that word's units. It needs
// 0 <= k < f.total.
func (f *fenwick) find(k int) (w, rank int) {
	for step := f.top; step > 0; step >>= 1 {
		next := w + step
		if next < len(f.tree) && f.tree[next] <= k {
			w = next
			k -= f.tree[next]
		}
	}
	return w, k
}
