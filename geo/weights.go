package geo

import (
	"fmt"
	"planatlas/lang"
	"sort"
)

// Style is how the weights of a row are scaled.
type Style byte

const (
	// Binary weights are 1 for a neighbour ("B" in spdep and PySAL).
	Binary Style = 'B'
	// RowStandardised weights sum to 1 over each row ("W"); the
	// default of docs/methods.md section 6. Rows of islands stay empty.
	RowStandardised Style = 'W'
)

func (s Style) String() string { return string(s) }

// ParseStyle reads "B" or "W" (either case).
func ParseStyle(s string) (Style, error) {
	switch s {
	case "B", "b":
		return Binary, nil
	case "W", "w", "":
		return RowStandardised, nil
	}
	return 0, fmt.Errorf("unknown weights style %q: use W (row-standardised) or B (binary)", s)
}

// Weights are spatial weights w_ij on an area order: for each area i its
// neighbours j (ascending) and their weights. Contiguity weights are
// symmetric in their neighbours; k-nearest-neighbour weights need not be.
// Every statistic of the analysis package takes one Weights, built on the
// Panel's area order, so data and weights cannot be misaligned.
type Weights struct {
	Keys       []string // the area order
	Kind       string   // how the neighbours were found, for provenance: "queen, tolerance 0.1 m"
	Style      Style
	Neighbours Neighbours
	Values     [][]float64 // Values[i][k] is the weight of Neighbours[i][k]
}

// NewWeights makes weights of the given style from neighbour lists.
func NewWeights(keys []string, nb Neighbours, kind string, style Style) *Weights {
	w := &Weights{Keys: keys, Kind: kind, Style: Binary, Neighbours: nb, Values: make([][]float64, len(nb))}
	for i, n := range nb {
		w.Values[i] = make([]float64, len(n))
		for k := range n {
			w.Values[i][k] = 1
		}
	}
	return w.WithStyle(style)
}

// Len returns the number of areas.
func (w *Weights) Len() int { return len(w.Keys) }

// WithStyle returns the weights rescaled to style: binary sets every
// weight to 1 (general weights, such as inverse distances, keep their
// values), row-standardised divides each row by its sum.
func (w *Weights) WithStyle(style Style) *Weights {
	out := &Weights{Keys: w.Keys, Kind: w.Kind, Style: style, Neighbours: w.Neighbours, Values: make([][]float64, len(w.Values))}
	for i, row := range w.Values {
		r := make([]float64, len(row))
		var sum float64
		for _, v := range row {
			sum += v
		}
		for k, v := range row {
			switch style {
			case RowStandardised:
				r[k] = v / sum
			default:
				r[k] = 1
			}
		}
		out.Values[i] = r
	}
	return out
}

// Islands returns the areas without neighbours.
func (w *Weights) Islands() []int { return w.Neighbours.Islands() }

// Links returns the number of non-zero weights.
func (w *Weights) Links() int {
	n := 0
	for _, r := range w.Neighbours {
		n += len(r)
	}
	return n
}

// Components returns the connected components of the neighbour graph
// (links taken as undirected), each as ascending area positions, the
// components ordered by their first area. A city whose areas fall into
// several components (an exclave, an island in a river) has spatial
// statistics that cannot see across the break.
func (w *Weights) Components() [][]int {
	n := w.Len()
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i, row := range w.Neighbours {
		for _, j := range row {
			ri, rj := find(i), find(j)
			if ri != rj {
				parent[max(ri, rj)] = min(ri, rj)
			}
		}
	}
	byRoot := map[int]int{}
	var comps [][]int
	for i := 0; i < n; i++ {
		r := find(i)
		k, ok := byRoot[r]
		if !ok {
			k = len(comps)
			byRoot[r] = k
			comps = append(comps, nil)
		}
		comps[k] = append(comps[k], i)
	}
	return comps
}

// Symmetric reports whether j is a neighbour of i exactly when i is one
// of j, with equal weights.
func (w *Weights) Symmetric() bool {
	for i, row := range w.Neighbours {
		for k, j := range row {
			m := sort.SearchInts(w.Neighbours[j], i)
			if m == len(w.Neighbours[j]) || w.Neighbours[j][m] != i || w.Values[j][m] != w.Values[i][k] {
				return false
			}
		}
	}
	return true
}

// Summary describes the weights in one line, in English.
func (w *Weights) Summary() string { return w.SummaryOf(w.Kind).String() }

// SummaryOf describes the weights in one line for the run's notes, with
// kind saying how they were built (a string or a lang.Message).
func (w *Weights) SummaryOf(kind any) lang.Message {
	n := w.Len()
	links := w.Links()
	mean := 0.0
	if n > 0 {
		mean = float64(links) / float64(n)
	}
	return lang.M("%s, style %s: %d areas, %d links, %.2f neighbours on average, %d island(s), %d component(s)",
		kind, w.Style.String(), n, links, mean, len(w.Islands()), len(w.Components()))
}
