package geo

import (
	"math"
	"planatlas/lang"
	"strings"
)

// CRSFromWKT reads a CRS from the well-known text of a .prj file or of a
// GeoPackage: WKT1 as ESRI and OGC (GDAL) write it, or WKT2 (ISO 19162).
// An EPSG code planatlas knows wins; otherwise the CRS is built from the
// text's own definition — projection method, parameters, ellipsoid,
// prime meridian, unit and TOWGS84 — and given the EPSG code whose
// definition it equals, if any.
func CRSFromWKT(text string) (CRS, error) {
	root, err := parseWKT(text)
	if err != nil {
		return Unknown, lang.Errorf("the CRS description is not well-known text (WKT) and cannot be read: %v", err)
	}
	var towgs84 *wktNode
	switch root.name {
	case "BOUNDCRS": // WKT2: a CRS with its transformation to WGS84
		towgs84 = root.child("ABRIDGEDTRANSFORMATION")
		if src := root.child("SOURCECRS"); src != nil {
			if inner := firstNode(src); inner != nil {
				root = inner
			}
		}
	case "COMPD_CS", "COMPOUNDCRS": // horizontal and vertical: the horizontal part
		if inner := firstNode(root); inner != nil {
			root = inner
		}
	}
	if id := root.child("AUTHORITY", "ID"); id != nil && strings.EqualFold(id.str(0), "EPSG") {
		if code, ok := id.num(1); ok {
			if c, err := EPSG(int(code)); err == nil && towgs84 == nil && root.find("TOWGS84") == nil {
				return c, nil
			}
		}
	}
	def, err := wktDefinition(root, towgs84)
	if err != nil {
		return Unknown, lang.Errorf("the coordinate reference system %q cannot be used: %v", root.str(0), err)
	}
	c := crsFromDefinition(root.str(0), def)
	if c.Code == 0 {
		if id := root.child("AUTHORITY", "ID"); id != nil && strings.EqualFold(id.str(0), "EPSG") {
			if code, ok := id.num(1); ok {
				c.Code = int(code)
			}
		}
	}
	return c, nil
}

func firstNode(n *wktNode) *wktNode {
	for _, a := range n.args {
		if c, ok := a.(*wktNode); ok {
			return c
		}
	}
	return nil
}

// wktDefinition builds a definition from a geographic or projected CRS
// node of WKT1 or WKT2.
func wktDefinition(root *wktNode, bound *wktNode) (definition, error) {
	def := definition{Unit: 1}
	geog := root
	switch root.name {
	case "GEOGCS", "GEOGCRS", "GEODCRS", "GEOGRAPHICCRS", "GEODETICCRS":
	case "PROJCS", "PROJCRS", "PROJECTEDCRS":
		geog = root.child("GEOGCS", "BASEGEOGCRS", "BASEGEODCRS")
		if geog == nil {
			return def, lang.Errorf("the projected CRS names no geographic CRS")
		}
	default:
		return def, lang.Errorf("%s is not a geographic or projected CRS", root.name)
	}
	if err := wktDatum(geog, &def); err != nil {
		return def, err
	}
	if t := bound; t != nil {
		def.Datum.Shift, def.Datum.ToWGS84 = shiftHelmert, wktHelmert(t)
	} else if t := root.find("TOWGS84"); t != nil {
		def.Datum.Shift = shiftHelmert
		var v [7]float64
		for i := range v {
			v[i], _ = t.num(i)
		}
		def.Datum.ToWGS84 = Helmert{v[0], v[1], v[2], v[3], v[4], v[5], v[6]}
	}
	if geog == root {
		def.Unit = wktAngleUnit(root)
		return def, nil
	}
	return def, wktProjection(root, &def)
}

// wktDatum reads the datum's name, the ellipsoid and the prime meridian
// (folded into the longitudes of origin, as PROJ does).
func wktDatum(geog *wktNode, def *definition) error {
	d := geog.find("DATUM")
	if d == nil {
		d = geog.find("ENSEMBLE")
	}
	if d != nil {
		def.Datum.Name = d.str(0)
	}
	el := geog.find("SPHEROID")
	if el == nil {
		el = geog.find("ELLIPSOID")
	}
	if el == nil {
		return lang.Errorf("the CRS names no ellipsoid")
	}
	a, ok1 := el.num(1)
	rf, ok2 := el.num(2)
	if !ok1 || !ok2 || a < 6e6 || a > 7e6 || rf != 0 && rf < 250 {
		return lang.Errorf("the ellipsoid %q (a = %g m, 1/f = %g) is not an Earth ellipsoid", el.str(0), a, rf)
	}
	if u := el.child("LENGTHUNIT"); u != nil {
		if f, ok := u.num(1); ok {
			a *= f
		}
	}
	def.Ellipsoid = Ellipsoid{A: a}
	if rf != 0 {
		def.Ellipsoid.F = 1 / rf
	}
	if pm := geog.find("PRIMEM"); pm != nil {
		v, _ := pm.num(1)
		if u := pm.child("ANGLEUNIT", "UNIT"); u != nil && geog.name != "GEOGCS" {
			f, _ := u.num(1)
			v *= f / deg
		}
		def.Params.Lon0 = v
	}
	return nil
}

// wktHelmert reads WKT2's ABRIDGEDTRANSFORMATION (position vector or
// coordinate frame, by its method's name).
func wktHelmert(t *wktNode) Helmert {
	h := Helmert{
		TX: wktParam(t, "xaxistranslation"), TY: wktParam(t, "yaxistranslation"), TZ: wktParam(t, "zaxistranslation"),
		RX: wktParam(t, "xaxisrotation"), RY: wktParam(t, "yaxisrotation"), RZ: wktParam(t, "zaxisrotation"),
		DS: wktParam(t, "scaledifference"),
	}
	for _, v := range []*float64{&h.TX, &h.TY, &h.TZ, &h.RX, &h.RY, &h.RZ, &h.DS} {
		if math.IsNaN(*v) {
			*v = 0
		}
	}
	if m := t.child("METHOD"); m != nil && strings.Contains(strings.ToLower(m.str(0)), "coordinate frame") {
		h.RX, h.RY, h.RZ = -h.RX, -h.RY, -h.RZ
	}
	return h
}

// wktAngleUnit returns a geographic CRS's angular unit in degrees (1 for
// degrees, 0.9 for grads).
func wktAngleUnit(g *wktNode) float64 { return wktUnit(g, "ANGLEUNIT") / deg }

// wktUnit returns the size of a CRS's unit: WKT1's UNIT child, or WKT2's
// unit of the given kind (LENGTHUNIT, ANGLEUNIT) on the CRS or its axes;
// the kind's base unit (1 metre, 1 radian) where none is given.
func wktUnit(root *wktNode, kind string) float64 {
	u := root.child("UNIT", kind)
	if u == nil {
		if axis := root.find("AXIS"); axis != nil {
			u = axis.child(kind)
		}
	}
	if u != nil {
		if f, ok := u.num(1); ok && f > 0 {
			return f
		}
	}
	if kind == "ANGLEUNIT" {
		return deg
	}
	return 1
}
