package indicators

import (
	"fmt"
	"math"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"

	"planatlas/datasets"
	"planatlas/lang"
)

// Formula is a compiled indicator formula: arithmetic (+ - * / and ^ or
// ** for powers, parentheses) over variable names and numbers; the
// functions abs, sqrt, log (natural), exp, min and max; comparisons
// (< <= > >= == !=) that give 1 or 0, so that "ew * (lst >= 30)" counts
// the residents of hot areas; and lag(x, k), the value of x k years
// earlier in the same area (for changes over time).
type Formula struct {
	Text string
	Vars []string // the variables used, in order of first appearance
	root node
}

// FormulaError is a formula that cannot be compiled. Column counts
// characters from 1.
type FormulaError struct {
	Formula string
	Column  int
	Msg     string       // what is wrong, in English (if M is empty)
	M       lang.Message // what is wrong, in the reader's language
}

func (e *FormulaError) Error() string { return e.m().String() }

// Localize renders the error in the printer's language.
func (e *FormulaError) Localize(p *lang.Printer) string { return p.Message(e.m()) }

func (e *FormulaError) m() lang.Message {
	var msg any = e.Msg
	if e.M.Format != "" {
		msg = e.M
	}
	if e.Column > 0 {
		return lang.M("formula %q: %s (at column %d)", e.Formula, msg, lang.Digits(e.Column))
	}
	return lang.M("formula %q: %s", e.Formula, msg)
}

// BadInput reports that the error is in the user's plan.
func (e *FormulaError) BadInput() bool { return true }

type node interface{}

type (
	numNode struct{ v float64 }
	varNode struct{ name string }
	unNode  struct {
		op string
		x  node
	}
	binNode struct {
		op   string
		l, r node
	}
	callNode struct {
		fn   string
		args []node
	}
	lagNode struct {
		x     node
		years int
	}
)

var functions = map[string][2]int{ // name → min, max arguments (-1: any)
	"abs": {1, 1}, "sqrt": {1, 1}, "log": {1, 1}, "exp": {1, 1},
	"min": {2, -1}, "max": {2, -1}, "lag": {2, 2},
}

var comparisons = map[string]bool{"<": true, "<=": true, ">": true, ">=": true, "==": true, "!=": true}

// Compile parses a formula. known reports whether a name is a variable;
// candidates are offered as suggestions for misspelt names.
func Compile(text string, known func(string) bool, candidates []string) (*Formula, error) {
	if strings.TrimSpace(text) == "" {
		return nil, &FormulaError{Formula: text, M: lang.M("the formula is empty")}
	}
	tree, err := parser.Parse(text)
	if err != nil {
		col := 0
		msg := err.Error()
		if fe, ok := err.(*file.Error); ok {
			col, msg = fe.Column+1, fe.Message
		}
		return nil, &FormulaError{Formula: text, Column: col, Msg: msg}
	}
	f := &Formula{Text: text}
	seen := map[string]bool{}
	var conv func(n ast.Node) (node, error)
	errAt := func(n ast.Node, format string, args ...any) error {
		return &FormulaError{Formula: text, Column: n.Location().From + 1, M: lang.M(format, args...)}
	}
	conv = func(n ast.Node) (node, error) {
		switch n := n.(type) {
		case *ast.IntegerNode:
			return numNode{float64(n.Value)}, nil
		case *ast.FloatNode:
			return numNode{n.Value}, nil
		case *ast.IdentifierNode:
			if !known(n.Value) {
				var mean lang.Message
				if s := datasets.Suggest(n.Value, candidates); s != "" {
					mean = lang.M("; did you mean %q?", s)
				}
				return nil, errAt(n, "unknown variable %q%s", n.Value, mean)
			}
			if !seen[n.Value] {
				seen[n.Value] = true
				f.Vars = append(f.Vars, n.Value)
			}
			return varNode{n.Value}, nil
		case *ast.UnaryNode:
			if n.Operator != "-" && n.Operator != "+" {
				return nil, errAt(n, "operator %q is not allowed in a formula", n.Operator)
			}
			x, err := conv(n.Node)
			if err != nil {
				return nil, err
			}
			if n.Operator == "+" {
				return x, nil
			}
			if c, ok := x.(numNode); ok {
				return numNode{-c.v}, nil
			}
			return unNode{"-", x}, nil
		case *ast.BinaryNode:
			op := n.Operator
			if op == "^" {
				op = "**"
			}
			if !comparisons[op] {
				switch op {
				case "+", "-", "*", "/", "**":
				default:
					return nil, errAt(n, "operator %q is not allowed in a formula (use + - * / ^ and comparisons)", n.Operator)
				}
			}
			l, err := conv(n.Left)
			if err != nil {
				return nil, err
			}
			r, err := conv(n.Right)
			if err != nil {
				return nil, err
			}
			return binNode{op, l, r}, nil
		case *ast.BuiltinNode:
			return convCall(n, n.Name, n.Arguments, conv, errAt)
		case *ast.CallNode:
			id, ok := n.Callee.(*ast.IdentifierNode)
			if !ok {
				return nil, errAt(n, "this call is not allowed in a formula")
			}
			return convCall(n, id.Value, n.Arguments, conv, errAt)
		}
		return nil, errAt(n, "%q is not allowed in a formula", n.String())
	}
	root, err := conv(tree.Node)
	if err != nil {
		return nil, err
	}
	f.root = root
	return f, nil
}

