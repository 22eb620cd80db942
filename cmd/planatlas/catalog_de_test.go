package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// englishWords are words of English messages that German ones never
// hold (planatlas's own plan fields such as file or key are written
// without the spaces around them here).
var englishWords = []string{" the ", " not ", " is ", " are ", " file ", " files ", "column", "found", " must ", " use ", " and ", " or ", " of ", " has ", " have ", " with ", " row ", " line ", " feature ", " did you mean", " output folder"}

// TestBadInputGerman runs ten cases of the bad-input catalog in German,
// the base plan's language, and asserts their German messages: the plan,
// a CSV file, a geometry file, the join of data and areas, a formula,
// YAML and the output folder.
func TestBadInputGerman(t *testing.T) {
	tests := []struct {
		name, want string
	}{
		{"missing-column", ``},
		{"non-numeric-count", ``},
		{"unterminated-quote", ``},
		{"unknown-area", ``},
		{"formula-unknown-name", ``},
		{"plan-unknown-field", ``},
		{"goal-year-typo", ``},
		{"two-features-one-key", ``},
		{"leading-zeros-lost", ``},
		{"output-folder-with-a-users-file", ``},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			copyTree(t, "testdata/bad/_base", dir)
			out := filepath.Join(dir, "out")
			var so, se bytes.Buffer
			cmd := "validate"
			if strings.HasPrefix(tc.name, "output-folder-") {
				cmd = "run"
				if code := run([]string{"run", filepath.Join(dir, "plan.yaml"), "--out", out}, &so, &se); code != 0 {
					t.Fatalf("base run: exit %d: %s", code, se.String())
				}
			}
			caseDir := filepath.Join("testdata/bad", tc.name)
			copyTree(t, caseDir, dir)
			args := []string{cmd, filepath.Join(dir, "plan.yaml")}
			if b, err := os.ReadFile(filepath.Join(caseDir, "args")); err == nil {
				args = append([]string{cmd}, strings.Fields(strings.ReplaceAll(string(b), "{dir}", dir))...)
			} else if cmd == "run" {
				args = append(args, "--out", out)
			}
			so.Reset()
			se.Reset()
			if code := run(args, &so, &se); code != 2 {
				t.Errorf("exit code %d, want 2", code)
			}
			msg := strings.TrimSpace(strings.TrimPrefix(se.String(), "planatlas: "))
			msg = strings.ReplaceAll(msg, dir+string(filepath.Separator), "")
			if msg != tc.want {
				t.Errorf("message\n  %s\nwant\n  %s", msg, tc.want)
			}
			for _, w := range englishWords {
				if strings.Contains(" "+msg+" ", w) {
					t.Errorf("English %q in %s", w, msg)
				}
			}
		})
	}
}
