package plan

import (
	"errors"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"planatlas/datasets"
	"planatlas/indicators"
	"planatlas/lang"
)

// Parse reads a plan. file is the name used in messages. Unknown fields
// are errors with their line and, where one is close, the field meant.
func Parse(data []byte, file string) (*Plan, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, syntaxError(file, err)
	}
	if len(doc.Content) == 0 {
		return nil, errAt(file, 0, "the plan is empty")
	}
	if err := checkDuplicateKeys(doc.Content[0], file, ""); err != nil {
		return nil, err
	}
	p := &Plan{File: file}
	if err := decode(doc.Content[0], p, file); err != nil {
		return nil, err
	}
	return p, nil
}

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

func syntaxError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return errAt(file, n, "not valid YAML: %s", m[2])
	}
	return errAt(file, 0, "not valid YAML: %s", msg)
}

// decode decodes node n into out (a pointer to a plan struct) strictly:
// every key must be a field. It records the node's line in a Line field.
func decode(n *yaml.Node, out any, file string) error {
	v := reflect.ValueOf(out).Elem()
	t := v.Type()
	what := lang.M(structNames[t])
	fields := map[string]int{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		fields[tag] = i
		names = append(names, tag)
	}
	if n.Kind != yaml.MappingNode {
		sorted := append([]string(nil), names...)
		sort.Strings(sorted)
		return errAt(file, n.Line, "%s must be a mapping of its fields (%s), not %s", what, strings.Join(sorted, ", "), kindName(n))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		fi, ok := fields[k.Value]
		if !ok {
			sorted := append([]string(nil), names...)
			sort.Strings(sorted)
			return errAt(file, k.Line, "unknown field %q in %s%s (fields: %s)", k.Value, what, didYouMean(k.Value, names), strings.Join(sorted, ", "))
		}
		if err := decodeValue(val, v.Field(fi).Addr().Interface(), file, k.Value); err != nil {
			return err
		}
	}
	if f := v.FieldByName("Line"); f.IsValid() {
		f.SetInt(int64(n.Line))
	}
	return nil
}

// decodeValue decodes one field's value: plan structs strictly, the
// plan's own types by their rules, everything else by yaml.v3 with its
// type errors turned into plan errors.
func decodeValue(n *yaml.Node, out any, file, field string) error {
	switch o := out.(type) {
	case interface {
		decodeNode(*yaml.Node, string) error
	}:
		return o.decodeNode(n, file)
	}
	if _, isStruct := structNames[reflect.TypeOf(out).Elem()]; isStruct {
		return decode(n, out, file)
	}
	if pt := reflect.TypeOf(out).Elem(); pt.Kind() == reflect.Pointer {
		if _, isStruct := structNames[pt.Elem()]; isStruct {
			// an optional section (valid, pyramid): decoded as strictly,
			// with its line
			p := reflect.New(pt.Elem())
			if err := decode(n, p.Interface(), file); err != nil {
				return err
			}
			reflect.ValueOf(out).Elem().Set(p)
			return nil
		}
	}
	if rv := reflect.ValueOf(out).Elem(); rv.Kind() == reflect.Slice {
		if _, isStruct := structNames[rv.Type().Elem()]; isStruct {
			if n.Kind != yaml.SequenceNode {
				return errAt(file, n.Line, "%q must be a list (lines starting with \"- \"), not %s", field, kindName(n))
			}
			rv.Set(reflect.MakeSlice(rv.Type(), len(n.Content), len(n.Content)))
			for i, item := range n.Content {
				if err := decodeItem(item, rv.Index(i).Addr().Interface(), file); err != nil {
					return err
				}
			}
			return nil
		}
		if n.Kind == yaml.ScalarNode && rv.Type().Elem().Kind() == reflect.String {
			// a single value where a list is expected: "tables: csv"
			rv.Set(reflect.ValueOf([]string{n.Value}))
			return nil
		}
	}
	if err := checkWholeNumber(n, out, file, field); err != nil {
		return err
	}
	if err := n.Decode(out); err != nil {
		return typeError(file, n, field, err)
	}
	return checkFinite(n, out, file, field)
}

