package geo

import (
	"encoding/binary"
	"math"
	"os"
	"strings"
	"testing"
)

// multiGSB is the synthetic NTv2 file of grid_reference.py: a parent, two
// children, a grandchild.
func multiGSB(t testing.TB) []byte {
	b, err := os.ReadFile("testdata/crs/multi.gsb")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestNTv2Subfiles: the synthetic file's four subfiles are linked to
// their parents, a point takes its shift from the finest grid containing
// it, and both byte orders read alike.
func TestNTv2Subfiles(t *testing.T) {
	le, err := parseNTv2(multiGSB(t))
	if err != nil {
		t.Fatal(err)
	}
	bigEndian, err := os.ReadFile("testdata/crs/multi_be.gsb")
	if err != nil {
		t.Fatal(err)
	}
	be, err := parseNTv2(bigEndian)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lon, lat float64
		want     string
	}{
		{10.2, 51.9, "PARENT"}, {10.55, 50.95, "CHILD_A"}, {10.7, 50.7, "GRAND"},
		{11.5, 51.5, "CHILD_B"}, {10.7, 50.5, "CHILD_A"}, {10, 50, "PARENT"}, {12, 52, "PARENT"},
		{9.99, 51, ""}, {11, 52.01, ""},
	}
	for _, tc := range cases {
		for i, g := range []*ntv2{le, be} {
			got := ""
			if s := g.find(tc.lon, tc.lat); s != nil {
				got = s.name
			}
			if got != tc.want {
				t.Errorf("file %d at (%g, %g): grid %q, want %q", i, tc.lon, tc.lat, got, tc.want)
			}
		}
		a1, a2, _ := le.shift(tc.lon, tc.lat)
		b1, b2, _ := be.shift(tc.lon, tc.lat)
		if a1 != b1 || a2 != b2 {
			t.Errorf("(%g, %g): byte orders differ: %g %g, %g %g", tc.lon, tc.lat, a1, a2, b1, b2)
		}
	}
}

// TestNTv2Damaged: damaged files give errors, never a panic or an
// allocation beyond the file's length.
func TestNTv2Damaged(t *testing.T) {
	good := multiGSB(t)
	le := binary.LittleEndian
	sub0 := 11 * ntv2Record // the first subfile's header; the second follows its 9 × 9 nodes
	edit := func(f func(b []byte)) []byte {
		b := append([]byte(nil), good...)
		f(b)
		return b
	}
	putF := func(b []byte, off int, v float64) { le.PutUint64(b[off+8:], math.Float64bits(v)) }
	cases := []struct {
		name string
		b    []byte
		want string
	}{
		{"empty", nil, "not an NTv2 file"},
		{"truncated header", good[:100], "not an NTv2 file"},
		{"record count", edit(func(b []byte) { le.PutUint32(b[8:], 12) }), "11 records"},
		{"no subfiles", edit(func(b []byte) { le.PutUint32(b[2*16+8:], 0) }), "0 subfiles"},
		{"2³² − 1 subfiles", edit(func(b []byte) { le.PutUint32(b[2*16+8:], math.MaxUint32) }), "subfiles declared"},
		{"minutes", edit(func(b []byte) { copy(b[3*16+8:], "MINUTES ") }), "only SECONDS"},
		{"truncated grid", good[:len(good)-200], "subfile 4"},
		{"huge count", edit(func(b []byte) { le.PutUint32(b[sub0+10*16+8:], math.MaxUint32) }), "nodes declared"},
		{"count and bounds disagree", edit(func(b []byte) { le.PutUint32(b[sub0+10*16+8:], 80) }), "records"},
		{"zero increment", edit(func(b []byte) { putF(b, sub0+8*16, 0) }), "do not make a grid"},
		{"NaN bound", edit(func(b []byte) { putF(b, sub0+5*16, math.NaN()) }), "bounds"},
		{"huge bound", edit(func(b []byte) { putF(b, sub0+5*16, 1e300) }), "bounds"},
		{"tiny increment", edit(func(b []byte) { putF(b, sub0+9*16, 1e-300) }), "do not make a grid"},
		{"unknown parent", edit(func(b []byte) { copy(b[sub0+(11+81)*16+16+8:], "NOBODY  ") }), "parent"},
		{"not a subfile", edit(func(b []byte) { copy(b[sub0:], "XXXXXXXX") }), "subfile header"},
	}
	for _, tc := range cases {
		g, err := parseNTv2(tc.b)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, %v; want an error containing %q", tc.name, g, err, tc.want)
		}
	}
}

// FuzzNTv2: arbitrary bytes give a grid or an error, never a panic; a
// grid that reads answers shift and inverse anywhere. Seeds: the
// synthetic four-grid file in both byte orders and BETA2007's header.
//
//	go test ./geo -run '^$' -fuzz FuzzNTv2 -fuzztime 60s
func FuzzNTv2(f *testing.F) {
	good := multiGSB(f)
	f.Add(good)
	if be, err := os.ReadFile("testdata/crs/multi_be.gsb"); err == nil {
		f.Add(be)
	}
	f.Add(good[:11*ntv2Record+11*ntv2Record+32])
	f.Add(beta2007GSB[:2048])
	f.Fuzz(func(t *testing.T, b []byte) {
		g, err := parseNTv2(b)
		if err != nil {
			return
		}
		for _, s := range g.grids {
			for _, p := range [][2]float64{{-s.eLon / 3600, s.sLat / 3600}, {-s.wLon / 3600, s.nLat / 3600}, {0, 0}} {
				g.shift(p[0], p[1])
				gs := &gridShift{grids: []*ntv2{g}}
				gs.inverse(p[0], p[1])
			}
		}
	})
}
