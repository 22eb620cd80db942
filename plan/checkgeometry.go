package plan

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"planatlas/geo"
	"planatlas/lang"
)

// GeometryReport is what "planatlas check-geometry" prints: every problem
// of a geometry file read as planning areas, and the neighbours found.
type GeometryReport struct {
	File     string
	Format   string
	Declared geo.CRS // as the file (or the plan) says; Unknown if neither
	Planar   geo.CRS // where areas and lengths are measured
	Features int
	Areas    int
	AreaKM2  float64
	Problems []geo.Problem
	Weights  *geo.Weights // queen contiguity; nil if the areas could not be built
	Names    []string     // area names in the weights' order
	Errors   int
	Warnings int

	tolerance float64 // of the neighbours, in metres
}

// CheckGeometry reads the geometry file of spec and reports every problem
// (keys, validity, overlaps and gaps larger than minArea m²) instead of
// stopping at the first, then finds queen neighbours within spec's
// tolerance, so that islands show before any statistic is run.
func CheckGeometry(spec AreasSpec, src Source, minArea float64) (*GeometryReport, error) {
	var crs geo.CRS
	if spec.CRS != "" {
		c, err := gridFiles(src).ParseCRS(spec.CRS)
		if err != nil {
			return nil, &Error{File: spec.File, M: lang.M("crs: %v", err)}
		}
		crs = c
	}
	l, err := geo.ReadLayer(spec.File, sourceOpener(src), spec.Layer)
	if err != nil {
		return nil, err
	}
	g := &GeometryReport{File: spec.File, Format: l.Format, Declared: l.CRS, Features: len(l.Features)}
	if crs != geo.Unknown {
		g.Declared = crs // the plan's word wins
	}
	a, problems := l.Check(geo.ReadOptions{Key: spec.Key, Name: spec.Name, Parent: spec.Parent, ParentName: spec.ParentName, CRS: crs,
		MergeDuplicates: spec.Duplicates == "merge", Repair: spec.Repair}, geo.CheckOptions{MinArea: minArea})
	g.Problems = problems
	for _, p := range problems {
		if p.Severity == geo.Error {
			g.Errors++
		} else {
			g.Warnings++
		}
	}
	if a != nil {
		// Planning areas are keys: two features sharing a key (an
		// error above) are one area, not two.
		g.Declared, g.Planar, g.Names = a.Declared, a.CRS, a.Names
		distinct := map[string]bool{}
		for _, k := range a.Keys {
			distinct[k] = true
		}
		g.Areas = len(distinct)
		for _, m2 := range a.AreasM2() {
			g.AreaKM2 += m2 / 1e6
		}
		tol := spec.Tolerance
		if tol == 0 {
			tol = 0.1
		}
		g.tolerance = tol
		g.Weights = geo.NewWeights(a.Keys, geo.Queen(a, tol), fmt.Sprintf("queen contiguity, tolerance %g m", tol), geo.RowStandardised)
	}
	return g, nil
}

// Write prints the report in German or English, with numbers in the
// language's format.
func (g *GeometryReport) Write(w io.Writer, language string) {
	p := lang.New(language)
	crs := p.Sprintf("not stated")
	if g.Declared != geo.Unknown {
		crs = g.Declared.String()
	}
	fmt.Fprintf(w, "%s (%s)\n", g.File, g.Format)
	fmt.Fprint(w, p.Sprintf("  coordinate reference system: %s", crs))
	if g.Planar != geo.Unknown && g.Planar != g.Declared {
		fmt.Fprint(w, p.Sprintf(", measured in %s", g.Planar.String()))
	}
	fmt.Fprintln(w)
	fmt.Fprint(w, p.Sprintf("  features: %d, planning areas: %d", g.Features, g.Areas))
	if g.Areas > 0 {
		fmt.Fprint(w, p.Sprintf(", %.2f km²", g.AreaKM2))
	}
	fmt.Fprintln(w)
	for _, pr := range g.Problems {
		if pr.Severity == geo.Error {
			fmt.Fprintln(w, p.Sprintf("  error: %s", pr.Localize(p)))
		} else {
			fmt.Fprintln(w, p.Sprintf("  warning: %s", pr.Localize(p)))
		}
	}
	if wt := g.Weights; wt != nil {
		fmt.Fprintln(w, p.Sprintf("  neighbours: %s", wt.SummaryOf(lang.M("queen contiguity, tolerance %g m", g.tolerance))))
		for _, i := range wt.Islands() {
			fmt.Fprintln(w, p.Sprintf("  no neighbours: %s (%s)", g.Names[i], wt.Keys[i]))
		}
		if cs := wt.Components(); len(cs) > 1 {
			for k, c := range cs {
				fmt.Fprintln(w, p.Sprintf("  part %d: %d areas, including %s", k+1, len(c), g.Names[c[0]]))
			}
		}
	}
	fmt.Fprintln(w, p.Sprintf("%s, %s", p.Sprintf("%d errors", g.Errors), p.Sprintf("%d warnings", g.Warnings)))
}

// Attribute describes one attribute of a geometry file for choosing the
// key: how many features have a value, and how many distinct values.
type Attribute struct {
	Name               string
	Features, Distinct int
	Empty              int  // features without a value
	Numeric            bool // every value is a number (sizes, shares: rarely a key)
	Fractional         bool // some value is a number with a fraction: a measure, not a key
	Longest            int  // the longest value, in characters (a bounding box is no key)
}

// Unique reports whether every feature has a value of its own.
func (a Attribute) Unique() bool { return a.Empty == 0 && a.Distinct == a.Features && a.Features > 0 }

// KeyLike reports whether the attribute can be an area key: unique, and
// neither a measure with a fraction (an area in m²) nor a long text (a
// bounding box, a description).
func (a Attribute) KeyLike() bool { return a.Unique() && !a.Fractional && a.Longest <= 32 }

// keyName matches attribute names that say they are keys: id, key,
// schluessel, nr, code, kennung, as a word or after an underscore.
var keyName = regexp.MustCompile(`(?i)(^|_)(id|key|schl(ue|ü)ssel|nr|nummer|code|kennung)($|_)`)

// NamedAsKey reports whether the attribute's name says it is a key.
func (a Attribute) NamedAsKey() bool { return keyName.MatchString(a.Name) }

// Attributes reads a geometry file and describes each attribute, in the
// file's order, so that check-geometry without --key can propose one.
func Attributes(file, layer string, src Source) ([]Attribute, error) {
	l, err := geo.ReadLayer(file, sourceOpener(src), layer)
	if err != nil {
		return nil, err
	}
	out := make([]Attribute, len(l.Fields))
	for k, name := range l.Fields {
		seen := map[string]bool{}
		a := Attribute{Name: name, Features: len(l.Features), Numeric: true}
		for _, f := range l.Features {
			if k >= len(f.Attrs) || f.Attrs[k].Null || strings.TrimSpace(f.Attrs[k].Text) == "" {
				a.Empty++
				continue
			}
			text := f.Attrs[k].Text
			seen[text] = true
			a.Numeric = a.Numeric && f.Attrs[k].Number
			a.Fractional = a.Fractional || f.Attrs[k].Number && strings.ContainsAny(strings.TrimRight(text, "0"), ".,") && !strings.HasSuffix(strings.TrimRight(text, "0"), ".")
			a.Longest = max(a.Longest, utf8.RuneCountInString(text))
		}
		a.Distinct = len(seen)
		out[k] = a
	}
	return out, nil
}