func convCall(n ast.Node, name string, args []ast.Node, conv func(ast.Node) (node, error), errAt func(ast.Node, string, ...any) error) (node, error) {
	lim, ok := functions[name]
	if !ok {
		return nil, errAt(n, "unknown function %q (known: abs, exp, log, max, min, sqrt)", name)
	}
	if len(args) < lim[0] || lim[1] >= 0 && len(args) > lim[1] {
		return nil, errAt(n, "%s takes %s", name, argCount(lim))
	}
	if name == "lag" {
		k, ok := args[1].(*ast.IntegerNode)
		if !ok || k.Value < 1 {
			return nil, errAt(args[1], "lag(x, k): k must be a whole number of years, 1 or more")
		}
		x, err := conv(args[0])
		if err != nil {
			return nil, err
		}
		return lagNode{x: x, years: k.Value}, nil
	}
	c := callNode{fn: name}
	for _, a := range args {
		x, err := conv(a)
		if err != nil {
			return nil, err
		}
		c.args = append(c.args, x)
	}
	return c, nil
}

func argCount(lim [2]int) lang.Message {
	switch {
	case lim[0] == lim[1] && lim[0] == 1:
		return lang.M("one argument")
	case lim[0] == lim[1]:
		return lang.M("%d arguments", lim[0])
	case lim[1] < 0:
		return lang.M("at least %d arguments", lim[0])
	}
	return lang.M("%d to %d arguments", lim[0], lim[1])
}

// column is an intermediate result: a constant (vals == nil) or a
// vector of n values with flags.
type column struct {
	c     float64
	vals  []float64
	flags []datasets.Flag
}

func (c column) at(i int) (float64, datasets.Flag) {
	if c.vals == nil {
		return c.c, 0
	}
	return c.vals[i], c.flags[i]
}

// Eval evaluates the formula on every area and year of the panel. A
// missing input gives NaN with the input's flag; a division by zero gives
// NaN flagged DivByZero; a square root or logarithm of a value outside
// its domain gives NaN flagged NotMeaningful; lag before the first year
// gives NaN flagged NoData. Flags of the inputs are passed on.
func (f *Formula) Eval(p *datasets.Panel) *datasets.Series {
	n := p.Len()
	r := eval(f.root, p, n)
	out := datasets.NewSeries(n)
	for i := 0; i < n; i++ {
		out.Values[i], out.Flags[i] = r.at(i)
	}
	return out
}

