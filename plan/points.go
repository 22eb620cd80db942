package plan

import (
	"math"
	"sort"

	"github.com/paulmach/orb"

	"planatlas/datasets"
	"planatlas/geo"
	"planatlas/lang"
)

// readPoints reads a points input (facilities, addresses with
// coordinates) and assigns each point to the planning area that contains
// it; points outside every area are dropped and noted. The count column
// is added: each point counts once.
func (r *runner) readPoints(in *input) error {
	var t *datasets.Table
	var pts []orb.Point
	cols := in.cols
	if err := r.inputYear(in, &cols); err != nil {
		return err
	}
	if in.pointsTable {
		rd, done, err := r.hashed(in.file())
		if err != nil {
			return errAt(r.c.plan.File, in.line, "input %q: %v", in.name, err)
		}
		t, err = datasets.ReadCSV(rd, in.file(), cols, in.csv)
		if err = done(err); err != nil {
			return err
		}
		xs, ys := t.Values[t.ValueIndex(in.spec.X)], t.Values[t.ValueIndex(in.spec.Y)]
		pts = make([]orb.Point, t.Len())
		tr := geo.NewTransformation(in.crs, r.geom.CRS)
		for i := range pts {
			if msg := geo.CheckPoint(in.crs, xs[i], ys[i]); msg.Format != "" {
				return &datasets.InputError{File: in.file(), Line: t.Line(i), Column: in.spec.X + ", " + in.spec.Y, M: msg}
			}
			pts[i] = tr.Apply(orb.Point{xs[i], ys[i]})
		}
	} else {
		l, err := geo.ReadLayer(in.file(), r.opener(), in.spec.Layer)
		if err != nil {
			return err
		}
		if pts, err = l.Points(in.crs, r.geom.CRS); err != nil {
			return err
		}
		if t, err = datasets.FromRecords(in.file(), "feature", l.Fields, layerRecords(l), cols); err != nil {
			return err
		}
	}
	r.keepAux(in, pts, t)
	lc := geo.NewLocator(r.geom)
	keys := make([]string, len(pts))
	inData := map[string]bool{}
	for _, k := range r.dataKeys() {
		inData[k] = true
	}
	var outside, noData []lang.Message
	for i, p := range pts {
		a := lc.Locate(p)
		switch {
		case a < 0:
			outside = append(outside, t.LocMessage(i))
		case !inData[r.geom.Keys[a]]:
			noData = append(noData, t.LocMessage(i))
		default:
			keys[i] = r.geom.Keys[a]
		}
	}
	if len(noData) > 0 {
		r.notes = append(r.notes, lang.M("input %q: %d point(s) lie in planning areas without data in the other inputs and are not counted: %s", in.name, len(noData), lang.Join(", ", noData[:min(5, len(noData))])))
	}
	t.SetKeys(keys)
	t.AddConstant(PointCount, 1)
	r.notes = append(r.notes, lang.M("input %q: %d point(s) assigned to planning areas", in.name, t.Len()))
	if len(outside) > 0 {
		r.notes = append(r.notes, lang.M("input %q: %s", in.name, geo.Outside(outside)))
	}
	if t.Len() == 0 {
		return errAt(r.c.plan.File, in.line, "input %q: no point of %s lies in a planning area: is the CRS right?", in.name, in.file())
	}
	// One row per area, year and dimensions, as the panel expects; an
	// area without points has none: zero, not missing. The areas are
	// those of the geometry.
	r.inTables[in] = zeroAbsent(sumRows(t), r.dataKeys())
	return nil
}

// dataKeys returns the areas of the panel: those of the geometry, every
// one of which has a value (an area a table lacks has missing values
// there), so that a point counts wherever it lies.
func (r *runner) dataKeys() []string {
	keys := append([]string(nil), r.geom.Keys...)
	sort.Strings(keys)
	return keys
}

