package plan

import (
	"strings"

	"planatlas/datasets"
	"planatlas/indicators"
)

// VariableSpec takes a variable from an input: a column, or a formula
// over the input's columns computed row by row, summed over the rows
// that match the filters in where.
type VariableSpec struct {
	Input     string            `yaml:"input"`
	Column    string            `yaml:"column"`
	Formula   string            `yaml:"formula"` // over the input's columns: "EW_U6 + EW_6_15"; instead of column
	Where     Named[StringList] `yaml:"where"`
	Aggregate string            `yaml:"aggregate"` // sum (default) or mean, for reference values
	Weight    string            `yaml:"weight"`    // the weight of a mean
	Count     *bool             `yaml:"count"`     // a count of persons, subject to disclosure control; true for sums
	Weighted  bool              `yaml:"weighted"`  // a count with fractional values by design (weighted survey counts, estimates)
	Line      int               `yaml:"-"`
}

// PyramidSpec says where the population by age and sex is: an input,
// its count column, its age and sex dimensions, and the codes of the two
// sexes.
type PyramidSpec struct {
	Input  string `yaml:"input"`
	Column string `yaml:"column"`
	Age    string `yaml:"age"`
	Sex    string `yaml:"sex"`
	Male   string `yaml:"male"`
	Female string `yaml:"female"`
	Line   int    `yaml:"-"`
}

// checkVariables checks each variable: its name, input, column,
// filters and aggregation.
func (chk *checker) checkVariables() {
	p, c := chk.p, chk.c
	for _, e := range p.Variables {
		v := &variable{name: e.Name, column: e.Value.Column, line: e.Line}
		if !identifier.MatchString(e.Name) {
			chk.fail(e.Line, "variable name %q: use letters, digits and _ only, starting with a letter (it is used in formulas)", e.Name)
		}
		if e.Name == AreaVariable {
			chk.fail(e.Line, "variable name %q is built in (each area's size from its geometry)", e.Name)
		}
		in, ok := chk.byInput[e.Value.Input]
		switch {
		case e.Value.Input == "":
			chk.fail(e.Line, "variable %q: input is required", e.Name)
		case !ok:
			chk.fail(e.Line, "variable %q: unknown input %q%s", e.Name, e.Value.Input, suggest(e.Value.Input, p.Inputs.Names()))
		}
		switch {
		case e.Value.Column == "" && e.Value.Formula == "":
			chk.fail(e.Line, "variable %q: column is required (or a formula over the input's columns)", e.Name)
		case e.Value.Column != "" && e.Value.Formula != "":
			chk.fail(e.Line, "variable %q: give either column or formula, not both", e.Name)
		case e.Value.Formula != "":
			chk.checkVariableFormula(v, e.Value.Formula, in, e.Line)
		}
		v.in = in
		for _, w := range e.Value.Where {
			f, err := datasets.ParseFilter(w.Name, w.Value)
			if err != nil {
				chk.fail(w.Line, "variable %q: %v", e.Name, err)
				continue
			}
			v.filters = append(v.filters, f)
			if in != nil && len(in.spec.Dimensions) > 0 && !contains(in.spec.Dimensions, w.Name) {
				chk.fail(w.Line, "variable %q filters on %q, which is not among the dimensions of input %q (%s)", e.Name, w.Name, in.name, strings.Join(in.spec.Dimensions, ", "))
			}
		}
		switch e.Value.Aggregate {
		case "", "sum":
			if e.Value.Weight != "" {
				chk.fail(e.Line, "variable %q: a weight needs aggregate: mean", e.Name)
			}
		case "mean":
			v.agg = indicators.Aggregation{Mean: true, Weight: e.Value.Weight}
		default:
			chk.fail(e.Line, "variable %q: aggregate %q: use sum or mean", e.Name, e.Value.Aggregate)
		}
		chk.byVar[e.Name] = v
		chk.varNames = append(chk.varNames, e.Name)
		c.variables = append(c.variables, v)
	}
	for _, v := range c.variables {
		if w := v.agg.Weight; w != "" && chk.byVar[w] == nil && w != AreaVariable {
			chk.fail(v.line, "variable %q: weight %q is not a variable%s", v.name, w, suggest(w, chk.varNames))
		}
	}
}

// checkPyramid checks the population pyramid's input and columns.
func (chk *checker) checkPyramid() {
	p, c := chk.p, chk.c
	if py := p.Outputs.Pyramid; py != nil {
		in := chk.byInput[py.Input]
		switch {
		case in == nil:
			chk.fail(py.Line, "pyramid: unknown input %q%s", py.Input, suggest(py.Input, p.Inputs.Names()))
		case py.Column == "" || py.Age == "" || py.Sex == "" || py.Male == "" || py.Female == "":
			chk.fail(py.Line, "pyramid: input, column, age, sex, male and female are required")
		default:
			c.pyramid = in
			if !contains(in.cols.Values, py.Column) {
				in.cols.Values = append(in.cols.Values, py.Column)
			}
		}
	}
}

// inputColumns lists the columns each input must provide: the
// variables' columns and the dimensions their filters use.
func (chk *checker) inputColumns() {
	p, c := chk.p, chk.c
	for _, in := range c.inputs {
		dims := append([]string(nil), in.spec.Dimensions...)
		if py := p.Outputs.Pyramid; py != nil && c.pyramid == in {
			for _, d := range []string{py.Age, py.Sex} {
				if !contains(dims, d) {
					dims = append(dims, d)
				}
			}
		}
		for _, v := range c.variables {
			if v.in != in {
				continue
			}
			switch {
			case in.format == "points" && v.column == PointCount:
				// built in: each point counts once
			case v.formula != nil:
				for _, col := range v.formula.Vars {
					if !contains(in.cols.Values, col) {
						in.cols.Values = append(in.cols.Values, col)
					}
				}
			case !contains(in.cols.Values, v.column):
				in.cols.Values = append(in.cols.Values, v.column)
			}
			for _, f := range v.filters {
				if !contains(dims, f.Column) {
					dims = append(dims, f.Column)
				}
			}
		}
		in.cols.Dims = dims
	}
}

// checkVariableFormula compiles a variable's formula over the columns of
// its input. Its value is computed on each row of the table from that
// row's columns (missing if any of them is), then summed like a column;
// the formula's text names the computed column in messages.
func (chk *checker) checkVariableFormula(v *variable, text string, in *input, line int) {
	f, err := indicators.Compile(text, func(string) bool { return true }, nil)
	if err != nil {
		chk.fail(line, "variable %q: %v; a column whose name has spaces or other signs cannot be named in a formula: rename it in the file, or take it as a variable of its own (column: …) and write the formula as an indicator", v.name, err)
		return
	}
	if f.MaxLag() > 0 {
		chk.fail(line, "variable %q: lag is for indicators (it needs the years); a variable's formula combines the columns of one row", v.name)
		return
	}
	if in != nil && (in.format == "points" || in.format == "grid") {
		chk.fail(line, "variable %q: a formula is for the columns of a table or of a geometry file's attributes, not for format %s", v.name, in.format)
		return
	}
	if len(f.Vars) == 1 && strings.TrimSpace(text) == f.Vars[0] {
		v.column = f.Vars[0] // formula: EW is column: EW
		return
	}
	v.formula = f
	v.column = text
	if s, ok := f.SumOf(); ok {
		v.sum = s
	}
}
