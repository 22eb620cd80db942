package plan

import (
	"path"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"planatlas/datasets"
	"planatlas/geo"
	"planatlas/lang"
)

// InputSpec says how to read one input table.
type InputSpec struct {
	File       FileList `yaml:"file"`     // a file, a pattern (*.csv) or a list; tables only may have several
	Missing    Missing  `yaml:"missing"`  // the codes the files write for missing values: [-9999], or per column {S1: [-9999]}
	Complete   bool     `yaml:"complete"` // every area must have a row: an area without one is an error, not a missing value
	Format     string   `yaml:"format"`   // csv, parquet, arrow, geometry, points, grid; from the file name if absent
	Layer      string   `yaml:"layer"`    // a GeoPackage's table
	X          string   `yaml:"x"`        // points in a table: the column with the easting or longitude
	Y          string   `yaml:"y"`        // points in a table: the column with the northing or latitude
	CRS        string   `yaml:"crs"`      // points: their CRS, which wins over what the file says (EPSG:4326 for a table if absent)
	Key        string   `yaml:"key"`      // column with the area key
	Year       YearSpec `yaml:"year"`     // column with the year, a fixed year, or {from_name: "…-{year}.csv"}
	Dimensions []string `yaml:"dimensions"`
	Delimiter  string   `yaml:"delimiter"` // ";", ",", "tab"; detected if absent
	Decimal    string   `yaml:"decimal"`   // "," or "."; detected if absent
	Encoding   string   `yaml:"encoding"`  // utf-8 or windows-1252; detected if absent
	Line       int      `yaml:"-"`
}

// checkInputs checks each input: its format, the columns that name key
// and year, and how a CSV file is read.
func (chk *checker) checkInputs() {
	p, c := chk.p, chk.c
	for _, e := range p.Inputs {
		in := &input{name: e.Name, spec: e.Value, line: e.Line}
		s := e.Value
		in.format = s.Format
		if in.format == "" {
			in.format = formatOf(s.File.first())
		}
		switch in.format {
		case "csv", "parquet", "arrow", "geometry", "grid":
			if s.X != "" || s.Y != "" {
				chk.fail(e.Line, "input %q: x and y are for points (format: points)", e.Name)
			}
		case "points":
			in.pointsTable = geo.FormatOf(s.File.first()) == ""
			if s.Key != "" {
				chk.fail(e.Line, "input %q: points are assigned to the planning areas by their coordinates; remove key", e.Name)
			}
			if in.pointsTable && (s.X == "" || s.Y == "") {
				chk.fail(e.Line, "input %q: points in a table need x and y, the columns with their coordinates (and crs if not EPSG:4326)", e.Name)
			}
			if !in.pointsTable && (s.X != "" || s.Y != "") {
				chk.fail(e.Line, "input %q: the points of %s are its geometries; x and y are for tables", e.Name, s.File.first())
			}
			if s.CRS != "" {
				crs, err := chk.parseCRS(s.CRS)
				if err != nil {
					chk.fail(e.Line, "input %q: %v", e.Name, err)
				}
				in.crs = crs
			} else if in.pointsTable {
				in.crs = geo.WGS84
			}
		default:
			chk.fail(e.Line, "input %q: format %q is not supported (csv, parquet, arrow, geometry, points, grid)", e.Name, in.format)
		}
		if len(s.File) == 0 || (s.Key == "" && in.format != "points") {
			chk.fail(e.Line, "input %q: file and key are required", e.Name)
		}
		if (len(s.File) > 1 || isGlob(s.File.first())) && !tableFormat(in.format) {
			chk.fail(e.Line, "input %q: several files (a list or a pattern with * or ?) can be read for tables only (csv, parquet, arrow), not for format %s", e.Name, in.format)
		}
		if s.Complete && in.format == "points" {
			chk.fail(e.Line, "input %q: complete is for tables with a key column; points are counted where they lie", e.Name)
		}
		chk.checkMissing(in, s)
		switch s.Delimiter {
		case "":
		case ";", ",":
			in.csv.Delimiter = rune(s.Delimiter[0])
		case "tab", "\t", "\\t":
			in.csv.Delimiter = '\t'
		default:
			chk.fail(e.Line, "input %q: delimiter %q: use \";\", \",\" or tab", e.Name, s.Delimiter)
		}
		switch s.Decimal {
		case "":
		case ",":
			in.csv.Decimal = datasets.DecimalComma
		case ".":
			in.csv.Decimal = datasets.DecimalPoint
		default:
			chk.fail(e.Line, "input %q: decimal %q: use \",\" or \".\"", e.Name, s.Decimal)
		}
		enc, err := datasets.ParseEncoding(s.Encoding)
		if err != nil {
			chk.fail(e.Line, "input %q: %v", e.Name, err)
		}
		in.csv.Encoding = enc
		in.cols = datasets.Spec{Key: s.Key, Year: s.Year.Column, FixedYear: s.Year.Fixed, Dims: s.Dimensions, Missing: in.missing}
		if s.Year.FromName != "" {
			re, err := yearPattern(s.Year.FromName)
			if err != nil {
				chk.fail(s.Year.Line, "input %q: year: from_name %q: %v", e.Name, s.Year.FromName, err)
			}
			in.yearName = re
			if !tableFormat(in.format) {
				chk.fail(s.Year.Line, "input %q: year: from_name is for tables (csv, parquet, arrow)", e.Name)
			}
		}
		if in.format == "points" && in.pointsTable {
			in.cols.Values = []string{s.X, s.Y}
		}
		if s.Year.Column == "" && s.Year.Fixed == 0 && s.Year.FromName == "" {
			if in.format == "geometry" || in.format == "points" {
				// The attributes of a geometry file are one year: the
				// outputs' year, else the latest of the other inputs.
				in.yearFromRun = true
			} else {
				chk.fail(e.Line, "input %q: year is required: the year column (year: Jahr), the year of a table without one (year: 2024), or where the file names have it (year: {from_name: \"bevoelkerung-{year}.csv\"})", e.Name)
			}
		}
		if y := s.Year.Fixed; y != 0 && len(p.Years.List) > 0 && !containsYear(p.Years.List, y) {
			chk.fail(e.Line, "input %q is for the year %d, which the plan's years (%s, line %d) leave out: add %d to years, or leave years out",
				e.Name, y, datasets.YearRanges(p.Years.List), p.Years.Line, y)
		}
		chk.byInput[e.Name] = in
		c.inputs = append(c.inputs, in)
	}
}

