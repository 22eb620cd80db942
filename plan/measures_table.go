package plan

import (
	"bytes"
	"io"
	"math"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"planatlas/datasets"
	"planatlas/lang"
)

// measureColumns are the names a measures table may give its columns,
// by field, in lower case: German or English (README, "Goals and
// measures"). Other columns (remarks) are ignored.
var measureColumns = map[string][]string{
	"id":        {"id", "nr", "nummer", "kennung", "massnahme", "maßnahme"},
	"title_de":  {"titel", "titel_de", "title_de", "bezeichnung"},
	"title_en":  {"title", "title_en", "titel_en"},
	"goals":     {"ziele", "ziel", "goals", "goal"},
	"where":     {"wo", "where", "ort", "orte", "raum", "räume", "gebiete", "places"},
	"office":    {"amt", "office", "zuständig", "zustaendig", "verantwortlich", "responsible"},
	"start":     {"beginn", "start", "von"},
	"end":       {"ende", "end", "bis"},
	"status":    {"status"},
	"budget":    {"budget", "kosten", "euro", "budget_euro"},
	"indicator": {"indikator", "indicator"},
}

// historyColumn is a column of the status history: status_2024.
var historyColumn = regexp.MustCompile(`^(?i)status[_ ](\d{4})$`)

// measureRows is a measures table as texts: the header, the rows and
// their lines (CSV) or row numbers (XLSX).
type measureRows struct {
	header []string
	rows   [][]string
	lines  []int
	number [][]bool // XLSX: whether a cell was a number; nil for CSV
}

// readMeasureSheet reads a table of measures, one row per measure; a
// status history is in columns status_YYYY. A CSV file is read by the
// inputs' reader (delimiter, encoding and BOM detected); a workbook
// (.xlsx) by datasets.ReadXLSX: its sheet named sheet, or its first if
// sheet is "", with dates in date-formatted cells as YYYY-MM-DD and
// budgets in number cells as numbers. Every other column is read as
// text, from either.
func readMeasureSheet(src Source, name, sheet string) ([]rawMeasure, error) {
	f, err := src.Open(name)
	if err != nil {
		return nil, openError(name, err)
	}
	data, err := io.ReadAll(f)
	_ = f.Close() // read only: nothing to lose
	if err != nil {
		return nil, &datasets.InputError{File: name, M: lang.M("cannot read: %v", err)}
	}
	var t *measureRows
	if strings.EqualFold(path.Ext(name), ".xlsx") {
		x, err := datasets.ReadXLSX(bytes.NewReader(data), int64(len(data)), name, sheet)
		if err != nil {
			return nil, err
		}
		t = &measureRows{header: x.Header, rows: x.Rows, lines: x.Lines, number: x.Number}
	} else if t, err = csvMeasureRows(data, name); err != nil {
		return nil, err
	}
	return measuresOfRows(name, t)
}

// csvMeasureRows reads a CSV measures table: the id column first, then
// the other named columns.
func csvMeasureRows(data []byte, name string) (*measureRows, error) {
	info, err := datasets.ReadCSVHeader(bytes.NewReader(data), name, datasets.CSVOptions{})
	if err != nil {
		return nil, err
	}
	id, err := measureIDColumn(name, info.Header)
	if err != nil {
		return nil, err
	}
	var dims []string
	for _, h := range info.Header {
		if h != "" && h != id {
			dims = append(dims, h)
		}
	}
	t, err := datasets.ReadCSV(bytes.NewReader(data), name, datasets.Spec{Key: id, FixedYear: datasets.FirstYear, Dims: dims},
		datasets.CSVOptions{Delimiter: info.Delimiter, Encoding: info.Encoding})
	if err != nil {
		return nil, err
	}
	out := &measureRows{header: append([]string{id}, dims...), lines: make([]int, t.Len())}
	for i := range t.Len() {
		out.lines[i] = t.Line(i)
		row := []string{t.Key(i)}
		for k := range dims {
			row = append(row, t.Dim(k, i))
		}
		out.rows = append(out.rows, row)
	}
	return out, nil
}

// measureIDColumn returns the header's column of ids.
func measureIDColumn(name string, header []string) (string, error) {
	cols, _ := measureHeader(header)
	if cols["id"] == "" {
		return "", &datasets.InputError{File: name, Line: 1, M: lang.M("the measures table has no column of ids (one of: %s); its columns: %s",
			strings.Join(measureColumns["id"], ", "), strings.Join(header, ", "))}
	}
	return cols["id"], nil
}

// measuresOfRows reads the measures of a table's rows by the names of
// its columns (measureColumns).
func measuresOfRows(name string, t *measureRows) ([]rawMeasure, error) {
	if _, err := measureIDColumn(name, t.header); err != nil {
		return nil, err
	}
	cols, hist := measureHeader(t.header)
	at := map[string]int{}
	for k, h := range t.header {
		if _, dup := at[h]; !dup && h != "" {
			at[h] = k
		}
	}
	var out []rawMeasure
	for i, row := range t.rows {
		cell := func(field string) string {
			if c, ok := cols[field]; ok && (field == "id" || c != cols["id"]) {
				return strings.TrimSpace(row[at[c]])
			}
			return ""
		}
		id := cell("id")
		if id == "" {
			return nil, &datasets.InputError{File: name, Line: t.lines[i], Column: cols["id"], M: lang.M("the measure's id is empty")}
		}
		m := &measure{id: id, title: Text{De: cell("title_de"), En: cell("title_en")},
			goals: splitList(cell("goals")), where: splitList(cell("where")), office: cell("office"),
			indicator: cell("indicator"), file: name, line: t.lines[i], cols: cols, budget: math.NaN()}
		raw := rawMeasure{m: m, start: cell("start"), end: cell("end"), status: cell("status"), budget: cell("budget")}
		if c, ok := cols["budget"]; ok && t.number != nil && t.number[i][at[c]] {
			if v, err := strconv.ParseFloat(raw.budget, 64); err == nil && v >= 0 {
				raw.budgetGiven, raw.numeric, raw.budgetFromPlan = true, true, v
			}
		}
		for _, h := range hist {
			raw.history = append(raw.history, rawStatus{year: h.year, status: strings.TrimSpace(row[at[h.field]]), field: h.field})
		}
		out = append(out, raw)
	}
	if len(out) == 0 {
		return nil, &datasets.InputError{File: name, M: lang.M("the file has a header but no data rows")}
	}
	return out, nil
}

// measureHeader finds the columns of each field and of the status
// history in a measures table's header.
func measureHeader(header []string) (map[string]string, []rawStatus) {
	cols := map[string]string{}
	var hist []rawStatus
	for _, h := range header {
		low := strings.ToLower(strings.TrimSpace(h))
		if m := historyColumn.FindStringSubmatch(low); m != nil {
			y, _ := strconv.Atoi(m[1])
			if !datasets.PlausibleYear(y) {
				y = 0
			}
			hist = append(hist, rawStatus{year: y, field: h})
			continue
		}
		for field, names := range measureColumns {
			if _, done := cols[field]; !done && contains(names, low) {
				cols[field] = h
			}
		}
	}
	if cols["history"] == "" && len(hist) > 0 {
		cols["history"] = hist[0].field
	}
	return cols, hist
}

// splitList splits a cell listing goals or keys: by commas, semicolons,
// vertical bars or spaces.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '|' || unicode.IsSpace(r) })
}
