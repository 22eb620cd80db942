package geo

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"sort"
	"strconv"
	"sync"

	"github.com/paulmach/orb"
	"github.com/peterstace/simplefeatures/geom"
)

// A CrosswalkRow is one piece of the overlay of an older layer of planning
// areas with the current one: the part of old area Old that lies in new
// area New.
type CrosswalkRow struct {
	Old, New string
	AreaM2   float64 // the piece's area in square metres
	// OldShare is the piece's share of the old area (of its pieces that
	// are kept): the share of a count on the old area that moves to the
	// new one by area weighting. The OldShares of an old area sum to 1.
	OldShare float64
	// NewShare is the piece's share of the new area (of its kept pieces).
	NewShare float64
	// Exact is true if the new area is, within the tolerance, one old
	// area or a union of whole old areas: counts move onto it exactly.
	// Otherwise the piece's counts are estimated.
	Exact bool
}

// A CrosswalkTable is the overlay of an older layer of planning areas with
// the current one, sorted by old key, then new key.
type CrosswalkTable struct {
	Rows []CrosswalkRow
	// OldKeys and NewKeys are the two layers' keys in their order; OldArea
	// and NewArea their areas in square metres.
	OldKeys, NewKeys []string
	OldArea, NewArea []float64
	// Slivers counts the pieces dropped as slivers, SliverM2 their area;
	// Dropped are those pieces (Old, New and AreaM2 set), kept for
	// AreaWeighted.
	Slivers  int
	SliverM2 float64
	Dropped  []CrosswalkRow
	tol      float64 // the relative tolerance it was made with
	// Lost are the old areas that no new area covers (their counts
	// cannot move); Uncovered the new areas no old area covers.
	Lost, Uncovered []string
	// OldCovered and NewCovered are the share of each area's area that the
	// kept pieces cover (by the keys' order): well below 1 where the other
	// layer does not cover the area, for messages.
	OldCovered, NewCovered []float64
	byOld                  map[string][]int // rows per old key
}

// DefaultCrosswalkTolerance is the relative tolerance Crosswalk uses when
// given none: 0.1 %.
const DefaultCrosswalkTolerance = 1e-3

// SliverWidth is the mean width (2 × area / perimeter) below which a piece
// of the overlay is a sliver: a strip along a border that the two layers
// digitised differently. Berlin's two layers differ along the Bezirk
// borders by strips of up to 3,000 m² but at most 6.2 m mean width.
const SliverWidth = 10.0

