package plan

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"planatlas/demo"
)

// failingSource opens the demo's files; reading the file named fail
// breaks off after 100 bytes, as a disk or network drive can.
type failingSource struct {
	FS
	fail string
}

func (s failingSource) Open(name string) (io.ReadCloser, error) {
	f, err := s.FS.Open(name)
	if err != nil || name != s.fail {
		return f, err
	}
	return struct {
		io.Reader
		io.Closer
	}{io.MultiReader(io.LimitReader(f, 100), errReader{}), f}, nil
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("input/output error") }

// A read error in any input — the geometry, a table, points — fails the
// run; none is taken for the end of the file.
func TestReadErrorsFailTheRun(t *testing.T) {
	p, err := Parse([]byte(demoPlanText(t)), "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"planungsraeume.geojson", "bevoelkerung.csv", "kitas.geojson"} {
		t.Run(file, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			_, err := Run(p, failingSource{FS{FS: demo.FS()}, file}, Options{Out: out})
			if err == nil || !strings.Contains(err.Error(), "input/output error") {
				t.Errorf("run: %v", err)
			}
		})
	}
}

// A pattern is resolved through the plan's Source, sorted, with the names
// a plan would write, on disk and inside a file system.
func TestGlob(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"ew-2023.csv", "ew-2021.csv", "ew-2022.txt", "sub/ew-2020.csv"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mfs := fstest.MapFS{"data/ew-2023.csv": {}, "data/ew-2021.csv": {}, "data/x.csv": {}}
	tests := []struct {
		src     Source
		pattern string
		want    string
	}{
		{Dir(dir), "ew-*.csv", "ew-2021.csv ew-2023.csv"},
		{Dir(dir), "*/ew-*.csv", "sub/ew-2020.csv"},
		{Dir(dir), "ew-19*.csv", ""},
		{Dir(dir), filepath.Join(dir, "ew-202?.csv"), filepath.Join(dir, "ew-2021.csv") + " " + filepath.Join(dir, "ew-2023.csv")},
		{FS{FS: mfs}, "data/ew-*.csv", "data/ew-2021.csv data/ew-2023.csv"},
	}
	for _, tc := range tests {
		got, err := Glob(tc.src, tc.pattern)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("Glob(%q) = %v, want %s", tc.pattern, got, tc.want)
		}
	}
}
