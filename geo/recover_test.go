package geo

import (
	"errors"
	"testing"
)

// A panic inside a reader ends as bad input naming the file.
func TestRecoverReader(t *testing.T) {
	read := func() (err error) {
		defer recoverReader("gebiete.shp", &err)
		var parts []int
		_ = parts[len(parts)+2] // a reader's bug, tripped by a file
		return nil
	}
	err := read()
	var fe *FeatureError
	if !errors.As(err, &fe) || fe.File != "gebiete.shp" {
		t.Fatalf("got %v", err)
	}
	want := "gebiete.shp: planatlas's reader failed on this file (runtime error: index out of range [2] with length 0): please report it"
	if got := err.Error(); len(got) < len(want) || got[:len(want)] != want {
		t.Errorf("message %q", got)
	}
}
