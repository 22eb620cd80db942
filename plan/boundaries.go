package plan

import (
	"errors"
	"math"
	"sort"
	"strings"

	"planatlas/datasets"
	"planatlas/geo"
	"planatlas/lang"

	"github.com/paulmach/orb"
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
	for i, y := range t.Years {
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
			if !old[t.Keys[i]] {
				notOld = append(notOld, i)
			}
			if !cur[t.Keys[i]] {
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
		if seen[t.Keys[i]] {
			continue
		}
		if len(some) == 5 {
			some = append(some, "…")
			break
		}
		seen[t.Keys[i]] = true
		some = append(some, quote(t.Keys[i])+" ("+t.Loc(i)+")")
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
		lr := on[t.Years[i]]
		if lr == nil {
			return nil, false
		}
		s := splits[lr]
		rows := s.cw.RowsOf(t.Keys[i])
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

// splitWeights returns, per value column of t, the weights by current
// area that share out the counts of a split older area — with density
// weighting the column's own values in the first year of the input on
// the current areas after the layer's years (target density), nil (by
// area) where that column has none — and how the counts were shared
// out, for the note.
func (r *runner) splitWeights(t *datasets.Table, lr *layerRun, on map[int]*layerRun) ([]map[string]float64, lang.Message) {
	weights := make([]map[string]float64, len(t.Values))
	if lr.b.spec.Weighting == "area" {
		return weights, lang.M("by area share (weighting: area)")
	}
	// the input's first year on the current areas after those it has on
	// the layer, else its last before them
	moved := sortedYears(on)
	last := moved[len(moved)-1]
	current := map[int]bool{}
	for _, y := range t.Years {
		if on[y] == nil && r.inPlanYears(y) {
			current[y] = true
		}
	}
	y0 := 0
	for _, y := range sortedYears(current) {
		if y0 == 0 || y0 < last {
			y0 = y
		}
	}
	if y0 == 0 {
		return weights, lang.M("by area share: the input has no year on the current areas to weight with")
	}
	for c := range t.Values {
		w := map[string]float64{}
		var sum float64
		for i, y := range t.Years {
			if v := t.Values[c][i]; y == y0 && v > 0 {
				w[t.Keys[i]] += v
				sum += v
			}
		}
		if sum > 0 {
			weights[c] = w
		}
	}
	return weights, lang.M("in proportion to the same column in %d on the current areas (target density)", lang.Digits(y0))
}

// populationVariable returns the plan's variable of residents, or nil.
func (r *runner) populationVariable() *variable {
	for _, v := range r.c.variables {
		if v.name == r.c.population {
			return v
		}
	}
	return nil
}

func sortedYears[T any](m map[int]T) []int {
	ys := make([]int, 0, len(m))
	for y := range m {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

// boundaryNotes say, per older layer, what was moved and how, and the
// share of the residents in estimated areas in the layer's last year.
func (r *runner) boundaryNotes(p *datasets.Panel) {
	for _, lr := range r.layers {
		if lr.cw == nil {
			continue
		}
		est := lr.cw.Estimated()
		var slivers lang.Message
		if lr.cw.Slivers > 0 {
			slivers = lang.M("; %d slivers along borders that the layers drew apart (%.0f m²) were left out", lr.cw.Slivers, lr.cw.SliverM2)
		}
		r.notes = append(r.notes, lang.M(
			"older areas %q: the data of %s (%s) are on the %d areas of %s; they were moved onto the %d current areas: %d exactly (unions of whole older areas), %d estimated (flagged \"estimated\"); the counts of split older areas are shared out %s%s%s; crosswalk.csv lists every piece",
			lr.b.name, datasets.YearRanges(sortedYears(lr.moved)), strings.Join(quoteAll(lr.inputs), ", "), len(lr.areas.Keys), lr.b.spec.File,
			len(r.geom.Keys), len(r.geom.Keys)-len(est), len(est), lang.Join("; ", lr.how), r.estimatedShare(p, lr, est), slivers))
	}
}

// estimatedShare says which share of the residents lived in estimated
// areas in the layer's last year moved; nothing without a population
// variable.
func (r *runner) estimatedShare(p *datasets.Panel, lr *layerRun, est map[string]bool) lang.Message {
	s := p.Var(r.c.population)
	years := sortedYears(lr.moved)
	yi := p.YearIndex(years[len(years)-1])
	if s == nil || yi < 0 {
		return lang.Message{}
	}
	var all, part float64
	for a, k := range p.Keys {
		if v := s.Values[yi*len(p.Keys)+a]; !math.IsNaN(v) {
			all += v
			if est[k] {
				part += v
			}
		}
	}
	if all == 0 {
		return lang.Message{}
	}
	return lang.M("; in %d, %.1f %% of the residents (%s) lived in estimated areas", lang.Digits(years[len(years)-1]), 100*part/all, r.c.population)
}

// clearExactUnits takes the "estimated" flag off the units of the levels
// above the areas (districts, the city) that are unions of whole older
// areas: their counts moved in full, so their values in the moved years
// are exact however their areas were split. Such a sum of shares of
// whole counts can differ from the whole by floating-point rounding
// (3,610,155.999999999); values within 1e-9 of a whole number are set to
// it.
func (r *runner) clearExactUnits() {
	for _, lr := range r.layers {
		if lr.cw == nil {
			continue
		}
		for _, l := range r.levels[1:] {
			exact := lr.exactUnits(l.member, len(l.keys), r.areas.Keys)
			for _, y := range sortedYears(lr.moved) {
				yi := r.panel.YearIndex(y)
				if yi < 0 {
					continue
				}
				for _, s := range l.values {
					clearEstimated(s, exact, yi)
				}
				for _, name := range l.panel.Names() {
					clearEstimated(l.panel.Var(name), exact, yi)
				}
			}
		}
	}
}

// exactUnits returns, for a level whose unit of area a is member[a] (areas
// in the order of keys), which units are unions of whole older areas: no
// older area has pieces in two units.
func (lr *layerRun) exactUnits(member []int, n int, keys []string) []bool {
	unitOf := make(map[string]int, len(keys))
	for a, k := range keys {
		unitOf[k] = member[a]
	}
	oldUnit := map[string]int{}
	exact := make([]bool, n)
	for i := range exact {
		exact[i] = true
	}
	for _, row := range lr.cw.Rows {
		u := unitOf[row.New]
		if prev, seen := oldUnit[row.Old]; seen && prev != u {
			exact[prev], exact[u] = false, false
		}
		oldUnit[row.Old] = u
	}
	// an older area split between units makes every unit it touches
	// inexact: a second pass catches the first units of such areas
	for _, row := range lr.cw.Rows {
		if !exact[unitOf[row.New]] {
			exact[oldUnit[row.Old]] = false
		}
	}
	return exact
}

func clearEstimated(s *datasets.Series, exact []bool, yi int) {
	if s == nil {
		return
	}
	n := len(exact)
	for u, ok := range exact {
		c := yi*n + u
		if !ok || s.Flags[c]&datasets.Estimated == 0 {
			continue
		}
		s.Flags[c] &^= datasets.Estimated
		if v := s.Values[c]; math.Abs(v-math.Round(v)) < 1e-9*math.Max(1, math.Abs(v)) {
			s.Values[c] = math.Round(v)
		}
	}
}

// boundaryBreak returns the first of years on the current areas after
// data moved from an older layer, if years span the change; else 0.
func (r *runner) boundaryBreak(years []int) int {
	for _, lr := range r.layers {
		moved := sortedYears(lr.moved)
		if len(moved) == 0 || len(years) == 0 || years[0] > moved[len(moved)-1] {
			continue
		}
		for _, y := range years {
			if y > moved[len(moved)-1] {
				return y
			}
		}
	}
	return 0
}

// estimatedYears returns, per year from first, whether cell u of series
// s is estimated; nil if none is.
func estimatedYears(s *datasets.Series, n, u, first, count int) []bool {
	var out []bool
	for y := 0; y < count; y++ {
		if s.Flags[(first+y)*n+u]&datasets.Estimated != 0 {
			if out == nil {
				out = make([]bool, count)
			}
			out[y] = true
		}
	}
	return out
}

// layerHint explains keys without a geometry that are the keys of an
// older layer: their rows are of years the layer does not claim.
func (r *runner) layerHint(inGeom map[string]bool, years map[int]bool) lang.Message {
	for _, lr := range r.layers {
		old := lr.keySet()
		odd := map[int]bool{}
		all := true
		for _, in := range r.c.inputs {
			t := r.inTables[in]
			if t == nil || in.format == "points" || in.format == "grid" {
				continue
			}
			for i, k := range t.Keys {
				if inGeom[k] || len(years) > 0 && !years[t.Years[i]] {
					continue
				}
				all = all && old[k]
				odd[t.Years[i]] = true
			}
		}
		if all && len(odd) > 0 {
			return lang.M("these are areas of the older layer %q (%s), which the plan gives the years %s, but their rows are of %s: if those years are on that layer too, add them to its years",
				lr.b.name, lr.b.spec.File, datasets.YearRanges(lr.b.yearList()), datasets.YearRanges(sortedYears(odd)))
		}
	}
	return lang.Message{}
}

// recordLastOld keeps the input's column totals per older area in the
// last of its years on the layer.
func (lr *layerRun) recordLastOld(in *input, t *datasets.Table, on map[int]*layerRun) {
	last := 0
	for y, l := range on {
		if l == lr && y > last {
			last = y
		}
	}
	cols := map[string]map[string]float64{}
	for c, name := range t.Spec.Values {
		w := map[string]float64{}
		for i, y := range t.Years {
			if v := t.Values[c][i]; y == last && v > 0 {
				w[t.Keys[i]] += v
			}
		}
		cols[name] = w
	}
	if lr.lastOld == nil {
		lr.lastOld = map[*input]map[string]map[string]float64{}
	}
	lr.lastOld[in] = cols
}

// pieceWeights sums the auxiliary layer's points (or grid cells, at their
// centres) of its latest year per piece of the overlay: the older and the
// current area each lies in.
func (r *runner) pieceWeights(lr *layerRun) (map[[2]string]float64, lang.Message) {
	a := r.aux[lr.b.aux]
	latest := 0
	for _, y := range a.years {
		latest = max(latest, y)
	}
	if lr.pieceW == nil {
		cur, old := geo.NewLocator(r.geom), geo.NewLocator(lr.areas.In(r.geom.CRS))
		lr.pieceW = map[[2]string]float64{}
		for i, p := range a.points {
			if a.years[i] != latest || !(a.weights[i] > 0) {
				continue
			}
			o, c := old.Locate(p), cur.Locate(p)
			if o >= 0 && c >= 0 {
				lr.pieceW[[2]string{lr.areas.Keys[o], r.geom.Keys[c]}] += a.weights[i]
				lr.auxUsed++
			}
		}
	}
	what := lang.M("points")
	if lr.b.aux.format == "grid" {
		what = lang.M("grid cells")
	}
	col := lr.b.spec.Weights.Column
	if col == "" {
		return lr.pieceW, lang.M("in proportion to the %d %s of input %q of %d, by the piece of the overlay each lies in", lr.auxUsed, what, lr.b.aux.name, lang.Digits(latest))
	}
	return lr.pieceW, lang.M("in proportion to %q of the %d %s of input %q of %d, by the piece of the overlay each lies in", col, lr.auxUsed, what, lr.b.aux.name, lang.Digits(latest))
}

// auxPoints are the locations of an auxiliary layer's points or grid
// cells (their centres), in the current areas' CRS, with their weight
// and year.
type auxPoints struct {
	points  []orb.Point
	weights []float64
	years   []int
}

// weighsLayer reports whether the input weights an older layer.
func (r *runner) weighsLayer(in *input) bool {
	for _, b := range r.c.boundaries {
		if b.aux == in {
			return true
		}
	}
	return false
}

// keepAux keeps the locations of an input that weights a boundary
// layer, before its points are counted per area.
func (r *runner) keepAux(in *input, pts []orb.Point, t *datasets.Table) {
	for _, b := range r.c.boundaries {
		if b.aux != in {
			continue
		}
		a := auxPoints{points: pts, years: append([]int(nil), t.Years...), weights: make([]float64, len(pts))}
		c := -1
		if col := b.spec.Weights.Column; col != "" {
			c = t.ValueIndex(col)
		}
		for i := range a.weights {
			a.weights[i] = 1
			if c >= 0 {
				a.weights[i] = t.Values[c][i]
			}
		}
		if r.aux == nil {
			r.aux = map[*input]auxPoints{}
		}
		r.aux[in] = a
		return
	}
}
