package geo

import (
	"fmt"
	"planatlas/lang"
	"sort"
	"strings"

	"github.com/paulmach/orb"
)

// Areas are the planning areas: key, name, parent (district) and
// geometry, in one order. Geometries are in CRS, which is planar
// (projected) once the areas are read.
type Areas struct {
	File        string // the file they were read from, for messages
	CRS         CRS
	Keys        []string
	Names       []string
	Parents     []string // key of the parent area (Stadtteil); "" if none
	ParentNames []string // name of the parent; the key if no name is given
	// Attributes holds further attributes per area as text, by name, as
	// ReadOptions.Attributes asks; nil if none.
	Attributes map[string][]string
	Geoms      []orb.MultiPolygon
	features   []int  // 1-based feature position in the file
	invalid    []bool // set by Layer.Check: the geometry is not valid
	// Declared is the CRS the file or the plan gives, with the datum
	// transformation chosen for the areas' extent; CRS is where they are
	// measured (Declared itself if it is planar).
	Declared CRS
	notes    []lang.Message // what reading decided (datum shift), for the run's notes
	warnings []lang.Message // what the user should check (a CRS overruled, a datum without a shift): notes and check-geometry's warnings
	// Repaired lists the features whose invalid polygons were repaired
	// (ReadOptions.Repair), in file order.
	Repaired []Repaired
}

// In returns the areas in the planar CRS crs: a itself if they are in
// it, else a copy with projected geometries (to overlay two layers, or
// draw one over the other).
func (a *Areas) In(crs CRS) *Areas {
	if a.CRS == crs {
		return a
	}
	b := *a
	b.CRS = crs
	b.Geoms = make([]orb.MultiPolygon, len(a.Geoms))
	tr := NewTransformation(a.CRS, crs)
	for i, g := range a.Geoms {
		c := cloneMultiPolygon(g)
		for _, p := range c {
			for _, r := range p {
				for k, pt := range r {
					r[k] = tr.Apply(pt)
				}
			}
		}
		b.Geoms[i] = c
	}
	return &b
}

// Len returns the number of areas.
func (a *Areas) Len() int { return len(a.Keys) }

// AreaM2 returns the area of area i in square metres on the ellipsoid:
// its area in the plane of the areas' CRS, in square metres, divided by
// the projection's areal scale at the middle of its bounding box
// (CRS.areaScaler). So an area is the same whichever projection the file
// came in — ETRS89 / UTM 33N gives Berlin 890.67 km² in the plane and
// 891.12 km² on the ellipsoid, the official figure — and a CRS in feet
// gives square metres, not square feet. Within a city-sized area the
// scale varies by less than 1e-6, which bounds the error.
func (a *Areas) AreaM2(i int) float64 {
	return a.areaM2(i, a.CRS.areaScaler())
}

// AreasM2 returns every area's AreaM2, with the projection prepared once:
// for loops over all areas (100,000 areas in ten years would otherwise
// prepare it a million times).
func (a *Areas) AreasM2() []float64 {
	scale := a.CRS.areaScaler()
	out := make([]float64, len(a.Geoms))
	for i := range out {
		out[i] = a.areaM2(i, scale)
	}
	return out
}

func (a *Areas) areaM2(i int, scale func(x, y float64) float64) float64 {
	plane := multiPolygonArea(a.Geoms[i]) * a.CRS.def.Unit * a.CRS.def.Unit
	c := a.Geoms[i].Bound().Center()
	return plane / scale(c[0], c[1])
}

// Bound returns the bounding box of all areas.
func (a *Areas) Bound() orb.Bound {
	var b orb.Bound
	for i, g := range a.Geoms {
		if i == 0 {
			b = g.Bound()
		} else {
			b = b.Union(g.Bound())
		}
	}
	return b
}

