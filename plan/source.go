package plan

import (
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
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

// Glob returns the files of src that match pattern (* any text, ? one
// character, [a-z] one of a range), sorted, named as the plan would name
// them. A Source other than Dir and FS cannot list its files.
func Glob(src Source, pattern string) ([]string, error) {
	switch s := src.(type) {
	case Dir:
		matches, err := filepath.Glob(s.Path(pattern))
		if err != nil {
			return nil, err
		}
		if filepath.IsAbs(pattern) {
			sort.Strings(matches)
			return matches, nil
		}
		out := make([]string, 0, len(matches))
		for _, m := range matches {
			rel, err := filepath.Rel(string(s), m)
			if err != nil {
				return nil, err
			}
			out = append(out, filepath.ToSlash(rel))
		}
		sort.Strings(out)
		return out, nil
	case FS:
		matches, err := fs.Glob(s.FS, path.Clean(pattern))
		sort.Strings(matches)
		return matches, err
	}
	return nil, errf("the files of this plan cannot be listed, so %q cannot be a pattern: name the files", pattern)
}
