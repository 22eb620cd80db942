package geo

import (
	"math"
	"strconv"

	"planatlas/lang"
)

// methodNames are the EPSG names of the projection methods.
var methodNames = map[Method]string{
	MethodTransverseMercator:     "Transverse Mercator",
	MethodTransverseMercatorSO:   "Transverse Mercator (South Orientated)",
	MethodLambertConic1SP:        "Lambert Conic Conformal (1SP)",
	MethodLambertConic2SP:        "Lambert Conic Conformal (2SP)",
	MethodAlbersEqualArea:        "Albers Equal Area",
	MethodLambertAzimuthal:       "Lambert Azimuthal Equal Area",
	MethodObliqueStereographic:   "Oblique Stereographic",
	MethodHotineA:                "Hotine Oblique Mercator (variant A)",
	MethodHotineB:                "Hotine Oblique Mercator (variant B)",
	MethodMercatorA:              "Mercator (variant A)",
	MethodMercatorB:              "Mercator (variant B)",
	MethodPopularVisualisation:   "Popular Visualisation Pseudo Mercator",
	MethodPolarStereographicA:    "Polar Stereographic (variant A)",
	MethodPolarStereographicB:    "Polar Stereographic (variant B)",
	MethodKrovak:                 "Krovak",
	MethodKrovakNorthOrientated:  "Krovak (North Orientated)",
	MethodEquidistantCylindrical: "Equidistant Cylindrical",
	MethodCassiniSoldner:         "Cassini-Soldner",
}

// methodName is the EPSG name of m and its code, for messages.
func methodName(m Method) string {
	if s, ok := methodNames[m]; ok {
		return s + " (EPSG method " + strconv.Itoa(int(m)) + ")"
	}
	return "EPSG method " + strconv.Itoa(int(m))
}

// newProjection builds the projection of method m on ellipsoid el with
// parameters p (degrees and metres). It checks the parameters rather than
// return a projection that computes NaN: latitudes beyond ±90°, a scale
// factor that is not positive, standard parallels symmetric about the
// equator, an ellipsoid that is none. MethodNone (a geographic CRS) and
// unknown methods are errors.
func newProjection(m Method, el Ellipsoid, p projParams) (projection, error) {
	name := methodName(m)
	if !(el.A > 0) || !(el.F >= 0 && el.F < 1) || math.IsInf(el.A, 0) {
		return nil, lang.Errorf("%s: semi-major axis %g m and flattening %g are not an ellipsoid", name, el.A, el.F)
	}
	for _, v := range []float64{p.Lat0, p.Lon0, p.Lat1, p.Lat2, p.K0, p.FE, p.FN, p.Azimuth, p.Gamma} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, lang.Errorf("%s: a parameter is not a finite number", name)
		}
	}
	for _, lat := range []float64{p.Lat0, p.Lat1, p.Lat2} {
		if math.Abs(lat) > 90 {
			return nil, lang.Errorf("%s: latitude %g° lies beyond ±90°", name, lat)
		}
	}
	if needsScale(m) && !(p.K0 > 0) {
		return nil, lang.Errorf("%s: the scale factor must be positive, not %g", name, p.K0)
	}
	switch m {
	case MethodTransverseMercator:
		return NewTransverseMercatorOrigin(el, p.Lon0, p.Lat0, p.K0, p.FE, p.FN), nil
	case MethodTransverseMercatorSO:
		return transverseMercatorSouth{NewTransverseMercatorOrigin(el, p.Lon0, p.Lat0, p.K0, 0, 0), p.FE, p.FN}, nil
	case MethodLambertConic1SP, MethodLambertConic2SP, MethodAlbersEqualArea:
		return newConic(m, name, el, p)
	case MethodLambertAzimuthal:
		if math.Abs(p.Lat0) > 90-1e-8 { // PROJ's tolerance, 1e-10 rad
			return newLAEAPolar(el, p.Lat0 < 0, p.Lon0, p.FE, p.FN), nil
		}
		if el.F == 0 {
			return nil, lang.Errorf("%s: the oblique aspect is computed on an ellipsoid only, not on a sphere", name)
		}
		return laeaOblique{NewLAEA(el, p.Lon0, p.Lat0, p.FE, p.FN)}, nil
	case MethodObliqueStereographic:
		return newObliqueStereographic(el, p.Lat0, p.Lon0, p.K0, p.FE, p.FN), nil
	case MethodHotineA, MethodHotineB:
		if math.Abs(p.Lat0) > 89.999999 {
			return nil, lang.Errorf("%s: the projection centre cannot be at latitude %g°", name, p.Lat0)
		}
		h := newHotine(el, m == MethodHotineB, p.Lat0, p.Lon0, p.Azimuth, p.Gamma, p.K0, p.FE, p.FN)
		if h == nil {
			return nil, lang.Errorf("%s: azimuth %g° cannot be used at latitude %g°", name, p.Azimuth, p.Lat0)
		}
		return h, nil
	case MethodMercatorA:
		return newMercator(el, false, p.K0, p.Lon0, p.FE, p.FN), nil
	case MethodMercatorB:
		if math.Abs(p.Lat1) >= 89.999999 {
			return nil, lang.Errorf("%s: the standard parallel cannot be at latitude %g°", name, p.Lat1)
		}
		return newMercator(el, false, msfn(p.Lat1*deg, el.eccentricity()), p.Lon0, p.FE, p.FN), nil
	case MethodPopularVisualisation:
		return newMercator(el, true, 1, p.Lon0, p.FE, p.FN), nil
	case MethodPolarStereographicA:
		if math.Abs(p.Lat0) != 90 {
			return nil, lang.Errorf("%s: the latitude of origin must be 90° or -90°, not %g°", name, p.Lat0)
		}
		return newPolarStereographic(el, p.Lat0 < 0, p.Lat0, p.K0, p.Lon0, p.FE, p.FN), nil
	case MethodPolarStereographicB:
		south := p.Lat1 < 0
		if math.Abs(p.Lat0) == 90 {
			south = p.Lat0 < 0
		}
		if p.Lat1 == 0 && math.Abs(p.Lat0) != 90 {
			return nil, lang.Errorf("%s: the standard parallel cannot be at latitude %g°", name, p.Lat1)
		}
		return newPolarStereographic(el, south, p.Lat1, 0, p.Lon0, p.FE, p.FN), nil
	case MethodKrovak, MethodKrovakNorthOrientated:
		if p.Lat1 <= 0 || p.Lat1 >= 90 {
			return nil, lang.Errorf("%s: the pseudo standard parallel cannot be at latitude %g°", name, p.Lat1)
		}
		return newKrovak(el, m == MethodKrovakNorthOrientated, p.Lat0, p.Lon0, p.Azimuth, p.Lat1, p.K0, p.FE, p.FN), nil
	case MethodEquidistantCylindrical:
		if math.Abs(p.Lat1) >= 90 {
			return nil, lang.Errorf("%s: the standard parallel cannot be at latitude %g°", name, p.Lat1)
		}
		return newEquidistantCylindrical(el, p.Lat0, p.Lat1, p.Lon0, p.FE, p.FN), nil
	case MethodCassiniSoldner:
		return newCassiniSoldner(el, p.Lat0, p.Lon0, p.FE, p.FN), nil
	}
	return nil, lang.Errorf("projection method %s is not supported", name)
}

