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
	"planatlas/lang"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// OutputError is a problem with the output folder: it is a file, it
// holds files planatlas did not write, or it cannot be written.
type OutputError struct {
	Dir string
	Msg string       // what is wrong, in English (if M is empty)
	M   lang.Message // what is wrong, in the reader's language
	// Env marks a failure of the machine rather than of the user's
	// choice (the staging folder vanished, the disk is full): exit code
	// 1, not 2.
	Env bool
}

func (e *OutputError) Error() string { return e.m().String() }

// Localize renders the error in the printer's language.
func (e *OutputError) Localize(p *lang.Printer) string { return p.Message(e.m()) }

func (e *OutputError) m() lang.Message {
	if e.M.Format == "" {
		return lang.M("output folder %s: %s", e.Dir, e.Msg)
	}
	return lang.M("output folder %s: %s", e.Dir, e.M)
}

// BadInput reports whether the user must choose another output folder
// (exit code 2) rather than the machine having failed (exit code 1).
func (e *OutputError) BadInput() bool { return !e.Env }

// ManifestFile is the name of the manifest in every output folder. A
// folder is planatlas's to replace only if its manifest, written by
// planatlas, lists exactly the files in it (see Stage).
const ManifestFile = "manifest.json"

// Staging collects a run's outputs in a temporary folder beside the
// target and moves them into place with Commit. Until then the target is
// untouched; Abort (or a crash) leaves it as it was.
//
// The staging folder is opened as an os.Root: files are created through
// that handle, so a staging folder removed during the run (by a cleanup
// tool, or by another run that took it for stale) makes the run fail
// instead of writing into a new folder of the same name. A lock file
// beside it, held with flock for the run's lifetime, tells other runs —
// also in other PID namespaces or on other machines sharing a network
// drive — that the folder is alive.
type Staging struct {
	target string   // absolute, symbolic links resolved
	tmp    string   // the staging folder
	root   *os.Root // the staging folder, opened
	rootFI fs.FileInfo
	lock   *lockFile
	prev   *ownedFolder // what the target held at Stage; nil if it did not exist
	mu     sync.Mutex   // files: Write and Create may run on several goroutines, each file on one
	files  map[string]*FileRecord
	notes  []lang.Message
	done   bool
}

// FileRecord is one file in a manifest.
type FileRecord struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
}

// Stage prepares to write into target. It refuses, before anything is
// computed, a target that is a file, a mount point, a folder holding
// anything but the files its planatlas manifest lists, and a folder that
// is or contains one of the protected paths (the plan and its inputs;
// the working directory and the home folder are always protected), so
// that a mistyped --out never replaces someone's documents. A target
// that is a symbolic link is resolved: the results go where it points,
// and Notes says so.
func Stage(target string, protect ...string) (*Staging, error) {
	abs, note, err := resolveTarget(target)
	if err != nil {
		return nil, err
	}
	if err := checkProtected(target, abs, protect); err != nil {
		return nil, err
	}
	prev, err := checkTarget(target, abs)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, cannotWrite(target, err)
	}
	prefix := "." + filepath.Base(abs) + ".planatlas-"
	removeStale(parent, prefix)
	s := &Staging{target: abs, prev: prev, files: map[string]*FileRecord{}}
	if note != "" {
		// note is resolveTarget's English text; the target is a link to abs.
		s.notes = append(s.notes, lang.M("output folder %s is a symbolic link to %s: the results were written there", target, abs))
	}
	if err := s.open(target, parent, prefix); err != nil {
		return nil, err
	}
	return s, nil
}

// open takes the lock and creates the staging folder named after it.
// The process id in the names lets a planatlas without working locks
// (an older version, a file system without flock) tell stale folders.
func (s *Staging) open(target, parent, prefix string) error {
	lock, err := createLock(parent, prefix+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return cannotWrite(target, err)
	}
	s.lock = lock
	s.tmp = strings.TrimSuffix(lock.path, lockSuffix)
	fail := func(err error) error {
		_ = os.Remove(s.tmp) // best effort; the error that matters is err
		lock.release()
		return cannotWrite(target, err)
	}
	if err := os.Mkdir(s.tmp, 0o755); err != nil {
		return fail(err)
	}
	if err := os.Chmod(s.tmp, 0o755); err != nil { // against a restrictive umask
		return fail(err)
	}
	if s.root, err = os.OpenRoot(s.tmp); err != nil {
		return fail(err)
	}
	if s.rootFI, err = s.root.Stat("."); err != nil {
		_ = s.root.Close() // a folder handle: nothing to lose
		return fail(err)
	}
	return nil
}

// cannotWrite is the error for an output folder that cannot be made: the
// system's reason without the staging folder's name, which means nothing
// to the user.
func cannotWrite(target string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &OutputError{Dir: target, M: lang.M("cannot be written: %v; choose a folder you may write to (--out)", err)}
}

// Notes returns what the run should tell the user about its output
// folder: a resolved symbolic link, a previous output kept aside.
func (s *Staging) Notes() []lang.Message { return s.notes }

// Target returns the output folder, absolute and with symbolic links
// resolved.
func (s *Staging) Target() string { return s.target }

// vanished is the error for a staging folder that is gone.
func (s *Staging) vanished(cause error) error {
	msg := lang.M("the staging folder %s disappeared during the run (removed by another program or run?); nothing was replaced, run again", s.tmp)
	if cause != nil {
		msg = lang.M("%s (%v)", msg, cause)
	}
	return &OutputError{Dir: s.target, M: msg, Env: true}
}

// alive reports whether the staging folder is still the one this run
// created.
func (s *Staging) alive() bool {
	fi, err := os.Lstat(s.tmp)
	return err == nil && os.SameFile(fi, s.rootFI)
}

// Create creates a file in the staging folder; name uses "/" and may
// contain sub-folders. The file's hash and size are recorded on Close.
func (s *Staging) Create(name string) (io.WriteCloser, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return nil, errors.New("report: staging already committed or aborted")
	}
	if _, dup := s.files[name]; dup {
		return nil, fmt.Errorf("output %s is written twice", name)
	}
	if !fs.ValidPath(name) || name == "." {
		return nil, fmt.Errorf("output name %q is not a relative path", name)
	}
	if !s.alive() {
		return nil, s.vanished(nil)
	}
	if dir := filepath.Dir(filepath.FromSlash(name)); dir != "." {
		if err := s.root.MkdirAll(dir, 0o755); err != nil {
			return nil, s.vanished(err)
		}
	}
	f, err := s.root.Create(filepath.FromSlash(name))
	if err != nil {
		if !s.alive() {
			return nil, s.vanished(err)
		}
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
		_ = w.Close() // the file is incomplete anyway; Abort removes it
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := bw.Flush(); err != nil {
		_ = w.Close() // as above
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

type hashFile struct {
	f   *os.File
	h   hash.Hash
	rec *FileRecord
}

func (w *hashFile) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	w.h.Write(p[:n]) // hash.Hash never fails
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

// Abort removes the staging folder — if it is still the one this run
// created — and releases the lock; the target stays as it was. It does
// nothing after Commit.
func (s *Staging) Abort() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return
	}
	s.done = true
	_ = s.root.Close() // a folder handle: nothing to lose
	if s.alive() {
		// Best effort: a folder that stays is unlocked, and the next
		// run removes it.
		_ = os.RemoveAll(s.tmp)
	}
	s.lock.release()
}
