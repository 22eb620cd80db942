package plan

import (
	"planatlas/datasets"
	"planatlas/geo"
)

// InputSpec says how to read one input table.
type InputSpec struct {
	File       string   `yaml:"file"`
	Format     string   `yaml:"format"` // csv, parquet, arrow, geometry, points, grid; from the file name if absent
	Layer      string   `yaml:"layer"`  // a GeoPackage's table
	X          string   `yaml:"x"`      // points in a table: the column with the easting or longitude
	Y          string   `yaml:"y"`      // points in a table: the column with the northing or latitude
	CRS        string   `yaml:"crs"`    // points: their CRS if the file does not say (EPSG:4326 for a table if absent)
	Key        string   `yaml:"key"`    // column with the area key
	Year       YearSpec `yaml:"year"`   // column with the year, or a fixed year
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
			in.format = formatOf(s.File)
		}
		switch in.format {
		case "csv", "parquet", "arrow", "geometry", "grid":
			if s.X != "" || s.Y != "" {
				chk.fail(e.Line, "input %q: x and y are for points (format: points)", e.Name)
			}
		case "points":
			in.pointsTable = geo.FormatOf(s.File) == ""
			if s.Key != "" {
				chk.fail(e.Line, "input %q: points are assigned to the planning areas by their coordinates; remove key", e.Name)
			}
			if in.pointsTable && (s.X == "" || s.Y == "") {
				chk.fail(e.Line, "input %q: points in a table need x and y, the columns with their coordinates (and crs if not EPSG:4326)", e.Name)
			}
			if !in.pointsTable && (s.X != "" || s.Y != "") {
				chk.fail(e.Line, "input %q: the points of %s are its geometries; x and y are for tables", e.Name, s.File)
			}
			if s.CRS != "" {
				crs, err := geo.ParseCRS(s.CRS)
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
		if s.File == "" || (s.Key == "" && in.format != "points") {
			chk.fail(e.Line, "input %q: file and key are required", e.Name)
		}
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
		in.cols = datasets.Spec{Key: s.Key, Year: s.Year.Column, FixedYear: s.Year.Fixed, Dims: s.Dimensions}
		if in.format == "points" && in.pointsTable {
			in.cols.Values = []string{s.X, s.Y}
		}
		if s.Year.Column == "" && s.Year.Fixed == 0 {
			if in.format == "geometry" || in.format == "points" {
				// The attributes of a geometry file are one year: the
				// outputs' year, else the latest of the other inputs.
				in.yearFromRun = true
			} else {
				chk.fail(e.Line, "input %q: year is required: the year column, or the year of a table without one (year: 2024)", e.Name)
			}
		}
		chk.byInput[e.Name] = in
		c.inputs = append(c.inputs, in)
	}
}
