package geo

import (
	"fmt"
	"planatlas/lang"

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
			for _, pt := range r {
				if msg := k.check(pt[0], pt[1]); msg.Format != "" {
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
