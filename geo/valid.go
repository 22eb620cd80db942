package geo

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// validPolygon checks OGC validity (simple rings, holes inside their
// shell, parts not overlapping) and explains a failure for a planner.
func validPolygon(mp orb.MultiPolygon) error {
	err := toSF(mp).Validate()
	if err == nil {
		return nil
	}
	msg := err.Error()
	for _, r := range []struct{ from, to string }{
		{"polygon ring not simple", "a ring crosses or touches itself"},
		{"polygon rings intersect at multiple points", "rings of the polygon cross each other"},
		{"polygon interior ring outside of exterior ring", "a hole lies outside its polygon"},
		{"multipolygon child polygons touch at multiple points", "parts of the multipolygon overlap or share an edge"},
		{"validating ring at index", "ring"},
		{"validating multipolygon constraints: ", ""},
		{"validating polygon at index", "polygon"},
	} {
		msg = strings.ReplaceAll(msg, r.from, r.to)
	}
	msg = indexPattern.ReplaceAllStringFunc(msg, func(m string) string {
		sub := indexPattern.FindStringSubmatch(m)
		n, _ := strconv.Atoi(sub[2])
		return fmt.Sprintf("%s %d, ", sub[1], n+1)
	})
	msg = nearPattern.ReplaceAllStringFunc(msg, func(m string) string {
		sub := nearPattern.FindStringSubmatch(m)
		x, _ := strconv.ParseFloat(sub[1], 64)
		y, _ := strconv.ParseFloat(sub[2], 64)
		return fmt.Sprintf("near (%s, %s)", strconv.FormatFloat(x, 'f', -1, 64), strconv.FormatFloat(y, 'f', -1, 64))
	})
	return fmt.Errorf("not a valid polygon: %s", strings.TrimSuffix(msg, ", "))
}

var (
	indexPattern = regexp.MustCompile(`(polygon|ring) (\d+): `)
	nearPattern  = regexp.MustCompile(`\(at or near \{(\S+) (\S+)\}\)`)
)
