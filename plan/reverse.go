package plan

import (
	"math"

	"planatlas/datasets"
	"planatlas/geo"
	"planatlas/indicators"
	"planatlas/lang"
	"planatlas/report"
)

// olderResult holds the indicators of the years on the current areas
// computed on an older layer's areas — the reverse direction of a
// boundary change, for comparing with publications on those areas.
type olderResult struct {
	years     []int
	values    []*datasets.Series // per indicator of the plan, on the older areas × years
	estimated int                // older areas whose values are estimated
}

// computeOlder moves, for every older layer whose data were moved, the
// counts of the years after the layer's back onto its areas — whole
// current areas exactly, split ones in proportion to the same column in
// the layer's last year (or by area) — and computes the indicators
// there from them, never from averaged rates. Means cannot be moved: an
// indicator that uses one has no value there. A hidden count hides
// every older area it goes into, and the values the areas' counts make.
func (r *runner) computeOlder() error {
	for _, lr := range r.layers {
		if lr.cw == nil {
			continue
		}
		moved := sortedYears(lr.moved)
		var years []int
		for _, y := range r.panel.Years {
			if y > moved[len(moved)-1] {
				years = append(years, y)
			}
		}
		if len(years) == 0 {
			continue
		}
		back := lr.cw.Reverse()
		p := datasets.NewPanel(lr.areas.Keys, years)
		for _, v := range r.c.variables {
			if err := p.Set(v.name, r.moveBack(back, lr, v, years)); err != nil {
				return err
			}
		}
		// A survey's estimates are not moved: on the older areas they are
		// not meaningful.
		for _, v := range r.c.surveyVars {
			none := datasets.NewSeries(p.Len())
			for c := range none.Values {
				none.Values[c], none.Flags[c] = math.NaN(), datasets.NotMeaningful
			}
			if err := p.Set(v.name, none); err != nil {
				return err
			}
		}
		area := datasets.NewSeries(p.Len())
		m2 := lr.areas.AreasM2()
		for y := range years {
			for i := range lr.areas.Keys {
				area.Values[y*len(lr.areas.Keys)+i] = m2[i] / 1e6
			}
		}
		if err := p.Set(AreaVariable, area); err != nil {
			return err
		}
		for _, e := range r.c.rates {
			if err := p.Set(e.text, e.formula.Eval(p)); err != nil {
				return errf("numerator or denominator %q: %v", e.text, err)
			}
		}
		lr.older = &olderResult{years: years, values: indicators.Compute(p, r.c.indicators), estimated: len(back.Estimated())}
	}
	return nil
}

// moveBack moves a variable's values in years from the current areas
// onto the layer's older areas through the reverse crosswalk back.
func (r *runner) moveBack(back *geo.CrosswalkTable, lr *layerRun, v *variable, years []int) *datasets.Series {
	n := len(lr.areas.Keys)
	out := datasets.NewSeries(n * len(years))
	if v.agg.Mean {
		for c := range out.Values {
			out.Values[c], out.Flags[c] = math.NaN(), datasets.NotMeaningful
		}
		return out
	}
	var shares []float64
	switch {
	case lr.pieceW != nil:
		swapped := make(map[[2]string]float64, len(lr.pieceW))
		for k, w := range lr.pieceW {
			swapped[[2]string{k[1], k[0]}] = w
		}
		shares = back.PieceShares(swapped)
	case lr.b.spec.Weighting != "area" && lr.lastOld[v.in] != nil:
		shares = back.Shares(lr.lastOld[v.in][v.column])
	default:
		shares = back.Shares(nil)
	}
	older := make(map[string]int, n)
	for i, k := range lr.areas.Keys {
		older[k] = i
	}
	cur := r.panel.Var(v.name)
	nCur := len(r.panel.Keys)
	at := make(map[string]int, nCur)
	for i, k := range r.panel.Keys {
		at[k] = i
	}
	reached := make([]bool, n)
	for yi, y := range years {
		py := r.panel.YearIndex(y)
		for k, row := range back.Rows {
			o, c := older[row.New], py*nCur+at[row.Old]
			reached[o] = true
			cell := yi*n + o
			if !row.Exact {
				out.Flags[cell] |= datasets.Estimated
			}
			if shares[k] > 0 {
				out.Values[cell] += cur.Values[c] * shares[k]
				out.Flags[cell] |= cur.Flags[c]
			}
		}
	}
	for c := range out.Values {
		if !reached[c%n] {
			out.Values[c], out.Flags[c] = math.NaN(), datasets.NoData
		} else if out.Flags[c]&datasets.Missing != 0 {
			out.Values[c] = math.NaN()
		}
	}
	return out
}

// writeOlder writes indicators-NAME.csv (and the plan's other table
// formats) per older layer: the plan's indicators of the years on the
// current areas, on the older areas, as indicators.csv has them.
func (r *runner) writeOlder() error {
	for _, lr := range r.layers {
		o := lr.older
		if o == nil {
			continue
		}
		lv := report.LevelValues{Level: lr.b.name, Keys: lr.areas.Keys, Names: lr.areas.Names, Years: o.years, Series: o.values}
		if err := r.writeParts("indicators-"+lr.b.name, report.IndicatorParts(r.loc, r.c.indicators, []report.LevelValues{lv})); err != nil {
			return err
		}
	}
	return nil
}

// olderNotes say where the indicators on the older areas are.
func (r *runner) olderNotes() {
	for _, lr := range r.layers {
		if o := lr.older; o != nil {
			r.notes = append(r.notes, lang.M("older areas %q: the indicators of %s on these %d areas, for comparing with publications on them, are in indicators-%s.csv (%d of the areas estimated)",
				lr.b.name, datasets.YearRanges(o.years), len(lr.areas.Keys), lr.b.name, o.estimated))
		}
	}
}
