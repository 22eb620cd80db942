package plan

import (
	"bytes"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"planatlas/demo"
	"planatlas/geo"
)

// demoDir copies the demo city into a temporary folder, with the plan
// text changed by edit, and the plan tests' testdata beside it.
func demoDir(t *testing.T, edit func(string) string) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(demo.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(demo.FS(), p)
		if err != nil {
			return err
		}
		if p == demo.PlanFile {
			b = []byte(edit(string(b)))
		}
		return os.WriteFile(filepath.Join(dir, p), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"gebiete.shp", "gebiete.shx", "gebiete.dbf", "gebiete.prj"} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), b, 0o644)
	}
	b, _ := os.ReadFile("../geo/testdata/layers.gpkg")
	os.WriteFile(filepath.Join(dir, "gebiete.gpkg"), b, 0o644)
	return dir
}

// runDir runs the plan in dir into dir/out.
func runDir(t *testing.T, dir string) (string, *Result, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, demo.PlanFile))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(data, demo.PlanFile)
	if err != nil {
		return "", nil, err
	}
	out := filepath.Join(dir, "out")
	res, err := Run(p, Dir(dir), Options{Out: out, PlanData: data})
	return out, res, err
}

func readOut(t *testing.T, out, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The demo run from a Latin-1 shapefile without .cpg, or from a
// GeoPackage, gives the same tables, GeoJSON and weights as from GeoJSON.
func TestAreasFromShapefileAndGeoPackage(t *testing.T) {
	base, _, err := runDir(t, demoDir(t, func(s string) string { return s }))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, areas string }{
		{"shapefile", "  file: gebiete.shp\n"},
		{"geopackage", "  file: gebiete.gpkg\n  layer: planungsraeume\n"},
	} {
		dir := demoDir(t, func(s string) string {
			return strings.Replace(s, "  file: planungsraeume.geojson\n", tc.areas, 1)
		})
		out, _, err := runDir(t, dir)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, f := range []string{"indicators.csv", "variables.csv", "ranking.csv", "areas.geojson", "weights.gwt"} {
			// The weights' header names the layer: compare what follows.
			body := func(b []byte) []byte { return b[bytes.IndexByte(b, '\n'):] }
			if !bytes.Equal(body(readOut(t, base, f)), body(readOut(t, out, f))) {
				t.Errorf("%s: %s differs from the GeoJSON run", tc.name, f)
			}
		}
		if tc.name == "shapefile" && !bytes.Contains(readOut(t, out, "areas.geojson"), []byte("Schönblick")) {
			t.Errorf("umlauts lost")
		}
	}
}

// A shapefile's attributes serve as an input table: without a year
// column they are the latest year of the other inputs, and a variable
// from them reaches the variables table.
func TestGeometryAttributesAsInput(t *testing.T) {
	dir := demoDir(t, func(s string) string {
		s = strings.Replace(s, "inputs:\n", "inputs:\n  gebiete:\n    file: gebiete.shp\n    key: pr_id\n", 1)
		s = strings.Replace(s, "variables:\n", "variables:\n  plaetze_attr: {input: gebiete, column: plaetze}\n", 1)
		return s
	})
	out, res, err := runDir(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(noteTexts(res.Notes), "\n"), `input "gebiete": gebiete.shp is taken as the year 2024`) {
		t.Errorf("notes: %v", noteTexts(res.Notes))
	}
	vars := string(readOut(t, out, "variables.csv"))
	// 0301 has 3010 places: 10 × its key.
	if !strings.Contains(vars, "plaetze_attr;2024;Planungsraum;0301;Westend;3010;") {
		t.Errorf("plaetze_attr not in variables.csv:\n%s", grepLines(vars, "plaetze_attr", 3))
	}
}