func containsYear(ys []int, y int) bool {
	for _, x := range ys {
		if x == y {
			return true
		}
	}
	return false
}

// FileList is an input's file: a name, a pattern with * or ? that
// matches several files (bevoelkerung-*.csv), or a list of names and
// patterns. Several files are read in sorted order, one after the other,
// as one table.
type FileList []string

func (f *FileList) decodeNode(n *yaml.Node, file string) error {
	var l StringList
	if err := l.decodeNode(n, file); err != nil {
		return errAt(file, n.Line, "file: expected a file name, a pattern such as bevoelkerung-*.csv, or a list of them")
	}
	*f = FileList(l)
	return nil
}

// first returns the first name or pattern, "" if there is none.
func (f FileList) first() string {
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// String returns the names as the plan writes them, for messages.
func (f FileList) String() string { return strings.Join(f, ", ") }

// isGlob reports whether a file name is a pattern.
func isGlob(name string) bool { return strings.ContainsAny(name, "*?[") }

func tableFormat(format string) bool {
	return format == "csv" || format == "parquet" || format == "arrow"
}

// Missing is the missing-value codes of an input: a list for every
// column ([-9999, "k.A."]), or a mapping of columns to their codes
// ({S1: [-9999], EW: "k.A."}); a column mapped to [] has none, and is not
// searched for undeclared codes.
type Missing struct {
	All    []string
	Column Named[StringList]
	Line   int
}

func (m *Missing) decodeNode(n *yaml.Node, file string) error {
	m.Line = n.Line
	switch n.Kind {
	case yaml.ScalarNode, yaml.SequenceNode:
		var l StringList
		if err := l.decodeNode(n, file); err != nil {
			return err
		}
		m.All = l
		return nil
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			var l StringList
			if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
				return errAt(file, v.Line, "missing: %s: give its codes ([-9999]), or [] for none", k.Value)
			}
			if err := l.decodeNode(v, file); err != nil {
				return err
			}
			if l == nil {
				l = StringList{}
			}
			m.Column = append(m.Column, Entry[StringList]{Name: k.Value, Line: k.Line, Value: l})
		}
		return nil
	}
	return errAt(file, n.Line, "missing: expected a list of codes ([-9999]) or codes per column ({S1: [-9999]}), not %s", kindName(n))
}

// checkMissing turns an input's missing: into the codes its reader
// applies.
func (chk *checker) checkMissing(in *input, s InputSpec) {
	in.missing.All = s.Missing.All
	if len(s.Missing.Column) > 0 {
		in.missing.Column = map[string][]string{}
		for _, e := range s.Missing.Column {
			in.missing.Column[e.Name] = e.Value
		}
	}
	for _, code := range s.Missing.All {
		if code == "" {
			chk.fail(s.Missing.Line, "input %q: missing: an empty code; empty cells are missing values anyway", in.name)
		}
	}
	if !s.Missing.isEmpty() && (in.format == "points" || in.format == "grid") {
		chk.fail(s.Missing.Line, "input %q: missing is for tables and the attributes of geometry files", in.name)
	}
}

func (m Missing) isEmpty() bool { return len(m.All) == 0 && len(m.Column) == 0 }

// yearPattern compiles a from_name pattern: {year} stands for the four
// digits of the year, * for any text; the rest is matched as written,
// against the file's name without its folder.
func yearPattern(p string) (*regexp.Regexp, error) {
	if strings.Count(p, "{year}") != 1 {
		return nil, errf("write {year} once where the year stands in the file names, for example \"bevoelkerung-{year}.csv\" or \"*-{year}-12-age.csv\"")
	}
	if strings.Contains(p, "/") {
		return nil, errf("the pattern is matched against the file name without its folder: leave the folder out (%q)", path.Base(p))
	}
	var b strings.Builder
	b.WriteString("^")
	for i, part := range strings.Split(p, "{year}") {
		if i > 0 {
			b.WriteString(`(\d{4})`)
		}
		for j, lit := range strings.Split(part, "*") {
			if j > 0 {
				b.WriteString(".*")
			}
			b.WriteString(regexp.QuoteMeta(lit))
		}
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}

// fileYear reads the year from a file's name by the input's from_name
// pattern.
func (in *input) fileYear(name string) (int, error) {
	m := in.yearName.FindStringSubmatch(path.Base(name))
	if m == nil {
		return 0, lang.Errorf("the file name %q does not match year: {from_name: %q}, so its year is unknown; rename the file or change the pattern ({year} for the four digits of the year, * for any text)", path.Base(name), in.spec.Year.FromName)
	}
	y, err := strconv.Atoi(m[1]) // {year} matches four digits
	if err != nil || !datasets.PlausibleYear(y) {
		return 0, lang.Errorf("the file name %q gives the year %d, which is not plausible (%d–%d)", path.Base(name), lang.Digits(y), lang.Digits(datasets.FirstYear), lang.Digits(datasets.LastYear))
	}
	return y, nil
}
