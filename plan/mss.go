package plan

import (
	"math"
	"strconv"
	"strings"

	"planatlas/analysis"
	"planatlas/datasets"
	"planatlas/lang"
	"planatlas/report"
)

// computeMSS computes an index of method mss (Berlin's social
// monitoring): the valid areas are those whose valid variable reaches
// its minimum and that have every indicator; the others get no index.
func (r *runner) computeMSS(spec *index, year, yi int) error {
	n := len(r.areas.Keys)
	valid := make([]bool, n)
	for a := range valid {
		valid[a] = true
	}
	var excluded []string
	if spec.valid != nil {
		vals := r.yearValues(r.panel.Var(spec.valid.Variable).Values, yi)
		for a, v := range vals {
			if !(v >= spec.valid.Min) {
				valid[a] = false
				excluded = append(excluded, r.areas.Names[a])
			}
		}
	}
	read := func(cs []component) [][]float64 {
		out := make([][]float64, len(cs))
		for k, c := range cs {
			out[k] = r.yearValues(r.values[c.indicator].Values, yi)
			for a, v := range out[k] {
				if valid[a] && math.IsNaN(v) {
					valid[a] = false
					excluded = append(excluded, r.areas.Names[a])
				}
			}
		}
		return out
	}
	status, dynamic := read(spec.components), read(spec.dynamic)
	m, err := analysis.ComputeMSS(status, dynamic, valid)
	if err != nil {
		return errAt(r.c.plan.File, spec.line, "index %q: %v", spec.id, err)
	}
	// The index as the other stages see it: the status index, each
	// indicator's share in it (its z-score over the sum's sd) as drivers.
	ix := &analysis.Index{Values: m.StatusIndex}
	for k, z := range m.StatusZ {
		c := make([]float64, n)
		for a := range c {
			c[a] = z[a] / m.SumSD[0]
		}
		ix.Z = append(ix.Z, z)
		ix.Contrib = append(ix.Contrib, c)
		ix.Mean, ix.SD = append(ix.Mean, m.Mean[k]), append(ix.SD, m.SD[k])
	}
	var sc, dc [5]int
	for a := range valid {
		sc[m.StatusClass[a]]++
		dc[m.DynamicClass[a]]++
	}
	r.notes = append(r.notes, lang.M("index %s (MSS) %s: %d valid areas; status classes high %d, medium %d, low %d, very low %d; dynamic classes positive %d, stable %d, negative %d",
		spec.id, strconv.Itoa(year), m.Valid, sc[1], sc[2], sc[3], sc[4], dc[1], dc[2], dc[3]))
	if len(excluded) > 0 {
		r.notes = append(r.notes, lang.M("index %s: %d area(s) left out (below the validity threshold or with a missing indicator): %s", spec.id, len(excluded), some(excluded, 10)))
	}
	r.indices = append(r.indices, &indexResult{spec: spec, year: year, ix: ix, mss: m, ranking: analysis.Rank(ix.Values, ix.Contrib)})
	return nil
}

// mssTable writes mss-<id>.csv/.parquet: per area the sums, indices and
// classes of status and dynamic, the combined type and the WFS code.
func (r *runner) mssFrame(res *indexResult) *datasets.Frame {
	m := res.mss
	n := len(r.areas.Keys)
	de := r.c.lang != "en"
	t := func(d, e string) string {
		if de {
			return d
		}
		return e
	}
	var sClass, dClass, combined datasets.Text
	var code datasets.Int
	var year datasets.Int
	for a := 0; a < n; a++ {
		sClass = append(sClass, analysis.MSSStatusNames[m.StatusClass[a]])
		dClass = append(dClass, analysis.MSSDynamicNames[m.DynamicClass[a]])
		combined = append(combined, m.Combined(a))
		code = append(code, int64(m.WFSCode(a)))
		year = append(year, int64(res.year))
	}
	f := &datasets.Frame{}
	h := report.Headings(r.loc)
	f.Add("year", h["year"], year)
	f.Add("key", h["key"], datasets.Text(r.areas.Keys))
	f.Add("name", h["name"], datasets.Text(r.areas.Names))
	f.Add("district", h["district"], datasets.Text(r.areas.ParentNames))
	f.Add("status_sum", t("Statussumme", "status sum"), datasets.Float{Values: m.StatusSum, Decimals: -1})
	f.Add("status_index", t("Statusindex", "status index"), datasets.Float{Values: m.StatusIndex, Decimals: -1})
	f.Add("status_class", t("Statusklasse", "status class"), sClass)
	f.Add("dynamic_sum", t("Dynamiksumme", "dynamic sum"), datasets.Float{Values: m.DynamicSum, Decimals: -1})
	f.Add("dynamic_index", t("Dynamikindex", "dynamic index"), datasets.Float{Values: m.DynamicIndex, Decimals: -1})
	f.Add("dynamic_class", t("Dynamikklasse", "dynamic class"), dClass)
	f.Add("status_dynamic", t("Status/Dynamik", "status/dynamic"), combined)
	f.Add("sdi_n", "SDI_N", code)
	return f
}

// writeMSS writes the tables of the mss indices.
func (r *runner) writeMSS() error {
	for _, res := range r.indices {
		if res.mss == nil {
			continue
		}
		if err := r.writeFrame("mss-"+res.spec.id, r.mssFrame(res)); err != nil {
			return err
		}
	}
	return nil
}

func some(items []string, n int) lang.Message {
	if len(items) <= n {
		return lang.M("%s", strings.Join(items, ", "))
	}
	return lang.M("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}
