package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Transformer converts one CRS's coordinates to longitude and latitude
// on WGS84 and back. It prepares the projection once; use it to
// transform many points.
//
// A point goes through three steps: from the CRS's unit to metres (or
// degrees), the inverse projection to longitude and latitude on the
// CRS's datum, and the datum shift to WGS84 (a Helmert transformation
// through geocentric coordinates, the BETA2007 grid for DHDN, or the
// NTv2 grid files a PROJ string names).
type Transformer struct {
	def  definition
	p    projection // nil for a geographic CRS
	ok   bool       // false for Unknown or an unsupported definition
	grid *gridShift // BETA2007 for DHDN, or the user's grid files
}

// Transformer returns c's transformer. For Unknown, or a definition
// that cannot be projected, its results are NaN.
func (c CRS) Transformer() *Transformer {
	t := &Transformer{def: c.def}
	if c == Unknown {
		return t
	}
	if c.def.Method != MethodNone {
		p, err := newProjection(c.def.Method, c.def.Ellipsoid, c.def.Params)
		if err != nil {
			return t
		}
		t.p = p
	}
	switch c.def.Datum.Shift {
	case shiftBETA2007:
		t.grid = &gridShift{name: "BETA2007", grids: []*ntv2{beta2007()}}
	case shiftGrid:
		t.grid = c.def.Datum.Grid
	}
	t.ok = true
	return t
}

// ToWGS84 transforms a point of the CRS to longitude and latitude on
// WGS84. A point outside the datum's grid (DHDN outside Germany, or
// outside the grid files a PROJ string names) gives NaN.
func (t *Transformer) ToWGS84(x, y float64) (lon, lat float64) {
	if !t.ok {
		return math.NaN(), math.NaN()
	}
	if t.p == nil {
		lon, lat = x*t.def.Unit+t.def.Params.Lon0, y*t.def.Unit
	} else {
		lon, lat = t.p.Inverse(x*t.def.Unit, y*t.def.Unit)
	}
	switch t.def.Datum.Shift {
	case shiftHelmert:
		el := t.def.Ellipsoid
		gx, gy, gz := el.toGeocentric(lon, lat, 0)
		return wgs84Ellipsoid.fromGeocentric(t.def.Datum.ToWGS84.forward(gx, gy, gz))
	case shiftBETA2007, shiftGrid:
		var ok bool
		if lon, lat, ok = t.grid.forward(lon, lat); !ok {
			return math.NaN(), math.NaN()
		}
	}
	return lon, lat
}

// FromWGS84 transforms longitude and latitude on WGS84 to the CRS.
func (t *Transformer) FromWGS84(lon, lat float64) (x, y float64) {
	if !t.ok {
		return math.NaN(), math.NaN()
	}
	switch t.def.Datum.Shift {
	case shiftHelmert:
		gx, gy, gz := wgs84Ellipsoid.toGeocentric(lon, lat, 0)
		lon, lat = t.def.Ellipsoid.fromGeocentric(t.def.Datum.ToWGS84.inverse(gx, gy, gz))
	case shiftBETA2007, shiftGrid:
		var ok bool
		if lon, lat, ok = t.grid.inverse(lon, lat); !ok {
			return math.NaN(), math.NaN()
		}
	}
	if t.p == nil {
		return (lon - t.def.Params.Lon0) / t.def.Unit, lat / t.def.Unit
	}
	x, y = t.p.Forward(lon, lat)
	return x / t.def.Unit, y / t.def.Unit
}

// Transformation converts points from one CRS to another through WGS84,
// with both projections prepared once.
type Transformation struct {
	from, to *Transformer
	same     bool
}

// NewTransformation prepares the conversion from one CRS to another.
func NewTransformation(from, to CRS) *Transformation {
	if from == to {
		return &Transformation{same: true}
	}
	return &Transformation{from: from.Transformer(), to: to.Transformer()}
}

// Apply converts one point.
func (t *Transformation) Apply(p orb.Point) orb.Point {
	if t.same {
		return p
	}
	lon, lat := t.from.ToWGS84(p[0], p[1])
	x, y := t.to.FromWGS84(lon, lat)
	return orb.Point{x, y}
}