// Crosswalk overlays the older layer old with the current layer cur and
// returns, for every pair of areas that intersect with positive area, the
// area of the intersection and its shares of both areas. Both layers are
// planar once read; if their CRSs differ, a copy of old is projected to
// cur's CRS.
//
// tol is a relative tolerance (DefaultCrosswalkTolerance if ≤ 0):
//   - Slivers — pieces smaller than 1 m² or than tol times the smaller of
//     the two areas, or thinner than SliverWidth on average, as digitising
//     differences between two layers leave along shared borders — are
//     dropped, and the shares of the remaining
//     pieces renormalised so that an old area's shares sum to 1 (its
//     counts are moved in full) and a new area's shares sum to 1.
//   - A new area is exact if every kept piece in it carries at least
//     1 − tol of its old area's kept pieces: it is, but for slivers, one
//     old area or a union of whole old ones. How much of each area the
//     other layer covers is in OldCovered and NewCovered.
//
// Candidate pairs are found by their bounding boxes; only those are
// intersected.
func Crosswalk(old, cur *Areas, tol float64) (*CrosswalkTable, error) {
	if !(tol > 0) {
		tol = DefaultCrosswalkTolerance
	}
	oldGeoms := old.In(cur.CRS).Geoms
	t := &CrosswalkTable{OldKeys: old.Keys, NewKeys: cur.Keys, tol: tol}
	var oldSF, curSF []geom.Geometry
	var oldBox, curBox []orb.Bound
	t.OldArea, oldSF, oldBox = prepareOverlay(oldGeoms)
	t.NewArea, curSF, curBox = prepareOverlay(cur.Geoms)
	cut, err := overlay(oldSF, curSF, oldBox, curBox)
	if err != nil {
		var oe *overlayError
		if errors.As(err, &oe) {
			return nil, fmt.Errorf("crosswalk: intersecting old area %s with area %s: %w", old.Keys[oe.i], cur.Keys[oe.j], oe.err)
		}
		return nil, err
	}
	type piece struct {
		i, j int
		a    float64
	}
	var pieces []piece
	for i, cs := range cut {
		for _, c := range cs {
			if c.a < 1 || c.a < tol*math.Min(t.OldArea[i], t.NewArea[c.j]) || 2*c.a/c.perimeter < SliverWidth {
				t.Slivers++
				t.SliverM2 += c.a
				t.Dropped = append(t.Dropped, CrosswalkRow{Old: old.Keys[i], New: cur.Keys[c.j], AreaM2: c.a})
				continue
			}
			pieces = append(pieces, piece{i, c.j, c.a})
		}
	}
	oldSum := make([]float64, len(oldGeoms))
	for _, p := range pieces {
		oldSum[p.i] += p.a
	}
	// An old area that lies, but for less than tol of it, in one new
	// area moves there whole: its other pieces, however wide, are
	// dropped with the slivers, so that the new area's count is exact and
	// not short of what target density would give those pieces.
	main := make([]bool, len(oldGeoms))
	for _, p := range pieces {
		if p.a >= (1-tol)*oldSum[p.i] {
			main[p.i] = true
		}
	}
	kept := pieces[:0]
	for _, p := range pieces {
		if main[p.i] && p.a < (1-tol)*oldSum[p.i] {
			t.Slivers++
			t.SliverM2 += p.a
			t.Dropped = append(t.Dropped, CrosswalkRow{Old: old.Keys[p.i], New: cur.Keys[p.j], AreaM2: p.a})
			continue
		}
		kept = append(kept, p)
	}
	pieces = kept
	oldSum = make([]float64, len(oldGeoms))
	newSum := make([]float64, cur.Len())
	for _, p := range pieces {
		oldSum[p.i] += p.a
		newSum[p.j] += p.a
	}
	// A new area is exact if each of its pieces is a whole old area once
	// slivers are dropped (shares renormalised), and the old areas cover
	// it but for slivers.
	exact := make([]bool, cur.Len())
	for j := range exact {
		exact[j] = newSum[j] > 0
	}
	for _, p := range pieces {
		if p.a < (1-tol)*oldSum[p.i] {
			exact[p.j] = false
		}
	}
	t.OldCovered = make([]float64, len(oldSum))
	for i, s := range oldSum {
		t.OldCovered[i] = s / t.OldArea[i]
	}
	t.NewCovered = make([]float64, len(newSum))
	for j, s := range newSum {
		t.NewCovered[j] = s / t.NewArea[j]
	}
	for i, s := range oldSum {
		if s == 0 {
			t.Lost = append(t.Lost, old.Keys[i])
		}
	}
	for j, s := range newSum {
		if s == 0 {
			t.Uncovered = append(t.Uncovered, cur.Keys[j])
		}
	}
	t.Rows = make([]CrosswalkRow, len(pieces))
	for k, p := range pieces {
		t.Rows[k] = CrosswalkRow{
			Old: old.Keys[p.i], New: cur.Keys[p.j], AreaM2: p.a,
			OldShare: p.a / oldSum[p.i], NewShare: p.a / newSum[p.j],
			Exact: exact[p.j],
		}
	}
	sortRows(t.Rows)
	t.index()
	return t, nil
}

func (t *CrosswalkTable) index() {
	t.byOld = make(map[string][]int)
	for k, r := range t.Rows {
		t.byOld[r.Old] = append(t.byOld[r.Old], k)
	}
}

// Extensive moves counts (residents, children) given per old key onto the
// new areas and returns them per new key.
//
// Without weights each old area's count is split by area (count × the
// piece's OldShare). With weights — per new key, e.g. the first year
// published on the new areas (target-density weighting, Schroeder 2007;
// docs/methods.md section 10) — the count is
// split in proportion to the weight falling on each piece, weight of the
// new area × the piece's NewShare, normalised over the old area's pieces.
// An old area whose pieces carry no weight at all is split by area. Either
// way an old area's count is moved in full, so totals are kept; pieces
// into exact new areas move whole old areas and are not estimated at all.
//
// Rates and shares are not moved by this: re-base their numerator and
// denominator with Extensive and divide on the new areas (never average
// the old rates). Old keys not in the table are ignored (see Lost).
func (t *CrosswalkTable) Extensive(oldValues map[string]float64, weights map[string]float64) map[string]float64 {
	shares := t.Shares(weights)
	out := make(map[string]float64)
	for key, v := range oldValues {
		for _, k := range t.byOld[key] {
			out[t.Rows[k].New] += v * shares[k]
		}
	}
	return out
}