// zeroAbsent adds a row of zeros for every area and year of t without a
// row: no point in an area is a count of zero.
func zeroAbsent(t *datasets.Table, keys []string) *datasets.Table {
	has := map[string]map[int]bool{}
	years := map[int]bool{}
	for i := range t.Len() {
		k := t.Key(i)
		if has[k] == nil {
			has[k] = map[int]bool{}
		}
		has[k][t.Year(i)] = true
		years[t.Year(i)] = true
	}
	ys := make([]int, 0, len(years))
	for y := range years {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	dims := make([]string, t.NumDims())
	vals, flags := make([]float64, len(t.Values)), make([]datasets.Flag, len(t.Values))
	for _, k := range keys {
		for _, y := range ys {
			if has[k][y] {
				continue
			}
			t.AppendRow(k, y, 0, dims, vals, flags)
		}
	}
	return t
}

// readGrid reads a table of Zensus grid cells (key: the cell id column)
// and allocates every value to the planning areas by the share of the
// cell's area that lies in each. Allocated values are estimates and are
// flagged so; the part of cells outside every area is noted.
func (r *runner) readGrid(in *input) error {
	rd, done, err := r.hashed(in.file())
	if err != nil {
		return errAt(r.c.plan.File, in.line, "input %q: %v", in.name, err)
	}
	t, err := datasets.ReadCSV(rd, in.file(), in.cols, in.csv)
	if err = done(err); err != nil {
		return err
	}
	cellOf := map[string]int{}
	var cells []geo.GridCell
	rowCell := make([]int, t.Len())
	for i := range t.Len() {
		id := t.Key(i)
		k, ok := cellOf[id]
		if !ok {
			c, err := geo.ParseGridID(id)
			if err != nil {
				return &datasets.InputError{File: in.file(), Line: t.Line(i), Column: in.spec.Key, Msg: err.Error()}
			}
			k = len(cells)
			cellOf[id] = k
			cells = append(cells, c)
		}
		rowCell[i] = k
	}
	if r.weighsLayer(in) {
		centres := make([]orb.Point, t.Len())
		tr := geo.NewTransformation(geo.LAEAEurope, r.geom.CRS)
		for i := range centres {
			c := cells[rowCell[i]]
			centres[i] = tr.Apply(orb.Point{c.E + c.Size/2, c.N + c.Size/2})
		}
		r.keepAux(in, centres, t)
	}
	shares := r.geom.GridShares(cells)
	out := datasets.NewTable(t.Name, t.Spec)
	lost := make([]float64, len(t.Values))
	var dims []string
	vals, flags := make([]float64, len(t.Values)), make([]datasets.Flag, len(t.Values))
	for i := range t.Len() {
		var in float64
		dims = t.RowDims(i, dims)
		for _, s := range shares[rowCell[i]] {
			in += s.Fraction
			for v := range t.Values {
				vals[v] = t.Values[v][i] * s.Fraction
				flags[v] = t.Flags[v][i]
				if s.Fraction < 1 {
					flags[v] |= datasets.Estimated
				}
			}
			out.AppendRow(r.geom.Keys[s.Area], t.Year(i), t.Line(i), dims, vals, flags)
		}
		for v := range t.Values {
			if x := t.Values[v][i]; !math.IsNaN(x) {
				lost[v] += x * (1 - in)
			}
		}
	}
	// Several cells share an area: sum their parts per area, year and
	// dimensions, as one row each.
	out = sumRows(out)
	for v, col := range t.Spec.Values {
		if lost[v] > 1e-9 {
			r.notes = append(r.notes, lang.M("input %q: %.1f of column %q lies in grid cells outside every planning area and is not allocated", in.name, lost[v], col))
		}
	}
	r.notes = append(r.notes, lang.M("input %q: %d grid cells allocated to planning areas by area share", in.name, len(cells)))
	r.inTables[in] = out
	return nil
}

// sumRows adds up rows with the same key, year and dimensions, keeping
// the first row's line and the union of flags.
func sumRows(t *datasets.Table) *datasets.Table {
	type rowKey struct {
		key  string
		year int
		dims string
	}
	idx := map[rowKey]int{}
	out := datasets.NewTable(t.Name, t.Spec)
	var dims []string
	vals, flags := make([]float64, len(t.Values)), make([]datasets.Flag, len(t.Values))
	order := make([]int, t.Len())
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return t.Key(order[a]) < t.Key(order[b]) })
	for _, i := range order {
		d := ""
		for k := range t.NumDims() {
			d += t.Dim(k, i) + "\x00"
		}
		rk := rowKey{t.Key(i), t.Year(i), d}
		j, ok := idx[rk]
		if !ok {
			j = out.Len()
			idx[rk] = j
			for v := range t.Values {
				vals[v], flags[v] = t.Values[v][i], t.Flags[v][i]
			}
			out.AppendRow(t.Key(i), t.Year(i), t.Line(i), t.RowDims(i, dims), vals, flags)
			continue
		}
		for v := range t.Values {
			out.Values[v][j] += t.Values[v][i]
			out.Flags[v][j] |= t.Flags[v][i]
		}
	}
	return out
}

// layerRecords turns a layer's attributes into records.
func layerRecords(l *geo.Layer) [][]datasets.Cell {
	records := make([][]datasets.Cell, len(l.Features))
	for i, f := range l.Features {
		row := make([]datasets.Cell, len(l.Fields))
		for k := range row {
			if k < len(f.Attrs) {
				a := f.Attrs[k]
				row[k] = datasets.Cell{Text: a.Text, Number: a.Number, Null: a.Null}
			} else {
				row[k] = datasets.Cell{Null: true}
			}
		}
		records[i] = row
	}
	return records
}
