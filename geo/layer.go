package geo

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"planatlas/lang"
)

// Layer is a geometry file as read: features with their attributes and
// geometries, before keys are checked and coordinates projected. Every
// reader (GeoJSON, Shapefile, GeoPackage) produces a Layer; Areas turns
// it into planning areas, Check reports every problem in it.
type Layer struct {
	File   string
	Format string // "GeoJSON", "Shapefile" or "GeoPackage"
	CRS    CRS    // as the file declares it; Unknown if it does not
	// CRSErr says why the file's own CRS description (a .prj, a
	// GeoPackage's srs) cannot be used; the plan's crs then must be given.
	CRSErr   *FeatureError
	Fields   []string // attribute names, in file order
	Features []Feature
	Notes    []lang.Message // things the user should know, such as a doubtful encoding
}

// Feature is one feature of a Layer.
type Feature struct {
	Attrs   []Attr           // by Fields
	Geom    orb.MultiPolygon // nil if the feature has no usable geometry
	Point   *orb.Point       // the position of a Point feature (facilities, addresses)
	GeomErr string           // why Geom is nil ("" and nil Geom: no geometry at all)
}

// Attr is one attribute value as text: strings as they are, numbers as
// written in the file.
type Attr struct {
	Text   string
	Null   bool
	Number bool
}

// field returns the index of a field, or -1.
func (l *Layer) field(name string) int {
	for i, f := range l.Fields {
		if f == name {
			return i
		}
	}
	return -1
}

// Attribute returns feature i's value of field name.
func (l *Layer) Attribute(i int, name string) (Attr, bool) {
	k := l.field(name)
	if k < 0 || k >= len(l.Features[i].Attrs) {
		return Attr{Null: true}, false
	}
	return l.Features[i].Attrs[k], true
}

func (l *Layer) fieldList() string {
	q := make([]string, len(l.Fields))
	for i, f := range l.Fields {
		q[i] = fmt.Sprintf("%q", f)
	}
	if len(q) > 20 {
		q = append(q[:20], "…")
	}
	return strings.Join(q, ", ")
}

// ReadOptions name the attributes that carry an area's key, name and
// parent, and what to do where the file does not say or is ambiguous.
type ReadOptions struct {
	Key        string // attribute with the area key (required)
	Name       string // attribute with the area name; the key if ""
	Parent     string // attribute with the parent area's key (district); optional
	ParentName string // attribute with the parent's name; optional
	// Attributes are further attributes to keep per area as text (the
	// keys and names of the levels above the areas), in Areas.Attributes.
	Attributes []string
	CRS        CRS // the file's CRS if it does not declare one; Unknown means WGS84 for GeoJSON
	// MergeDuplicates joins the parts of features that share a key into
	// one area, instead of refusing them.
	MergeDuplicates bool
	// Corrections give single features another key: a published layer
	// whose feature carries a wrong key (Berlin's 2019 planning areas
	// give Charlottenburg's Schloßstraße the key of Steglitz's).
	Corrections []KeyCorrection
	// Repair makes invalid polygons valid by GEOS MakeValid's rules
	// (Repair) instead of refusing them; Areas.Repaired lists them.
	Repair bool
}

// A KeyCorrection gives feature number Feature (counted from 1, as in
// messages), whose key is From, the key To. A feature that does not
// exist or has another key is an error: the file is not the one the
// correction was written for.
type KeyCorrection struct {
	Feature  int
	From, To string
}

// duplicateKey is the message for a key that two features carry.
const duplicateKey = "the key is used by feature %s too; every planning area needs its own key (or merge the parts: duplicates: merge)"

// IsDuplicateKey reports whether err is about a key that two features of
// a layer carry.
func IsDuplicateKey(err error) bool {
	var fe *FeatureError
	return errors.As(err, &fe) && fe.M.Format == duplicateKey
}

// featureKey returns feature i's key, corrected where opt says so.
func (l *Layer) featureKey(i int, opt ReadOptions) (string, lang.Message) {
	keyAttr, _ := l.Attribute(i, opt.Key)
	key := strings.TrimSpace(keyAttr.Text)
	if keyAttr.Null || key == "" {
		return "", lang.M("the area key is empty")
	}
	for _, c := range opt.Corrections {
		if c.Feature == i+1 {
			if key != c.From {
				return key, lang.M("the correction of feature %d expects the key %q, the feature has %q: is this the file the correction was written for?", lang.Digits(c.Feature), c.From, key)
			}
			return c.To, lang.Message{}
		}
	}
	return key, lang.Message{}
}

// checkCorrections refuses corrections of features the layer lacks.
func (l *Layer) checkCorrections(opt ReadOptions) lang.Message {
	for _, c := range opt.Corrections {
		if c.Feature < 1 || c.Feature > len(l.Features) {
			return lang.M("the correction of feature %d: the file has features 1 to %d", lang.Digits(c.Feature), lang.Digits(len(l.Features)))
		}
	}
	return lang.Message{}
}