func eval(nd node, p *datasets.Panel, n int) column {
	switch nd := nd.(type) {
	case numNode:
		return column{c: nd.v}
	case varNode:
		s := p.Var(nd.name)
		return column{vals: s.Values, flags: s.Flags}
	case lagNode:
		x := eval(nd.x, p, n)
		nA := len(p.Keys)
		return apply(n, func(i int) (float64, datasets.Flag) {
			y := p.YearIndex(p.Years[i/nA] - nd.years)
			if y < 0 {
				return math.NaN(), datasets.NoData
			}
			return x.at(y*nA + i%nA)
		})
	case unNode:
		x := eval(nd.x, p, n)
		return apply(n, func(i int) (float64, datasets.Flag) {
			v, f := x.at(i)
			return -v, f
		})
	case binNode:
		l, r := eval(nd.l, p, n), eval(nd.r, p, n)
		if l.vals == nil && r.vals == nil {
			v, f := binary(nd.op, l.c, r.c)
			if f == 0 {
				return column{c: v}
			}
		}
		return apply(n, func(i int) (float64, datasets.Flag) {
			a, fa := l.at(i)
			b, fb := r.at(i)
			v, f := binary(nd.op, a, b)
			return v, f | fa | fb
		})
	case callNode:
		args := make([]column, len(nd.args))
		for k, a := range nd.args {
			args[k] = eval(a, p, n)
		}
		vals := make([]float64, len(args))
		return apply(n, func(i int) (float64, datasets.Flag) {
			var fl datasets.Flag
			for k, a := range args {
				var f datasets.Flag
				vals[k], f = a.at(i)
				fl |= f
			}
			v, f := call(nd.fn, vals)
			return v, f | fl
		})
	}
	panic(fmt.Sprintf("indicators: unknown node %T", nd))
}

func apply(n int, f func(i int) (float64, datasets.Flag)) column {
	c := column{vals: make([]float64, n), flags: make([]datasets.Flag, n)}
	for i := 0; i < n; i++ {
		c.vals[i], c.flags[i] = f(i)
	}
	return c
}

func binary(op string, a, b float64) (float64, datasets.Flag) {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.NaN(), 0 // the inputs' flags say why
	}
	switch op {
	case "+":
		return a + b, 0
	case "-":
		return a - b, 0
	case "*":
		return a * b, 0
	case "/":
		if b == 0 {
			return math.NaN(), datasets.DivByZero
		}
		return a / b, 0
	case "<":
		return boolValue(a < b), 0
	case "<=":
		return boolValue(a <= b), 0
	case ">":
		return boolValue(a > b), 0
	case ">=":
		return boolValue(a >= b), 0
	case "==":
		return boolValue(a == b), 0
	case "!=":
		return boolValue(a != b), 0
	case "**":
		v := math.Pow(a, b)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return math.NaN(), datasets.NotMeaningful
		}
		return v, 0
	}
	panic("indicators: unknown operator " + op)
}

