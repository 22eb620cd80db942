package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"planatlas/lang"
	"sort"
	"strings"
	"syscall"
)

// ownedFolder is an output folder that planatlas may replace: the files
// its manifest lists (with the manifest itself) and the folders holding
// them, nothing else.
type ownedFolder struct {
	files map[string]int64 // path ("/"-separated) → size, as found
	dirs  []string
}

// maxListed is how many foreign files a message names.
const maxListed = 5

// resolveTarget makes target absolute and resolves symbolic links in it:
// a link named as --out is followed (and said in a note), so that the
// link keeps pointing at fresh results instead of being replaced by a
// folder while its old target keeps stale ones.
func resolveTarget(target string) (abs, note string, err error) {
	abs, err = filepath.Abs(target)
	if err != nil {
		return "", "", &OutputError{Dir: target, M: lang.M("%v", err)}
	}
	fi, err := os.Lstat(abs)
	if err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		real, err := filepath.EvalSymlinks(abs)
		if err != nil {
			dest, _ := os.Readlink(abs)
			return "", "", &OutputError{Dir: target, M: lang.M("is a symbolic link to %s, which does not exist; create that folder or remove the link", dest)}
		}
		note = fmt.Sprintf("output folder %s is a symbolic link to %s: the results were written there", target, real)
		return real, note, nil
	}
	return canonical(abs), "", nil
}

// canonical resolves the symbolic links of the part of p that exists,
// so that paths can be compared.
func canonical(p string) string {
	if real, err := filepath.EvalSymlinks(p); err == nil {
		return real
	}
	dir := filepath.Dir(p)
	if dir == p {
		return p
	}
	return filepath.Join(canonical(dir), filepath.Base(p))
}

// within reports whether p is dir or lies below it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// checkProtected refuses an output folder that is or contains the
// working directory, the home folder or one of the protected files:
// replacing the folder would take them with it.
func checkProtected(target, abs string, protect []string) error {
	type guarded struct{ path, what string }
	var gs []guarded
	if wd, err := os.Getwd(); err == nil {
		gs = append(gs, guarded{wd, "the working directory"})
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		gs = append(gs, guarded{home, "your home folder"})
	}
	for _, p := range protect {
		if a, err := filepath.Abs(p); err == nil {
			gs = append(gs, guarded{a, p})
		}
	}
	for _, g := range gs {
		if !within(canonical(g.path), abs) {
			continue
		}
		fix := lang.M("choose a folder of its own, such as --out %s", filepath.Join(target, "out"))
		if g.what == "the working directory" || g.what == "your home folder" {
			if canonical(g.path) == abs {
				return &OutputError{Dir: target, M: lang.M("is %s; planatlas replaces its output folder as a whole: %s", lang.M(g.what), fix)}
			}
			return &OutputError{Dir: target, M: lang.M("contains %s; planatlas replaces its output folder as a whole: %s", lang.M(g.what), fix)}
		}
		return &OutputError{Dir: target, M: lang.M("contains %s, a file of the plan; planatlas replaces its output folder as a whole: %s", g.what, fix)}
	}
	return nil
}

// checkTarget checks that the existing output folder may be replaced:
// a folder, not a mount point, and empty or holding exactly what its
// planatlas manifest lists, unchanged. It returns what the folder holds
// (nil if it does not exist).
func checkTarget(target, abs string) (*ownedFolder, error) {
	fi, err := os.Stat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		if errors.Is(err, syscall.ENOTDIR) {
			return nil, &OutputError{Dir: target, M: lang.M("a part of the path is a file, not a folder; choose a folder (--out)")}
		}
		return nil, &OutputError{Dir: target, M: lang.M("cannot be used: %v; choose another folder (--out)", err)}
	}
	if !fi.IsDir() {
		return nil, &OutputError{Dir: target, M: lang.M("is a file, not a folder; choose a folder (a new one is created)")}
	}
	if mountPoint(abs, fi) {
		return nil, &OutputError{Dir: target, M: lang.M("is a mount point (another file system is mounted there), and planatlas replaces its output folder as a whole; use a folder inside it, such as --out %s", filepath.Join(target, "out"))}
	}
	own, err := readOwned(abs, true)
	if err != nil {
		return nil, &OutputError{Dir: target, M: lang.M("%v", err)}
	}
	return own, nil
}

