package geo

import (
	"cmp"
	"slices"

	"github.com/paulmach/orb"
)

// overlapGroups divides boxes into groups such that no box overlaps or
// touches a box of another group, and returns the groups of two or more
// boxes (as indexes). Boxes sorted by their lower edge on one axis fall
// into runs whose extents on that axis are disjoint; each run is divided
// again on the other axis, and so on until a run no longer divides on
// either axis. The depth is capped, so that the work stays O(n log n)
// even for layouts that divide slowly; a capped group is merely larger
// than it could be.
func overlapGroups(boxes []orb.Bound) [][]int32 {
	idx := make([]int32, len(boxes))
	for i := range idx {
		idx[i] = int32(i)
	}
	var groups [][]int32
	var divide func(idx []int32, axis, depth, undivided int)
	divide = func(idx []int32, axis, depth, undivided int) {
		switch {
		case len(idx) < 2:
			return
		case undivided == 2 || depth == 32:
			groups = append(groups, idx)
			return
		}
		slices.SortFunc(idx, func(a, b int32) int { return cmp.Compare(boxes[a].Min[axis], boxes[b].Min[axis]) })
		lo := 0
		reach := boxes[idx[0]].Max[axis]
		for k := 1; k < len(idx); k++ {
			if boxes[idx[k]].Min[axis] > reach {
				divide(idx[lo:k], 1-axis, depth+1, 0)
				lo = k
			}
			reach = max(reach, boxes[idx[k]].Max[axis])
		}
		if lo == 0 {
			divide(idx, 1-axis, depth+1, undivided+1)
			return
		}
		divide(idx[lo:], 1-axis, depth+1, 0)
	}
	divide(idx, 0, 0, 0)
	return groups
}