// checkFinite refuses .inf and .nan, which YAML reads as numbers: no
// distance, tolerance, weight, bound or target of a plan is infinite.
func checkFinite(n *yaml.Node, out any, file, field string) error {
	v := reflect.ValueOf(out).Elem()
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	bad := func(x float64) bool { return math.IsNaN(x) || math.IsInf(x, 0) }
	switch {
	case v.Kind() == reflect.Float64 || v.Kind() == reflect.Float32:
		if bad(v.Float()) {
			return errAt(file, n.Line, "%q: %s is not a number planatlas can use (infinite or not a number)", field, n.Value)
		}
	case v.Kind() == reflect.Slice && (v.Type().Elem().Kind() == reflect.Float64 || v.Type().Elem().Kind() == reflect.Float32):
		for i := 0; i < v.Len(); i++ {
			if bad(v.Index(i).Float()) {
				line, text := n.Line, ""
				if i < len(n.Content) {
					line, text = n.Content[i].Line, n.Content[i].Value
				}
				return errAt(file, line, "%q: %s is not a number planatlas can use (infinite or not a number)", field, text)
			}
		}
	}
	return nil
}

// checkWholeNumber refuses a fraction where a whole number belongs:
// yaml.v3 cuts 2.9 to 2, which would turn "threshold: 2.9" silently into
// a threshold of 2.
func checkWholeNumber(n *yaml.Node, out any, file, field string) error {
	t := reflect.TypeOf(out).Elem()
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
	default:
		return nil
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!float" {
		return errAt(file, n.Line, "%q: %s is not a whole number", field, n.Value)
	}
	return nil
}

// decodeItem decodes a list item: a mapping, or a scalar as the short
// form of a map or chart ("- bedarfsindex" is {value: bedarfsindex}).
func decodeItem(n *yaml.Node, out any, file string) error {
	if n.Kind == yaml.ScalarNode {
		switch o := out.(type) {
		case *MapSpec:
			o.Value, o.Line = n.Value, n.Line
			return nil
		case *ChartSpec:
			o.Value, o.Line = n.Value, n.Line
			return nil
		}
	}
	return decode(n, out, file)
}

func typeError(file string, n *yaml.Node, field string, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg := te.Errors[0]
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			msg = m[2]
		}
		msg = strings.NewReplacer("!!str", "text", "!!int", "a whole number", "!!float", "a number", "!!map", "a mapping", "!!seq", "a list", "!!bool", "true/false").Replace(msg)
		if m := goInto.FindStringSubmatch(msg); m != nil {
			given := strings.TrimPrefix(strings.TrimSuffix(msg, m[0]), "cannot unmarshal ")
			return errAt(file, n.Line, "%q: %s is given where %s is expected", field, given, goTypeName(m[1]))
		}
		return errAt(file, n.Line, "%q: %s", field, msg)
	}
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		msg = m[2]
	}
	return errAt(file, n.Line, "%q: %s", field, msg)
}

// goInto finds the Go type in a yaml.v3 message ("… into uint64"): the
// user wrote a plan, not Go.
var goInto = regexp.MustCompile(` into (\S+)$`)

// goTypeName names a Go type of the plan's fields in the plan's words.
func goTypeName(t string) lang.Message {
	t = strings.TrimLeft(t, "*")
	return lang.M(goTypeText(t))
}

// goTypeText is the English text of goTypeName.
func goTypeText(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map["):
		return "a mapping"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "string":
		return "text"
	case t == "bool":
		return "true or false"
	}
	return "another kind of value"
}

func kindName(n *yaml.Node) lang.Message {
	switch n.Kind {
	case yaml.MappingNode:
		return lang.M("a mapping")
	case yaml.SequenceNode:
		return lang.M("a list")
	case yaml.ScalarNode:
		return lang.M("the value %q", n.Value)
	}
	return lang.M("empty")
}