// readOwned lists the folder dir and checks that planatlas may replace
// it: empty, or holding only the files its manifest lists and the
// manifest, each with the recorded size and (if hash) content. The error
// names the foreign or changed files and says what to do.
func readOwned(dir string, hash bool) (*ownedFolder, error) {
	found, dirs, err := listTree(dir)
	if err != nil {
		return nil, lang.Errorf("cannot be read: %v", err)
	}
	own := &ownedFolder{files: map[string]int64{}, dirs: dirs}
	if len(found) == 0 && len(dirs) == 0 {
		return own, nil
	}
	m, err := readManifest(filepath.Join(dir, ManifestFile))
	if err != nil {
		return nil, lang.Errorf("exists and holds files that planatlas did not write (%v); choose a new or empty folder", err)
	}
	listed := map[string]FileRecord{}
	wantDirs := map[string]bool{}
	for _, r := range m.Outputs {
		listed[r.Path] = r
		for d := filepath.Dir(filepath.FromSlash(r.Path)); d != "."; d = filepath.Dir(d) {
			wantDirs[filepath.ToSlash(d)] = true
		}
	}
	var foreign, changed []string
	for p, size := range found {
		r, ok := listed[p]
		switch {
		case p == ManifestFile:
		case !ok:
			foreign = append(foreign, p)
		case size != r.Bytes || hash && !sameHash(filepath.Join(dir, filepath.FromSlash(p)), r.SHA256):
			changed = append(changed, p)
		}
		own.files[p] = size
	}
	for _, d := range dirs {
		if !wantDirs[d] {
			foreign = append(foreign, d+"/")
		}
	}
	if len(foreign) == 1 {
		return nil, lang.Errorf("holds 1 file that planatlas did not write (%s); move it elsewhere or choose another folder", listSome(foreign))
	}
	if len(foreign) > 1 {
		return nil, lang.Errorf("holds %d files that planatlas did not write (%s); move them elsewhere or choose another folder", len(foreign), listSome(foreign))
	}
	if len(changed) == 1 {
		return nil, lang.Errorf("holds 1 file changed since planatlas wrote it (%s); move it elsewhere or choose another folder", listSome(changed))
	}
	if len(changed) > 1 {
		return nil, lang.Errorf("holds %d files changed since planatlas wrote them (%s); move them elsewhere or choose another folder", len(changed), listSome(changed))
	}
	return own, nil
}

func listSome(items []string) lang.Message {
	sort.Strings(items)
	if len(items) > maxListed {
		return lang.M("%s and %d more", strings.Join(items[:maxListed], ", "), len(items)-maxListed)
	}
	return lang.M("%s", strings.Join(items, ", "))
}

// readManifest reads a manifest and checks that planatlas wrote it.
func readManifest(file string) (*Manifest, error) {
	b, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, lang.Errorf("it has no %s", ManifestFile)
	}
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil || m.Tool != "planatlas" {
		return nil, lang.Errorf("its %s was not written by planatlas", ManifestFile)
	}
	return &m, nil
}

// listTree returns the files below dir with their sizes and the folders
// below it, as "/"-separated relative paths. Anything that is neither a
// regular file nor a folder (a link, a device) counts as a file of size
// −1, so that it never matches a manifest entry.
func listTree(dir string) (files map[string]int64, dirs []string, err error) {
	files = map[string]int64{}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			dirs = append(dirs, rel)
		case d.Type().IsRegular():
			fi, err := d.Info()
			if err != nil {
				return err
			}
			files[rel] = fi.Size()
		default:
			files[rel] = -1
		}
		return nil
	})
	return files, dirs, err
}

// sameHash reports whether the file's SHA-256 is sum.
func sameHash(file, sum string) bool {
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return false
	}
	return hex.EncodeToString(h.Sum(nil)) == sum
}
