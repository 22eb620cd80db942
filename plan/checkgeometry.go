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
}

// CheckGeometry reads the geometry file of spec and reports every problem
// (keys, validity, overlaps and gaps larger than minArea m²) instead of
// stopping at the first, then finds queen neighbours within spec's
// tolerance, so that islands show before any statistic is run.
func CheckGeometry(spec AreasSpec, src Source, minArea float64) (*GeometryReport, error) {
	var crs geo.CRS
	if spec.CRS != "" {
		c, err := geo.ParseCRS(spec.CRS)
		if err != nil {
			return nil, &Error{M: lang.M("crs: %v", err)}
		}
		crs = c
	}
	l, err := geo.ReadLayer(spec.File, sourceOpener(src), spec.Layer)
	if err != nil {
		return nil, err
	}
	g := &GeometryReport{File: spec.File, Format: l.Format, Declared: l.CRS, Features: len(l.Features)}
	if g.Declared == geo.Unknown {
		g.Declared = crs
	}
	a, problems := l.Check(geo.ReadOptions{Key: spec.Key, Name: spec.Name, Parent: spec.Parent, ParentName: spec.ParentName, CRS: crs,
		MergeDuplicates: spec.Duplicates == "merge"}, geo.CheckOptions{MinArea: minArea})
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
		g.Planar, g.Names = a.CRS, a.Names
		distinct := map[string]bool{}
		for _, k := range a.Keys {
			distinct[k] = true
		}
		g.Areas = len(distinct)
		for i := range a.Keys {
			g.AreaKM2 += a.AreaM2(i) / 1e6
		}
		tol := spec.Tolerance
		if tol == 0 {
			tol = 0.1
		}
		g.Weights = geo.NewWeights(a.Keys, geo.Queen(a, tol), fmt.Sprintf("queen contiguity, tolerance %g m", tol), geo.RowStandardised)
	}
	return g, nil
}

// Write prints the report in German or English. Problem texts come from
// the geo package and are in English.
func (g *GeometryReport) Write(w io.Writer, lang string) {
	de := lang != "en"
	t := func(deText, enText string) string {
		if de {
			return deText
		}
		return enText
	}
	crs := func(c geo.CRS) string {
		if c == geo.Unknown {
			return t("nicht angegeben", "not stated")
		}
		return c.String()
	}
	fmt.Fprintf(w, "%s (%s)\n", g.File, g.Format)
	fmt.Fprintf(w, "  %s: %s", t("Koordinatenbezugssystem", "coordinate reference system"), crs(g.Declared))
	if g.Planar != geo.Unknown && g.Planar != g.Declared {
		fmt.Fprintf(w, t(", gemessen in %s", ", measured in %s"), g.Planar)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  %s: %d, %s: %d", t("Objekte", "features"), g.Features, t("Planungsräume", "planning areas"), g.Areas)
	if g.Areas > 0 {
		fmt.Fprintf(w, ", %s km²", formatLocal(g.AreaKM2, 2, de))
	}
	fmt.Fprintln(w)
	for _, p := range g.Problems {
		sev := t("Warnung", "warning")
		if p.Severity == geo.Error {
			sev = t("Fehler", "error")
		}
		fmt.Fprintf(w, "  %s: %s\n", sev, p)
	}
	if wt := g.Weights; wt != nil {
		fmt.Fprintf(w, "  %s: %s\n", t("Nachbarschaft", "neighbours"), wt.Summary())
		for _, i := range wt.Islands() {
			fmt.Fprintf(w, "  %s: %s (%s)\n", t("ohne Nachbarn", "no neighbours"), g.Names[i], wt.Keys[i])
		}
		if cs := wt.Components(); len(cs) > 1 {
			for k, c := range cs {
				fmt.Fprintf(w, "  %s %d: %d %s, %s %s\n", t("Teil", "part"), k+1, len(c), t("Planungsräume", "areas"), t("darunter", "including"), g.Names[c[0]])
			}
		}
	}
	fmt.Fprintf(w, t("%d Fehler, %d Warnungen\n", "%d errors, %d warnings\n"), g.Errors, g.Warnings)
}

func formatLocal(v float64, decimals int, de bool) string {
	s := fmt.Sprintf("%.*f", decimals, v)
	if de {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
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
