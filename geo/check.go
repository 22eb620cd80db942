package geo

import (
	"planatlas/lang"
	"strconv"

	"github.com/paulmach/orb"
)

// checkPolygons checks the structure a reader can check without topology:
// no empty parts, rings of at least four positions, closed rings, and
// coordinates that can lie in the CRS.
func checkPolygons(mp orb.MultiPolygon, k *coordCheck) lang.Message {
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
			// Every vertex is checked for what costs nothing; whether the
			// ring lies in the CRS's area of use, at its four extreme
			// vertices (an inverse projection each).
			ext := [4]int{}
			for i, pt := range r {
				if msg := k.quick(pt[0], pt[1]); msg.Format != "" {
					return lang.M("%s: %s", what, msg)
				}
				if pt[0] < r[ext[0]][0] {
					ext[0] = i
				}
				if pt[0] > r[ext[1]][0] {
					ext[1] = i
				}
				if pt[1] < r[ext[2]][1] {
					ext[2] = i
				}
				if pt[1] > r[ext[3]][1] {
					ext[3] = i
				}
			}
			for _, i := range ext {
				if msg := k.inArea(r[i][0], r[i][1]); msg.Format != "" {
					return lang.M("%s: %s", what, msg)
				}
			}
		}
	}
	return lang.Message{}
}

// point writes a position as coordinates are written in GIS tools, with
// a decimal point in every language: (301000, 5.6e+06).
func point(p orb.Point) string {
	return strconv.FormatFloat(p[0], 'f', -1, 64) + ", " + strconv.FormatFloat(p[1], 'f', -1, 64)
}
