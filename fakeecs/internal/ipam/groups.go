package ipam

// An IPv4 prefix is a group: sixteen slots aligned on sixteen, a quarter
// of a bitmap word. A group is free when all sixteen of its slots are.

// groupSize is the number of addresses in an IPv4 prefix, a /28.
const groupSize = 16

// groupMask returns the word of group g and the mask of its slots.
func groupMask(g int) (w int, m uint64) {
	return g / 4, 0xffff << (g % 4 * groupSize)
}

// freeGroups returns how many of word's four groups are wholly clear.
func freeGroups(word uint64) int {
	n := 0
	for j := range 4 {
		if word>>(j*groupSize)&0xffff == 0 {
			n++
		}
	}
	return n
}

// nthFreeGroup returns the position in word of its r-th wholly clear
// group, counting from 0 at the lowest. The word must have more than r.
func nthFreeGroup(word uint64, r int) int {
	for j := range 4 {
		if word>>(j*groupSize)&0xffff != 0 {
			continue
		}
		if r == 0 {
			return j
		}
		r--
	}
	panic("ipam: too few free groups in word")
}
