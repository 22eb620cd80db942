package geo

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestDatumShiftsAgainstPROJ transforms places from WGS 84 into CRSs on
// other datums and compares with PROJ's cs2cs
// (testdata/crs/datum_reference.py). Where PROJ and planatlas use the
// same transformation (an EPSG Helmert, BETA2007) they agree to a
// centimetre; where PROJ has a finer grid (CHENYX06, ntf_r93, NZGD2000's)
// planatlas's Helmert must agree within its stated accuracy.
func TestDatumShiftsAgainstPROJ(t *testing.T) {
	f, err := os.Open("testdata/crs/datum_reference.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 6 {
			continue
		}
		code, _ := strconv.Atoi(fs[0])
		v := make([]float64, 4)
		for i := range v {
			v[i], _ = strconv.ParseFloat(fs[2+i], 64)
		}
		c, err := EPSG(code)
		if err != nil {
			t.Errorf("EPSG:%d: %v", code, err)
			continue
		}
		lon, lat := v[0], v[1]
		c = c.ForExtent(lon, lat, lon, lat)
		x, y := c.FromWGS84(lon, lat)
		d := math.Hypot(x-v[2], y-v[3]) * c.def.Unit
		if c.Geographic() {
			d = haversine(x, y, v[2], v[3])
		}
		tol := math.Max(0.01, c.def.Datum.Accuracy)
		if d > tol {
			t.Errorf("EPSG:%d at %s: (%.3f, %.3f), PROJ (%.3f, %.3f): %.3f m apart, more than %g m (%s)", code, fs[1], x, y, v[2], v[3], d, tol, c.DatumNote())
		}
		t.Logf("EPSG:%-6d %-12s %8.3f m (tolerance %g m)", code, fs[1], d, tol)
		n++
	}
	if n < 35 {
		t.Fatalf("only %d places read", n)
	}
}
