package geo

import (
	"fmt"
	"math"
	"planatlas/lang"

	"github.com/paulmach/orb"
)

// toPlanar projects areas that are not in a planar CRS (longitude and
// latitude, or a Mercator, whose lengths are stretched by 1/cos φ, 60 %
// in Germany) to one chosen for where they lie (metricCRS), and says so
// in the notes.
func (a *Areas) toPlanar() error {
	if a.CRS.Planar() {
		return nil
	}
	from := a.CRS.Transformer()
	box := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	for _, g := range a.Geoms {
		for _, p := range g {
			for _, pt := range p[0] {
				lon, lat := from.ToWGS84(pt[0], pt[1])
				if math.IsNaN(lon) || math.IsNaN(lat) {
					return &FeatureError{File: a.File, M: lang.M("point (%s) cannot be transformed from %s to WGS 84", point(pt), a.CRS.Describe())}
				}
				box = box.Extend(orb.Point{lon, lat})
			}
		}
	}
	target := metricCRS(box)
	to := target.Transformer()
	for _, g := range a.Geoms {
		for _, p := range g {
			for _, r := range p {
				for i, pt := range r {
					r[i] = orb.Point(ptOf(to.FromWGS84(from.ToWGS84(pt[0], pt[1]))))
				}
			}
		}
	}
	if target.Code != 0 {
		a.notes = append(a.notes, lang.M("the areas are given in %s; lengths, distances and neighbours are measured in %s, the UTM zone where they lie", a.CRS.Describe(), target.Describe()))
	} else {
		a.notes = append(a.notes, lang.M("the areas are given in %s and span more than a UTM zone; lengths, distances and neighbours are measured in an equal-area projection centred on them (Lambert azimuthal, %s)", a.CRS.Describe(), target.Name))
	}
	a.CRS = target
	return nil
}

// fitDatum chooses the datum transformation for the areas' extent
// (CRS.ForExtent), records the declared CRS, and notes how positions
// reach WGS84 where that is worth knowing.
func (a *Areas) fitDatum() {
	k := newCoordCheck(a.CRS)
	box := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	for _, g := range a.Geoms {
		for _, p := range g {
			for _, pt := range p[0] {
				lon, lat := pt[0], pt[1]
				if k.p != nil {
					lon, lat = k.p.Inverse(pt[0]*a.CRS.def.Unit, pt[1]*a.CRS.def.Unit)
				} else if a.CRS.Geographic() {
					lon, lat = pt[0]*a.CRS.def.Unit+a.CRS.def.Params.Lon0, pt[1]*a.CRS.def.Unit
				}
				if !math.IsNaN(lon) && !math.IsNaN(lat) {
					box = box.Extend(orb.Point{lon, lat})
				}
			}
		}
	}
	if !math.IsInf(box.Min[0], 0) {
		a.CRS = a.CRS.ForExtent(box.Min[0], box.Min[1], box.Max[0], box.Max[1])
	}
	a.Declared = a.CRS
	if m := a.CRS.DatumNote(); m.Format != "" {
		if a.CRS.def.Datum.Shift == shiftUnknown {
			a.warnings = append(a.warnings, m)
		} else {
			a.notes = append(a.notes, m)
		}
	}
}

func ptOf(x, y float64) [2]float64 { return [2]float64{x, y} }

// metricCRS chooses the planar CRS in which to measure areas within box
// (longitude and latitude on WGS84):
//   - the UTM zone of the box's centre where the box spans at most 6° of
//     longitude (a zone's width; 3° on either side of the central meridian
//     keep the scale within 0.1 %) and lies between 80°S and 84°N: ETRS89
//     / UTM (EPSG:25828–25838) in Europe, as German statistics offices
//     use it, WGS 84 / UTM (EPSG:326zz, 327zz) elsewhere;
//   - otherwise a Lambert azimuthal equal-area projection centred on the
//     box, which keeps every area exact however large the extent (a
//     country, a continent), at the price of distances stretched by up to
//     a few percent at its edges.
func metricCRS(box orb.Bound) CRS {
	lon := (box.Min[0] + box.Max[0]) / 2
	lat := (box.Min[1] + box.Max[1]) / 2
	if box.Max[0]-box.Min[0] <= 6 && box.Min[1] >= -80 && box.Max[1] <= 84 {
		zone := int(math.Floor((lon+180)/6)) + 1
		zone = min(max(zone, 1), 60)
		code := 32600 + zone
		switch {
		case lat < 0:
			code = 32700 + zone
		case zone >= 28 && zone <= 38 && lat >= 34:
			code = 25800 + zone
		}
		if c, err := EPSG(code); err == nil {
			return c
		}
	}
	lon0, lat0 := math.Round(lon*10)/10+0, math.Round(lat*10)/10+0 // +0: no "-0"
	return CRS{
		Name: fmt.Sprintf("+proj=laea +lat_0=%g +lon_0=%g +datum=WGS84", lat0, lon0),
		def: definition{Method: MethodLambertAzimuthal, Ellipsoid: wgs84Ellipsoid, Unit: 1,
			Params: projParams{Lat0: lat0, Lon0: lon0, K0: 1}},
		geog: 4326,
	}
}
