//go:build !unix

package report

import "os"

const lockSuffix = ".lock"

// lockFile marks a live run where no flock exists: other runs take every
// staging folder with a lock file as alive.
type lockFile struct {
	f    *os.File
	path string
}

func createLock(dir, prefix string) (*lockFile, error) {
	f, err := os.CreateTemp(dir, prefix+"*"+lockSuffix)
	if err != nil {
		return nil, err
	}
	return &lockFile{f: f, path: f.Name()}, nil
}

func (l *lockFile) release() {
	if l == nil || l.f == nil {
		return
	}
	_ = l.f.Close() // best effort, as on unix: a later run can tell nothing here
	_ = os.Remove(l.path)
	l.f = nil
}

func stale(path string) (bool, func()) { return false, nil }
