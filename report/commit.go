package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"planatlas/lang"
	"sort"
	"strings"
)

// Commit moves the staged folder into place. It first checks that the
// staging folder is the one this run created and holds exactly the files
// recorded, each with its recorded size and hash, and that the target
// still holds what Stage found; then the staged folder and the old
// output change places (in one step where the system can), and the old
// output's files — those its manifest lists, nothing else — are removed.
func (s *Staging) Commit() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return errors.New("report: staging already committed or aborted")
	}
	if err := s.verify(); err != nil {
		return err
	}
	if err := s.recheckTarget(); err != nil {
		return err
	}
	_ = s.root.Close() // a folder handle: nothing to lose
	old, err := s.swap()
	if err != nil {
		return err
	}
	s.done = true
	if old != "" {
		s.removeOld(old)
	}
	s.lock.release()
	return nil
}

// verify checks the staging folder against the records of what was
// written into it.
func (s *Staging) verify() error {
	if !s.alive() {
		return s.vanished(nil)
	}
	found, _, err := listTree(s.tmp)
	if err != nil {
		return s.vanished(err)
	}
	for p := range found {
		if _, ok := s.files[p]; !ok {
			return &OutputError{Dir: s.target, M: lang.M("the staging folder %s holds %s, which this run did not write; nothing was replaced, run again", s.tmp, p), Env: true}
		}
	}
	names := make([]string, 0, len(s.files))
	for p := range s.files {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		r := s.files[p]
		size, ok := found[p]
		if !ok {
			return &OutputError{Dir: s.target, M: lang.M("%s is missing from the staging folder %s (removed by another program?); nothing was replaced, run again", p, s.tmp), Env: true}
		}
		if size != r.Bytes || !sameHash(filepath.Join(s.tmp, filepath.FromSlash(p)), r.SHA256) {
			return &OutputError{Dir: s.target, M: lang.M("%s in the staging folder %s is not what this run wrote (changed by another program?); nothing was replaced, run again", p, s.tmp), Env: true}
		}
	}
	return nil
}

// recheckTarget checks that the target still holds what Stage found, so
// that a file added to it during the run is never removed with it.
func (s *Staging) recheckTarget() error {
	fi, err := os.Lstat(s.target)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &OutputError{Dir: s.target, M: lang.M("%v", err), Env: true}
	}
	if !fi.IsDir() {
		return &OutputError{Dir: s.target, M: lang.M("became something other than a folder during the run; nothing was replaced")}
	}
	now, err := readOwned(s.target, s.prev == nil)
	if err != nil {
		return &OutputError{Dir: s.target, M: lang.M("changed during the run: it %v; nothing was replaced", err)}
	}
	if s.prev != nil {
		for p, size := range now.files {
			if was, ok := s.prev.files[p]; !ok || was != size {
				return &OutputError{Dir: s.target, M: lang.M("changed during the run (%s); nothing was replaced, run again", p)}
			}
		}
	}
	s.prev = now
	return nil
}

// swap puts the staged folder in place and returns where the old output
// went ("" if there was none).
func (s *Staging) swap() (old string, err error) {
	if _, err := os.Lstat(s.target); err != nil {
		if err := os.Rename(s.tmp, s.target); err != nil {
			return "", &OutputError{Dir: s.target, M: lang.M("cannot be written: %v", err), Env: true}
		}
		return "", nil
	}
	// The staged folder and the old output change places at once; the
	// old one is then at the staging path.
	ok, err := exchange(s.tmp, s.target)
	if err != nil {
		return "", &OutputError{Dir: s.target, M: lang.M("cannot be replaced: %v", err), Env: true}
	}
	if ok {
		return s.tmp, nil
	}
	old = s.tmp + ".old"
	if err := os.Rename(s.target, old); err != nil {
		return "", &OutputError{Dir: s.target, M: lang.M("cannot be replaced: %v", err), Env: true}
	}
	if err := os.Rename(s.tmp, s.target); err != nil {
		if err2 := os.Rename(old, s.target); err2 != nil {
			return "", &OutputError{Dir: s.target, M: lang.M("cannot be replaced: %v; the previous output is at %s", err, old), Env: true}
		}
		return "", &OutputError{Dir: s.target, M: lang.M("cannot be written: %v", err), Env: true}
	}
	return old, nil
}

// removeOld removes the previous output at dir: the files found there at
// the check before the swap and the folders holding them, nothing else.
// Whatever remains (a file added in the instant between check and swap)
// is kept in a visible folder beside the output, and a note says where.
func (s *Staging) removeOld(dir string) {
	if s.prev != nil {
		if root, err := os.OpenRoot(dir); err == nil {
			// A file that cannot be removed keeps its folder, which
			// is then kept in sight below.
			for p := range s.prev.files {
				_ = root.Remove(filepath.FromSlash(p))
			}
			ds := append([]string(nil), s.prev.dirs...)
			sort.Slice(ds, func(i, j int) bool { return strings.Count(ds[i], "/") > strings.Count(ds[j], "/") })
			for _, d := range ds {
				_ = root.Remove(filepath.FromSlash(d)) // fails if not empty: kept below
			}
			_ = root.Close() // a folder handle: nothing to lose
		}
	}
	if err := os.Remove(dir); err == nil || errors.Is(err, os.ErrNotExist) {
		return
	}
	for i := 1; ; i++ {
		kept := fmt.Sprintf("%s-kept-%d", s.target, i)
		if _, err := os.Lstat(kept); err == nil {
			continue
		}
		if err := os.Rename(dir, kept); err == nil {
			s.notes = append(s.notes, lang.M("files that appeared in the output folder during the run were kept in %s", kept))
		}
		return
	}
}
