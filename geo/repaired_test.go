package geo

import (
	"math"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

// TestAreasRepair reads a layer with a valid square and an invalid
// figure eight (a ring touching itself at a vertex): refused without
// Repair, with the option named; repaired and listed with it.
func TestAreasRepair(t *testing.T) {
	x, y := 372000.0, 5640000.0
	ring := func(pts ...[2]float64) orb.Ring {
		r := make(orb.Ring, len(pts))
		for i, p := range pts {
			r[i] = orb.Point{x + p[0], y + p[1]}
		}
		return r
	}
	l := &Layer{File: "eight.geojson", Format: "GeoJSON", CRS: UTM33, Fields: []string{"id"}, Features: []Feature{
		{Attrs: []Attr{{Text: "01"}}, Geom: orb.MultiPolygon{{ring([2]float64{-100, 0}, [2]float64{0, 0}, [2]float64{0, 100}, [2]float64{-100, 100}, [2]float64{-100, 0})}}},
		{Attrs: []Attr{{Text: "02"}}, Geom: orb.MultiPolygon{{ring([2]float64{0, 0}, [2]float64{100, 0}, [2]float64{100, 100}, [2]float64{200, 100}, [2]float64{200, 200}, [2]float64{100, 200}, [2]float64{100, 100}, [2]float64{0, 100}, [2]float64{0, 0})}}},
	}}
	_, err := l.Areas(ReadOptions{Key: "id"})
	const want = `eight.geojson: feature 2 (key "02"): "geometry": not a valid polygon: polygon 1, ring 1, a ring crosses or touches itself near (372100, 5640100); to repair it by GEOS MakeValid's rules, set repair: true on the areas (check-geometry: --repair)`
	if err == nil || err.Error() != want {
		t.Fatalf("error\n  %v\nwant\n  %s", err, want)
	}
	a, err := l.Areas(ReadOptions{Key: "id", Repair: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Repaired) != 1 {
		t.Fatalf("repaired %+v", a.Repaired)
	}
	r := a.Repaired[0]
	if r.Feature != 2 || r.Key != "02" || r.Parts != 2 || math.Abs(r.Before-20000) > 1e-6 || math.Abs(r.After-20000) > 1e-6 || !strings.Contains(r.Reason, "touches itself") {
		t.Errorf("repaired %+v", r)
	}
	if len(a.Geoms[1]) != 2 || validPolygon(a.Geoms[1]) != nil {
		t.Errorf("geometry %v", a.Geoms[1])
	}
	_, problems := l.Check(ReadOptions{Key: "id", Repair: true}, CheckOptions{})
	found := false
	for _, p := range problems {
		if p.Severity == Error {
			t.Errorf("error %s", p)
		}
		found = found || strings.Contains(p.Msg, "repaired by GEOS MakeValid's rules into 2 polygon(s): area 20000 m² before, 20000 m² after")
	}
	if !found {
		t.Errorf("no warning of the repair in %v", problems)
	}
}

// TestAreasRepairNothingLeft: a ring that runs out and back along two
// edges has no area to repair into.
func TestAreasRepairNothingLeft(t *testing.T) {
	x, y := 372000.0, 5640000.0
	l := &Layer{File: "spikes.geojson", Format: "GeoJSON", CRS: UTM33, Fields: []string{"id"}, Features: []Feature{
		{Attrs: []Attr{{Text: "01"}}, Geom: orb.MultiPolygon{{{{x, y}, {x + 100, y}, {x + 100, y + 100}, {x + 100, y}, {x, y}}}}},
	}}
	_, err := l.Areas(ReadOptions{Key: "id", Repair: true})
	if err == nil || !strings.HasSuffix(err.Error(), "; repaired, nothing is left of it: its rings enclose no area") {
		t.Errorf("error %v", err)
	}
}
