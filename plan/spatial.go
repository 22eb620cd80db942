package plan

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"

	"planatlas/analysis"
	"planatlas/datasets"
	"planatlas/geo"
	"planatlas/indicators"
	"planatlas/lang"
	"planatlas/report"
)

// spatialResult holds the spatial statistics of one indicator or index.
type spatialResult struct {
	id    string
	v     value
	moran analysis.Global
	permP float64
	geary analysis.Global
	g     analysis.Global // General G; Stat NaN where values are negative
	lisa  analysis.LISA
	gi    analysis.Local
	giP   []float64
	ebI   float64              // Moran's I of EB-standardised rates (rates of counts only)
	joins []analysis.JoinCount // join counts of the quintile classes
	reps  int
	alpha float64
}

// computeSpatial computes the plan's spatial statistics on the values of
// the outputs' year (an index's of its own year), with the run's weights.
func (r *runner) computeSpatial() error {
	sp := r.c.plan.Spatial
	if len(sp.Values) == 0 {
		return nil
	}
	if err := r.buildWeights(); err != nil {
		return err
	}
	reps := sp.Permutations
	if reps == 0 {
		reps = 999
	}
	alpha := sp.Alpha
	if alpha == 0 {
		alpha = 0.05
	}
	w := r.weights
	wb := w.WithStyle(geo.Binary)
	for _, id := range sp.Values {
		v := r.value(id)
		res := &spatialResult{id: id, v: v, reps: reps, alpha: alpha}
		fail := func(err error) error {
			return errAt(r.c.plan.File, sp.Line, "spatial %q: %v", id, err)
		}
		var err error
		if res.moran, err = analysis.Moran(v.values, w); err != nil {
			return fail(err)
		}
		if res.permP, err = analysis.MoranPermutation(v.values, w, reps, r.c.seed); err != nil {
			return fail(err)
		}
		res.geary, _ = analysis.Geary(v.values, w)
		if res.g, err = analysis.GeneralG(v.values, wb); err != nil {
			res.g = analysis.Global{Stat: math.NaN(), E: math.NaN(), ZRand: math.NaN(), PRand: math.NaN()}
		}
		if res.lisa, err = analysis.LocalMoranPermutation(v.values, w, reps, r.c.seed, alpha, sp.FDR); err != nil {
			return fail(err)
		}
		if res.gi, res.giP, err = analysis.GiStarPermutation(v.values, w, reps, r.c.seed); err != nil {
			return fail(err)
		}
		res.ebI = math.NaN()
		if v.index == nil && !v.mss {
			if d := r.indicatorByID(id); d != nil && d.Proportion && d.Numerator != "" {
				yi := r.panel.YearIndex(r.year)
				x := r.yearValues(r.panel.Var(d.Numerator).Values, yi)
				n := r.yearValues(r.panel.Var(d.Denominator).Values, yi)
				if eb, err := analysis.EBMoran(x, n, w); err == nil {
					res.ebI = eb
				}
			}
		}
		if q, err := analysis.Quantiles(v.values, 5); err == nil {
			cls := make([]int, len(v.values))
			for i, x := range v.values {
				cls[i] = q.Class(x) + 1 // 0: no value
			}
			res.joins, _ = analysis.JoinCounts(cls, wb)
		}
		ex := res.moran.Excluded
		if n := len(ex.Missing) + len(ex.Islands); n > 0 {
			var names []lang.Message
			for _, i := range ex.Missing {
				names = append(names, lang.M("%s (no value)", r.areas.Names[i]))
			}
			for _, i := range ex.Islands {
				names = append(names, lang.M("%s (no neighbour with a value)", r.areas.Names[i]))
			}
			shown := lang.Join(", ", names[:min(8, len(names))])
			if len(names) > 8 {
				shown = lang.M("%s and %d more", shown, len(names)-8)
			}
			r.notes = append(r.notes, lang.M("spatial %s: %d area(s) take no part: %s", id, n, shown))
		}
		r.notes = append(r.notes, fullNotes(id, res.lisa.Full, res.gi.Full, res.moran.N, r.areas.Names)...)
		var counts [6]int
		for _, c := range res.lisa.Cluster {
			counts[c]++
		}
		z := lang.M("%.2f", res.moran.ZRand)
		if math.IsNaN(res.moran.ZRand) {
			z = lang.M("undefined") // complete weights: the variance is 0
		}
		r.notes = append(r.notes, lang.M("spatial %s: Moran's I %.4f (z %s, permutation p %.4f, n %d); clusters HH %d, LL %d, HL %d, LH %d",
			id, res.moran.Stat, z, res.permP, res.moran.N, counts[analysis.HighHigh], counts[analysis.LowLow], counts[analysis.HighLow], counts[analysis.LowHigh]))
		r.spatial = append(r.spatial, res)
	}
	return nil
}

