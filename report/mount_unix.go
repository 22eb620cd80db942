//go:build unix

package report

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// mountPoint reports whether the folder dir (with info fi) is a mount
// point: it lies on another device than its parent. Such a folder cannot
// be renamed, so it cannot be replaced as a whole.
func mountPoint(dir string, fi fs.FileInfo) bool {
	pfi, err := os.Stat(filepath.Dir(dir))
	if err != nil {
		return false
	}
	a, ok1 := fi.Sys().(*syscall.Stat_t)
	b, ok2 := pfi.Sys().(*syscall.Stat_t)
	return ok1 && ok2 && a.Dev != b.Dev
}
