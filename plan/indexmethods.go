package plan

import (
	"fmt"
	"math"
	"sort"

	"planatlas/analysis"
	"planatlas/datasets"
	"planatlas/lang"
	"planatlas/report"
)

// otherIndex computes an index of method svi, imd or pca from its
// components' values in one year, as an analysis.Index whose Contrib
// names the drivers.
func (r *runner) otherIndex(spec *index, cs []analysis.Component, yi int) (*analysis.Index, error) {
	n := len(r.areas.Keys)
	switch spec.method {
	case "svi":
		// Percentile ranks go up with need: reverse the indicators where
		// a lower value means more need, as SVI 2016 reverses income.
		vars := make([]analysis.SVIVariable, len(cs))
		values := make([][]float64, len(cs))
		for k, c := range cs {
			vars[k] = analysis.SVIVariable{ID: c.ID, Theme: spec.theme[k], Reverse: c.Need < 0}
			values[k] = c.Values
		}
		pop := make([]float64, n)
		for a := range pop {
			pop[a] = 1
		}
		if spec.population != "" {
			pop = r.yearValues(r.panel.Var(spec.population).Values, yi)
		}
		s, err := analysis.ComputeSVI(values, vars, len(spec.themes), pop, false)
		if err != nil {
			return nil, err
		}
		return &analysis.Index{Values: s.RPLAll, Contrib: s.EPL}, nil
	case "imd":
		// Each indicator ranked, 1 = most need; ranks transformed to the
		// exponential scale and weighted.
		ranks := make([][]float64, len(cs))
		weights := make([]float64, len(cs))
		missing := make([]bool, n)
		for k, c := range cs {
			weights[k] = c.Weight
			ranks[k] = make([]float64, n)
			for a, v := range c.Values {
				if math.IsNaN(v) {
					missing[a] = true
				}
			}
		}
		var keep []int
		for a := range missing {
			if !missing[a] {
				keep = append(keep, a)
			}
		}
		if len(keep) < 2 {
			return nil, errf("fewer than two areas have every indicator")
		}
		// rank = 1 + the number of areas with strictly more need; tied
		// areas share the lowest rank, as IMD publishes them.
		sub := make([][]float64, len(cs))
		tieCount := make([][]float64, len(cs))
		for k, c := range cs {
			need := func(i int) float64 { return float64(c.Need) * c.Values[keep[i]] }
			order := make([]int, len(keep))
			for i := range order {
				order[i] = i
			}
			sort.Slice(order, func(x, y int) bool { return need(order[x]) > need(order[y]) })
			sub[k], tieCount[k] = make([]float64, len(keep)), make([]float64, len(keep))
			for p := 0; p < len(order); {
				q := p
				for q < len(order) && need(order[q]) == need(order[p]) {
					q++
				}
				for _, i := range order[p:q] {
					sub[k][i], tieCount[k][i] = float64(p+1), float64(q-p)
				}
				p = q
			}
		}
		score, _, err := analysis.IMD(sub, weights)
		if err != nil {
			return nil, err
		}
		ix := &analysis.Index{Values: make([]float64, n), Contrib: make([][]float64, len(cs))}
		for a := range ix.Values {
			ix.Values[a] = math.NaN()
		}
		for k := range cs {
			ix.Contrib[k] = make([]float64, n)
			for a := range ix.Contrib[k] {
				ix.Contrib[k][a] = math.NaN()
			}
		}
		for i, a := range keep {
			ix.Values[a] = score[i]
			for k := range cs {
				// Tied ranks count as their average, as in IMD.
				ix.Contrib[k][a] = weights[k] * analysis.ExponentialTransform(sub[k][i]+(tieCount[k][i]-1)/2, float64(len(keep)))
			}
		}
		return ix, nil
	case "pca":
		p, err := analysis.ComputePCA(cs)
		if err != nil {
			return nil, err
		}
		var parts []lang.Message
		for c := range p.Eigen {
			parts = append(parts, lang.M("component %d: eigenvalue %.3f, %.1f %% of the variance", c+1, p.Eigen[c], 100*p.Explained[c]))
		}
		r.notes = append(r.notes, lang.M("index %s (PCA): %d component(s) kept: %s", spec.id, len(p.Eigen), lang.Join("; ", parts)))
		if r.pca == nil {
			r.pca = map[string]*analysis.PCA{}
		}
		r.pca[spec.id] = p
		return &analysis.Index{Values: p.Values, Contrib: p.Contrib}, nil
	}
	return nil, errf("unknown method %q", spec.method)
}

// writePCA writes pca-<id>.csv: each indicator's loading on each kept
// component, then the components' eigenvalues and shares of the variance.
func (r *runner) writePCA() error {
	for _, res := range r.indices {
		p := r.pca[res.spec.id]
		if p == nil {
			continue
		}
		de := r.c.lang != "en"
		var rows datasets.Text
		cols := make([][]float64, len(p.Eigen))
		for k, comp := range res.spec.components {
			rows = append(rows, r.c.indicators[comp.indicator].Label.In(r.c.lang))
			for c := range p.Eigen {
				cols[c] = append(cols[c], p.Loadings[c][k])
			}
		}
		ev, share := "Eigenwert", "Anteil an der Varianz"
		if !de {
			ev, share = "eigenvalue", "share of the variance"
		}
		rows = append(rows, ev, share)
		for c := range p.Eigen {
			cols[c] = append(cols[c], p.Eigen[c], p.Explained[c])
		}
		f := &datasets.Frame{}
		h := report.Headings(r.loc)
		f.Add("indicator", h["indicator"], rows)
		for c := range p.Eigen {
			name := fmt.Sprintf("component_%d", c+1)
			head := fmt.Sprintf("Komponente %d", c+1)
			if !de {
				head = fmt.Sprintf("component %d", c+1)
			}
			f.Add(name, head, datasets.Float{Values: cols[c], Decimals: -1})
		}
		if err := r.writeFrame("pca-"+res.spec.id, f); err != nil {
			return err
		}
	}
	return nil
}
