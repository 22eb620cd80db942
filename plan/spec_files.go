package plan

import (
	"strings"

	"planatlas/datasets"
	"planatlas/lang"
)

// checkFiles checks, once the plan itself is sound, that every file
// exists and has the columns the plan names.
func (chk *checker) checkFiles() {
	p, c := chk.p, chk.c
	if err := checkFile(chk.src, p.Areas.File); err != nil {
		chk.fail(p.Areas.Line, "areas: %v", err)
	}
	if s := p.Projection; s != nil {
		for _, f := range s.files() {
			if err := checkFile(chk.src, f); err != nil {
				chk.fail(s.Line, "projection: %v", err)
			}
		}
	}
	for _, s := range p.Surveys {
		if err := checkFile(chk.src, s.Value.File); err != nil {
			chk.fail(s.Line, "survey %q: %v", s.Name, err)
		}
	}
	for _, b := range c.boundaries {
		if err := checkFile(chk.src, b.spec.File); err != nil {
			chk.fail(b.line, "boundaries %q: %v", b.name, err)
		}
	}
	for _, in := range c.inputs {
		if !chk.resolveFiles(in) {
			continue
		}
		for _, name := range in.files {
			// one file's errors, not the same error for every yearly file
			n := len(chk.errs)
			if chk.checkColumns(in, name); len(chk.errs) > n {
				break
			}
		}
	}
}

// resolveFiles finds the files of an input: its names, and the files
// that its patterns match, each pattern's in sorted order. With year:
// {from_name: …} every file name must hold a year.
func (chk *checker) resolveFiles(in *input) bool {
	in.files = nil
	seen := map[string]string{}
	ok := true
	for _, pat := range in.spec.File {
		names := []string{pat}
		if isGlob(pat) {
			var err error
			if names, err = Glob(chk.src, pat); err != nil {
				chk.fail(in.line, "input %q: file %q: %v", in.name, pat, err)
				ok = false
				continue
			}
			if len(names) == 0 {
				chk.fail(in.line, "input %q: no file matches %q (* stands for any text, ? for one character); check the folder and the spelling, relative to the plan's folder", in.name, pat)
				ok = false
				continue
			}
		}
		for _, name := range names {
			if first, dup := seen[name]; dup {
				chk.fail(in.line, "input %q: %s is named twice (by %q and by %q); each file may be read once", in.name, name, first, pat)
				ok = false
				continue
			}
			seen[name] = pat
			in.files = append(in.files, name)
		}
	}
	if in.yearName != nil {
		for _, name := range in.files {
			if _, err := in.fileYear(name); err != nil {
				chk.fail(in.spec.Year.Line, "input %q: %v", in.name, err)
				ok = false
			}
		}
	}
	return ok
}

// checkColumns checks that one file of an input has the columns the
// plan names.
func (chk *checker) checkColumns(in *input, file string) {
	c := chk.c
	header, delim, err := readColumns(chk.src, in, file)
	if err != nil {
		chk.fail(in.line, "input %q: %v", in.name, err)
		return
	}
	if hint := datasets.DelimiterHint(header, delim); hint.Format != "" {
		chk.fail(in.line, "input %q: %s: %s", in.name, file, hint)
		return
	}
	type column struct {
		name string
		role any // the plan's field (key, year …) or a lang.Message
		line int
	}
	var need []column
	if in.cols.Key != "" {
		need = append(need, column{in.cols.Key, "key", in.line})
	}
	if in.pointsTable {
		need = append(need, column{in.spec.X, "x", in.line}, column{in.spec.Y, "y", in.line})
	}
	if in.cols.Year != "" {
		need = append(need, column{in.cols.Year, "year", in.line})
	}
	for _, d := range in.cols.Dims {
		need = append(need, column{d, "dimension", in.line})
	}
	for _, v := range c.variables {
		switch {
		case v.in != in || in.format == "points" && v.column == PointCount:
		case v.formula != nil:
			for _, col := range v.formula.Vars {
				need = append(need, column{col, lang.M("variable %q (formula)", v.name), v.line})
			}
		default:
			need = append(need, column{v.column, lang.M("variable %q", v.name), v.line})
		}
	}
	for _, e := range in.spec.Missing.Column {
		need = append(need, column{e.Name, "missing", e.Line})
	}
	for _, n := range need {
		if !contains(header, n.name) {
			chk.fail(n.line, "input %q, %s: column %q not found in %s%s (columns: %s)", in.name, n.role, n.name, file,
				didYouMean(n.name, header), strings.Join(quoteAll(header), ", "))
		}
	}
}
