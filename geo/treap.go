package geo

// treap is a balanced binary search tree over nodes 0..n-1 (the
// segments of a sweep), ordered by position, not by key: the sweep splits
// it where a predicate on the nodes changes from true to false, and joins
// the parts back in order. Random heap priorities keep its expected depth
// logarithmic whatever the input (Seidel and Aragon, "Randomized search
// trees", 1996). It is written here because Go's standard library has
// no ordered tree and no package the module already uses offers split
// and join by predicate; it takes a few dozen lines.
type treap struct {
	nodes []treapNode
}

type treapNode struct {
	left, right int32 // children; -1 for none
	prio        uint32
}

// reset makes room for n nodes, all detached.
// The priorities come from SplitMix64 with a fixed seed, so that runs
// are repeatable.
func (t *treap) reset(n int) {
	t.nodes = grow(t.nodes, n)
	state := uint64(0)
	for i := range t.nodes {
		state += 0x9E3779B97F4A7C15
		z := state
		z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
		z = (z ^ z>>27) * 0x94D049BB133111EB
		t.nodes[i] = treapNode{left: -1, right: -1, prio: uint32(z ^ z>>31)}
	}
}

// grow returns s with length n, reusing its storage when it is large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// detach makes node i a tree of its own.
func (t *treap) detach(i int32) int32 {
	t.nodes[i].left, t.nodes[i].right = -1, -1
	return i
}

// merge joins two trees, every node of a before every node of b.
func (t *treap) merge(a, b int32) int32 {
	switch {
	case a < 0:
		return b
	case b < 0:
		return a
	case t.nodes[a].prio > t.nodes[b].prio:
		t.nodes[a].right = t.merge(t.nodes[a].right, b)
		return a
	default:
		t.nodes[b].left = t.merge(a, t.nodes[b].left)
		return b
	}
}

// split divides tree n into the nodes for which first holds and the rest;
// first must hold for a prefix of the tree's order.
func (t *treap) split(n int32, first func(int32) bool) (int32, int32) {
	if n < 0 {
		return -1, -1
	}
	if first(n) {
		a, b := t.split(t.nodes[n].right, first)
		t.nodes[n].right = a
		return n, b
	}
	a, b := t.split(t.nodes[n].left, first)
	t.nodes[n].left = b
	return a, n
}

// first returns the first node of tree n, or -1 if it is empty.
func (t *treap) first(n int32) int32 {
	for n >= 0 && t.nodes[n].left >= 0 {
		n = t.nodes[n].left
	}
	return n
}

// last returns the last node of tree n, or -1 if it is empty.
func (t *treap) last(n int32) int32 {
	for n >= 0 && t.nodes[n].right >= 0 {
		n = t.nodes[n].right
	}
	return n
}

// appendInOrder appends the nodes of tree n to dst in order.
func (t *treap) appendInOrder(dst []int32, n int32) []int32 {
	for n >= 0 {
		dst = t.appendInOrder(dst, t.nodes[n].left)
		dst = append(dst, n)
		n = t.nodes[n].right
	}
	return dst
}
