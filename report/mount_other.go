//go:build !unix

package report

import "io/fs"

// mountPoint cannot be told here; a mount point fails at the commit.
func mountPoint(dir string, fi fs.FileInfo) bool { return false }
