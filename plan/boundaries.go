package plan

import (
	"errors"
	"sort"
	"strings"

	"planatlas/datasets"
	"planatlas/geo"
	"planatlas/lang"
)

// An older layer of planning areas during a run: its areas, the
// crosswalk onto the current areas (made when an input needs it), and
// what was moved with it, for the notes and crosswalk.csv.
type layerRun struct {
	b      *boundary
	areas  *geo.Areas
	cw     *geo.CrosswalkTable
	moved  map[int]bool   // the years moved from this layer
	inputs []string       // the inputs moved, in plan order
	how    []lang.Message // per input: how split areas were shared out
	// csvShares are the shares crosswalk.csv shows: those of the
	// auxiliary weights, else those of the population variable; nil: by
	// area.
	csvShares []float64
	pieceW    map[[2]string]float64 // the auxiliary weights per piece (older key, current key), once found
	auxUsed   int                   // the points or cells that weight pieces
	// lastOld holds, per input and value column, the column's totals per
	// older area in the layer's last year: the weights that share out a
	// current area over the older ones (reverse.go).
	lastOld map[*input]map[string]map[string]float64
	older   *olderResult // the indicators on the older areas, if any year is on the current ones
}

// readBoundaries reads the plan's older layers of planning areas.
func (r *runner) readBoundaries(open geo.Opener) error {
	for _, b := range r.c.boundaries {
		l, err := geo.ReadLayer(b.spec.File, func(name string) ([]byte, error) {
			data, err := open(name)
			if err != nil && name == b.spec.File {
				return nil, errAt(r.c.plan.File, b.line, "boundaries %q: %v", b.name, err)
			}
			return data, err
		}, b.spec.Layer)
		if err != nil {
			return err
		}
		a, err := l.Areas(b.readOptions())
		if err != nil {
			var fix lang.Message
			var fe *geo.FeatureError
			if geo.IsDuplicateKey(err) && errors.As(err, &fe) {
				fix = lang.M("; in an older layer one of the features may carry a wrong key instead: give it the right one (corrections: [{feature: %d, key: %q, to: …}])", lang.Digits(fe.Feature), fe.Key)
			}
			return errAt(r.c.plan.File, b.line, "boundaries %q: %v%s", b.name, err, fix)
		}
		r.layers = append(r.layers, &layerRun{b: b, areas: a, moved: map[int]bool{}})
	}
	return nil
}

// rebaseInputs moves every input's data that are keyed to an older layer
// onto the current areas. A year claimed by an older layer (boundaries:
// years) is on that layer if all its keys are the layer's, on the
// current areas if all are theirs (a table published on the new areas
// for a year before the change, such as Berlin's MSS 2021 for 31
// December 2020), and an error otherwise.
func (r *runner) rebaseInputs() error {
	if len(r.layers) == 0 {
		return nil
	}
	cur := make(map[string]bool, len(r.geom.Keys))
	for _, k := range r.geom.Keys {
		cur[k] = true
	}
	for _, in := range r.c.inputs {
		t := r.inTables[in]
		if t == nil || in.format == "points" || in.format == "grid" {
			continue
		}
		on, err := r.layersOf(in, t, cur)
		if err != nil {
			return err
		}
		if len(on) == 0 {
			continue
		}
		if err := r.refuseMeans(in, on); err != nil {
			return err
		}
		if r.inTables[in], err = r.rebaseTable(in, t, on); err != nil {
			return err
		}
	}
	return nil
}