// fullNotes says which areas have every other area as neighbour with
// equal weights (analysis.Local.Full), for local Moran (lisa) and Gi*
// (gi): their statistics cannot vary under conditional permutation, so
// their pseudo p is 1 and their z undefined. n is the number of areas
// taking part; if all are full, no statistic can show a pattern.
func fullNotes(id string, lisa, gi []int, n int, names []string) []lang.Message {
	note := func(areas []int, what lang.Message) lang.Message {
		var s []string
		for _, i := range areas {
			s = append(s, names[i])
		}
		return lang.M("spatial %s: %d area(s) have every other area as neighbour, with equal weights (%s): conditional permutation only reorders the same values, so their statistic cannot vary; pseudo p = 1, z undefined: %s",
			id, len(areas), what, some(s, 8))
	}
	switch {
	case len(lisa) == 0 && len(gi) == 0:
		return nil
	case len(lisa) == n && slices.Equal(lisa, gi):
		return []lang.Message{lang.M("spatial %s: every area has every other area as neighbour, with equal weights (all %d areas): no spatial statistic can vary, every pseudo p is 1 and every z undefined; choose weights that do not reach across the whole city", id, n)}
	case slices.Equal(lisa, gi):
		return []lang.Message{note(lisa, lang.M("local Moran and Gi*"))}
	}
	var out []lang.Message
	if len(lisa) > 0 {
		out = append(out, note(lisa, lang.M("local Moran")))
	}
	if len(gi) > 0 {
		out = append(out, note(gi, lang.M("Gi*")))
	}
	return out
}

var clusterColours = []color.Color{
	color.RGBA{R: 0xd7, G: 0x19, B: 0x1c, A: 0xff}, // HH
	color.RGBA{R: 0x2c, G: 0x7b, B: 0xb6, A: 0xff}, // LL
	color.RGBA{R: 0xfd, G: 0xae, B: 0x61, A: 0xff}, // HL
	color.RGBA{R: 0xab, G: 0xd9, B: 0xe9, A: 0xff}, // LH
	color.RGBA{R: 0xf2, G: 0xf2, B: 0xf2, A: 0xff}, // not significant
}

