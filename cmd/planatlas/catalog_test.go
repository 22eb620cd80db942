package main

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "write the bad-input catalog's want files from the messages (review them with git diff)")

// TestBadInputCatalog runs every case of testdata/bad. A case is a folder
// of files that replace those of testdata/bad/_base (a file NAME.delete
// removes NAME instead), a file "want" with one regular expression per
// line that the message must match, and optionally a file "args" with
// the command's arguments after "run" ({dir} is the case's folder, {ro} a
// folder that cannot be written). Each case first runs the base plan,
// then the bad one, and asserts exit code 2, the message, that the
// previous output and every file of the plan are byte for byte as they
// were, that no staging folder is left behind, and that validate (a
// dry run) fails with the same message unless the case is about the
// output folder. The want files are English: the commands run with
// --lang en (the base plan is German); TestBadInputGerman checks German
// messages.
func TestBadInputCatalog(t *testing.T) {
	entries, err := os.ReadDir("testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), "_") {
			continue
		}
		n++
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			copyTree(t, "testdata/bad/_base", dir)
			out := filepath.Join(dir, "out")
			var so, se bytes.Buffer
			if code := run([]string{"run", filepath.Join(dir, "plan.yaml"), "--out", out}, &so, &se); code != 0 {
				t.Fatalf("base run: exit %d: %s", code, se.String())
			}
			caseDir := filepath.Join("testdata/bad", name)
			copyTree(t, caseDir, dir)
			for _, f := range []string{"want", "args"} {
				os.Remove(filepath.Join(dir, f))
			}
			dels, _ := filepath.Glob(filepath.Join(dir, "*.delete"))
			for _, d := range dels {
				os.Remove(d)
				os.Remove(strings.TrimSuffix(d, ".delete"))
			}
			before := tree(t, dir)
			args := []string{"run", filepath.Join(dir, "plan.yaml"), "--out", out}
			if b, err := os.ReadFile(filepath.Join(caseDir, "args")); err == nil {
				args = append([]string{"run"}, strings.Fields(strings.NewReplacer("{dir}", dir, "{ro}", unwritable(t)).Replace(string(b)))...)
			}
			args = append(args, "--lang", "en")
			want, err := os.ReadFile(filepath.Join(caseDir, "want"))
			if err != nil {
				t.Fatal(err)
			}
			so.Reset()
			se.Reset()
			code := run(args, &so, &se)
			if code != 2 {
				t.Errorf("exit code %d, want 2", code)
			}
			msg := strings.TrimSpace(strings.TrimPrefix(se.String(), "planatlas: "))
			msg = strings.ReplaceAll(msg, dir+string(filepath.Separator), "")
			if *update {
				os.WriteFile(filepath.Join(caseDir, "want"), []byte("^"+regexp.QuoteMeta(msg)+"$\n"), 0o644)
				return
			}
			for _, w := range strings.Split(strings.TrimSpace(string(want)), "\n") {
				if !regexp.MustCompile(w).MatchString(msg) {
					t.Errorf("message\n  %s\ndoes not match\n  %s", msg, w)
				}
			}
			if !sameTree(t, before, tree(t, dir)) {
				t.Error("the previous output or the plan's files changed")
			}
			// validate is a dry run: every case that is not about the
			// output folder fails there too, with the same message.
			if !strings.HasPrefix(name, "output-folder-") {
				so.Reset()
				se.Reset()
				if code := run([]string{"validate", filepath.Join(dir, "plan.yaml"), "--lang", "en"}, &so, &se); code != 2 {
					t.Errorf("validate: exit code %d, want 2 (%s)", code, so.String())
				}
				vmsg := strings.TrimSpace(strings.TrimPrefix(se.String(), "planatlas: "))
				if vmsg = strings.ReplaceAll(vmsg, dir+string(filepath.Separator), ""); vmsg != msg {
					t.Errorf("validate says\n  %s\nrun says\n  %s", vmsg, msg)
				}
			}
			if left := leftovers(t, dir); len(left) > 0 {
				t.Errorf("staging folders left behind: %v", left)
			}
		})
	}
	if n < 72 {
		t.Errorf("the catalog has %d cases; issues 9 and 14 ask for at least 47 + 25", n)
	}
	// Every case is listed, by class, in the catalog's README.
	readme, err := os.ReadFile("testdata/bad/README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), "_") && !strings.Contains(string(readme), "`"+e.Name()+"`") {
			t.Errorf("testdata/bad/README.md does not list %s", e.Name())
		}
	}
	t.Logf("%d bad inputs", n)
}

// copyTree copies the files below src into dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// unwritable returns a folder below which nothing can be created: a
// folder without write permission, or /sys for root, whom permissions do
// not stop.
func unwritable(t *testing.T) string {
	if os.Geteuid() == 0 {
		return "/sys"
	}
	d := t.TempDir()
	os.Chmod(d, 0o555)
	t.Cleanup(func() { os.Chmod(d, 0o755) })
	return d
}
