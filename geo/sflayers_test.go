package geo

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// sfLayers are the polygon layers that R's sf and spData packages ship
// (testdata/sf/README.md), with an attribute that tells their features
// apart ("" for auckland, which has none: the feature number).
var sfLayers = []struct{ file, key string }{
	{"nc.shp", "FIPS"},
	{"nc.gpkg", "FIPS"},
	{"olinda1.shp", "ID"},
	{"buildings.gpkg", "cat"},
	{"tl.gpkg", "AWATER"},
	{"NY8_utm18.shp", "AREAKEY"},
	{"NY8_bna_utm18.gpkg", "AREAKEY"},
	{"auckland.shp", ""},
	{"boston_tracts.shp", "poltract"},
	{"columbus.shp", "POLYID"},
	{"eire.shp", "names"},
	{"sids.shp", "FIPS"},
	{"wheat.shp", "SP_ID"},
	{"world.shp", "name_long"},
	{"world.gpkg", "name_long"},
}

// spdepSnap is poly2nb's default snap, sqrt(.Machine$double.eps), in the
// layer's coordinate units.
var spdepSnap = math.Sqrt(0x1p-52)

// TestSFLayersAgainstSpdep reads every layer with planatlas's readers,
// repairs invalid features (Repair), and compares queen and rook
// contiguity, computed in the layer's own coordinates with poly2nb's
// snap as tolerance, with spdep's poly2nb on the same layer (after
// st_make_valid, structure method, where it is invalid), as
// testdata/sf/neighbours.R recorded them; the repaired features' areas
// must match GEOS's structure repair.
func TestSFLayersAgainstSpdep(t *testing.T) {
	summary := sfSummary(t)
	repaired := sfRepaired(t)
	for _, sl := range sfLayers {
		name := strings.Replace(sl.file, ".", "_", 1)
		t.Run(name, func(t *testing.T) {
			want, ok := summary[name]
			if !ok {
				t.Fatal("not in testdata/sf/summary.tsv: re-run neighbours.R")
			}
			l := readSFLayer(t, "testdata/sf/"+sl.file)
			a, invalid := sfAreas(t, l, sl.key, func(feature int, before, after float64, parts int) {
				r, ok := repaired[fmt.Sprintf("%s %d", name, feature)]
				if !ok {
					t.Errorf("feature %d repaired, but GEOS finds it valid", feature)
					return
				}
				if math.Abs(before-r[0]) > 1e-9*r[0] || math.Abs(after-r[1]) > 1e-9*r[1] || parts != int(r[2]) {
					t.Errorf("feature %d: area %.17g → %.17g in %d polygon(s); GEOS %.17g → %.17g in %d", feature, before, after, parts, r[0], r[1], int(r[2]))
				}
				t.Logf("feature %d repaired: area %.1f → %.1f in %d polygon(s)", feature, before, after, parts)
			})
			if a.Len() != want[0] || invalid != want[1] {
				t.Errorf("%d features, %d invalid; R: %d, %d", a.Len(), invalid, want[0], want[1])
			}
			for k, rule := range []string{"queen", "rook"} {
				var nb Neighbours
				if rule == "queen" {
					nb = Queen(a, spdepSnap)
				} else {
					nb = Rook(a, spdepSnap)
				}
				got := nbPairs(nb)
				ref := readPairs(t, fmt.Sprintf("testdata/sf/nb/%s_%s.txt", name, rule))
				if len(ref) != want[2+k] {
					t.Fatalf("%s: %d pairs in the file, %d in summary.tsv", rule, len(ref), want[2+k])
				}
				if only, extra := pairDiff(ref, got), pairDiff(got, ref); len(only) > 0 || len(extra) > 0 {
					t.Errorf("%s: %d pairs, spdep %d; only spdep: %v; only planatlas: %v", rule, len(got), len(ref), only, extra)
				}
				t.Logf("%s: %d pairs", rule, len(got))
			}
		})
	}
}

