package geo

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// berlinLayers reads Berlin's planning areas of 2021 (shapefile) and of
// 2019 (GeoJSON, the duplicate key merged), as spdep_reference.R does.
func berlinLayers(t *testing.T) map[string]*Areas {
	t.Helper()
	shp := lor2021Shapefile(t)
	l21, err := ReadShapefileLayer(readShapefileParts(t, shp), "lor2021.shp")
	if err != nil {
		t.Fatal(err)
	}
	a21, err := l21.Areas(ReadOptions{Key: "PLR_ID"})
	if err != nil {
		t.Fatal(err)
	}
	data := readLOR2019(t)
	l19, err := ReadGeoJSONLayer(data, "lor2019.geojson")
	if err != nil {
		t.Fatal(err)
	}
	a19, err := l19.Areas(ReadOptions{Key: "id", MergeDuplicates: true})
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*Areas{"lor2021": a21, "lor2019": a19}
}

// readPeerNeighbours reads a "key: neighbour keys" file of the peers.
func readPeerNeighbours(t *testing.T, file string) map[string]string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatalf("%v (run testdata/peers/spdep_reference.R)", err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), ":")
		out[k] = strings.TrimSpace(v)
	}
	return out
}

func neighbourKeys(a *Areas, nb Neighbours) map[string]string {
	out := map[string]string{}
	for i, row := range nb {
		ks := make([]string, len(row))
		for m, j := range row {
			ks[m] = a.Keys[j]
		}
		sort.Strings(ks)
		out[a.Keys[i]] = strings.Join(ks, " ")
	}
	return out
}

// Contiguity, k nearest neighbours and distance bands on Berlin's real
// planning areas equal R spdep's poly2nb, knearneigh and dnearneigh,
// area for area; label points equal sf's st_point_on_surface (GEOS).
func TestWeightsAgainstSpdep(t *testing.T) {
	for name, a := range berlinLayers(t) {
		pts := a.LabelPoints()
		lp, err := os.ReadFile(fmt.Sprintf("testdata/peers/spdep_%s_labelpoints.txt", name))
		if err != nil {
			t.Fatal(err)
		}
		worst := 0.0
		for i, line := range strings.Split(strings.TrimSpace(string(lp)), "\n") {
			f := strings.Fields(line)
			x, _ := strconv.ParseFloat(f[1], 64)
			y, _ := strconv.ParseFloat(f[2], 64)
			if f[0] != a.Keys[i] {
				t.Fatalf("%s: label point %d is for %s, area %s", name, i, f[0], a.Keys[i])
			}
			worst = math.Max(worst, math.Hypot(x-pts[i][0], y-pts[i][1]))
		}
		if worst > 1e-3 {
			t.Errorf("%s: label points up to %.3g m from sf's", name, worst)
		}
		knn, err := KNearest(a, 5)
		if err != nil {
			t.Fatal(err)
		}
		band, _ := DistanceBand(a, 1000)
		for _, tc := range []struct {
			rule string
			nb   Neighbours
		}{
			{"queen", Queen(a, 1e-7)},
			{"rook", Rook(a, 1e-7)},
			{"queen_snap1", Queen(a, 1)},
			{"knn5", knn},
			{"band1000", band},
		} {
			want := readPeerNeighbours(t, fmt.Sprintf("testdata/peers/spdep_%s_%s.txt", name, tc.rule))
			got := neighbourKeys(a, tc.nb)
			if len(want) != len(got) {
				t.Errorf("%s %s: %d areas, spdep %d", name, tc.rule, len(got), len(want))
			}
			diff := 0
			for k, w := range want {
				if got[k] != w {
					diff++
					if diff <= 3 {
						t.Errorf("%s %s: %s\n  planatlas %s\n  spdep     %s", name, tc.rule, k, got[k], w)
					}
				}
			}
			t.Logf("%s %s: %d of %d areas differ from spdep", name, tc.rule, diff, len(want))
		}
	}
}

// The GAL file of Berlin's queen weights is what libpysal reads to the
// same neighbours as its own Queen.from_dataframe (libpysal_reference.py
// reads this golden file and records the comparison).
func TestBerlinGAL(t *testing.T) {
	a := berlinLayers(t)["lor2021"]
	w := NewWeights(a.Keys, Queen(a, 1e-7), "queen", RowStandardised)
	var b bytes.Buffer
	if err := WriteGAL(&b, w, "lor_planungsraeume_2021", "PLR_ID"); err != nil {
		t.Fatal(err)
	}
	golden := "testdata/peers/planatlas_lor2021_queen.gal"
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("GAL differs from %s (go test -run BerlinGAL -update rewrites it)", golden)
	}
	// What libpysal made of this file when the script last ran.
	check, err := os.ReadFile("testdata/peers/libpysal_gal_check.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(check), "GAL read with 542 areas, 3238 links; same neighbours as libpysal Queen: True") {
		t.Errorf("libpysal's reading of the GAL file: %s", check)
	}
	for _, rule := range []string{"queen", "rook"} {
		lp := readPeerNeighbours(t, "testdata/peers/libpysal_lor2021_"+rule+".txt")
		var nb Neighbours
		if rule == "queen" {
			nb = Queen(a, 1e-7)
		} else {
			nb = Rook(a, 1e-7)
		}
		got := neighbourKeys(a, nb)
		for k, v := range lp {
			if got[k] != v {
				t.Errorf("%s %s: planatlas %s, libpysal %s", rule, k, got[k], v)
			}
		}
	}
}