func grepLines(s, sub string, n int) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) && len(out) < n {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// Each kind of weights runs, is described in the notes, and is written
// as GAL and GWT; weights read from a GAL file give the GWT they came
// from.
func TestWeightsInPlan(t *testing.T) {
	for _, tc := range []struct{ spec, note string }{
		{"weights:\n  type: rook\n", "rook contiguity, tolerance 0.1 m, style W: 38 areas, 192 links"},
		{"weights:\n  type: knn\n  k: 4\n  style: B\n", "4 nearest neighbours (label points), style B: 38 areas, 152 links"},
		{"weights:\n  type: distance\n  distance: 2000\n", "distance band 2,000 m (label points), style W: 38 areas"},
		{"weights:\n  type: queen\n  tolerance: 0\n", "queen contiguity, tolerance 0 m, style W: 38 areas, 192 links"},
	} {
		dir := demoDir(t, func(s string) string { return lightDemo(strings.Replace(s, "inputs:\n", tc.spec+"inputs:\n", 1)) })
		out, res, err := runDir(t, dir)
		if err != nil {
			t.Fatalf("%q: %v", tc.spec, err)
		}
		if notes := strings.Join(noteTexts(res.Notes), "\n"); !strings.Contains(notes, "spatial weights: "+tc.note) {
			t.Errorf("%q: notes\n%s", tc.spec, notes)
		}
		gal := readOut(t, out, "weights.gal")
		gwt := readOut(t, out, "weights.gwt")
		os.WriteFile(filepath.Join(dir, "nachbarn.gal"), gal, 0o644)
		os.WriteFile(filepath.Join(dir, "plan.yaml"), []byte(lightDemo(strings.Replace(demoPlanText(t), "inputs:\n", "weights:\n  type: file\n  file: nachbarn.gal\n"+styleOf(tc.spec)+"inputs:\n", 1))), 0o644)
		out2, _, err := runDir(t, dir)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(gwt, readOut(t, out2, "weights.gwt")) && !strings.Contains(tc.spec, "knn") {
			t.Errorf("%q: weights read back from GAL differ", tc.spec)
		}
	}
}

// lightDemoDir is demoDir with the plan made light (lightDemo) after
// edit.
func lightDemoDir(t *testing.T, edit func(string) string) string {
	t.Helper()
	return demoDir(t, func(s string) string { return lightDemo(edit(s)) })
}

// lightDemo is the demo's plan without what a test of its tables does
// not need: the projection, PNG images and the report.
func lightDemo(s string) string {
	if i, j := strings.Index(s, "\n# Bevölkerungsvorausberechnung"), strings.Index(s, "\noutputs:"); i >= 0 && j > i {
		s = s[:i] + s[j:]
	}
	s = strings.Replace(s, "  images: [svg, png]\n", "  images: [svg]\n  report: false\n", 1)
	return s
}

func styleOf(spec string) string {
	if strings.Contains(spec, "style: B") {
		return "  style: B\n"
	}
	return ""
}

// Mistakes in the weights section are found before anything runs.
func TestWeightsErrors(t *testing.T) {
	for _, tc := range []struct{ spec, want string }{
		{"weights:\n  type: knn\n", "weights: type knn needs k, the number of neighbours (k: 6)"},
		{"weights:\n  type: queens\n", `weights: type "queens": use queen, rook, knn, distance or file`},
		{"weights:\n  style: R\n", `weights: unknown weights style "R": use W (row-standardised) or B (binary)`},
		{"weights:\n  type: distance\n", "weights: type distance needs distance"},
		{"weights:\n  type: file\n  file: w.txt\n", "weights: type file needs file, a GAL or GWT weights file"},
		{"weights:\n  tolerance: -1\n", "weights: tolerance -1: a distance in metres cannot be negative"},
		{"weights:\n  knn: 5\n", `unknown field "knn" in weights; did you mean "k"?`},
	} {
		dir := demoDir(t, func(s string) string { return strings.Replace(s, "inputs:\n", tc.spec+"inputs:\n", 1) })
		_, _, err := runDir(t, dir)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q:\n  %v\nwant\n  %s", tc.spec, err, tc.want)
		}
	}
	// A GAL file for other areas names its line.
	dir := demoDir(t, func(s string) string {
		return strings.Replace(s, "inputs:\n", "weights:\n  type: file\n  file: nachbarn.gal\n", 1) + ""
	})
	os.WriteFile(filepath.Join(dir, "plan.yaml"), []byte(strings.Replace(demoPlanText(t), "inputs:\n", "weights:\n  type: file\n  file: nachbarn.gal\ninputs:\n", 1)), 0o644)
	os.WriteFile(filepath.Join(dir, "nachbarn.gal"), []byte("38\n0101 1\n102\n"), 0o644)
	_, _, err := runDir(t, dir)
	want := `nachbarn.gal:3: area "102" is not one of the planning areas (the areas have "0102": were leading zeros lost?)`
	if err == nil || err.Error() != want {
		t.Errorf("GAL for other areas:\n  %v\nwant\n  %s", err, want)
	}
}