// needsScale reports whether m has a scale factor parameter (K0).
func needsScale(m Method) bool {
	switch m {
	case MethodTransverseMercator, MethodTransverseMercatorSO, MethodLambertConic1SP,
		MethodObliqueStereographic, MethodHotineA, MethodHotineB, MethodMercatorA,
		MethodPolarStereographicA, MethodKrovak, MethodKrovakNorthOrientated:
		return true
	}
	return false
}

// newConic builds the Lambert conic conformal (1SP: the standard parallel
// is the latitude of origin Lat0 and K0 scales it; 2SP: Lat1 and Lat2,
// origin Lat0, and K0 scales it too if set, as PROJ's +k_0 does) or the
// Albers equal-area conic (Lat1, Lat2, origin Lat0).
func newConic(m Method, name string, el Ellipsoid, p projParams) (projection, error) {
	lat1, lat2, k0 := p.Lat1, p.Lat2, p.K0
	if m == MethodLambertConic1SP {
		lat1, lat2 = p.Lat0, p.Lat0
	}
	if k0 == 0 || m == MethodAlbersEqualArea {
		k0 = 1
	}
	if math.Abs(lat1+lat2) < 1e-10 {
		if m == MethodLambertConic1SP {
			return nil, lang.Errorf("%s: the standard parallel cannot be the equator", name)
		}
		return nil, lang.Errorf("%s: the standard parallels %g° and %g° are symmetric about the equator, which gives no cone", name, lat1, lat2)
	}
	if m != MethodAlbersEqualArea && (math.Abs(lat1) == 90 || math.Abs(lat2) == 90) {
		return nil, lang.Errorf("%s: the standard parallel cannot be at latitude %g°", name, math.Max(math.Abs(lat1), math.Abs(lat2)))
	}
	if m == MethodAlbersEqualArea {
		return newAlbers(el, p.Lat0, lat1, lat2, p.Lon0, p.FE, p.FN), nil
	}
	return newLambertConic(el, p.Lat0, lat1, lat2, p.Lon0, k0, p.FE, p.FN), nil
}