// structNames are the plan's structs, with the names used in messages.
var structNames = map[reflect.Type]string{
	reflect.TypeOf(Plan{}):                  "the plan",
	reflect.TypeOf(AreasSpec{}):             "areas",
	reflect.TypeOf(LevelSpec{}):             "a level",
	reflect.TypeOf(BoundarySpec{}):          "a boundary layer",
	reflect.TypeOf(CorrectionSpec{}):        "a key correction",
	reflect.TypeOf(AuxWeightsSpec{}):        "weights of a boundary layer",
	reflect.TypeOf(ProjectionSpec{}):        "projection",
	reflect.TypeOf(LifeTableSpec{}):         "a life table",
	reflect.TypeOf(FertilitySpec{}):         "fertility",
	reflect.TypeOf(ScenarioSpec{}):          "scenarios",
	reflect.TypeOf(HousingSpec{}):           "housing",
	reflect.TypeOf(OccupancySpec{}):         "occupancy",
	reflect.TypeOf(EventsSpec{}):            "deaths",
	reflect.TypeOf(MigrationSpec{}):         "migration",
	reflect.TypeOf(ControlSpec{}):           "control",
	reflect.TypeOf(SurveySpec{}):            "a survey",
	reflect.TypeOf(SurveyItem{}):            "a survey item",
	reflect.TypeOf(RakeMarginSpec{}):        "a margin",
	reflect.TypeOf(QualitySpec{}):           "quality",
	reflect.TypeOf(TrimSpec{}):              "trim",
	reflect.TypeOf(SmallAreaSpec{}):         "small_area",
	reflect.TypeOf(NamesSpec{}):             "names",
	reflect.TypeOf(WeightsSpec{}):           "weights",
	reflect.TypeOf(InputSpec{}):             "an input",
	reflect.TypeOf(VariableSpec{}):          "a variable",
	reflect.TypeOf(indicators.Definition{}): "an indicator",
	reflect.TypeOf(IndexSpec{}):             "an index",
	reflect.TypeOf(ValidSpec{}):             "valid",
	reflect.TypeOf(GoalSpec{}):              "a goal",
	reflect.TypeOf(MeasureSpec{}):           "a measure",
	reflect.TypeOf(MonitoringSpec{}):        "monitoring",
	reflect.TypeOf(SpatialSpec{}):           "spatial",
	reflect.TypeOf(PyramidSpec{}):           "pyramid",
	reflect.TypeOf(OutputsSpec{}):           "outputs",
	reflect.TypeOf(MapSpec{}):               "a map",
	reflect.TypeOf(DisclosureSpec{}):        "disclosure",
	reflect.TypeOf(ChartSpec{}):             "a chart",
	reflect.TypeOf(ChangeSpec{}):            "a change",
}

// Named is an ordered mapping from names to values: the plan's inputs,
// variables, indicators and indices are written as "name: definition",
// and their order is kept (it is the order of tables and legends).
type Named[T any] []Entry[T]

// Entry is one name with its value and line.
type Entry[T any] struct {
	Name  string
	Line  int
	Value T
}

func (m *Named[T]) decodeNode(n *yaml.Node, file string) error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return errAt(file, n.Line, "expected a mapping of names to definitions, not %s", kindName(n))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		e := Entry[T]{Name: k.Value, Line: k.Line} // Parse refused duplicate names
		if err := decodeValue(val, &e.Value, file, k.Value); err != nil {
			return err
		}
		*m = append(*m, e)
	}
	return nil
}

// Get returns the entry with the given name.
func (m Named[T]) Get(name string) (Entry[T], bool) {
	for _, e := range m {
		if e.Name == name {
			return e, true
		}
	}
	return Entry[T]{}, false
}

// Names returns the names in order.
func (m Named[T]) Names() []string {
	out := make([]string, len(m))
	for i, e := range m {
		out[i] = e.Name
	}
	return out
}

// Text is a text in German and English; the plan writes it as one string
// (both languages) or as {de: …, en: …}.
type Text struct {
	De, En string
}

func (t *Text) decodeNode(n *yaml.Node, file string) error {
	if n.Kind == yaml.ScalarNode {
		t.De, t.En = n.Value, n.Value
		return nil
	}
	var m struct {
		De string `yaml:"de"`
		En string `yaml:"en"`
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i].Value; k != "de" && k != "en" {
				return errAt(file, n.Content[i].Line, "unknown language %q in a text (use de and en)", k)
			}
		}
	}
	if err := n.Decode(&m); err != nil {
		return typeError(file, n, "text", err)
	}
	t.De, t.En = m.De, m.En
	return nil
}

// In returns the text in lang, falling back to the other language.
func (t Text) In(lang string) string {
	if lang == "en" && t.En != "" || t.De == "" {
		return t.En
	}
	return t.De
}

// Years is a set of years, written "2014-2024", as a list, or as one year.
type Years struct {
	List []int
	Line int
}