// Areas turns the layer into planning areas sorted by key, in a planar
// CRS. It stops at the first problem that makes the areas unusable: a
// missing key, a duplicate key, a missing or broken geometry,
// coordinates that cannot lie in the CRS, an invalid polygon.
func (l *Layer) Areas(opt ReadOptions) (_ *Areas, err error) {
	defer recoverReader(l.File, &err)
	a, problems := l.build(opt, false)
	for _, p := range problems {
		if p.Severity == Error {
			return nil, p.err(l.File)
		}
	}
	l.Notes = append(append(l.Notes, a.warnings...), a.notes...)
	for _, r := range a.Repaired {
		l.Notes = append(l.Notes, lang.M("feature %d (key %q) was not a valid polygon and is repaired by GEOS MakeValid's rules into %d polygon(s): area %s m² before, %s m² after", lang.Digits(r.Feature), r.Key, r.Parts, areaMessage(r.Before), areaMessage(r.After)))
	}
	return a, nil
}

// build makes areas from the features; with collect it goes on after a
// problem and returns every one, otherwise it returns at the first error.
func (l *Layer) build(opt ReadOptions, collect bool) (*Areas, []Problem) {
	var problems []Problem
	report := func(p Problem) bool {
		problems = append(problems, p)
		return !collect && p.Severity == Error
	}
	crs, warnings, err := l.crs(opt)
	if err != nil {
		report(problem(Error, 0, "", "crs", err.(*FeatureError).M))
		return nil, problems
	}
	for _, f := range append([]string{opt.Key, opt.Name, opt.Parent, opt.ParentName}, opt.Attributes...) {
		if f != "" && l.field(f) < 0 {
			report(problem(Error, 0, "", f, lang.M("no such attribute (attributes: %s)", l.fieldList())))
			return nil, problems
		}
	}
	if m := l.checkCorrections(opt); m.Format != "" {
		report(problem(Error, 0, "", opt.Key, m))
		return nil, problems
	}
	a := &Areas{File: l.File, CRS: crs, warnings: warnings}
	coords := newCoordCheck(crs)
	coords.swapped = crs.Geographic() && opt.CRS == Unknown && l.layerLooksSwapped()
	if len(opt.Attributes) > 0 {
		a.Attributes = map[string][]string{}
	}
	byKey := map[string]int{}
	merged := map[int]bool{} // areas whose features were merged
	same := &sameProblems{}
	for i, ft := range l.Features {
		n := i + 1
		key, m := l.featureKey(i, opt)
		if m.Format != "" {
			if report(problem(Error, n, key, opt.Key, m)) {
				return nil, problems
			}
			continue
		}
		bad := func(field string, m lang.Message) bool {
			return report(problem(Error, n, key, field, m))
		}
		switch {
		case ft.Geom == nil && ft.GeomErr != "":
			if bad("geometry", lang.M("%s", ft.GeomErr)) {
				return nil, problems
			}
			continue
		case ft.Geom == nil:
			if bad("geometry", lang.M("the feature has no geometry")) {
				return nil, problems
			}
			continue
		}
		if msg := checkPolygons(ft.Geom, coords); msg.Format != "" {
			if collect && same.seen(msg) {
				continue // told once per kind; counted for a summary
			}
			if bad("geometry", msg) {
				return nil, problems
			}
			continue
		}
		if j, dup := byKey[key]; dup {
			if !opt.MergeDuplicates {
				if bad("", lang.M(duplicateKey, strconv.Itoa(a.features[j]))) {
					return nil, problems
				}
				// Collecting: keep the feature as an area of its own, so
				// that the checks between areas see it where it lies.
			} else {
				a.Geoms[j] = append(a.Geoms[j], cloneMultiPolygon(ft.Geom)...)
				merged[j] = true
				continue
			}
		}
		if _, dup := byKey[key]; !dup {
			byKey[key] = len(a.Keys)
		}
		l.appendArea(a, i, key, opt)
	}
	for _, m := range same.summary() {
		report(problem(Error, 0, "", "geometry", m))
	}
	if len(a.Keys) == 0 {
		report(problem(Error, 0, "", "", lang.M("the file has no usable features")))
		return nil, problems
	}
	a.fitDatum()
	if err := a.toPlanar(); err != nil {
		report(problem(Error, 0, "", "", err.(*FeatureError).M))
		return nil, problems
	}
	if !a.clean(merged, opt.Repair, report) {
		return nil, problems
	}
	return a.sortedByKey(), problems
}

