package plan

import (
	"github.com/paulmach/orb"

	"planatlas/datasets"
	"planatlas/geo"
	"planatlas/lang"
)

// How the counts of a split older area are shared out among the current
// areas: target density, area, or an auxiliary layer (docs/methods.md
// section 10).

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
	for row := range t.Len() {
		y := t.Year(row)
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
		for i := range t.Len() {
			y := t.Year(i)
			if v := t.Values[c][i]; y == y0 && v > 0 {
				w[t.Key(i)] += v
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
		for i := range t.Len() {
			y := t.Year(i)
			if v := t.Values[c][i]; y == last && v > 0 {
				w[t.Key(i)] += v
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
		a := auxPoints{points: pts, years: make([]int, t.Len()), weights: make([]float64, len(pts))}
		for i := range a.years {
			a.years[i] = t.Year(i)
		}
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
