package plan

import (
	"strings"

	"planatlas/datasets"
)

// checkFiles checks, once the plan itself is sound, that every file
// exists and has the columns the plan names.
func (chk *checker) checkFiles() {
	p, c := chk.p, chk.c
	if err := checkFile(chk.src, p.Areas.File); err != nil {
		chk.fail(p.Areas.Line, "areas: %v", err)
	}
	for _, in := range c.inputs {
		header, delim, err := readColumns(chk.src, in)
		if err != nil {
			chk.fail(in.line, "input %q: %v", in.name, err)
			continue
		}
		if hint := datasets.DelimiterHint(header, delim); hint != "" {
			chk.fail(in.line, "input %q: %s: %s", in.name, in.spec.File, hint)
			continue
		}
		type column struct {
			name, role string
			line       int
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
			if v.in == in && !(in.format == "points" && v.column == PointCount) {
				need = append(need, column{v.column, "variable " + quote(v.name), v.line})
			}
		}
		for _, n := range need {
			if !contains(header, n.name) {
				chk.fail(n.line, "input %q, %s: column %q not found in %s%s (columns: %s)", in.name, n.role, n.name, in.spec.File,
					didYouMean(n.name, header), strings.Join(quoteAll(header), ", "))
			}
		}
	}
}
