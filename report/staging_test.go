package report

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// writeFile writes one file into the staging folder.
func writeFile(t *testing.T, s *Staging, name, content string) {
	t.Helper()
	if err := s.Write(name, func(w io.Writer) error { _, err := io.WriteString(w, content); return err }); err != nil {
		t.Fatal(err)
	}
}

// stageRun writes files and their manifest as a run does, and commits.
func stageRun(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	s, err := Stage(dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		writeFile(t, s, name, content)
	}
	if err := s.Write(ManifestFile, func(w io.Writer) error {
		return WriteManifest(w, &Manifest{Tool: "planatlas", Outputs: s.Files()})
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
}

// snapshot returns every file below dir with its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	return m
}

func sameFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestStagingReplacesOnlyOnCommit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	stageRun(t, dir, map[string]string{"a.csv": "first", "maps/b.svg": "<svg/>"})
	first := snapshot(t, dir)
	// A second run that fails: the first output stays.
	s, err := Stage(dir)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, s, "a.csv", "second")
	s.Abort()
	if !sameFiles(first, snapshot(t, dir)) {
		t.Errorf("after an aborted run the output is %v", snapshot(t, dir))
	}
	// A second run that succeeds replaces it; nothing is left beside it.
	stageRun(t, dir, map[string]string{"a.csv": "second"})
	got := snapshot(t, dir)
	if got["a.csv"] != "second" || got["maps/b.svg"] != "" || len(got) != 2 {
		t.Errorf("after a committed run the output is %v", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("left beside the output: %v", entries)
	}
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o755 {
		t.Errorf("output folder mode %v", fi.Mode().Perm())
	}
}

