package geo

import (
	"math"
	"planatlas/lang"

	"github.com/paulmach/orb"
)

// crs decides the layer's CRS from the file and the plan. The plan's
// word wins: a user who names a CRS has looked at the data, and a .prj
// is often wrong or unreadable. Where both are given and place the
// data more than a metre apart, the notes say so.
func (l *Layer) crs(opt ReadOptions) (CRS, []lang.Message, error) {
	var notes []lang.Message
	switch {
	case opt.CRS != Unknown && l.CRSErr != nil:
		notes = append(notes, lang.M("the file's own CRS description is not used (%v); the given %s is", l.CRSErr.M, opt.CRS.Describe()))
		return opt.CRS, notes, nil
	case opt.CRS != Unknown && l.CRS != Unknown && l.CRS != opt.CRS:
		switch d := l.crsDisagreement(l.CRS, opt.CRS); {
		case math.IsNaN(d):
			notes = append(notes, lang.M("the file declares %s, but %s is given and used; the file's cannot place the areas at all", l.CRS.Describe(), opt.CRS.Describe()))
		case d > 1:
			notes = append(notes, lang.M("the file declares %s, but %s is given and used; the two place the areas up to %d m apart", l.CRS.Describe(), opt.CRS.Describe(), int(math.Ceil(d))))
		}
		return opt.CRS, notes, nil
	case opt.CRS != Unknown:
		return opt.CRS, nil, nil
	case l.CRSErr != nil:
		e := *l.CRSErr
		e.M = lang.M("%s; name the CRS (in a plan areas: crs:, for check-geometry --crs: an EPSG code, a PROJ string or WKT), which then wins over the file's", e.M)
		return Unknown, nil, &e
	case l.CRS != Unknown:
		return l.CRS, nil, nil
	case l.Format == "Shapefile" || l.Format == "GeoPackage":
		// GeoJSON without a "crs" member is WGS84 by RFC 7946; other
		// formats without one could be in any system.
		return Unknown, nil, &FeatureError{File: l.File, Field: "crs", M: lang.M("the file does not say its coordinate reference system (a shapefile's .prj is missing); name it (in a plan areas: crs:, for check-geometry --crs: an EPSG code such as EPSG:25833 for ETRS89 / UTM 33N, a PROJ string or WKT)")}
	}
	return WGS84, nil, nil
}

// crsDisagreement returns how far apart (metres, on WGS84) two CRSs
// place the layer's vertices, at most 1,000 of them spread over the
// layer; NaN if one of them cannot place a vertex.
func (l *Layer) crsDisagreement(a, b CRS) float64 {
	ta, tb := a.Transformer(), b.Transformer()
	var pts []orb.Point
	for _, f := range l.Features {
		for _, p := range f.Geom {
			if len(p) > 0 && len(p[0]) > 0 {
				pts = append(pts, p[0][0])
			}
		}
	}
	step := max(1, len(pts)/1000)
	worst := 0.0
	for i := 0; i < len(pts); i += step {
		lon1, lat1 := ta.ToWGS84(pts[i][0], pts[i][1])
		lon2, lat2 := tb.ToWGS84(pts[i][0], pts[i][1])
		d := haversine(lon1, lat1, lon2, lat2)
		if math.IsNaN(d) {
			return d
		}
		worst = math.Max(worst, d)
	}
	return worst
}

// haversine is the great-circle distance in metres on a sphere of the
// Earth's mean radius: exact enough to say whether two positions differ
// by more than a metre.
func haversine(lon1, lat1, lon2, lat2 float64) float64 {
	const r = 6371008.8
	p1, p2 := lat1*deg, lat2*deg
	dp, dl := p2-p1, (lon2-lon1)*deg
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}
