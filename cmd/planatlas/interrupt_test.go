package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"planatlas/plan"
	"planatlas/report"
)

// TestMain lets the tests run the command in a child process of the test
// binary: PLANATLAS_TEST_MAIN=1 makes the binary planatlas itself.
func TestMain(m *testing.M) {
	if os.Getenv("PLANATLAS_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// A run killed (SIGKILL, no chance to clean up) after any of its stages
// leaves the previous output folder exactly as it was; the next run
// succeeds and removes the killed runs' staging folders.
func TestKilledRunKeepsPreviousOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the demo ten times")
	}
	dir := initDemo(t)
	// What is killed is the staging and the commit: the demo without its
	// projection, and with fewer permutations, has every stage at a
	// third of the time.
	withoutProjection(t, dir)
	edit(t, dir, "plan.yaml", "permutations: 999", "permutations: 99")
	planFile := filepath.Join(dir, "plan.yaml")
	out := filepath.Join(dir, "out")
	var so, se bytes.Buffer
	if code := run([]string{"run", planFile, "--out", out, "--lang", "en"}, &so, &se); code != 0 {
		t.Fatalf("first run: exit %d: %s", code, se.String())
	}
	before := tree(t, out)
	// The run is changed, so that a new output would differ.
	edit(t, dir, "plan.yaml", "title:\n  de: Sozialraumanalyse Musterstadt", "title:\n  de: Sozialraumanalyse Musterstadt (neu)")
	stages := 0
	for kill := 1; ; kill++ {
		cmd := exec.Command(os.Args[0], "run", planFile, "--out", out, "--progress")
		cmd.Env = append(os.Environ(), "PLANATLAS_TEST_MAIN=1")
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(stderr)
		seen, total := 0, 0
		for sc.Scan() {
			line := sc.Text()
			if !strings.HasPrefix(line, "[") {
				continue
			}
			seen++
			if total == 0 {
				// "[1/10] Eingaben gelesen (0,05 s)"
				f := strings.SplitN(strings.Trim(strings.Fields(line)[0], "[]"), "/", 2)
				for _, c := range f[1] {
					total = total*10 + int(c-'0')
				}
			}
			if seen == kill {
				cmd.Process.Kill() // SIGKILL: no chance to clean up
				break
			}
		}
		cmd.Wait()
		if total == 0 {
			t.Fatal("the run printed no stages")
		}
		if kill >= total {
			break // the last stage is the commit itself
		}
		stages++
		now := tree(t, out)
		if kill == total-1 && !sameTree(t, before, now) {
			// Killed while committing: the new output may be in
			// place already, but only complete.
			if missing := incomplete(t, out, now); missing != "" {
				t.Fatalf("killed while committing: neither the old output nor a complete new one (%s)", missing)
			}
			continue
		}
		if !sameTree(t, before, now) {
			t.Fatalf("killed after stage %d of %d: the previous output changed", kill, total)
		}
	}
	if stages < 5 {
		t.Errorf("killed after only %d stages", stages)
	}
	t.Logf("killed after each of %d stages (the last while committing); the previous output stayed as it was", stages)
	// A complete run afterwards replaces it.
	so.Reset()
	se.Reset()
	if code := run([]string{"run", planFile, "--out", out}, &so, &se); code != 0 {
		t.Fatalf("run after the kills: exit %d: %s", code, se.String())
	}
	if sameTree(t, before, tree(t, out)) {
		t.Error("the complete run did not replace the output")
	}
	// The killed runs' staging folders are gone with it.
	if left := leftovers(t, dir); len(left) > 0 {
		t.Errorf("staging folders of killed runs left behind: %v", left)
	}
}

// incomplete says what is wrong with an output folder whose files do not
// all match its manifest; "" if they do.
func incomplete(t *testing.T, out string, files map[string]string) string {
	b, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		return "no manifest"
	}
	var m report.Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return "manifest unreadable"
	}
	for _, f := range m.Outputs {
		if files[f.Path] != f.SHA256 {
			return f.Path + " differs from the manifest"
		}
	}
	return ""
}