// indicatorByID returns the plan's indicator of that id, or nil.
func (r *runner) indicatorByID(id string) *indicators.Indicator {
	for _, d := range r.c.indicators {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// spatialFigures draws each value's LISA cluster map and Moran
// scatterplot.
func (r *runner) spatialFigures() error {
	for _, res := range r.spatial {
		names := []string{r.lp.Sprintf("high – high"), r.lp.Sprintf("low – low"),
			r.lp.Sprintf("high – low"), r.lp.Sprintf("low – high"), r.lp.Sprintf("not significant")}
		vals := make([]float64, len(res.lisa.Cluster))
		code := map[analysis.Cluster]float64{analysis.HighHigh: 1, analysis.LowLow: 2, analysis.HighLow: 3, analysis.LowHigh: 4, analysis.NotSignificant: 5}
		for i, c := range res.lisa.Cluster {
			vals[i] = math.NaN()
			if k, ok := code[c]; ok {
				vals[i] = k
			}
		}
		classes, err := analysis.Manual(vals, []float64{1, 2, 3, 4, 5})
		if err != nil {
			continue // no area took part
		}
		test := r.lp.Sprintf("local Moran's I, %d permutations, p < %s", res.reps, r.loc.Number(res.alpha, 2))
		if r.c.plan.Spatial.FDR {
			test += r.lp.Sprintf(" (FDR)")
		}
		year := r.year
		if res.v.year != 0 {
			year = res.v.year
		}
		fig := report.Map(report.MapSpec{
			Title: res.v.label, Subtitle: fmt.Sprintf("%s %d · %s", r.lp.Sprintf("Spatial clusters"), year, test),
			Legend: r.lp.Sprintf("value – neighbours"), Source: r.source(),
			Areas: r.displayAreas(), Values: vals, Classes: classes, Colours: clusterColours, Decimals: 0,
			City: math.NaN(), Locale: r.loc, Labels: names, Districts: r.districtOutlines(),
		})
		if err := r.writeFigure("map-lisa-"+res.id, fig); err != nil {
			return err
		}
		var hh []string
		head := []string{report.Headings(r.loc)["key"], report.Headings(r.loc)["name"], r.lp.Sprintf("cluster"), r.lp.Sprintf("pseudo p")}
		var rows [][]string
		for i, c := range res.lisa.Cluster {
			if c == analysis.HighHigh {
				hh = append(hh, r.areas.Names[i])
			}
			name := ""
			if k, ok := code[c]; ok {
				name = names[int(k)-1]
			}
			p := ""
			if !math.IsNaN(res.lisa.PseudoP[i]) {
				p = r.loc.Number(res.lisa.PseudoP[i], 3)
			}
			rows = append(rows, []string{r.areas.Keys[i], r.areas.Names[i], name, p})
		}
		alt := r.lp.Sprintf("%d planning areas form a cluster of high values among high neighbours: %s; %d a cluster of low values.", classes.Counts[0], strings.Join(hh, ", "), classes.Counts[1])
		if err := r.keepFigure("map-lisa-"+res.id, r.lp.Sprintf("Clusters: ")+res.v.label, fig, alt, head, rows); err != nil {
			return err
		}
		cols := make([]color.Color, len(vals))
		for i, c := range res.lisa.Cluster {
			if k, ok := code[c]; ok && k < 5 {
				cols[i] = clusterColours[int(k)-1]
			}
		}
		sc := report.Scatter(report.ScatterSpec{
			Title:    res.v.label,
			Subtitle: fmt.Sprintf("%s %d · %s", r.lp.Sprintf("Moran scatterplot"), year, r.c.weights.describeIn(r.c.lang)),
			XLabel:   r.lp.Sprintf("value (standardised)"),
			YLabel:   r.lp.Sprintf("neighbours' mean (standardised)"),
			Source:   r.source(), X: res.lisa.ZX, Y: res.lisa.Lag, Colours: cols,
			Slope: res.moran.Stat, SlopeLabel: report.MoranLabel(r.loc, res.moran.Stat, res.permP), Locale: r.loc,
		})
		if err := r.writeFigure("moran-"+res.id, sc); err != nil {
			return err
		}
		alt = r.lp.Sprintf("Moran's I = %s (permutation p %s, %d planning areas): %s.", r.loc.Number(res.moran.Stat, 3), r.loc.Number(res.permP, 3), res.moran.N,
			map[bool]string{true: r.lp.Sprintf("similar values lie together"), false: r.lp.Sprintf("no clear spatial pattern")}[res.permP < res.alpha && res.moran.Stat > 0])
		head = []string{report.Headings(r.loc)["key"], report.Headings(r.loc)["name"], r.lp.Sprintf("value (standardised)"), r.lp.Sprintf("neighbours (standardised)")}
		rows = nil
		for i := range r.areas.Keys {
			if math.IsNaN(res.lisa.ZX[i]) {
				continue
			}
			rows = append(rows, []string{r.areas.Keys[i], r.areas.Names[i], r.loc.Number(res.lisa.ZX[i], 2), r.loc.Number(res.lisa.Lag[i], 2)})
		}
		if err := r.keepFigure("moran-"+res.id, r.lp.Sprintf("Moran scatterplot: ")+res.v.label, sc, alt, head, rows); err != nil {
			return err
		}
	}
	return nil
}

// spatialTables writes spatial.csv (the global statistics) and lisa.csv
// (the local ones per area).
func (r *runner) spatialTables() error {
	if len(r.spatial) == 0 {
		return nil
	}
	de := r.c.lang != "en"
	t := func(d, e string) string {
		if de {
			return d
		}
		return e
	}
	h := report.Headings(r.loc)
	var gid, stat datasets.Text
	var gn datasets.Int
	gcols := make([][]float64, 6)
	add := func(id, name string, g analysis.Global, perm float64) {
		gid, stat, gn = append(gid, id), append(stat, name), append(gn, int64(g.N))
		for k, v := range []float64{g.Stat, g.E, g.VarRand, g.ZRand, g.PRand, perm} {
			gcols[k] = append(gcols[k], v)
		}
	}
	for _, s := range r.spatial {
		add(s.id, "moran", s.moran, s.permP)
		add(s.id, "geary", s.geary, math.NaN())
		if !math.IsNaN(s.g.Stat) { // values below 0 have no General G
			add(s.id, "general-g", s.g, math.NaN())
		}
		if !math.IsNaN(s.ebI) {
			add(s.id, "moran-eb", analysis.Global{Stat: s.ebI, N: s.moran.N,
				E: math.NaN(), VarRand: math.NaN(), ZRand: math.NaN(), PRand: math.NaN()}, math.NaN())
		}
		if n := len(s.joins); n > 0 {
			j := s.joins[n-1] // all joins between different classes
			add(s.id, "joins", analysis.Global{Stat: j.Count, N: s.moran.N,
				E: j.Expected, VarRand: j.Variance, ZRand: j.Z, PRand: 1 - distuv.UnitNormal.CDF(-j.Z)}, math.NaN())
		}
	}
	f := &datasets.Frame{}
	f.Add("value", t("Indikator oder Index", "indicator or index"), gid)
	f.Add("statistic", t("Statistik", "statistic"), stat)
	f.Add("n", "n", gn)
	for k, hd := range [][2]string{{"Wert", "value"}, {"Erwartungswert", "expected"}, {"Varianz (Randomisierung)", "variance (randomisation)"}, {"z", "z"}, {"p (einseitig)", "p (one-sided)"}, {"p (Permutation)", "p (permutation)"}} {
		f.Add([]string{"stat", "expected", "variance", "z", "p", "p_permutation"}[k], t(hd[0], hd[1]), datasets.Float{Values: gcols[k], Decimals: -1})
	}
	if err := r.writeFrame("spatial", f); err != nil {
		return err
	}
	var lid, key, name, cluster datasets.Text
	lcols := make([][]float64, 9)
	for _, s := range r.spatial {
		for i := range r.areas.Keys {
			lid, key, name = append(lid, s.id), append(key, r.areas.Keys[i]), append(name, r.areas.Names[i])
			cluster = append(cluster, clusterCodes[s.lisa.Cluster[i]][0])
			for k, v := range []float64{s.v.values[i], s.lisa.Stat[i], s.lisa.E[i], s.lisa.Var[i], s.lisa.Z[i], s.lisa.PseudoP[i], s.lisa.Lag[i], s.gi.Z[i], s.giP[i]} {
				lcols[k] = append(lcols[k], v)
			}
		}
	}
	lf := &datasets.Frame{}
	lf.Add("value_id", t("Indikator oder Index", "indicator or index"), lid)
	lf.Add("key", h["key"], key)
	lf.Add("name", h["name"], name)
	heads := []struct{ id, de, en string }{
		{"value", "Wert", "value"}, {"local_moran", "lokales Moran's I", "local Moran's I"}, {"expected", "Erwartungswert", "expected"},
		{"variance", "Varianz", "variance"}, {"z", "z", "z"}, {"pseudo_p", "Pseudo-p (Permutation)", "pseudo p (permutation)"},
		{"lag", "Mittel der Nachbarn (standardisiert)", "neighbours' mean (standardised)"}, {"gi_star_z", "Gi* (z)", "Gi* (z)"}, {"gi_star_p", "Gi* Pseudo-p", "Gi* pseudo p"},
	}
	for k, hd := range heads {
		lf.Add(hd.id, t(hd.de, hd.en), datasets.Float{Values: lcols[k], Decimals: -1})
	}
	lf.Add("cluster", t("Cluster", "cluster"), cluster)
	return r.writeFrame("lisa", lf)
}