// appendArea adds feature i as an area with key: its name, parent and
// further attributes as opt names them, and a copy of its geometry.
func (l *Layer) appendArea(a *Areas, i int, key string, opt ReadOptions) {
	text := func(field string) string {
		if field == "" {
			return ""
		}
		v, _ := l.Attribute(i, field)
		return strings.TrimSpace(v.Text)
	}
	name := key
	if opt.Name != "" {
		name = text(opt.Name)
	}
	parent, parentName := text(opt.Parent), text(opt.Parent)
	if opt.ParentName != "" {
		parentName = text(opt.ParentName)
	}
	a.Keys = append(a.Keys, key)
	a.Names = append(a.Names, name)
	a.Parents = append(a.Parents, parent)
	a.ParentNames = append(a.ParentNames, parentName)
	for _, f := range opt.Attributes {
		a.Attributes[f] = append(a.Attributes[f], text(f))
	}
	a.Geoms = append(a.Geoms, cloneMultiPolygon(l.Features[i].Geom))
	a.features = append(a.features, i+1)
}

// clean removes repeated vertices and parts without area from every
// area's geometry, orients its rings, dissolves the parts of merged
// features, and reports what it removed and geometries that stay
// invalid (marked in a.invalid). It returns false where report says to
// stop.
func (a *Areas) clean(merged map[int]bool, repair bool, report func(Problem) bool) bool {
	markInvalid := func(i int) {
		if a.invalid == nil {
			a.invalid = make([]bool, a.Len())
		}
		a.invalid[i] = true
	}
	for i := range a.Geoms {
		var repeats int
		a.Geoms[i], repeats = removeRepeats(a.Geoms[i])
		if repeats > 0 {
			report(problem(Warning, a.features[i], a.Keys[i], "geometry", lang.M("%d repeated vertices (removed)", repeats)))
		}
		var empty int
		a.Geoms[i], empty = dropEmptyParts(a.Geoms[i])
		if empty > 0 {
			report(problem(Warning, a.features[i], a.Keys[i], "geometry", lang.M("%d part(s) or hole(s) without area (removed)", empty)))
		}
		if len(a.Geoms[i]) == 0 {
			if report(problem(Error, a.features[i], a.Keys[i], "geometry", lang.M("the polygon has no area: all its points lie on one line"))) {
				return false
			}
			markInvalid(i)
			continue
		}
		a.Geoms[i] = orient(a.Geoms[i])
		if merged[i] && validPolygon(a.Geoms[i]) != nil {
			// Parts of one area that share edges are dissolved into one.
			if u, ok := dissolve(a.Geoms[i]); ok {
				a.Geoms[i] = orient(u)
			}
		}
		if err := validPolygon(a.Geoms[i]); err != nil {
			p := a.repairInvalid(i, err, repair)
			if report(p) {
				return false
			}
			if p.Severity == Error {
				markInvalid(i)
			}
		}
	}
	return true
}

func cloneMultiPolygon(mp orb.MultiPolygon) orb.MultiPolygon {
	out := make(orb.MultiPolygon, len(mp))
	for i, p := range mp {
		out[i] = make(orb.Polygon, len(p))
		for j, r := range p {
			out[i][j] = append(orb.Ring(nil), r...)
		}
	}
	return out
}

// removeRepeats drops consecutive repeated vertices and returns how many.
func removeRepeats(mp orb.MultiPolygon) (orb.MultiPolygon, int) {
	n := 0
	for _, p := range mp {
		for j, r := range p {
			out := r[:0]
			for k, pt := range r {
				if k > 0 && pt == out[len(out)-1] {
					n++
					continue
				}
				out = append(out, pt)
			}
			p[j] = out
		}
	}
	return mp, n
}

// degenerate reports whether a ring encloses nothing: fewer than four
// positions, or all of them on one line. A self-intersecting ring whose
// signed area happens to be zero (a bow tie) is not degenerate; validity
// checking reports it.
func degenerate(r orb.Ring) bool {
	if len(r) < 4 {
		return true
	}
	var fan float64
	o := r[0]
	for k := 1; k+1 < len(r); k++ {
		a, b := r[k], r[k+1]
		fan += math.Abs((a[0]-o[0])*(b[1]-o[1]) - (b[0]-o[0])*(a[1]-o[1]))
	}
	return fan/2 < 1e-9
}

// dropEmptyParts removes rings with (almost) no area: polygons whose
// shell is empty, and empty holes. It returns how many it removed.
func dropEmptyParts(mp orb.MultiPolygon) (orb.MultiPolygon, int) {
	n := 0
	out := mp[:0]
	for _, p := range mp {
		if degenerate(p[0]) {
			n++
			continue
		}
		q := p[:1]
		for _, h := range p[1:] {
			if degenerate(h) {
				n++
				continue
			}
			q = append(q, h)
		}
		out = append(out, q)
	}
	return out, n
}
