package plan

import (
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// Source opens the files a plan names. Names are as written in the plan:
// relative to the plan's folder, or absolute.
type Source interface {
	Open(name string) (io.ReadCloser, error)
}

// Dir is a Source for a plan file on disk: names are relative to the
// plan's folder.
type Dir string

// Open opens name relative to the folder.
func (d Dir) Open(name string) (io.ReadCloser, error) {
	return os.Open(d.Path(name))
}

// Path returns the file name of name on disk.
func (d Dir) Path(name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(string(d), filepath.FromSlash(name))
}

// FS is a Source for a plan inside a file system, such as the embedded
// demo.
type FS struct{ FS fs.FS }

// Open opens name inside the file system.
func (s FS) Open(name string) (io.ReadCloser, error) {
	return s.FS.Open(path.Clean(name))
}
