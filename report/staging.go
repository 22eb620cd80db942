package report

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// OutputError is a problem with the output folder: it is a file, it
// holds files planatlas did not write, or it cannot be written.
type OutputError struct {
	Dir string
	Msg string
}

func (e *OutputError) Error() string { return fmt.Sprintf("output folder %s: %s", e.Dir, e.Msg) }

// BadInput reports that the user must choose another output folder.
func (e *OutputError) BadInput() bool { return true }

// ManifestFile is the name of the manifest in every output folder; its
// presence marks a folder as planatlas's to replace.
const ManifestFile = "manifest.json"

// Staging collects a run's outputs in a temporary folder beside the
// target and moves them into place with Commit. Until then the target is
// untouched; Abort (or a crash) leaves it as it was.
type Staging struct {
	target string
	tmp    string
	mu     sync.Mutex // files: Write and Create may run on several goroutines, each file on one
	files  map[string]*FileRecord
	done   bool
}

// FileRecord is one file in a manifest.
type FileRecord struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
}

// Stage prepares to write into target. It refuses a target that is a
// file, and a non-empty folder without a planatlas manifest, so that a
// mistyped --out never replaces someone's documents.
func Stage(target string) (*Staging, error) {
	abs, err := filepath.Abs(target)
	if err != nil {
		return nil, &OutputError{Dir: target, Msg: err.Error()}
	}
	if fi, err := os.Stat(abs); err == nil {
		if !fi.IsDir() {
			return nil, &OutputError{Dir: target, Msg: "is a file, not a folder"}
		}
		entries, err := os.ReadDir(abs)
		if err != nil {
			return nil, &OutputError{Dir: target, Msg: "cannot be read: " + err.Error()}
		}
		if len(entries) > 0 {
			if _, err := os.Stat(filepath.Join(abs, ManifestFile)); err != nil {
				return nil, &OutputError{Dir: target, Msg: "exists and holds files that planatlas did not write (it has no " + ManifestFile + "); choose a new or empty folder"}
			}
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, &OutputError{Dir: target, Msg: err.Error()}
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, &OutputError{Dir: target, Msg: "cannot be created: " + err.Error()}
	}
	prefix := "." + filepath.Base(abs) + ".planatlas-"
	removeStale(parent, prefix)
	// The process id in the name tells a later run whether this folder's
	// run is still alive.
	tmp, err := os.MkdirTemp(parent, prefix+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return nil, &OutputError{Dir: target, Msg: "cannot be written: " + err.Error()}
	}
	if err := os.Chmod(tmp, 0o755); err != nil { // MkdirTemp makes it private
		os.Remove(tmp)
		return nil, &OutputError{Dir: target, Msg: err.Error()}
	}
	return &Staging{target: abs, tmp: tmp, files: map[string]*FileRecord{}}, nil
}

// Create creates a file in the staging folder; name uses "/" and may
// contain sub-folders. The file's hash and size are recorded on Close.
func (s *Staging) Create(name string) (io.WriteCloser, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.files[name]; dup {
		return nil, fmt.Errorf("output %s is written twice", name)
	}
	p := filepath.Join(s.tmp, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(p)
	if err != nil {
		return nil, err
	}
	rec := &FileRecord{Path: name}
	s.files[name] = rec
	return &hashFile{f: f, h: sha256.New(), rec: rec}, nil
}

// Write creates name and writes it with fn.
func (s *Staging) Write(name string, fn func(io.Writer) error) error {
	w, err := s.Create(name)
	if err != nil {
		return err
	}
	// Writers such as html/template and image encoders write in small
	// pieces; one system call per piece cost seconds at 100,000 areas.
	bw := bufio.NewWriterSize(w, 1<<20)
	if err := fn(bw); err != nil {
		w.Close()
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := bw.Flush(); err != nil {
		w.Close()
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return w.Close()
}

type hashFile struct {
	f   *os.File
	h   hash.Hash
	rec *FileRecord
}

func (w *hashFile) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	w.h.Write(p[:n])
	w.rec.Bytes += int64(n)
	return n, err
}

func (w *hashFile) Close() error {
	w.rec.SHA256 = hex.EncodeToString(w.h.Sum(nil))
	return w.f.Close()
}

// Files returns the records of the files written so far, sorted by path.
func (s *Staging) Files() []FileRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]FileRecord, 0, len(s.files))
	for _, r := range s.files {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// Dir returns the staging folder (for tests and messages).
func (s *Staging) Dir() string { return s.tmp }

// Commit moves the staged folder into place: the old output is moved
// aside, the new one renamed to the target, the old one removed. If the
// second rename fails, the old output is put back.
func (s *Staging) Commit() error {
	if s.done {
		return errors.New("report: staging already committed or aborted")
	}
	old := ""
	if _, err := os.Stat(s.target); err == nil {
		// The staged folder and the old output change places at once;
		// the old one, now at the staging path, is then removed.
		ok, err := exchange(s.tmp, s.target)
		if err != nil {
			return &OutputError{Dir: s.target, Msg: "cannot be replaced: " + err.Error()}
		}
		if ok {
			s.done = true
			os.RemoveAll(s.tmp)
			return nil
		}
		old = s.tmp + ".old"
		if err := os.Rename(s.target, old); err != nil {
			return &OutputError{Dir: s.target, Msg: "cannot be replaced: " + err.Error()}
		}
	}
	if err := os.Rename(s.tmp, s.target); err != nil {
		if old != "" {
			os.Rename(old, s.target)
		}
		return &OutputError{Dir: s.target, Msg: "cannot be written: " + err.Error()}
	}
	s.done = true
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// removeStale removes the staging folders (and replaced outputs) that
// runs killed before they could clean up left beside the target: those
// whose process id names no running process. Folders of live runs, and
// of runs whose id cannot be told, stay.
func removeStale(parent, prefix string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.IsDir() {
			continue
		}
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 || processAlive(pid) {
			continue
		}
		os.RemoveAll(filepath.Join(parent, e.Name()))
	}
}

// Abort removes the staging folder; the target stays as it was. It does
// nothing after Commit.
func (s *Staging) Abort() {
	if s.done {
		return
	}
	s.done = true
	if strings.Contains(filepath.Base(s.tmp), ".planatlas-") {
		os.RemoveAll(s.tmp)
	}
}