// Shares returns, per row, the share of the old area's counts that moves
// to the new area: with weights (per new key) the piece's share of the
// weight on the old area's pieces, else (and for an old area whose pieces
// carry no weight) its OldShare.
func (t *CrosswalkTable) Shares(weights map[string]float64) []float64 {
	out := make([]float64, len(t.Rows))
	for _, rows := range t.byOld {
		var wsum float64
		for _, k := range rows {
			if w := weights[t.Rows[k].New]; w > 0 {
				wsum += w * t.Rows[k].NewShare
			}
		}
		for _, k := range rows {
			r := t.Rows[k]
			out[k] = r.OldShare
			if wsum > 0 {
				out[k] = math.Max(weights[r.New], 0) * r.NewShare / wsum
			}
		}
	}
	return out
}

// WriteCSV writes the table as crosswalk.csv: per piece the old and new
// key, the piece's area in m², its area share of the old area, the share
// of the old area's counts it receives with weights (the area share
// without), and "exact" or "estimated".
func (t *CrosswalkTable) WriteCSV(w io.Writer, weights map[string]float64) error {
	c := csv.NewWriter(w)
	if err := c.Write([]string{"old_key", "new_key", "area_m2", "area_share", "weight_share", "status"}); err != nil {
		return err
	}
	shares := t.Shares(weights)
	for k, r := range t.Rows {
		status := "estimated"
		if r.Exact {
			status = "exact"
		}
		if err := c.Write([]string{r.Old, r.New, strconv.FormatFloat(r.AreaM2, 'f', 1, 64),
			strconv.FormatFloat(r.OldShare, 'f', 6, 64), strconv.FormatFloat(shares[k], 'f', 6, 64), status}); err != nil {
			return err
		}
	}
	c.Flush()
	return c.Error()
}

// Estimated returns the new keys whose re-based counts are estimated: the
// new areas that are not exact.
func (t *CrosswalkTable) Estimated() map[string]bool {
	out := make(map[string]bool)
	for _, r := range t.Rows {
		if !r.Exact {
			out[r.New] = true
		}
	}
	return out
}

// AreaWeighted interpolates values given per old key onto the new areas
// by plain area weighting over every piece of the overlay, slivers
// included, as R sf's st_interpolate_aw does (Pebesma 2018, sf 1.0.9):
//
//	extensive (counts):  y_j = Σ_i x_i · |A_i ∩ B_j| / |A_i|
//	intensive (densities, shares):  y_j = Σ_i x_i · |A_i ∩ B_j| / Σ_i |A_i ∩ B_j|
//
// with A_i the old areas and B_j the new ones. It is the reference that
// ties the overlay to a peer; runs re-base with Extensive, which drops
// slivers and moves whole old areas exactly. A new area that meets an
// old area without a value, or no old area, has no value.
func (t *CrosswalkTable) AreaWeighted(oldValues map[string]float64, extensive bool) map[string]float64 {
	oldArea := make(map[string]float64, len(t.OldKeys))
	for i, k := range t.OldKeys {
		oldArea[k] = t.OldArea[i]
	}
	sum, weight := map[string]float64{}, map[string]float64{}
	incomplete := map[string]bool{}
	for _, rows := range [][]CrosswalkRow{t.Rows, t.Dropped} {
		for _, r := range rows {
			v, ok := oldValues[r.Old]
			if !ok {
				incomplete[r.New] = true
				continue
			}
			w := r.AreaM2
			if extensive {
				w /= oldArea[r.Old]
			}
			sum[r.New] += v * w
			weight[r.New] += r.AreaM2
		}
	}
	out := make(map[string]float64, len(sum))
	for k, s := range sum {
		switch {
		case incomplete[k]:
		case extensive:
			out[k] = s
		default:
			out[k] = s / weight[k]
		}
	}
	return out
}

// Reverse returns the crosswalk from the current layer back to the older
// one: the same pieces (and slivers) with the layers' roles swapped, a
// piece's shares swapped, and an older area exact where it is, but for
// slivers, one current area or a union of whole current ones. It equals
// Crosswalk(cur, old, tol) but for the order of floating-point sums,
// without intersecting again.
func (t *CrosswalkTable) Reverse() *CrosswalkTable {
	r := &CrosswalkTable{
		OldKeys: t.NewKeys, NewKeys: t.OldKeys, OldArea: t.NewArea, NewArea: t.OldArea,
		Slivers: t.Slivers, SliverM2: t.SliverM2, tol: t.tol,
		Lost: t.Uncovered, Uncovered: t.Lost, OldCovered: t.NewCovered, NewCovered: t.OldCovered,
	}
	exact := map[string]bool{}
	for _, row := range t.Rows {
		if _, seen := exact[row.Old]; !seen {
			exact[row.Old] = true
		}
		if row.NewShare < 1-t.tol {
			exact[row.Old] = false
		}
	}
	r.Rows = make([]CrosswalkRow, len(t.Rows))
	for k, row := range t.Rows {
		r.Rows[k] = CrosswalkRow{Old: row.New, New: row.Old, AreaM2: row.AreaM2, OldShare: row.NewShare, NewShare: row.OldShare, Exact: exact[row.Old]}
	}
	for _, d := range t.Dropped {
		r.Dropped = append(r.Dropped, CrosswalkRow{Old: d.New, New: d.Old, AreaM2: d.AreaM2})
	}
	sortRows(r.Rows)
	r.index()
	return r
}

