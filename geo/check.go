package geo

import (
	"fmt"
	"math"
	"planatlas/lang"

	"github.com/paulmach/orb"
)

// checkPolygons checks the structure a reader can check without topology:
// no empty parts, rings of at least four positions, closed rings, and
// coordinates that can lie in the CRS.
func checkPolygons(mp orb.MultiPolygon, crs CRS) lang.Message {
	if len(mp) == 0 {
		return lang.M("the geometry is empty")
	}
	for pi, p := range mp {
		if len(p) == 0 {
			return lang.M("polygon %d is empty", pi+1)
		}
		for ri, r := range p {
			what := lang.M("ring %d of polygon %d", ri+1, pi+1)
			if len(r) < 4 {
				return lang.M("%s has %d positions; a ring needs at least 4", what, len(r))
			}
			if r[0] != r[len(r)-1] {
				return lang.M("%s is not closed: it starts at (%s) and ends at (%s)", what, point(r[0]), point(r[len(r)-1]))
			}
			for _, pt := range r {
				if msg := checkCoordinates(crs, pt[0], pt[1]); msg.Format != "" {
					return lang.M("%s: %s", what, msg)
				}
			}
		}
	}
	return lang.Message{}
}

// point writes a position as coordinates are written in GIS tools, with
// a decimal point in every language: (301000, 5.6e+06).
func point(p orb.Point) string { return fmt.Sprintf("%g, %g", p[0], p[1]) }

// toPlanar projects areas that are not in a planar CRS (longitude and
// latitude, or Web Mercator, whose lengths are stretched by 1/cos φ, 60 %
// in Germany) to the ETRS89 / UTM zone of their mean longitude.
func (a *Areas) toPlanar() error {
	if a.CRS.Planar() {
		return nil
	}
	from := a.CRS
	var sum float64
	var n int
	for _, g := range a.Geoms {
		for _, p := range g {
			for _, pt := range p[0] {
				lon, _ := from.ToWGS84(pt[0], pt[1])
				sum += lon
				n++
			}
		}
	}
	zone := int(math.Floor((sum/float64(n)+180)/6)) + 1
	target := CRS(25800 + zone)
	if target.projection() == nil {
		return &FeatureError{File: a.File, M: lang.M("the areas lie in UTM zone %d; planatlas projects only to ETRS89 / UTM zones 28–38 (Europe)", zone)}
	}
	for _, g := range a.Geoms {
		for _, p := range g {
			for _, r := range p {
				for i, pt := range r {
					lon, lat := from.ToWGS84(pt[0], pt[1])
					x, y := target.FromWGS84(lon, lat)
					r[i] = orb.Point{x, y}
				}
			}
		}
	}
	a.CRS = target
	return nil
}
