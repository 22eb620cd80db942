package plan

import (
	"image/color"
	"math"
	"planatlas/analysis"
	"planatlas/datasets"
	"planatlas/lang"
	"planatlas/report"
)

// crosswalkFrame is crosswalk.csv: per older layer every piece of its
// overlay with the current areas — the older and the current area, the
// piece's area, its share of the older area's area, the share of the
// older area's counts it received (by the auxiliary weights, else the
// population variable's target density; the area share where the counts
// were shared by area), and whether the current area's values are exact
// or estimated.
func (r *runner) crosswalkFrame() *datasets.Frame {
	var layer, oldKey, oldName, newKey, newName, status datasets.Text
	var m2, areaShare, weightShare datasets.Float
	m2.Decimals, areaShare.Decimals, weightShare.Decimals = 1, 6, 6
	newNames := map[string]string{}
	for i, k := range r.geom.Keys {
		newNames[k] = r.geom.Names[i]
	}
	for _, lr := range r.layers {
		if lr.cw == nil {
			continue
		}
		oldNames := map[string]string{}
		for i, k := range lr.areas.Keys {
			oldNames[k] = lr.areas.Names[i]
		}
		shares := lr.csvShares
		if shares == nil {
			shares = lr.cw.Shares(nil)
		}
		for k, row := range lr.cw.Rows {
			layer = append(layer, lr.b.name)
			oldKey, oldName = append(oldKey, row.Old), append(oldName, oldNames[row.Old])
			newKey, newName = append(newKey, row.New), append(newName, newNames[row.New])
			m2.Values = append(m2.Values, row.AreaM2)
			areaShare.Values = append(areaShare.Values, row.OldShare)
			weightShare.Values = append(weightShare.Values, shares[k])
			code := "estimated"
			if row.Exact {
				code = "exact"
			}
			status = append(status, code)
		}
	}
	if len(layer) == 0 {
		return nil
	}
	h := report.Headings(r.loc)
	f := &datasets.Frame{}
	f.Add("boundary", r.lp.Sprintf("older layer"), layer)
	f.Add("old_key", r.lp.Sprintf("older key"), oldKey)
	f.Add("old_name", r.lp.Sprintf("older name"), oldName)
	f.Add("key", h["key"], newKey)
	f.Add("name", h["name"], newName)
	f.Add("area_m2", r.lp.Sprintf("piece area (m²)"), m2)
	f.Add("area_share", r.lp.Sprintf("share of the older area's area"), areaShare)
	f.Add("weight_share", r.lp.Sprintf("share of the older area's counts"), weightShare)
	f.Add("rebased", r.lp.Sprintf("values"), status)
	return f
}

// writeCrosswalk writes crosswalk.csv (and the plan's other table
// formats) where data were moved from an older layer.
func (r *runner) writeCrosswalk() error {
	f := r.crosswalkFrame()
	if f == nil {
		return nil
	}
	return r.writeFrame("crosswalk", f)
}

// changeColours: current areas that are unions of whole older areas
// (values exact) and those made from split older areas (estimated).
var changeColours = []color.Color{
	color.RGBA{R: 0xde, G: 0xeb, B: 0xf7, A: 0xff},
	color.RGBA{R: 0xfd, G: 0xae, B: 0x6b, A: 0xff},
}

// boundaryMaps draws, per older layer whose data were moved, a map of the
// change (map-boundaries-NAME): the current areas coloured exact or
// estimated, the older areas' outlines over them; the report shows it
// with the list of estimated areas.
func (r *runner) boundaryMaps() error {
	for _, lr := range r.layers {
		if lr.cw == nil {
			continue
		}
		a := r.displayAreas()
		est := lr.cw.Estimated()
		vals := make([]float64, len(a.Keys))
		for i, k := range a.Keys {
			vals[i] = 1
			if est[k] {
				vals[i] = 2
			}
		}
		classes, err := analysis.Manual(vals, []float64{1, 2})
		if err != nil {
			return err
		}
		moved := sortedYears(lr.moved)
		first := r.boundaryBreak(r.panel.Years)
		old := lr.areas.In(a.CRS)
		lines := old.Geoms
		if tol := r.simplifyTolerance(); tol > 0 {
			lines = old.Simplify(tol)
		}
		title := r.lp.Sprintf("Planning areas until %d and from %d", lang.Digits(moved[len(moved)-1]), lang.Digits(first))
		fig := report.Map(report.MapSpec{
			Title:    title,
			Subtitle: r.lp.Sprintf("%d current areas; lines: the %d areas until %d", len(a.Keys), len(old.Keys), lang.Digits(moved[len(moved)-1])),
			Legend:   r.lp.Sprintf("values %s", datasets.YearRanges(moved)), Source: r.source(),
			Areas: a, Values: vals, Classes: classes, Colours: changeColours, City: math.NaN(), Locale: r.loc,
			Labels:    []string{r.lp.Sprintf("exact"), r.lp.Sprintf("estimated")},
			Districts: lines,
		})
		id := "map-boundaries-" + lr.b.name
		if err := r.writeFigure(id, fig); err != nil {
			return err
		}
		head := []string{report.Headings(r.loc)["key"], report.Headings(r.loc)["name"], r.lp.Sprintf("values %s", datasets.YearRanges(moved))}
		var rows [][]string
		for i, k := range a.Keys {
			if est[k] {
				rows = append(rows, []string{k, a.Names[i], r.lp.Sprintf("estimated")})
			}
		}
		alt := r.lp.Sprintf("%d of %d current planning areas are unions of whole older areas; the values of the other %d before %d are estimated.", len(a.Keys)-len(est), len(a.Keys), len(est), lang.Digits(first))
		if err := r.keepFigure(id, title, fig, alt, head, rows); err != nil {
			return err
		}
	}
	return nil
}
