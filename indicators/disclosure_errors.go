package indicators

import (
	"planatlas/lang"
	"strings"
)

// LinkedCellsError reports that disclosure control would have to solve
// more linked cells at once than its dense method takes (MaxLinkedCells,
// MaxLinkedSums): the hidden or missing counts of a family's variables
// that sums link, or a family with more count variables than that.
type LinkedCellsError struct {
	Year     int      // 0 for a family that is too large in itself
	Vars     []string // the variables of the linked cells
	Families []string // "table/column" of the families that link them
	Cells    int      // linked hidden or missing cells (or the family's variables)
	Sums     int      // the relations among them
	MaxCells int
	MaxSums  int
	family   bool // the family itself is too large
}

func (e *LinkedCellsError) Error() string { return e.m().String() }

// Localize renders the error in the printer's language.
func (e *LinkedCellsError) Localize(p *lang.Printer) string { return p.Message(e.m()) }

func (e *LinkedCellsError) m() lang.Message {
	fams := lang.M("no family")
	if len(e.Families) > 0 {
		fams = lang.M("family %s", strings.Join(e.Families, ", "))
	}
	if e.family {
		return lang.M("disclosure control: %s has %d count variables (%s), more than the %d that disclosure control can protect together; split it: fewer variables from the same table column, or mark some as not counts (count: false) if they are not persons",
			fams, e.Cells, someNames(e.Vars, 5), e.MaxCells)
	}
	many := lang.M("%d hidden or missing counts", e.Cells)
	limit := lang.M("more than the %d", e.MaxCells)
	if e.Cells <= e.MaxCells {
		many = lang.M("%d hidden or missing counts, in %d sums,", e.Cells, e.Sums)
		limit = lang.M("more sums than the %d", e.MaxSums)
	}
	return lang.M("disclosure control, %d: %s of %s (%s) are linked to each other, %s that disclosure control can protect together; publish fewer variables of the family (drop bands or totals that no indicator needs, or use wider bands), so that fewer small counts are linked",
		lang.Digits(e.Year), many, someNames(e.Vars, 5), fams, limit)
}

// BadInput reports that the plan asks for more than disclosure control
// can do: the user must publish fewer linked counts.
func (e *LinkedCellsError) BadInput() bool { return true }

// someNames lists up to n names and how many there are in all.
func someNames(names []string, n int) lang.Message {
	if len(names) <= n {
		return lang.M("%s", strings.Join(names, ", "))
	}
	return lang.M("%s, … (%d in all)", strings.Join(names[:n], ", "), len(names))
}