// Stage refuses, before anything is written, every output folder that
// holds something planatlas did not write or that would take the plan
// with it; the folder stays as it was.
func TestStageRefuses(t *testing.T) {
	previous := map[string]string{"indicators.csv": "a;b\r\n", "maps/m.svg": "<svg/>"}
	cases := []struct {
		name    string
		prepare func(t *testing.T, dir string) (out string, protect []string)
		want    string
	}{
		{"a file", func(t *testing.T, dir string) (string, []string) {
			f := filepath.Join(dir, "a-file")
			os.WriteFile(f, []byte("x"), 0o644)
			return f, nil
		}, "is a file, not a folder"},
		{"foreign folder", func(t *testing.T, dir string) (string, []string) {
			os.WriteFile(filepath.Join(dir, "letter.odt"), []byte("x"), 0o644)
			return dir, nil
		}, `holds files that planatlas did not write \(it has no manifest.json\)`},
		{"foreign manifest", func(t *testing.T, dir string) (string, []string) {
			os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(`{"name": "webapp", "version": 2}`), 0o644)
			os.WriteFile(filepath.Join(dir, "index.html"), []byte("x"), 0o644)
			return dir, nil
		}, "its manifest.json was not written by planatlas"},
		{"manifest not JSON", func(t *testing.T, dir string) (string, []string) {
			os.WriteFile(filepath.Join(dir, "manifest.json"), []byte("CACHE MANIFEST\n"), 0o644)
			return dir, nil
		}, "its manifest.json was not written by planatlas"},
		{"a user's file in a previous output", func(t *testing.T, dir string) (string, []string) {
			out := filepath.Join(dir, "out")
			stageRun(t, out, previous)
			os.WriteFile(filepath.Join(out, "maps", "Notizen.docx"), []byte("x"), 0o644)
			return out, nil
		}, `holds 1 file that planatlas did not write \(maps/Notizen.docx\); move it elsewhere`},
		{"a user's folder in a previous output", func(t *testing.T, dir string) (string, []string) {
			out := filepath.Join(dir, "out")
			stageRun(t, out, previous)
			os.Mkdir(filepath.Join(out, "Entwürfe"), 0o755)
			return out, nil
		}, `holds 1 file that planatlas did not write \(Entwürfe/\)`},
		{"an output changed, same size", func(t *testing.T, dir string) (string, []string) {
			out := filepath.Join(dir, "out")
			stageRun(t, out, previous)
			os.WriteFile(filepath.Join(out, "indicators.csv"), []byte("a;c\r\n"), 0o644)
			return out, nil
		}, `holds 1 file changed since planatlas wrote it \(indicators.csv\)`},
		{"an output replaced by a link", func(t *testing.T, dir string) (string, []string) {
			out := filepath.Join(dir, "out")
			stageRun(t, out, previous)
			os.Remove(filepath.Join(out, "indicators.csv"))
			os.Symlink("/etc/hostname", filepath.Join(out, "indicators.csv"))
			return out, nil
		}, `holds 1 file changed since planatlas wrote it \(indicators.csv\)`},
		{"the plan's folder", func(t *testing.T, dir string) (string, []string) {
			stageRun(t, dir, previous) // an earlier run's manifest in the plan's folder
			plan := filepath.Join(dir, "plan.yaml")
			return dir, []string{plan}
		}, `contains .*plan.yaml, a file of the plan; planatlas replaces its output folder as a whole: choose a folder of its own, such as --out .*out`},
		{"a folder above an input", func(t *testing.T, dir string) (string, []string) {
			in := filepath.Join(dir, "daten", "2024", "einwohner.csv")
			return filepath.Join(dir, "daten"), []string{in}
		}, `contains .*einwohner.csv, a file of the plan`},
		{"the working directory", func(t *testing.T, dir string) (string, []string) {
			return ".", nil
		}, `output folder \.: is the working directory`},
		{"above the working directory", func(t *testing.T, dir string) (string, []string) {
			wd, _ := os.Getwd()
			return filepath.Dir(wd), nil
		}, `contains the working directory`},
		{"the home folder", func(t *testing.T, dir string) (string, []string) {
			home, _ := os.UserHomeDir()
			return home, nil
		}, `is your home folder|contains the working directory`},
		{"below a file", func(t *testing.T, dir string) (string, []string) {
			f := filepath.Join(dir, "afile")
			os.WriteFile(f, []byte("x"), 0o644)
			return filepath.Join(f, "out"), nil
		}, `a part of the path is a file, not a folder; choose a folder \(--out\)`},
		{"a dangling link", func(t *testing.T, dir string) (string, []string) {
			l := filepath.Join(dir, "out")
			os.Symlink(filepath.Join(dir, "gone"), l)
			return l, nil
		}, `is a symbolic link to .*gone, which does not exist`},
	}
	if runtime.GOOS == "linux" {
		cases = append(cases, struct {
			name    string
			prepare func(t *testing.T, dir string) (out string, protect []string)
			want    string
		}{"a mount point", func(t *testing.T, dir string) (string, []string) {
			return "/proc", nil
		}, `output folder /proc: is a mount point .*use a folder inside it, such as --out /proc/out`})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			out, protect := c.prepare(t, dir)
			before := snapshot(t, dir)
			_, err := Stage(out, protect...)
			if err == nil || !regexpMatch(c.want, err.Error()) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
			if bad, ok := err.(interface{ BadInput() bool }); !ok || !bad.BadInput() {
				t.Errorf("%v is not bad input (exit code 2)", err)
			}
			if !sameFiles(before, snapshot(t, dir)) {
				t.Error("the folder changed")
			}
		})
	}
}

// A symbolic link as the output folder is followed: the results go to
// its target, the link stays a link, and a note says so.
func TestStageFollowsLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "ergebnisse-2026")
	stageRun(t, real, map[string]string{"a.csv": "first"})
	link := filepath.Join(dir, "aktuell")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	s, err := Stage(link)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, s, "a.csv", "second")
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi, err)
	}
	if b, _ := os.ReadFile(filepath.Join(real, "a.csv")); string(b) != "second" {
		t.Errorf("the link's target holds %q", b)
	}
	if n := s.Notes(); len(n) != 1 || !strings.Contains(n[0].String(), "is a symbolic link to "+real) {
		t.Errorf("notes %q", n)
	}
}

