package report

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// removeStale removes what runs killed before they could clean up left
// beside the target: staging folders and replaced outputs whose lock
// file nobody holds. Folders without a lock file (left by a planatlas
// before locks) are removed when their process id names no running
// process; folders of live runs, and of runs that cannot be told, stay.
func removeStale(parent, prefix string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	locked := map[string]bool{}
	for _, e := range entries {
		if base, ok := strings.CutSuffix(e.Name(), lockSuffix); ok && strings.HasPrefix(base, prefix) {
			locked[base] = true
			ok, release := stale(filepath.Join(parent, e.Name()))
			if !ok {
				continue
			}
			// Best effort: what stays is removed by a later run.
			_ = os.RemoveAll(filepath.Join(parent, base))
			_ = os.RemoveAll(filepath.Join(parent, base+".old"))
			release()
		}
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.IsDir() || locked[strings.TrimSuffix(e.Name(), ".old")] {
			continue
		}
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 || processAlive(pid) {
			continue
		}
		_ = os.RemoveAll(filepath.Join(parent, e.Name())) // best effort, as above
	}
}
