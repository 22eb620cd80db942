package indicators

import (
	"gonum.org/v1/gonum/mat"

	"planatlas/datasets"
)

// Hierarchy is the published geography: the same variables on the areas,
// the districts and the city, each level a Panel with the same years.
// Parent[l][u] is the unit of level l+1 that contains unit u of level l.
type Hierarchy struct {
	Levels []*datasets.Panel
	Parent [][]int
}

// SuppressionResult counts the cells disclosure control hid.
type SuppressionResult struct {
	Primary   int // counts 1 ≤ x < threshold
	Secondary int // cells hidden so that no primary cell can be recomputed
}

// Limits of the dense method: the most hidden or missing cells, and the
// most relations among them, that one dense solve takes. A solve of
// 1,000 cells by SVD takes about 10 s on one core and is repeated for
// every secondary cell of its group; beyond that, disclosure control
// refuses with a LinkedCellsError rather than run for hours or take
// gigabytes.
const (
	MaxLinkedCells = 1000
	MaxLinkedSums  = 8 * MaxLinkedCells
)

// Suppress applies disclosure control as German official statistics do
// (docs/methods.md section 4) to the count variables counts of every level,
// year by year, and marks hidden cells with the flag Suppressed; values
// are not changed (everything is computed from the true counts; outputs
// hide what is flagged).
//
// Primary suppression hides counts 1 ≤ x < threshold; zeros stay. Weighted
// counts (fractional by design) are judged by their rounded value, halves
// rounded down: any value above 0 up to threshold − ½ is hidden, so 0,4,
// 2,4 and 2,5 persons are small counts as 1 and 2 are.
// Secondary suppression then hides further cells until no hidden cell can
// be recomputed from what is published. The published cells obey linear
// relations: each district and the city is the sum of its parts, and the
// variables of a Family are sums over shared atoms (age bands add up to
// the total). A hidden cell is recoverable exactly when all solutions of
// these relations agree on it: when the null space of the relations,
// restricted to the unknown cells, has no component along it. While a
// hidden cell is recoverable, the smallest published cell that shares a
// relation with it and whose hiding makes it unrecoverable is hidden too
// (if its relations hold no published cell, the published cells that
// share a relation with any unknown cell of its block are the
// candidates; if no single candidate protects it, the smallest is hidden
// and further rounds add more). Cells missing in the source are in no
// published sum (a total is over the areas with a value; see Aggregate):
// they are known to add nothing, and are never hidden.
//
// The relations decompose, and so does the work. Variables that no
// family relation links are independent: the system is block diagonal,
// one block per connected component of the variables under the family
// relations (a variable without a family is a block of its own, with
// only the sums of the hierarchy). Within a block, the relations
// restricted to the unknown cells are block diagonal again, one block per
// group of unknown cells linked by shared relations; the null space, and
// so whether a cell is recoverable, is computed per group, by SVD, and
// only the group that a newly hidden cell joins is computed again. The
// cost grows with the number of variables and with the size of the
// largest group, not with the whole system. A group of more than
// MaxLinkedCells cells or MaxLinkedSums relations, or a family of more
// than MaxLinkedCells count variables, is refused with a
// LinkedCellsError, checked for the primary cells before any solve. The
// cells hidden are those the whole-system method hid, except where it
// took the last resort above among the candidates of the whole system
// and so could hide a cell of another block, which protected nothing.
//
// This guards against exact recomputation by any linear combination of
// published counts, not against bounds from non-negativity.
//
// The error is a *LinkedCellsError (bad input) when a group is too large,
// otherwise an internal error: the SVD did not converge.
func Suppress(h Hierarchy, families []datasets.Family, counts []string, threshold int) (SuppressionResult, error) {
	return suppress(h, families, counts, threshold, defaultConfig())
}

// config holds the limits and the null-space method, so that tests can
// lower the one and fake the other.
type config struct {
	maxCells, maxSums int
	nullSpace         func(a *mat.Dense) ([][]float64, error)
}

func defaultConfig() config {
	return config{maxCells: MaxLinkedCells, maxSums: MaxLinkedSums, nullSpace: nullSpace}
}

func suppress(h Hierarchy, families []datasets.Family, counts []string, threshold int, cfg config) (SuppressionResult, error) {
	var res SuppressionResult
	if threshold <= 1 || len(h.Levels) == 0 {
		return res, nil
	}
	blocks, err := partition(families, counts, cfg)
	if err != nil {
		return res, err
	}
	// Refuse early: no solve before every block's primary groups fit.
	for i := range blocks {
		s := newSystem(h, &blocks[i])
		for y := range h.Levels[0].Years {
			if err := s.newYear(y, threshold, cfg).checkSizes(); err != nil {
				return res, err
			}
		}
	}
	for i := range blocks {
		s := newSystem(h, &blocks[i])
		for y := range h.Levels[0].Years {
			p, sec, err := s.newYear(y, threshold, cfg).suppress()
			if err != nil {
				return res, err
			}
			res.Primary += p
			res.Secondary += sec
		}
	}
	return res, nil
}

// primary reports whether a count x is hidden by primary suppression:
// 1 ≤ x < threshold for whole counts; for weighted (fractional) counts,
// 0 < x ≤ threshold − ½.
func primary(x float64, threshold int) bool {
	return x > 0 && x <= float64(threshold)-0.5
}