// A staging folder that disappears during the run — removed, or removed
// and made again by someone else — fails the run; the previous output
// stays, and nothing of the run is left.
func TestStagingVanished(t *testing.T) {
	cases := []struct {
		name  string
		after func(s *Staging) // what happens to the staging folder midway
		late  bool             // after every file was written: only Commit can tell
	}{
		{"removed", func(s *Staging) { os.RemoveAll(s.Dir()) }, false},
		{"removed and made again", func(s *Staging) { os.RemoveAll(s.Dir()); os.Mkdir(s.Dir(), 0o755) }, false},
		{"removed before the commit", func(s *Staging) { os.RemoveAll(s.Dir()) }, true},
		{"a file removed before the commit", func(s *Staging) { os.Remove(filepath.Join(s.Dir(), "a.csv")) }, true},
		{"a file changed before the commit", func(s *Staging) { os.WriteFile(filepath.Join(s.Dir(), "a.csv"), []byte("third"), 0o644) }, true},
		{"a file added before the commit", func(s *Staging) { os.WriteFile(filepath.Join(s.Dir(), "x.txt"), []byte("x"), 0o644) }, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			stageRun(t, dir, map[string]string{"a.csv": "first"})
			before := snapshot(t, dir)
			s, err := Stage(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Abort()
			writeFile(t, s, "a.csv", "second")
			c.after(s)
			if !c.late {
				err := s.Write("b.csv", func(w io.Writer) error { return nil })
				if err == nil || !strings.Contains(err.Error(), "disappeared during the run") {
					t.Errorf("writing after the staging folder vanished: %v", err)
				}
			}
			err = s.Commit()
			if err == nil {
				t.Fatal("the commit succeeded")
			}
			if bad, ok := err.(interface{ BadInput() bool }); !ok || bad.BadInput() {
				t.Errorf("%v: want a failure of the machine (exit code 1), not bad input", err)
			}
			if !sameFiles(before, snapshot(t, dir)) {
				t.Errorf("the previous output changed: %v", snapshot(t, dir))
			}
		})
	}
}

// A file put into the output folder while a run computes is never
// removed with the old output: the commit refuses.
func TestCommitRefusesTargetChangedDuringRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	stageRun(t, dir, map[string]string{"a.csv": "first"})
	s, err := Stage(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	writeFile(t, s, "a.csv", "second")
	os.WriteFile(filepath.Join(dir, "Notiz.txt"), []byte("mine"), 0o644)
	if err := s.Commit(); err == nil || !strings.Contains(err.Error(), "changed during the run") {
		t.Fatalf("commit: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "Notiz.txt")); string(b) != "mine" {
		t.Error("the user's file is gone")
	}
}

// Stale staging folders are told by their lock, not by a process id: a
// folder whose lock someone holds stays even if its process id names no
// process here (a run in another PID namespace or on another machine);
// one whose lock nobody holds goes even if its id names a live process
// (a process id reused). Folders without a lock (older planatlas) fall
// back to the process id.
func TestStagingRemovesStaleFolders(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("locks and process ids are checked on Linux")
	}
	parent := t.TempDir()
	deadPID := strconv.Itoa(1<<22 + 17)                            // above Linux's highest pid
	live := ".out.planatlas-" + deadPID + "-1"                     // locked by a live run elsewhere
	reused := ".out.planatlas-" + strconv.Itoa(os.Getpid()) + "-2" // lock free
	oldDead := ".out.planatlas-" + deadPID + "-3"                  // no lock file
	oldLive := ".out.planatlas-" + strconv.Itoa(os.Getpid()) + "-4"
	other := ".other.planatlas-" + deadPID + "-5"
	for _, d := range []string{live, reused, reused + ".old", oldDead, oldDead + ".old", oldLive, other} {
		if err := os.MkdirAll(filepath.Join(parent, d, "sub"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{live, reused} {
		os.WriteFile(filepath.Join(parent, d+lockSuffix), nil, 0o644)
	}
	held, err := os.Open(filepath.Join(parent, live+lockSuffix))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if err := unix.Flock(int(held.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	s, err := Stage(filepath.Join(parent, "out"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{reused, reused + ".old", reused + lockSuffix, oldDead, oldDead + ".old"} {
		if _, err := os.Stat(filepath.Join(parent, d)); err == nil {
			t.Errorf("%s was not removed", d)
		}
	}
	for _, d := range []string{live, live + lockSuffix, oldLive, other} {
		if _, err := os.Stat(filepath.Join(parent, d)); err != nil {
			t.Errorf("%s was removed", d)
		}
	}
	if !strings.Contains(filepath.Base(s.Dir()), ".planatlas-"+strconv.Itoa(os.Getpid())+"-") {
		t.Errorf("staging folder %s does not carry the process id", s.Dir())
	}
	// This run's own folder is locked: a second run keeps it.
	s2, err := Stage(filepath.Join(parent, "out"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.Dir()); err != nil {
		t.Error("a second run removed the first one's live staging folder")
	}
	s2.Abort()
	s.Abort()
	if _, err := os.Stat(s.Dir() + lockSuffix); err == nil {
		t.Error("Abort left the lock file")
	}
}

func regexpMatch(re, s string) bool { return regexp.MustCompile(re).MatchString(s) }
