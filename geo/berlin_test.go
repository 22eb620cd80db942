package geo

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Berlin's planning areas of 2021 and those valid until 2020 are the
// repository's Berlin example data; other published reference data are
// under testdata/reference. Both READMEs name the sources and licences. A
// missing file fails the test.
const (
	berlinData = "../examples/berlin/data"
	reference  = "../testdata/reference"
)

// lor2021Shapefile returns the path of the 2021 planning areas' .shp.
func lor2021Shapefile(t testing.TB) string {
	t.Helper()
	p := filepath.Join(berlinData, "lor_planungsraeume_2021.shp")
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("Berlin example data: %v", err)
	}
	return p
}

// readLOR2019 reads Berlin's planning areas valid until 2020, from the
// Berlin example's data.
func readLOR2019(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(berlinData + "/lor2019-planning-areas.geojson")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func readShapefileParts(t testing.TB, shp string) ShapefileParts {
	t.Helper()
	base := strings.TrimSuffix(shp, ".shp")
	read := func(ext string) []byte {
		b, err := os.ReadFile(base + ext)
		if err != nil {
			return nil
		}
		return b
	}
	return ShapefileParts{SHP: read(".shp"), SHX: read(".shx"), DBF: read(".dbf"), PRJ: read(".prj"), CPG: read(".cpg")}
}

// Berlin's 542 planning areas of 2021 load from the shapefile: keys with
// leading zeros, names with umlauts, each area its published GROESSE_M2.
func TestBerlinLOR2021Shapefile(t *testing.T) {
	shp := lor2021Shapefile(t)
	l, err := ReadShapefileLayer(readShapefileParts(t, shp), "lor_planungsraeume_2021.shp")
	if err != nil {
		t.Fatal(err)
	}
	if l.CRS != UTM33 || len(l.Features) != 542 {
		t.Fatalf("CRS %v, %d features", l.CRS, len(l.Features))
	}
	a, err := l.Areas(ReadOptions{Key: "PLR_ID", Name: "PLR_NAME", Parent: "BEZ"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Len() != 542 || a.Keys[0] != "01100101" || a.CRS != UTM33 {
		t.Errorf("%d areas, first key %q, CRS %v", a.Len(), a.Keys[0], a.CRS)
	}
	umlauts := 0
	for _, n := range a.Names {
		if strings.ContainsAny(n, "äöüßÄÖÜ") {
			umlauts++
		}
		if strings.ContainsAny(n, "ÃÂ\ufffd") {
			t.Errorf("garbled name %q", n)
		}
	}
	if umlauts < 20 {
		t.Errorf("only %d names with umlauts", umlauts)
	}
	// Each area equals its published GROESSE_M2 (an area on the
	// ellipsoid) to 2e-5; in the plane of UTM 33N it would be 0.05 %
	// smaller.
	published := map[string]float64{}
	for i := range l.Features {
		k, _ := l.Attribute(i, "PLR_ID")
		v, _ := l.Attribute(i, "GROESSE_M2")
		published[k.Text], _ = strconv.ParseFloat(v.Text, 64)
	}
	var sum, psum, worst float64
	for i, k := range a.Keys {
		sum += a.AreaM2(i)
		psum += published[k]
		worst = math.Max(worst, math.Abs(a.AreaM2(i)-published[k])/published[k])
	}
	if worst > 2e-5 {
		t.Errorf("an area differs from its GROESSE_M2 by %.2g (relative)", worst)
	}
	t.Logf("area sum %.0f m², GROESSE_M2 %.0f m²; largest difference of one area %.2g", sum, psum, worst)
	found := false
	for i, k := range a.Keys {
		if k == "11501341" && a.Names[i] == "Karlshorst Süd" && a.Parents[i] == "11" {
			found = true
		}
	}
	if !found {
		t.Error("Karlshorst Süd (11501341, Bezirk 11) not found")
	}
}

// Berlin's planning areas until 2020, as published in GeoJSON, have a key
// used twice, two areas that overlap by a tenth of a square metre and a
// gap of the same size: Check reports all three, naming the features.
func TestBerlinLOR2019Check(t *testing.T) {
	data := readLOR2019(t)
	l, err := ReadGeoJSONLayer(data, "lor2019.geojson")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Features) != 448 || l.CRS != WGS84 {
		t.Fatalf("%d features, CRS %v", len(l.Features), l.CRS)
	}
	_, problems := l.Check(ReadOptions{Key: "id", Name: "name"}, CheckOptions{})
	var got []string
	for _, p := range problems {
		got = append(got, p.Severity.String()+": "+p.String())
	}
	want := []string{
		`error: feature 205 (key "06010102"): the key is used by feature 124 too`,
		`warning: areas "04020208" (feature `,
		`warning: a gap of 0.`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d\n  %s\nwant prefix\n  %s", i+1, got[i], want[i])
		}
	}
	t.Logf("\n%s", strings.Join(got, "\n"))
	// With merge, the two parts of 06010102 become one area of 447.
	a, err := l.Areas(ReadOptions{Key: "id", Name: "name", MergeDuplicates: true})
	if err != nil {
		t.Fatal(err)
	}
	if a.Len() != 447 {
		t.Errorf("%d areas after merging, want 447", a.Len())
	}
}
