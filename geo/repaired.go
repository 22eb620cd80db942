package geo

import (
	"strconv"

	"planatlas/lang"
)

// Repaired is a feature whose invalid polygon was repaired because the
// plan asked for it (repair: true on the areas, ReadOptions.Repair).
type Repaired struct {
	Feature int    // position in the file, from 1
	Key     string // the area's key
	Reason  string // what made the polygon invalid, in English
	// Before and After are the areas in the square units of the areas'
	// (planar) CRS: before by the shoelace formula, shells minus holes,
	// of the invalid polygon as it was read, after of the repaired one.
	Before, After float64
	Parts         int // polygons of the repaired geometry
}

// repairInvalid handles area i, whose polygon validPolygon refused with
// err: with repair it makes the polygon valid (Repair), records it in
// a.Repaired and returns a warning saying so; otherwise, or where the
// repair fails, the error, naming the option.
func (a *Areas) repairInvalid(i int, err error, repair bool) Problem {
	n, key := a.features[i], a.Keys[i]
	if !repair {
		return problem(Error, n, key, "geometry", lang.M("%v; to repair it by GEOS MakeValid's rules, set repair: true on the areas (check-geometry: --repair)", err))
	}
	before := multiPolygonArea(a.Geoms[i])
	g, _, rerr := Repair(a.Geoms[i])
	if rerr != nil {
		return problem(Error, n, key, "geometry", lang.M("%v; repairing it failed: %v", err, rerr))
	}
	if len(g) == 0 {
		return problem(Error, n, key, "geometry", lang.M("%v; repaired, nothing is left of it: its rings enclose no area", err))
	}
	a.Geoms[i] = g
	r := Repaired{Feature: n, Key: key, Reason: err.Error(), Before: before, After: multiPolygonArea(g), Parts: len(g)}
	a.Repaired = append(a.Repaired, r)
	return problem(Warning, n, key, "geometry", lang.M("%v; repaired by GEOS MakeValid's rules into %s polygon(s): area %s m² before, %s m² after",
		err, strconv.Itoa(r.Parts), areaMessage(r.Before), areaMessage(r.After)))
}
