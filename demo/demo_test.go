package demo

import (
	"bytes"
	"io/fs"
	"testing"

	"planatlas/demo/internal/citygen"
)

// The embedded data must be exactly what the generator writes, so that
// the demo can always be reproduced from code.
func TestEmbeddedDataMatchesGenerator(t *testing.T) {
	files, err := citygen.Generate()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := fs.ReadFile(FS(), name)
		if err != nil {
			t.Errorf("%s: %v (run go generate ./demo)", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generator's output (run go generate ./demo)", name)
		}
	}
	if _, err := fs.Stat(FS(), PlanFile); err != nil {
		t.Errorf("the demo has no %s: %v", PlanFile, err)
	}
}
