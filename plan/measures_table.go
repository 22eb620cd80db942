package plan

import (
	"bytes"
	"io"
	"math"
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

// readMeasureTable reads a CSV table of measures, one row per measure;
// a status history is in columns status_YYYY. The reader is the one of
// the inputs (delimiter, encoding and BOM detected); every column is
// read as text.
func readMeasureTable(src Source, name string) ([]rawMeasure, error) {
	f, err := src.Open(name)
	if err != nil {
		return nil, openError(name, err)
	}
	data, err := io.ReadAll(f)
	_ = f.Close() // read only: nothing to lose
	if err != nil {
		return nil, &datasets.InputError{File: name, M: lang.M("cannot read: %v", err)}
	}
	info, err := datasets.ReadCSVHeader(bytes.NewReader(data), name, datasets.CSVOptions{})
	if err != nil {
		return nil, err
	}
	cols, hist := measureHeader(info.Header)
	if cols["id"] == "" {
		return nil, &datasets.InputError{File: name, Line: 1, M: lang.M("the measures table has no column of ids (one of: %s); its columns: %s",
			strings.Join(measureColumns["id"], ", "), strings.Join(info.Header, ", "))}
	}
	var dims []string
	for _, h := range info.Header {
		if h != "" && h != cols["id"] {
			dims = append(dims, h)
		}
	}
	t, err := datasets.ReadCSV(bytes.NewReader(data), name, datasets.Spec{Key: cols["id"], FixedYear: datasets.FirstYear, Dims: dims},
		datasets.CSVOptions{Delimiter: info.Delimiter, Encoding: info.Encoding})
	if err != nil {
		return nil, err
	}
	at := map[string]int{}
	for k, d := range dims {
		at[d] = k
	}
	var out []rawMeasure
	for i := range t.Keys {
		cell := func(field string) string {
			if c, ok := cols[field]; ok && c != cols["id"] {
				return t.Dims[at[c]][i]
			}
			return ""
		}
		m := &measure{id: t.Keys[i], title: Text{De: cell("title_de"), En: cell("title_en")},
			goals: splitList(cell("goals")), where: splitList(cell("where")), office: cell("office"),
			indicator: cell("indicator"), file: name, line: t.Lines[i], cols: cols, budget: math.NaN()}
		raw := rawMeasure{m: m, start: cell("start"), end: cell("end"), status: cell("status"), budget: cell("budget")}
		for _, h := range hist {
			raw.history = append(raw.history, rawStatus{year: h.year, status: t.Dims[at[h.field]][i], field: h.field})
		}
		out = append(out, raw)
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
