package geo

// TEMPORARY stub until branch proj lands; replaced by projstring.go and
// projection_methods.go.

import (
	"fmt"
	"strconv"
	"strings"
)

func parseProjString(s string) (definition, error) {
	kv := map[string]string{}
	for _, f := range strings.Fields(s) {
		f = strings.TrimPrefix(f, "+")
		k, v, _ := strings.Cut(f, "=")
		kv[k] = v
	}
	num := func(k string) float64 { v, _ := strconv.ParseFloat(kv[k], 64); return v }
	d := definition{Unit: 1}
	switch kv["ellps"] {
	case "bessel":
		d.Ellipsoid = Bessel1841
	case "GRS80":
		d.Ellipsoid = GRS80
	default:
		d.Ellipsoid = wgs84Ellipsoid
	}
	if kv["datum"] == "WGS84" {
		d.Ellipsoid = wgs84Ellipsoid
	}
	switch kv["proj"] {
	case "longlat":
	case "utm":
		z, _ := strconv.Atoi(kv["zone"])
		d.Method, d.Params = MethodTransverseMercator, projParams{Lon0: float64(6*z - 183), K0: 0.9996, FE: 500000}
		if _, ok := kv["south"]; ok {
			d.Params.FN = 1e7
		}
	case "tmerc":
		d.Method, d.Params = MethodTransverseMercator, projParams{Lat0: num("lat_0"), Lon0: num("lon_0"), K0: num("k"), FE: num("x_0"), FN: num("y_0")}
	case "laea":
		d.Method, d.Params = MethodLambertAzimuthal, projParams{Lat0: num("lat_0"), Lon0: num("lon_0"), FE: num("x_0"), FN: num("y_0")}
	case "merc":
		d.Method = MethodPopularVisualisation
	default:
		return d, fmt.Errorf("stub: %s", kv["proj"])
	}
	return d, nil
}

func newProjection(m Method, el Ellipsoid, p projParams) (projection, error) {
	switch m {
	case MethodTransverseMercator:
		if p.Lat0 != 0 {
			return nil, fmt.Errorf("stub lat0")
		}
		return NewTransverseMercator(el, p.Lon0, p.K0, p.FE, p.FN), nil
	case MethodLambertAzimuthal:
		return NewLAEA(el, p.Lon0, p.Lat0, p.FE, p.FN), nil
	case MethodPopularVisualisation:
		return webMercator{}, nil
	}
	return nil, fmt.Errorf("stub method %d", m)
}

