package geo

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// testdataGrids opens grid files in testdata/crs, counting the reads.
func testdataGrids(reads map[string]int) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		reads[name]++
		return os.ReadFile(filepath.Join("testdata/crs", name))
	}
}

// TestGridShiftsAgainstPROJ compares transformations by NTv2 grids a
// PROJ string names with PROJ's cs2cs (testdata/crs/grid_reference.py):
// IGN's ntf_r93.gsb (NTF → RGF93) in Lambert zone II étendu and in
// longitude and latitude, LINZ's nzgd2kgrid0005.gsb (NZGD49 → NZGD2000),
// and a synthetic file with a parent grid, two children and a grandchild
// in both byte orders, with an optional missing file and the null grid.
// Both directions agree to a millimetre; a point PROJ finds no grid for
// is NaN.
func TestGridShiftsAgainstPROJ(t *testing.T) {
	f, err := os.Open("testdata/crs/grid_reference.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	grids := NewGridFiles(testdataGrids(map[string]int{}))
	sc := bufio.NewScanner(f)
	n, worst := 0, map[string]float64{}
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 7 {
			continue
		}
		v := make([]float64, 4)
		for i := range v {
			v[i], _ = strconv.ParseFloat(fs[3+i], 64)
		}
		c, err := grids.ParseCRS(fs[1])
		if err != nil {
			t.Errorf("%s: %v", fs[0], err)
			continue
		}
		var x, y float64
		geographicOut := c.Geographic()
		if fs[2] == "fwd" {
			x, y = c.ToWGS84(v[0], v[1])
			geographicOut = true
		} else {
			x, y = c.FromWGS84(v[0], v[1])
		}
		if math.IsNaN(v[2]) {
			if !math.IsNaN(x) || !math.IsNaN(y) {
				t.Errorf("%s %s: (%g, %g), PROJ finds no grid", fs[0], fs[2], x, y)
			}
			n++
			continue
		}
		d := math.Hypot(x-v[2], y-v[3]) * c.def.Unit
		if geographicOut {
			d = haversine(x, y, v[2], v[3])
		}
		if !(d <= 0.001) {
			t.Errorf("%s %s (%s): (%.9f, %.9f), PROJ (%.9f, %.9f): %.4f m apart", fs[0], fs[2], fs[1], x, y, v[2], v[3], d)
		}
		g := c.def.Datum.Grid.name
		worst[g] = math.Max(worst[g], d)
		n++
	}
	for g, d := range worst {
		t.Logf("+nadgrids=%s: largest difference to PROJ %.2e m", g, d)
	}
	if n < 40 {
		t.Fatalf("only %d transformations read", n)
	}
}

// TestGridFiles: a list of grid files is read once and its CRSs compare
// equal; the grid wins over +towgs84; the CRS is known by its definition,
// not as the EPSG CRS of the same projection; ParseCRS refuses grid
// files, and a missing or damaged grid file is an error naming it.
func TestGridFiles(t *testing.T) {
	const lambert2 = "+proj=lcc +lat_1=46.8 +lat_0=46.8 +lon_0=0 +k_0=0.99987742 +x_0=600000 +y_0=2200000 +ellps=clrk80ign +pm=paris +units=m +no_defs"
	reads := map[string]int{}
	grids := NewGridFiles(testdataGrids(reads))
	a, err := grids.ParseCRS(lambert2 + " +nadgrids=ntf_r93.gsb")
	if err != nil {
		t.Fatal(err)
	}
	b, err := grids.ParseCRS(lambert2 + " +nadgrids=ntf_r93.gsb +towgs84=-168,-60,320")
	if err != nil {
		t.Fatal(err)
	}
	if a.Code != 0 || a.def.Datum.Shift != shiftGrid || b.def.Datum.Shift != shiftGrid || a.def.Datum.Grid != b.def.Datum.Grid {
		t.Errorf("got %s (shift %d) and %s (shift %d), want both by the same grid, known by their definitions", a.Describe(), a.def.Datum.Shift, b.Describe(), b.def.Datum.Shift)
	}
	if reads["ntf_r93.gsb"] != 1 {
		t.Errorf("ntf_r93.gsb read %d times, want once", reads["ntf_r93.gsb"])
	}
	if got := a.DatumNote().String(); !strings.Contains(got, "grid file ntf_r93.gsb") {
		t.Errorf("DatumNote = %q", got)
	}
	cases := []struct{ name, s, want string }{
		{"ParseCRS", lambert2 + " +nadgrids=ntf_r93.gsb", "give it as the crs: of a plan"},
		{"missing", lambert2 + " +nadgrids=nofile.gsb", `grid file "nofile.gsb" (+nadgrids) cannot be read`},
		{"all optional and missing", lambert2 + " +nadgrids=@nofile.gsb", "none of the grid files"},
		{"not NTv2", lambert2 + " +nadgrids=grid_reference.tsv", "is not an NTv2 grid"},
	}
	for _, tc := range cases {
		var err error
		if tc.name == "ParseCRS" {
			_, err = ParseCRS(tc.s)
		} else {
			_, err = grids.ParseCRS(tc.s)
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
	if c, err := ParseCRS(lambert2 + " +nadgrids=@null"); err != nil || c.def.Datum.Shift == shiftGrid {
		t.Errorf("@null: %v, %v", c, err)
	}
}
