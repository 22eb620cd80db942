//go:build linux

package report

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps two existing folders in one step (renameat2 with
// RENAME_EXCHANGE), so that a run killed while committing leaves either
// the old output or the new one in place, never neither. ok is false
// where the file system cannot do it; the caller then renames twice.
func exchange(a, b string) (ok bool, err error) {
	err = unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) {
		return false, nil
	}
	return err == nil, err
}

// processAlive reports whether a process with this id runs (or may: a
// process of another user answers EPERM).
func processAlive(pid int) bool {
	err := unix.Kill(pid, 0)
	return err == nil || errors.Is(err, unix.EPERM)
}