func boolValue(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func call(fn string, x []float64) (float64, datasets.Flag) {
	for _, v := range x {
		if math.IsNaN(v) {
			return math.NaN(), 0
		}
	}
	var v float64
	switch fn {
	case "abs":
		v = math.Abs(x[0])
	case "sqrt":
		v = math.Sqrt(x[0])
	case "log":
		if x[0] <= 0 {
			return math.NaN(), datasets.NotMeaningful
		}
		v = math.Log(x[0])
	case "exp":
		v = math.Exp(x[0])
	case "min":
		v = x[0]
		for _, y := range x[1:] {
			v = math.Min(v, y)
		}
	case "max":
		v = x[0]
		for _, y := range x[1:] {
			v = math.Max(v, y)
		}
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return math.NaN(), datasets.NotMeaningful
	}
	return v, 0
}

// Divides reports whether the formula divides by an expression in which
// the variable name occurs: for messages about a denominator that is 0.
func (f *Formula) Divides(name string) bool {
	uses := func(n node) bool {
		return anyNode(n, func(n node) bool { v, ok := n.(varNode); return ok && v.name == name })
	}
	return anyNode(f.root, func(n node) bool { b, ok := n.(binNode); return ok && b.op == "/" && uses(b.r) })
}

// anyNode reports whether pred holds for n or any node below it.
func anyNode(n node, pred func(node) bool) bool {
	if pred(n) {
		return true
	}
	switch n := n.(type) {
	case unNode:
		return anyNode(n.x, pred)
	case binNode:
		return anyNode(n.l, pred) || anyNode(n.r, pred)
	case callNode:
		for _, a := range n.args {
			if anyNode(a, pred) {
				return true
			}
		}
	case lagNode:
		return anyNode(n.x, pred)
	}
	return false
}

// MaxLag returns the largest k of the formula's lag(x, k) terms, or 0:
// the formula has a value only in years with data k years before.
func (f *Formula) MaxLag() int {
	k := 0
	anyNode(f.root, func(n node) bool {
		if l, ok := n.(lagNode); ok && l.years > k {
			k = l.years
		}
		return false
	})
	return k
}

// SumOf returns the variables of a formula that is nothing but a sum of
// distinct variables ("a + b + c"), and false for any other formula: a
// sum can be described to disclosure control as a sum of atoms.
func (f *Formula) SumOf() ([]string, bool) {
	var vars []string
	seen := map[string]bool{}
	var walk func(n node) bool
	walk = func(n node) bool {
		switch n := n.(type) {
		case varNode:
			if seen[n.name] {
				return false
			}
			seen[n.name] = true
			vars = append(vars, n.name)
			return true
		case binNode:
			return n.op == "+" && walk(n.l) && walk(n.r)
		}
		return false
	}
	if !walk(f.root) || len(vars) < 2 {
		return nil, false
	}
	return vars, true
}

// EvalRow evaluates the formula on single values, such as the columns of
// one row of a table: get returns a variable's value and flag. Missing
// values, divisions by zero and values outside a function's domain give
// NaN as Eval does. It panics on lag, which needs a panel (see MaxLag).
func (f *Formula) EvalRow(get func(name string) (float64, datasets.Flag)) (float64, datasets.Flag) {
	return evalRow(f.root, get)
}

func evalRow(nd node, get func(string) (float64, datasets.Flag)) (float64, datasets.Flag) {
	switch nd := nd.(type) {
	case numNode:
		return nd.v, 0
	case varNode:
		return get(nd.name)
	case unNode:
		v, f := evalRow(nd.x, get)
		return -v, f
	case binNode:
		a, fa := evalRow(nd.l, get)
		b, fb := evalRow(nd.r, get)
		v, f := binary(nd.op, a, b)
		return v, f | fa | fb
	case callNode:
		vals := make([]float64, len(nd.args))
		var fl datasets.Flag
		for k, a := range nd.args {
			var f datasets.Flag
			vals[k], f = evalRow(a, get)
			fl |= f
		}
		v, f := call(nd.fn, vals)
		return v, f | fl
	}
	panic(fmt.Sprintf("indicators: EvalRow of %T", nd))
}

// Linear reports whether the formula is variables added and subtracted
// (with parentheses and signs), and nothing else: a sum of counts is a
// count, and its value on a district is the same formula on the
// district's sums.
func (f *Formula) Linear() bool {
	var ok func(n node) bool
	ok = func(n node) bool {
		switch n := n.(type) {
		case varNode:
			return true
		case unNode:
			return ok(n.x)
		case binNode:
			return (n.op == "+" || n.op == "-") && ok(n.l) && ok(n.r)
		}
		return false
	}
	return ok(f.root)
}