// Join returns the areas in the order of keys, the Panel's area order.
// Every key of the data without a geometry and every geometry without
// data is reported in one JoinError; where tells where a data key was
// seen ("file:line"). Keys that differ only by leading zeros get a hint,
// as spreadsheets like to drop them.
func (a *Areas) Join(keys []string, where func(key string) string) (*Areas, error) {
	idx := make(map[string]int, a.Len())
	for i, k := range a.Keys {
		idx[k] = i
	}
	out := &Areas{File: a.File, CRS: a.CRS, Declared: a.Declared, notes: a.notes, warnings: a.warnings, Repaired: a.Repaired}
	je := &JoinError{GeomFile: a.File}
	inData := make(map[string]bool, len(keys))
	var missData []string
	for _, k := range keys {
		inData[k] = true
		i, ok := idx[k]
		if !ok {
			missData = append(missData, k)
			loc := ""
			if where != nil {
				loc = where(k)
			}
			if loc != "" {
				je.OnlyData = append(je.OnlyData, fmt.Sprintf("%q (%s)", k, loc))
			} else {
				je.OnlyData = append(je.OnlyData, fmt.Sprintf("%q", k))
			}
			continue
		}
		out.Keys = append(out.Keys, a.Keys[i])
		out.Names = append(out.Names, a.Names[i])
		out.Parents = append(out.Parents, a.Parents[i])
		out.ParentNames = append(out.ParentNames, a.ParentNames[i])
		out.Geoms = append(out.Geoms, a.Geoms[i])
		out.features = append(out.features, a.features[i])
		out.addAttributes(a, i)
	}
	var missGeom []string
	for i, k := range a.Keys {
		if !inData[k] {
			missGeom = append(missGeom, k)
			je.OnlyGeom = append(je.OnlyGeom, lang.M("%q (feature %d)", k, lang.Digits(a.features[i])))
		}
	}
	if len(je.OnlyData) == 0 && len(je.OnlyGeom) == 0 {
		return out, nil
	}
	// Leading zeros lost on one side?
	stripped := map[string]string{}
	for _, k := range missGeom {
		stripped[strings.TrimLeft(k, "0")] = k
	}
	for _, k := range missData {
		if g, ok := stripped[strings.TrimLeft(k, "0")]; ok {
			je.Hint = lang.M("the keys look as if leading zeros were lost (%q in the data, %q in the geometry): keep keys as text, for example by quoting them or formatting the column as text in the spreadsheet", k, g)
			break
		}
	}
	return nil, je
}

// sortedByKey returns the areas sorted by key.
func (a *Areas) sortedByKey() *Areas {
	order := make([]int, a.Len())
	for i := range order {
		order[i] = i
	}
	// Stable, so that features sharing a key (kept apart by Check) stay
	// in file order.
	sort.SliceStable(order, func(x, y int) bool { return a.Keys[order[x]] < a.Keys[order[y]] })
	out := &Areas{File: a.File, CRS: a.CRS, Declared: a.Declared, notes: a.notes, warnings: a.warnings, Repaired: a.Repaired}
	for _, i := range order {
		out.Keys = append(out.Keys, a.Keys[i])
		out.Names = append(out.Names, a.Names[i])
		out.Parents = append(out.Parents, a.Parents[i])
		out.ParentNames = append(out.ParentNames, a.ParentNames[i])
		out.Geoms = append(out.Geoms, a.Geoms[i])
		out.features = append(out.features, a.features[i])
		out.addAttributes(a, i)
		if a.invalid != nil {
			out.invalid = append(out.invalid, a.invalid[i])
		}
	}
	return out
}

// addAttributes appends area i of a's attributes to a's copy out.
func (out *Areas) addAttributes(a *Areas, i int) {
	if a.Attributes == nil {
		return
	}
	if out.Attributes == nil {
		out.Attributes = map[string][]string{}
	}
	for f, v := range a.Attributes {
		out.Attributes[f] = append(out.Attributes[f], v[i])
	}
}
