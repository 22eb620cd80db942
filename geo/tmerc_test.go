package geo

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// Every supported CRS agrees with PROJ within 1 cm both ways (forward:
// from WGS84; inverse: to WGS84, measured on the ground); reference
// values recorded by testdata/proj_reference.sh. In fact the worst case
// is below a millimetre.
func TestProjectionsAgainstPROJ(t *testing.T) {
	f, err := os.Open("testdata/proj_reference.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	worstF, worstI := 0.0, 0.0
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) != 5 {
			continue
		}
		v := make([]float64, 5)
		for i, s := range fs {
			v[i], _ = strconv.ParseFloat(s, 64)
		}
		c := mustEPSG(int(v[0]))
		x, y := c.FromWGS84(v[1], v[2])
		d := math.Hypot(x-v[3], y-v[4])
		if c.Code == 3857 {
			d /= 1 / math.Cos(v[2]*deg) // Web Mercator's scale; compare on the ground
		}
		worstF = math.Max(worstF, d)
		if d > 0.01 {
			t.Errorf("%v forward (%v, %v) = (%.6f, %.6f), PROJ (%.6f, %.6f): %.4f m apart", c, v[1], v[2], x, y, v[3], v[4], d)
		}
		lon, lat := c.ToWGS84(v[3], v[4])
		g := math.Hypot((lon-v[1])*111320*math.Cos(v[2]*deg), (lat-v[2])*110574)
		worstI = math.Max(worstI, g)
		if g > 0.01 {
			t.Errorf("%v inverse (%.6f, %.6f) = (%.10f, %.10f), want (%v, %v): %.4f m apart", c, v[3], v[4], lon, lat, v[1], v[2], g)
		}
		n++
	}
	if n < 28 {
		t.Fatalf("only %d reference points read", n)
	}
	t.Logf("%d points; worst forward %.2g m, worst inverse %.2g m", n, worstF, worstI)
}

func TestParseCRS(t *testing.T) {
	tests := []struct {
		in   string
		want CRS
		err  bool
	}{
		{"EPSG:25833", UTM33, false},
		{"epsg:25832", UTM32, false},
		{"urn:ogc:def:crs:EPSG::25833", UTM33, false},
		{"urn:ogc:def:crs:EPSG:6.6:25833", UTM33, false},
		{"http://www.opengis.net/def/crs/EPSG/0/25833", UTM33, false},
		{"urn:ogc:def:crs:OGC:1.3:CRS84", WGS84, false},
		{"4326", WGS84, false},
		{"EPSG:31468", mustEPSG(31468), false},
		{"EPSG:3035", LAEAEurope, false},
		{"EPSG:2056", mustEPSG(2056), false},
		{"EPSG:9999", Unknown, true},
		{"+proj=utm +zone=33 +ellps=GRS80 +units=m", UTM33, false},
		{"nonsense", Unknown, true},
	}
	for _, tc := range tests {
		got, err := ParseCRS(tc.in)
		if got != tc.want || (err != nil) != tc.err {
			t.Errorf("ParseCRS(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}

func TestCheckCoordinates(t *testing.T) {
	tests := []struct {
		c    CRS
		x, y float64
		want string
	}{
		{UTM33, 372000, 5640000, ""},
		{WGS84, 13.2, 50.9, ""},
		{WGS84, 372000, 5640000, "cannot be longitude and latitude in degrees"},
		{UTM33, 13.2, 50.9, "looks like degrees"},
		{UTM33, 372000, 56400000, "lies outside"},
	}
	for _, tc := range tests {
		got := checkCoordinates(tc.c, tc.x, tc.y).String()
		if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
			t.Errorf("checkCoordinates(%v, %v, %v) = %q, want %q", tc.c, tc.x, tc.y, got, tc.want)
		}
	}
}
