//go:build unix

package report

import (
	"os"
	"strings"

	"golang.org/x/sys/unix"
)

// lockSuffix ends the name of the lock file beside each staging folder.
const lockSuffix = ".lock"

// lockFile is held (flock, exclusive) for a run's lifetime. flock works
// across PID namespaces and, on Linux's NFS client, across machines.
type lockFile struct {
	f    *os.File
	path string
}

// createLock creates and locks a new lock file named prefix…".lock" in
// dir. It is locked under a name that other runs ignore and renamed
// after, so that no run can take it for stale in between.
func createLock(dir, prefix string) (*lockFile, error) {
	f, err := os.CreateTemp(dir, prefix+"*.locking")
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		discard(f.Name(), f)
		return nil, err
	}
	path := strings.TrimSuffix(f.Name(), ".locking") + lockSuffix
	if err := os.Rename(f.Name(), path); err != nil {
		discard(f.Name(), f)
		return nil, err
	}
	return &lockFile{f: f, path: path}, nil
}

// release removes the lock file and unlocks it (closing releases the
// flock).
func (l *lockFile) release() {
	if l == nil || l.f == nil {
		return
	}
	discard(l.path, l.f)
	l.f = nil
}

// discard removes an empty lock file and closes it. Its errors change
// nothing: a lock file left behind is unlocked, so the next run takes it
// for stale and removes it.
func discard(path string, f *os.File) {
	_ = os.Remove(path)
	_ = f.Close()
}

// stale reports whether the lock file at path is held by no one: its run
// has ended without cleaning up. It holds the lock while it returns true;
// call the returned release after removing what the run left.
func stale(path string) (bool, func()) {
	f, err := os.Open(path)
	if err != nil {
		return false, nil
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		_ = f.Close() // opened read only to test the lock
		return false, nil
	}
	return true, func() { discard(path, f) }
}
