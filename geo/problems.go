package geo

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/peterstace/simplefeatures/geom"

	"planatlas/lang"
)

// Severity says whether a problem makes the areas unusable.
type Severity int

const (
	Warning Severity = iota // worth fixing; planatlas can work around it
	Error                   // the areas cannot be used as they are
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Problem is one finding about a geometry file, with the feature (by
// position from 1 and by key) it concerns.
type Problem struct {
	Severity Severity
	Feature  int    // 0 if it concerns the file or several areas
	Key      string // the area's key, where known
	Field    string
	Msg      string       // in English
	Text     lang.Message // Msg for the reader's language; Msg if empty
}

// problem returns the problem with its message from an English format
// string, in English (Msg) and for the reader's language (Text).
func problem(sev Severity, feature int, key, field string, m lang.Message) Problem {
	return Problem{Severity: sev, Feature: feature, Key: key, Field: field, Msg: m.String(), Text: m}
}

func (p Problem) err(file string) error {
	return &FeatureError{File: file, Feature: p.Feature, Key: p.Key, Field: p.Field, Msg: p.Msg, M: p.Text}
}

// String formats the problem for a report line.
func (p Problem) String() string {
	s := ""
	if p.Feature > 0 {
		s = fmt.Sprintf("feature %d", p.Feature)
		if p.Key != "" {
			s += fmt.Sprintf(" (key %q)", p.Key)
		}
		s += ": "
	}
	if p.Field != "" {
		s += fmt.Sprintf("%q: ", p.Field)
	}
	return s + p.Msg
}

// Localize formats the problem for a report line in the printer's
// language.
func (p Problem) Localize(lp *lang.Printer) string {
	msg := p.Msg
	if p.Text.Format != "" {
		msg = lp.Message(p.Text)
	}
	s := ""
	if p.Feature > 0 {
		if p.Key != "" {
			s = lp.Sprintf("feature %s (key %q): ", strconv.Itoa(p.Feature), p.Key)
		} else {
			s = lp.Sprintf("feature %s: ", strconv.Itoa(p.Feature))
		}
	}
	if p.Field != "" {
		s += fmt.Sprintf("%q: ", p.Field)
	}
	return s + msg
}

// CheckOptions are the tolerances of Check.
type CheckOptions struct {
	// MinArea is the smallest overlap or gap between areas, in m², that
	// is reported; smaller ones are digitising noise. 0.01 m² if zero.
	MinArea float64
}

// Check reports every problem of the layer read as planning areas: keys,
// geometries, validity, and between areas overlaps and gaps larger than
// opt.MinArea. It also returns the areas it could build (nil if none).
func (l *Layer) Check(ro ReadOptions, opt CheckOptions) (*Areas, []Problem) {
	a, problems := l.build(ro, true)
	for _, n := range l.Notes {
		problems = append(problems, Problem{Severity: Warning, Msg: n.String(), Text: n})
	}
	if a == nil {
		return nil, problems
	}
	for _, n := range a.warnings {
		problems = append(problems, Problem{Severity: Warning, Msg: n.String(), Text: n})
	}
	if opt.MinArea == 0 {
		opt.MinArea = 0.01
	}
	problems = append(problems, overlapsAndGaps(a, opt.MinArea)...)
	return a, problems
}

// overlapsAndGaps finds areas that overlap each other and gaps between
// them (holes in their union). The sum of the areas minus the area of
// their union says whether anything overlaps at all; only then are
// pairs intersected.
func overlapsAndGaps(a *Areas, minArea float64) []Problem {
	var problems []Problem
	// Invalid geometries have no meaningful overlaps: they are left out
	// (their error is reported), which may show a gap where they lie.
	var idx []int
	for i := range a.Geoms {
		if a.invalid == nil || !a.invalid[i] {
			idx = append(idx, i)
		}
	}
	sf := make([]geom.Geometry, len(idx))
	var total float64
	for k, i := range idx {
		sf[k] = toSF(a.Geoms[i]).AsGeometry()
		total += a.AreaM2(i)
	}
	union, err := geom.UnionMany(sf)
	if err != nil {
		return []Problem{problem(Warning, 0, "", "", lang.M("overlaps and gaps could not be checked: %s", err.Error()))}
	}
	if total-union.Area() > minArea {
		env := make([]geom.Envelope, len(sf))
		for i := range sf {
			env[i] = sf[i].Envelope()
		}
		for i := range sf {
			for j := i + 1; j < len(sf); j++ {
				if !env[i].Intersects(env[j]) {
					continue
				}
				x, err := geom.Intersection(sf[i], sf[j])
				if err != nil {
					continue
				}
				if ar := x.Area(); ar > minArea {
					ai, aj := idx[i], idx[j]
					problems = append(problems, problem(Warning, 0, "", "", lang.M("areas %q (feature %s) and %q (feature %s) overlap by %s m²",
						a.Keys[ai], strconv.Itoa(a.features[ai]), a.Keys[aj], strconv.Itoa(a.features[aj]), areaMessage(ar))))
				}
			}
		}
	}
	// Gaps: holes of the union.
	var polys []geom.Polygon
	switch union.Type() {
	case geom.TypePolygon:
		polys = []geom.Polygon{union.MustAsPolygon()}
	case geom.TypeMultiPolygon:
		mp := union.MustAsMultiPolygon()
		for k := 0; k < mp.NumPolygons(); k++ {
			polys = append(polys, mp.PolygonN(k))
		}
	}
	for _, p := range polys {
		for k := 0; k < p.NumInteriorRings(); k++ {
			hole := geom.NewPolygon([]geom.LineString{p.InteriorRingN(k)})
			ar := hole.Area()
			if ar <= minArea {
				continue
			}
			c := hole.Centroid()
			xy, _ := c.XY()
			var around []string
			for i := range sf {
				if d, ok := geom.Distance(hole.AsGeometry(), sf[i]); ok && d <= 1e-6 {
					around = append(around, fmt.Sprintf("%q", a.Keys[idx[i]]))
				}
			}
			sort.Strings(around)
			problems = append(problems, problem(Warning, 0, "", "", lang.M("a gap of %s m² near %s between the areas %s",
				areaMessage(ar), fmt.Sprintf("(%.2f, %.2f)", xy.X, xy.Y), strings.Join(around, ", "))))
		}
	}
	return problems
}

// areaMessage writes an area in m² in the reader's number format: two
// decimals below 1 m², whole m² above.
func areaMessage(a float64) lang.Message {
	if a < 1 {
		return lang.M("%.2f", a)
	}
	return lang.M("%.0f", math.Round(a))
}

// sameProblems keeps check-geometry from listing one problem of the
// whole layer once per feature (coordinates in degrees declared as
// metres: 542 lines for Berlin): each kind is listed for its first
// features, then counted.
type sameProblems struct {
	kinds []string
	count []int
}

// sameShown is how many features with one kind of coordinate problem
// are listed before the rest are counted.
const sameShown = 3

// seen records a problem and reports whether it is one too many of its
// kind to list.
func (s *sameProblems) seen(m lang.Message) bool {
	k := problemKind(m)
	for i, kind := range s.kinds {
		if kind == k {
			s.count[i]++
			return s.count[i] > sameShown
		}
	}
	s.kinds, s.count = append(s.kinds, k), append(s.count, 1)
	return false
}

// summary returns a message per kind of problem with features left out.
func (s *sameProblems) summary() []lang.Message {
	var out []lang.Message
	for _, n := range s.count {
		if n > sameShown {
			out = append(out, lang.M("the same problem in %d more features", n-sameShown))
		}
	}
	return out
}

// problemKind is the format of a message's innermost part: "ring %d of
// polygon %d: point (%s) looks like degrees, …" is of the kind "point
// (%s) looks like degrees, …".
func problemKind(m lang.Message) string {
	for m.Format == "%s: %s" && len(m.Args) == 2 {
		inner, ok := m.Args[1].(lang.Message)
		if !ok {
			break
		}
		m = inner
	}
	return m.Format
}