// The demo's output is the same byte for byte with one processor and
// with two: the stages that run in parallel (figures, tables, trends,
// permutations, rank replicates) write each result to its own place.
func TestRunSameWithOneAndTwoProcessors(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the demo twice")
	}
	tmp := t.TempDir()
	var trees []map[string]string
	for _, procs := range []string{"1", "2"} {
		out := filepath.Join(tmp, "out"+procs)
		cmd := exec.Command(os.Args[0], "run", "--out", out)
		cmd.Env = append(os.Environ(), "PLANATLAS_TEST_MAIN=1", "GOMAXPROCS="+procs)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("GOMAXPROCS=%s: %v: %s", procs, err, b)
		}
		trees = append(trees, tree(t, out))
	}
	if len(trees[0]) < 30 {
		t.Fatalf("only %d files", len(trees[0]))
	}
	if !sameTree(t, trees[0], trees[1]) {
		t.Error("the output with GOMAXPROCS=1 differs from the one with GOMAXPROCS=2")
	}
}

// A run whose staging folder is removed midway — by a cleanup tool, or by
// another run that took it for stale — fails (exit code 1), keeps the
// previous output and re-creates nothing. Removed after the figures
// (the tables are still to be written) and after the last file was
// written, just before the commit.
func TestStagingRemovedMidwayFails(t *testing.T) {
	dir := initDemo(t)
	// What is killed is the staging and the commit: the demo without its
	// projection, and with fewer permutations, has every stage at a
	// third of the time.
	withoutProjection(t, dir)
	edit(t, dir, "plan.yaml", "permutations: 999", "permutations: 99")
	planFile := filepath.Join(dir, "plan.yaml")
	out := filepath.Join(dir, "out")
	var so, se bytes.Buffer
	if code := run([]string{"run", planFile, "--out", out}, &so, &se); code != 0 {
		t.Fatalf("first run: exit %d: %s", code, se.String())
	}
	before := tree(t, out)
	p, data, src, _, err := loadPlan(planFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []int{8, 10} {
		opt := plan.Options{Out: out, PlanData: data}
		opt.Progress = func(step, steps int, stage string, took time.Duration) {
			if step != at {
				return
			}
			staged, _ := filepath.Glob(filepath.Join(dir, ".out.planatlas-*"))
			for _, s := range staged {
				if fi, err := os.Stat(s); err == nil && fi.IsDir() {
					os.RemoveAll(s)
				}
			}
		}
		_, err := plan.Run(p, src, opt)
		if err == nil {
			t.Fatalf("staging folder removed after stage %d: the run succeeded", at)
		}
		if code := exitCode(err); code != 1 {
			t.Errorf("removed after stage %d: exit code %d (%v), want 1", at, code, err)
		}
		if !strings.Contains(err.Error(), "disappeared during the run") {
			t.Errorf("removed after stage %d: %v", at, err)
		}
		if !sameTree(t, before, tree(t, out)) {
			t.Errorf("removed after stage %d: the previous output changed", at)
		}
		if left := leftovers(t, dir); len(left) > 0 {
			t.Errorf("removed after stage %d: left behind %v", at, left)
		}
	}
}

// withoutProjection removes the population projection from the demo's
// plan in dir.
func withoutProjection(t *testing.T, dir string) {
	t.Helper()
	p := filepath.Join(dir, "plan.yaml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i, j := strings.Index(s, "\n# Bevölkerungsvorausberechnung"), strings.Index(s, "\noutputs:")
	if i < 0 || j < i {
		t.Fatal("the demo's plan has no projection before its outputs")
	}
	if err := os.WriteFile(p, []byte(s[:i]+s[j:]), 0o644); err != nil {
		t.Fatal(err)
	}
}