// A key used by two features is an error naming both, unless the plan
// merges them.
func TestDuplicateKeys(t *testing.T) {
	dir := demoDir(t, func(s string) string { return s })
	gj := filepath.Join(dir, "planungsraeume.geojson")
	b, _ := os.ReadFile(gj)
	b = bytes.Replace(b, []byte(`"pr_id":"0102"`), []byte(`"pr_id":"0101"`), 1)
	if !bytes.Contains(b, []byte(`"pr_id":"0101"`)) {
		t.Fatal(`the demo GeoJSON is not written as this test expects ("pr_id":"0101"): adapt the test`)
	}
	os.WriteFile(gj, b, 0o644)
	_, _, err := runDir(t, dir)
	if err == nil || !strings.Contains(err.Error(), `planungsraeume.geojson: feature 2 (key "0101"): the key is used by feature 1 too`) {
		t.Errorf("duplicate key: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "plan.yaml"), []byte(strings.Replace(demoPlanText(t), "  key: pr_id\n", "  key: pr_id\n  duplicates: merge\n", 1)), 0o644)
	_, _, err = runDir(t, dir)
	// Merged, 0101 has two parts; 0102 now has data but no geometry.
	if err == nil || !strings.Contains(err.Error(), `"0102"`) {
		t.Errorf("merged: %v", err)
	}
}

// areas.csv gives each area's size, a label point inside it and its box
// in WGS84, and its neighbours.
func TestAreasTable(t *testing.T) {
	dir := demoDir(t, func(s string) string { return s })
	out, _, err := runDir(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	a := demoAreas(t, dir)
	lc := geo.NewLocator(a)
	lines := strings.Split(strings.TrimSpace(string(readOut(t, out, "areas.csv"))), "\n")
	if len(lines) != 39 {
		t.Fatalf("%d lines", len(lines))
	}
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for i, l := range lines[1:] {
		f := strings.Split(l, ";")
		if f[0] != a.Keys[i] {
			t.Fatalf("row %d is %s, area %s", i+1, f[0], a.Keys[i])
		}
		if got, want := num(f[3]), math.Round(a.AreaM2(i)); got != want {
			t.Errorf("%s: %v m², want %v", f[0], got, want)
		}
		lon, lat := num(f[5]), num(f[6])
		x, y := a.CRS.FromWGS84(lon, lat)
		if got := lc.Locate(orb.Point{x, y}); got != i {
			t.Errorf("%s: label point (%v, %v) lies in area %d", f[0], lon, lat, got)
		}
		if !(num(f[7]) <= lon && lon <= num(f[9]) && num(f[8]) <= lat && lat <= num(f[10])) {
			t.Errorf("%s: label point outside the box %v", f[0], f[7:11])
		}
		if f[11] == "0" {
			t.Errorf("%s: no neighbours", f[0])
		}
	}
}
