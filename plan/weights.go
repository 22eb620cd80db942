package plan

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"

	"planatlas/geo"
	"planatlas/lang"
)

// weightsRule is the checked weights section of a plan.
type weightsRule struct {
	kind      string // queen, rook, knn, distance, file
	k         int
	distance  float64
	tolerance float64
	style     geo.Style
	file      string
}

// checkWeights reads the plan's weights section, with its defaults:
// queen contiguity, tolerance areas.tolerance or 0.1 m, row-standardised.
func checkWeights(p *Plan) (weightsRule, error) {
	w := p.Weights
	r := weightsRule{kind: strings.ToLower(w.Type), k: w.K, distance: w.Distance, file: w.File, tolerance: p.Areas.Tolerance}
	if r.tolerance == 0 {
		r.tolerance = 0.1
	}
	if w.Tolerance != nil {
		if *w.Tolerance < 0 {
			return r, errf("tolerance %g: a distance in metres cannot be negative", *w.Tolerance)
		}
		r.tolerance = *w.Tolerance
	}
	var err error
	if r.style, err = geo.ParseStyle(w.Style); err != nil {
		return r, err
	}
	if r.kind == "" {
		r.kind = "queen"
	}
	switch r.kind {
	case "queen", "rook":
	case "knn":
		if w.K < 1 {
			return r, errf("type knn needs k, the number of neighbours (k: 6)")
		}
	case "distance":
		if !(w.Distance > 0) {
			return r, errf("type distance needs distance, the band in metres between the areas' label points (distance: 1500)")
		}
	case "file":
		ext := strings.ToLower(path.Ext(w.File))
		if ext != ".gal" && ext != ".gwt" {
			return r, errf("type file needs file, a GAL or GWT weights file (file: nachbarn.gal)")
		}
	default:
		return r, errf("type %q: use queen, rook, knn, distance or file", w.Type)
	}
	if r.kind != "file" && w.File != "" {
		return r, errf("file is for type file, not %s", r.kind)
	}
	return r, nil
}

// describe says how the weights were built, for the notes and manifest.
func (w weightsRule) describe() string {
	switch w.kind {
	case "queen", "rook":
		return fmt.Sprintf("%s contiguity, tolerance %g m", w.kind, w.tolerance)
	case "knn":
		return fmt.Sprintf("%d nearest neighbours (label points)", w.k)
	case "distance":
		return fmt.Sprintf("distance band %g m (label points)", w.distance)
	}
	return "weights file " + w.file
}

// describeMessage says how the weights were built, for the run's notes.
func (w weightsRule) describeMessage() lang.Message {
	switch w.kind {
	case "queen":
		return lang.M("queen contiguity, tolerance %g m", w.tolerance)
	case "rook":
		return lang.M("rook contiguity, tolerance %g m", w.tolerance)
	case "knn":
		return lang.M("%d nearest neighbours (label points)", w.k)
	case "distance":
		return lang.M("distance band %g m (label points)", w.distance)
	}
	return lang.M("weights file %s", w.file)
}

// describeIn says how the weights were built in the run's language, for
// subtitles.
func (w weightsRule) describeIn(lang string) string {
	if lang == "en" {
		return w.describe()
	}
	tol := strings.Replace(fmt.Sprint(w.tolerance), ".", ",", 1)
	switch w.kind {
	case "queen":
		return "Nachbarschaft Queen, Toleranz " + tol + " m"
	case "rook":
		return "Nachbarschaft Rook, Toleranz " + tol + " m"
	case "knn":
		return fmt.Sprintf("%d nächste Nachbarn", w.k)
	case "distance":
		return fmt.Sprintf("Nachbarn bis %s m", strings.Replace(fmt.Sprint(w.distance), ".", ",", 1))
	}
	return "Gewichte aus " + w.file
}

// buildWeights makes the run's spatial weights on the joined areas'
// order, and notes islands and disconnected parts by name.
func (r *runner) buildWeights() error {
	if r.weights != nil {
		return nil
	}
	rule := r.c.weights
	a := r.areas
	var nb geo.Neighbours
	var err error
	switch rule.kind {
	case "queen":
		nb = geo.Queen(a, rule.tolerance)
	case "rook":
		nb = geo.Rook(a, rule.tolerance)
	case "knn":
		nb, err = geo.KNearest(a, rule.k)
	case "distance":
		nb, err = geo.DistanceBand(a, rule.distance)
	case "file":
		var rd io.Reader
		var done func(error) error
		if rd, done, err = r.hashed(rule.file); err != nil {
			return errAt(r.c.plan.File, r.c.plan.Weights.Line, "weights: %v", err)
		}
		var data []byte
		data, err = io.ReadAll(rd)
		if err = done(err); err != nil {
			return err
		}
		if strings.EqualFold(path.Ext(rule.file), ".gwt") {
			r.weights, err = geo.ReadGWT(bytes.NewReader(data), rule.file, a.Keys, rule.style)
		} else {
			r.weights, err = geo.ReadGAL(bytes.NewReader(data), rule.file, a.Keys, rule.style)
		}
	}
	if err != nil {
		if _, ok := err.(*geo.FeatureError); ok {
			return err
		}
		return errAt(r.c.plan.File, r.c.plan.Weights.Line, "weights: %v", err)
	}
	if r.weights == nil {
		r.weights = geo.NewWeights(a.Keys, nb, rule.describe(), rule.style)
	}
	w := r.weights
	r.notes = append(r.notes, lang.M("spatial weights: %s", w.SummaryOf(rule.describeMessage())))
	if is := w.Islands(); len(is) > 0 {
		var names []string
		for _, i := range is {
			names = append(names, fmt.Sprintf("%s (%s)", a.Names[i], a.Keys[i]))
		}
		r.notes = append(r.notes, lang.M("spatial weights: %d area(s) without neighbours (islands), kept with empty rows: %s", len(is), strings.Join(names, ", ")))
	}
	if cs := w.Components(); len(cs) > 1 {
		var parts []lang.Message
		for _, c := range cs {
			parts = append(parts, lang.M("%d area(s) from %s", len(c), a.Names[c[0]]))
		}
		r.notes = append(r.notes, lang.M("spatial weights: the areas fall into %d parts with no neighbours between them: %s", len(cs), lang.Join("; ", parts)))
	}
	return nil
}

// writeWeights writes the weights as GAL (neighbours) and GWT (weights)
// for GeoDa and PySAL.
func (r *runner) writeWeights() error {
	if r.weights == nil {
		return nil
	}
	if k, ok := geo.KeyWithSpace(r.weights.Keys); ok {
		// The weights are used all the same; only their files for
		// GeoDa and PySAL cannot be written.
		r.notes = append(r.notes, lang.M("weights.gal and weights.gwt are not written: the area key %q contains white space, which these formats cannot carry", k))
		return nil
	}
	layer := strings.TrimSuffix(path.Base(r.c.plan.Areas.File), path.Ext(r.c.plan.Areas.File))
	if err := r.st.Write("weights.gal", func(w io.Writer) error { return geo.WriteGAL(w, r.weights, layer, r.c.plan.Areas.Key) }); err != nil {
		return err
	}
	return r.st.Write("weights.gwt", func(w io.Writer) error { return geo.WriteGWT(w, r.weights, layer, r.c.plan.Areas.Key) })
}

// sourceOpener reads whole files of a Source, for the geometry readers.
func sourceOpener(src Source) geo.Opener {
	return func(name string) ([]byte, error) {
		f, err := src.Open(name)
		if err != nil {
			return nil, err
		}
		defer func() { _ = f.Close() }() // read only: nothing to lose
		return io.ReadAll(f)
	}
}
