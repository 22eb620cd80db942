package plan

import (
	"strings"

	"planatlas/analysis"
	"planatlas/datasets"
	"planatlas/lang"
)

// The tables' text columns hold stable codes — the level's id (area,
// bezirk, city), the flag (no-data, suppressed+smoothed), higher and
// lower, rising, on-track — which Parquet, Arrow and GeoJSON keep in
// both languages. CSV and XLSX are read by people: valueLabels writes
// the codes in the run's language (README, "Tables: values in the
// reader's language").

// goalStatusCodes are the codes of a goal's status, and the English
// words an English run's goals.csv writes.
var goalStatusCodes = map[analysis.GoalStatus][2]string{
	analysis.GoalNotAssessable: {"not-assessable", "not assessable (fewer than two years)"},
	analysis.GoalReached:       {"reached", "reached"},
	analysis.GoalOnTrack:       {"on-track", "on track"},
	analysis.GoalNearly:        {"nearly-on-track", "nearly on track"},
	analysis.GoalTooSlow:       {"too-slow", "too slow"},
	analysis.GoalWrongWay:      {"wrong-direction", "wrong direction"},
}

// clusterCodes are the codes of the LISA clusters, and the English an
// English run's lisa.csv writes.
var clusterCodes = map[analysis.Cluster][2]string{
	analysis.HighHigh:       {"HH", "HH"},
	analysis.LowLow:         {"LL", "LL"},
	analysis.HighLow:        {"HL", "HL"},
	analysis.LowHigh:        {"LH", "LH"},
	analysis.NotSignificant: {"not-significant", "n. s."},
	analysis.NoCluster:      {"", ""},
}

// statisticCodes are the codes of spatial.csv's global statistics, and
// the English an English run writes.
var statisticCodes = map[string][2]string{
	"moran":     {"moran", "Moran's I"},
	"geary":     {"geary", "Geary's C"},
	"general-g": {"general-g", "General G"},
	"moran-eb":  {"moran-eb", "Moran's I of EB-standardised rates"},
	"joins":     {"joins", "joins between different quintile classes"},
}

// english returns a function giving the English of a code from a table
// of codes and English words; a code not in it is kept.
func english[K comparable](codes map[K][2]string) func(string) string {
	m := map[string]string{}
	for _, c := range codes {
		m[c[0]] = c[1]
	}
	return func(code string) string {
		if e, ok := m[code]; ok {
			return e
		}
		return code
	}
}

// flagLabel writes a flag's codes ("uncertain+smoothed") in the
// printer's language: as they are in English, joined by ", " in German.
func flagLabel(p *lang.Printer, code string) string {
	if p.Lang() == "en" || code == "" {
		return code
	}
	parts := strings.Split(code, "+")
	for i, c := range parts {
		parts[i] = p.Value("flag", c)
	}
	return strings.Join(parts, ", ")
}

// valueLabels returns, by column name, how the codes of the tables' text
// columns are written in CSV and XLSX in the run's language. A new map
// on every call: tables are written on several goroutines.
func (r *runner) valueLabels() map[string]func(string) string {
	p := lang.New(r.c.lang)
	value := func(kind string, en func(string) string) func(string) string {
		return func(code string) string { return p.Value(kind, en(code)) }
	}
	same := func(s string) string { return s }
	levels := map[string]string{}
	if p.Lang() != "en" {
		for _, l := range r.levels {
			if label := l.label.In(r.c.lang); label != "" {
				levels[l.id] = label
			}
		}
	}
	return map[string]func(string) string{
		"level": func(id string) string {
			if label, ok := levels[id]; ok {
				return label
			}
			return id
		},
		"flag":      func(code string) string { return flagLabel(p, code) },
		"vs_city":   value("versus", same),
		"trend":     value("trend", same),
		"status":    statusLabel(p),
		"high_need": value("measure", same),
		"cluster":   value("cluster", english(clusterCodes)),
		"change":    value("change", same),
		"included":  value("bound", same),
		"method":    value("method", same),
		"statistic": value("statistic", english(statisticCodes)),
		"rebased":   value("rebased", same),
		"age":       value("age", same),
		"scenario":  value("scenario", same),
	}
}

// statusLabel writes a status in the run's language: a measure's
// (measures.csv) or a goal's (goals.csv); their codes differ.
func statusLabel(p *lang.Printer) func(string) string {
	goal := english(goalStatusCodes)
	return func(code string) string {
		if _, ok := statusCode(code); ok {
			return p.Value("measure", code)
		}
		return p.Value("goal", goal(code))
	}
}

// readable returns parts with their codes written in the run's language
// (valueLabels), for CSV and XLSX.
func (r *runner) readable(parts datasets.Parts) datasets.Parts {
	return datasets.Relabel(parts, r.valueLabels())
}

// sheetName is the name of a table's sheet in tables.xlsx: the table's
// file name in English, its German name in German (mss-<id> and
// pca-<id> keep their file names), at most 31 characters.
func (r *runner) sheetName(base string) string {
	name := []rune(lang.New(r.c.lang).Value("sheet", base))
	if len(name) > 31 {
		name = name[:31]
	}
	return string(name)
}

// readableFrame is readable for a table of one part, for the report's
// tables.
func (r *runner) readableFrame(f *datasets.Frame) *datasets.Frame {
	out := f
	_ = r.readable(datasets.Whole(f))(func(p *datasets.Frame) error { out = p; return nil }) // yield does not fail
	return out
}