func (y *Years) decodeNode(n *yaml.Node, file string) error {
	y.Line = n.Line
	bad := func(s string) error {
		return errAt(file, n.Line, "years: %q is not a year, a range such as 2014-2024, or a list of years", s)
	}
	switch n.Kind {
	case yaml.ScalarNode:
		s := strings.TrimSpace(n.Value)
		if a, b, ok := strings.Cut(strings.ReplaceAll(s, "–", "-"), "-"); ok {
			lo, err1 := strconv.Atoi(strings.TrimSpace(a))
			hi, err2 := strconv.Atoi(strings.TrimSpace(b))
			if err1 != nil || err2 != nil || lo > hi {
				return bad(s)
			}
			if err := checkYear(file, n.Line, "years", lo); err != nil {
				return err
			}
			if err := checkYear(file, n.Line, "years", hi); err != nil {
				return err
			}
			for v := lo; v <= hi; v++ {
				y.List = append(y.List, v)
			}
			return nil
		}
		v, err := strconv.Atoi(s)
		if err != nil {
			return bad(s)
		}
		if err := checkYear(file, n.Line, "years", v); err != nil {
			return err
		}
		y.List = []int{v}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			v, err := strconv.Atoi(c.Value)
			if err != nil {
				return bad(c.Value)
			}
			if err := checkYear(file, c.Line, "years", v); err != nil {
				return err
			}
			y.List = append(y.List, v)
		}
	default:
		return bad(kindName(n).String())
	}
	return nil
}

// checkYear refuses a year outside the plausible ones, naming it: a
// typo such as 2014-202400000 would otherwise make a list of 200 million
// years.
func checkYear(file string, line int, field string, y int) error {
	if datasets.PlausibleYear(y) {
		return nil
	}
	return errAt(file, line, "%s: %d is not a plausible year (%d–%d): a typo?", field, y, datasets.FirstYear, datasets.LastYear)
}

// YearSpec is an input's year: the name of its year column, a fixed
// year for a table that holds one year only, or {from_name: PATTERN}:
// the year is in each file's name, where PATTERN has {year}.
type YearSpec struct {
	Column   string
	Fixed    int
	FromName string // a pattern of the file names with {year} in place of the year
	Line     int
}

func (y *YearSpec) decodeNode(n *yaml.Node, file string) error {
	y.Line = n.Line
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value != "from_name" {
				return errAt(file, k.Line, "year: unknown field %q; write the year column (year: Jahr), a year (year: 2024) or where the file name has it (year: {from_name: \"bevoelkerung-{year}.csv\"})", k.Value)
			}
			if v.Kind != yaml.ScalarNode || v.Value == "" {
				return errAt(file, v.Line, "year: from_name: expected a pattern of the file names such as \"bevoelkerung-{year}.csv\", not %s", kindName(v))
			}
			y.FromName = v.Value
		}
		if y.FromName == "" {
			return errAt(file, n.Line, "year: from_name is missing (year: {from_name: \"bevoelkerung-{year}.csv\"})")
		}
		return nil
	}
	if n.Kind != yaml.ScalarNode {
		return errAt(file, n.Line, "year: expected a column name, a year or {from_name: PATTERN}, not %s", kindName(n))
	}
	if n.Tag == "!!int" {
		v, err := strconv.Atoi(n.Value)
		if err != nil {
			return errAt(file, n.Line, "year: %q is not a year", n.Value)
		}
		if err := checkYear(file, n.Line, "year", v); err != nil {
			return err
		}
		y.Fixed = v
		return nil
	}
	y.Column = n.Value
	return nil
}

// StringList is one or more texts: "w" or [m, w]. Numbers and ranges are
// kept as written ("65-", "0-17").
type StringList []string

func (s *StringList) decodeNode(n *yaml.Node, file string) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*s = StringList{n.Value}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return errAt(file, c.Line, "expected a value, not %s", kindName(c))
			}
			*s = append(*s, c.Value)
		}
	default:
		return errAt(file, n.Line, "expected a value or a list of values, not %s", kindName(n))
	}
	return nil
}

// CatalogSpec selects catalog indicators: "all", or a list of names.
type CatalogSpec struct {
	All  bool
	IDs  []string
	Line int
}

func (c *CatalogSpec) decodeNode(n *yaml.Node, file string) error {
	c.Line = n.Line
	switch {
	case n.Kind == yaml.ScalarNode && n.Value == "all":
		c.All = true
		return nil
	case n.Kind == yaml.ScalarNode && (n.Value == "none" || n.Tag == "!!null"):
		return nil
	case n.Kind == yaml.SequenceNode:
		for _, item := range n.Content {
			if item.Kind != yaml.ScalarNode {
				return errAt(file, item.Line, "catalog: expected indicator names, not %s", kindName(item))
			}
			c.IDs = append(c.IDs, item.Value)
		}
		return nil
	}
	return errAt(file, n.Line, "catalog: use all, none, or a list of catalog indicators, not %s", kindName(n))
}
