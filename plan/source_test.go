package plan

import (
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

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