// RowsOf returns the positions in Rows of the pieces of old area key.
func (t *CrosswalkTable) RowsOf(key string) []int { return t.byOld[key] }

// prepareOverlay returns each multipolygon's area, its simplefeatures
// geometry and its bounding box.
func prepareOverlay(geoms []orb.MultiPolygon) ([]float64, []geom.Geometry, []orb.Bound) {
	area := make([]float64, len(geoms))
	sf := make([]geom.Geometry, len(geoms))
	box := make([]orb.Bound, len(geoms))
	for i, g := range geoms {
		area[i] = multiPolygonArea(g)
		sf[i] = toSF(g).AsGeometry()
		box[i] = g.Bound()
	}
	return area, sf, box
}

// An overlayCut is the intersection of an old area with new area j: its
// area and perimeter.
type overlayCut struct {
	j            int
	a, perimeter float64
}

type overlayError struct {
	i, j int
	err  error
}

func (e *overlayError) Error() string { return e.err.Error() }
func (e *overlayError) Unwrap() error { return e.err }

// overlay intersects every old area with the new areas whose boxes meet
// its box, and returns per old area the intersections with positive
// area, in the order of the new areas' western edges. The old areas are
// shared among as many goroutines as there are CPUs (intersecting is
// nearly all of a crosswalk's time: about 4 s for Berlin's 448 × 542 areas on
// one core); the result does not depend on their number.
func overlay(oldSF, curSF []geom.Geometry, oldBox, curBox []orb.Bound) ([][]overlayCut, error) {
	// Candidates: the new areas sorted by their boxes' western edge; an
	// old area scans those that start before its eastern edge.
	order := make([]int, len(curSF))
	for j := range order {
		order[j] = j
	}
	sort.SliceStable(order, func(a, b int) bool { return curBox[order[a]].Min[0] < curBox[order[b]].Min[0] })
	out := make([][]overlayCut, len(oldSF))
	errs := make([]error, len(oldSF))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = cutOld(oldSF[i], oldBox[i], curSF, curBox, order, i)
			}
		}()
	}
	for i := range oldSF {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// cutOld intersects old area i with the candidate new areas.
func cutOld(o geom.Geometry, ob orb.Bound, curSF []geom.Geometry, curBox []orb.Bound, order []int, i int) ([]overlayCut, error) {
	var cuts []overlayCut
	for _, j := range order {
		cb := curBox[j]
		if cb.Min[0] > ob.Max[0] {
			break
		}
		if cb.Max[0] < ob.Min[0] || cb.Max[1] < ob.Min[1] || cb.Min[1] > ob.Max[1] {
			continue
		}
		g, err := geom.Intersection(o, curSF[j])
		if err != nil {
			return nil, &overlayError{i, j, err}
		}
		if a := g.Area(); a > 0 {
			cuts = append(cuts, overlayCut{j: j, a: a, perimeter: g.Boundary().Length()})
		}
	}
	return cuts, nil
}

// PieceShares returns, per row, the share of the old area's counts that
// moves to the new area in proportion to weights given per piece (old
// key, new key) — an auxiliary layer located in the pieces: addresses,
// or grid cells by their centres. An old area whose pieces carry no
// weight is shared by area (OldShare).
func (t *CrosswalkTable) PieceShares(weights map[[2]string]float64) []float64 {
	out := make([]float64, len(t.Rows))
	for _, rows := range t.byOld {
		var sum float64
		for _, k := range rows {
			sum += math.Max(weights[[2]string{t.Rows[k].Old, t.Rows[k].New}], 0)
		}
		for _, k := range rows {
			r := t.Rows[k]
			out[k] = r.OldShare
			if sum > 0 {
				out[k] = math.Max(weights[[2]string{r.Old, r.New}], 0) / sum
			}
		}
	}
	return out
}

// sortRows sorts rows by old key, then new key.
func sortRows(rows []CrosswalkRow) {
	sort.Slice(rows, func(a, b int) bool {
		if rows[a].Old != rows[b].Old {
			return rows[a].Old < rows[b].Old
		}
		return rows[a].New < rows[b].New
	})
}