// sfAreas makes areas of the layer's features in file order and in its
// own coordinates (no projection), keyed by the attribute key (the
// feature number if ""), which must be unique. Invalid features are
// repaired; report is called for each, and their number returned.
func sfAreas(t *testing.T, l *Layer, key string, report func(feature int, before, after float64, parts int)) (*Areas, int) {
	t.Helper()
	a := &Areas{File: l.File}
	seen := map[string]bool{}
	invalid := 0
	for i, ft := range l.Features {
		k := strconv.Itoa(i + 1)
		if key != "" {
			v, ok := l.Attribute(i, key)
			if !ok || v.Null || seen[v.Text] {
				t.Fatalf("feature %d: key %q missing or repeated (%q)", i+1, key, v.Text)
			}
			k = v.Text
		}
		seen[k] = true
		if ft.Geom == nil {
			t.Fatalf("feature %d: no geometry (%s)", i+1, ft.GeomErr)
		}
		g := cloneMultiPolygon(ft.Geom)
		before := validPolygon(g)
		out, _, err := Repair(g)
		if err != nil {
			t.Fatalf("feature %d: %v", i+1, err)
		}
		if before != nil {
			invalid++
			report(i+1, multiPolygonArea(orient(g)), multiPolygonArea(out), len(out))
		}
		a.Keys = append(a.Keys, k)
		a.Geoms = append(a.Geoms, out)
		a.features = append(a.features, i+1)
	}
	return a, invalid
}

// sfCRS is the EPSG code of the CRS each layer declares, as planatlas
// reads it: 0 for no .prj (auckland, columbus, eire, sids, wheat) and for
// buildings.gpkg, a transverse Mercator on OSGB36 whose scale (0.999601)
// is not the British National Grid's; and NY8_bna_utm18.gpkg, UTM zone 18
// on an unnamed datum on Clarke 1866 with its own TOWGS84 (NAD27's
// ellipsoid, but not named NAD27).
var sfCRS = map[string]int{
	"nc.shp": 4267, "nc.gpkg": 4267, "olinda1.shp": 4258, "buildings.gpkg": 0, "tl.gpkg": 4269,
	"NY8_utm18.shp": 32618, "NY8_bna_utm18.gpkg": 0, "boston_tracts.shp": 4267,
	"world.shp": 4326, "world.gpkg": 4326,
}

// readSFLayer reads a layer as shipped with ReadLayer, and checks that
// its declared CRS is the one expected.
func readSFLayer(t *testing.T, name string) *Layer {
	t.Helper()
	l, err := ReadLayer(name, os.ReadFile, "")
	if err != nil {
		t.Fatal(err)
	}
	if l.CRSErr != nil {
		t.Fatalf("its CRS cannot be read: %v", l.CRSErr)
	}
	if want := sfCRS[filepath.Base(name)]; l.CRS.Code != want {
		t.Errorf("CRS %s (%s), want EPSG:%d", l.CRS.Describe(), l.CRS.Name, want)
	}
	return l
}

// sfSummary reads testdata/sf/summary.tsv: per layer, features, invalid
// features, queen pairs and rook pairs.
func sfSummary(t *testing.T) map[string][4]int {
	_, rows := readTSV(t, "testdata/sf/summary.tsv")
	out := map[string][4]int{}
	for _, r := range rows {
		var v [4]int
		for k := range v {
			v[k], _ = strconv.Atoi(r[1+k])
		}
		out[r[0]] = v
	}
	return out
}

// sfRepaired reads testdata/sf/repaired.tsv: by "layer feature", the
// area before, after the structure repair (GEOS's, which Repair
// follows), and its number of polygons.
func sfRepaired(t *testing.T) map[string][3]float64 {
	_, rows := readTSV(t, "testdata/sf/repaired.tsv")
	out := map[string][3]float64{}
	for _, r := range rows {
		var v [3]float64
		for k := range v {
			v[k], _ = strconv.ParseFloat(r[[3]int{2, 5, 6}[k]], 64)
		}
		out[r[0]+" "+r[1]] = v
	}
	return out
}

// readPairs reads "i j" lines (1-based) as 0-based pairs.
func readPairs(t *testing.T, name string) map[[2]int]bool {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[[2]int]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var i, j int
		if _, err := fmt.Sscan(sc.Text(), &i, &j); err != nil {
			t.Fatalf("%s: %q: %v", name, sc.Text(), err)
		}
		out[[2]int{i - 1, j - 1}] = true
	}
	return out
}

// nbPairs returns the pairs i < j of neighbours.
func nbPairs(nb Neighbours) map[[2]int]bool {
	out := map[[2]int]bool{}
	for i, row := range nb {
		for _, j := range row {
			if i < j {
				out[[2]int{i, j}] = true
			}
		}
	}
	return out
}

// pairDiff returns the pairs of a that b lacks, 1-based as in R, sorted.
func pairDiff(a, b map[[2]int]bool) [][2]int {
	var out [][2]int
	for p := range a {
		if !b[p] {
			out = append(out, [2]int{p[0] + 1, p[1] + 1})
		}
	}
	sort.Slice(out, func(x, y int) bool {
		if out[x][0] != out[y][0] {
			return out[x][0] < out[y][0]
		}
		return out[x][1] < out[y][1]
	})
	return out
}