// layersOf returns the years of an input that are on an older layer,
// with their layer.
func (r *runner) layersOf(in *input, t *datasets.Table, cur map[string]bool) (map[int]*layerRun, error) {
	byYear := map[int][]int{} // year → rows
	for i := range t.Len() {
		y := t.Year(i)
		if r.inPlanYears(y) {
			byYear[y] = append(byYear[y], i)
		}
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	sort.Ints(years)
	on := map[int]*layerRun{}
	for _, y := range years {
		lr := r.layerOfYear(y)
		if lr == nil {
			continue
		}
		old := lr.keySet()
		var notOld, notCur []int
		for _, i := range byYear[y] {
			if !old[t.Key(i)] {
				notOld = append(notOld, i)
			}
			if !cur[t.Key(i)] {
				notCur = append(notCur, i)
			}
		}
		switch {
		case len(notOld) == 0:
			on[y] = lr
		case len(notCur) == 0:
			// published on the current areas: said, as a year claimed by
			// the layer was expected on it
			r.notes = append(r.notes, lang.M("input %q: its rows of %d, a year of the older layer %q, have the keys of the current areas and are taken as they are", in.name, lang.Digits(y), lr.b.name))
		default:
			return nil, r.neitherLayer(in, t, y, lr, notOld, notCur, len(byYear[y]))
		}
	}
	return on, nil
}

// neitherLayer is the error for a year whose keys are neither all of the
// older layer claiming it nor all of the current areas.
func (r *runner) neitherLayer(in *input, t *datasets.Table, y int, lr *layerRun, notOld, notCur []int, n int) error {
	rows := notOld
	if len(notCur) < len(notOld) {
		rows = notCur
	}
	some := make([]string, 0, 5)
	seen := map[string]bool{}
	for _, i := range rows {
		if seen[t.Key(i)] {
			continue
		}
		if len(some) == 5 {
			some = append(some, "…")
			break
		}
		seen[t.Key(i)] = true
		some = append(some, quote(t.Key(i))+" ("+t.Loc(i)+")")
	}
	return errAt(r.c.plan.File, in.line,
		"input %q: the areas of %d match neither layer: of %d rows, %d have keys that %s (boundaries %q, valid %s) lacks and %d have keys that the current areas (%s) lack; the keys that do not fit the closer layer: %s; check the year of these rows, the key column, and the years of the boundaries",
		in.name, lang.Digits(y), n, len(notOld), lr.b.spec.File, lr.b.name, datasets.YearRanges(lr.b.yearList()),
		len(notCur), r.c.plan.Areas.File, strings.Join(some, ", "))
}

// layerOfYear returns the older layer claiming year y, or nil.
func (r *runner) layerOfYear(y int) *layerRun {
	for _, lr := range r.layers {
		if lr.b.years[y] {
			return lr
		}
	}
	return nil
}

func (lr *layerRun) keySet() map[string]bool {
	m := make(map[string]bool, len(lr.areas.Keys))
	for _, k := range lr.areas.Keys {
		m[k] = true
	}
	return m
}

// inPlanYears reports whether year y is one the plan reads.
func (r *runner) inPlanYears(y int) bool {
	keep := r.c.plan.Years.List
	return len(keep) == 0 || containsYear(keep, y)
}

// refuseMeans stops a run that would move a mean or a share: only counts
// can be moved onto other areas; a share is re-computed there from its
// moved numerator and denominator.
func (r *runner) refuseMeans(in *input, on map[int]*layerRun) error {
	var years []int
	for y := range on {
		years = append(years, y)
	}
	sort.Ints(years)
	for _, v := range r.c.variables {
		if v.in == in && v.agg.Mean {
			lr := on[years[0]]
			return errAt(r.c.plan.File, v.line,
				"variable %q is a mean (aggregate: mean) of input %q, whose data of %s are on the older areas of boundaries %q: a mean or share cannot be moved onto other areas; read the counts it is made of as variables (numerator and denominator) and let an indicator divide them (numerator:, denominator:)",
				v.name, in.name, datasets.YearRanges(years), lr.b.name)
		}
	}
	return nil
}

// minCovered is the share of an area that the other layer must cover:
// the two layers of a city differ along their borders by slivers (in
// Berlin at most 3.4 % of an area), not by a tenth of an area.
const minCovered = 0.9

// crosswalk returns the layer's crosswalk onto the current areas, made
// on first use. Two layers that do not cover the same territory are an
// error: counts of older areas outside the current ones would be lost,
// and current areas outside the older ones would get too little.
func (r *runner) crosswalk(lr *layerRun) (*geo.CrosswalkTable, error) {
	if lr.cw != nil {
		return lr.cw, nil
	}
	cw, err := geo.Crosswalk(lr.areas, r.geom, 0)
	if err != nil {
		return nil, err
	}
	oldOut := uncovered(cw.OldKeys, cw.OldArea, cw.OldCovered)
	newOut := uncovered(cw.NewKeys, cw.NewArea, cw.NewCovered)
	if len(oldOut) > 0 || len(newOut) > 0 {
		return nil, errAt(r.c.plan.File, lr.b.line,
			"boundaries %q: %s and the current areas (%s) do not cover the same territory: %d older area(s) lie partly or wholly outside the current ones (%s) and %d current area(s) outside the older ones (%s); both layers must show the same city in the same coordinate system: check the files and their CRS",
			lr.b.name, lr.b.spec.File, r.c.plan.Areas.File, len(oldOut), someMessages(oldOut, 5), len(newOut), someMessages(newOut, 5))
	}
	lr.cw = cw
	return cw, nil
}

// uncovered lists the areas less than minCovered of which the other
// layer covers, each with the part outside it in km².
func uncovered(keys []string, area, covered []float64) []lang.Message {
	var out []lang.Message
	for i, k := range keys {
		if covered[i] < minCovered {
			out = append(out, lang.M("%s (%.2f of %.2f km²)", quote(k), area[i]*(1-covered[i])/1e6, area[i]/1e6))
		}
	}
	return out
}

// rebaseTable moves the rows of an input that are on older layers onto
// the current areas through each layer's crosswalk: whole older areas
// exactly, split ones by the layer's weighting, every value column with
// its own shares; the rows of estimated areas are flagged Estimated.
func (r *runner) rebaseTable(in *input, t *datasets.Table, on map[int]*layerRun) (*datasets.Table, error) {
	type split struct {
		cw     *geo.CrosswalkTable
		shares [][]float64 // [value column][crosswalk row]
	}
	splits := map[*layerRun]*split{}
	for _, y := range sortedYears(on) {
		lr := on[y]
		lr.moved[y] = true
		if splits[lr] != nil {
			continue
		}
		cw, err := r.crosswalk(lr)
		if err != nil {
			return nil, err
		}
		s := &split{cw: cw, shares: make([][]float64, len(t.Values))}
		var how lang.Message
		if lr.b.aux != nil {
			pw, m := r.pieceWeights(lr)
			shares := cw.PieceShares(pw)
			for c := range t.Values {
				s.shares[c] = shares
			}
			how, lr.csvShares = m, shares
		} else {
			var weights []map[string]float64
			weights, how = r.splitWeights(t, lr, on)
			for c := range t.Values {
				s.shares[c] = cw.Shares(weights[c])
			}
			if v := r.populationVariable(); v != nil && v.in == in && lr.csvShares == nil {
				if c := t.ValueIndex(v.column); c >= 0 {
					lr.csvShares = s.shares[c]
				}
			}
		}
		splits[lr] = s
		lr.recordLastOld(in, t, on)
		lr.inputs = append(lr.inputs, in.name)
		lr.how = append(lr.how, lang.M("for %q %s", in.name, how))
	}
	return t.Rekey(func(i int) ([]datasets.Piece, bool) {
		lr := on[t.Year(i)]
		if lr == nil {
			return nil, false
		}
		s := splits[lr]
		rows := s.cw.RowsOf(t.Key(i))
		ps := make([]datasets.Piece, len(rows))
		for n, k := range rows {
			sh := make([]float64, len(t.Values))
			for c := range sh {
				sh[c] = s.shares[c][k]
			}
			ps[n] = datasets.Piece{Key: s.cw.Rows[k].New, Shares: sh}
			if !s.cw.Rows[k].Exact {
				ps[n].Flag = datasets.Estimated
			}
		}
		return ps, true
	}), nil
}

func sortedYears[T any](m map[int]T) []int {
	ys := make([]int, 0, len(m))
	for y := range m {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}
