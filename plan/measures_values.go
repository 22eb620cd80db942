package plan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"planatlas/datasets"
	"planatlas/lang"
)

// measure is one checked measure of the social plan.
type measure struct {
	id        string
	title     Text
	goals     []string
	where     []string // keys as written; "city" or none: city-wide
	office    string
	start     measureDate
	end       measureDate
	status    string  // a code of measureStatuses
	budget    float64 // euros; NaN if not given
	indicator string
	history   []yearStatus // by year, ascending
	file      string       // the plan or the measures table, for messages
	line      int
	cols      map[string]string // from a table: field → the table's column; nil from the plan
}

// yearStatus is a measure's status in one year of its history.
type yearStatus struct {
	year   int
	status string
}

// fail is an error of one of the measure's fields: in a table, at its
// line and column (an input error), in the plan at the measure's line.
func (m *measure) fail(field, format string, args ...any) error {
	col := ""
	if m.cols != nil {
		col = m.cols[field]
	}
	return m.failColumn(col, format, args...)
}

// failColumn is fail for a column named as it is in the table.
func (m *measure) failColumn(col, format string, args ...any) error {
	if m.cols == nil {
		return errAt(m.file, m.line, format, args...)
	}
	return &datasets.InputError{File: m.file, Line: m.line, Column: col, M: lang.M(format, lang.IntsAsDigits(args)...)}
}

// dropped reports whether the measure was dropped: it reaches no area.
func (m *measure) dropped() bool { return m.status == "dropped" }

// measureStatuses are the codes of a measure's status, in order, with
// the German word (Printer.Value "measure: …" has it too, for tables).
var measureStatuses = [][2]string{
	{"planned", "geplant"},
	{"started", "begonnen"},
	{"implemented", "umgesetzt"},
	{"postponed", "verschoben"},
	{"dropped", "entfallen"},
}

// statusCode returns the code of a status word, German or English, in
// any case; "" for an empty word; false for a word that is no status.
func statusCode(word string) (string, bool) {
	w := strings.ToLower(strings.TrimSpace(word))
	if w == "" {
		return "", true
	}
	for _, s := range measureStatuses {
		if w == s[0] || w == s[1] {
			return s[0], true
		}
	}
	return "", false
}

// statusWords is the list of status words in the reader's language, for
// the message of an unknown status.
type statusWords struct{}

func (statusWords) String() string { return statusWords{}.Localize(nil) }

// Localize lists the words in p's language (English if p is nil).
func (statusWords) Localize(p *lang.Printer) string {
	k := 1
	if p == nil || p.Lang() == "en" {
		k = 0
	}
	words := make([]string, len(measureStatuses))
	for i, s := range measureStatuses {
		words[i] = s[k]
	}
	return strings.Join(words, ", ")
}

// measureDate is a measure's start or end: a year, or a day.
type measureDate struct {
	text    string // as written out: 2025 or 2025-03-31
	y, m, d int    // m and d 0 for a year
}

var (
	isoDate    = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	germanDate = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})$`)
	yearOnly   = regexp.MustCompile(`^\d{4}$`)
)

// parseMeasureDate reads a year (2025), an ISO date (2025-03-31) or a
// German date (31.03.2025); "" is no date; false for anything else,
// including days that do not exist (2025-02-30).
func parseMeasureDate(s string) (measureDate, bool) {
	s = strings.TrimSpace(s)
	var y, mo, d int
	switch {
	case s == "":
		return measureDate{}, true
	case yearOnly.MatchString(s):
		if y, _ = strconv.Atoi(s); !datasets.PlausibleYear(y) {
			return measureDate{}, false
		}
		return measureDate{text: s, y: y}, true
	case isoDate.MatchString(s):
		p := isoDate.FindStringSubmatch(s)
		y, mo, d = atoi(p[1]), atoi(p[2]), atoi(p[3])
	case germanDate.MatchString(s):
		p := germanDate.FindStringSubmatch(s)
		y, mo, d = atoi(p[3]), atoi(p[2]), atoi(p[1])
	default:
		return measureDate{}, false
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d || !datasets.PlausibleYear(y) {
		return measureDate{}, false
	}
	return measureDate{text: fmt.Sprintf("%04d-%02d-%02d", y, mo, d), y: y, m: mo, d: d}, true
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func (d measureDate) given() bool { return d.y != 0 }

// earliest and latest are the first and the last day the date may mean,
// as yyyymmdd: a year is its 1 January and its 31 December.
func (d measureDate) earliest() int {
	if d.m == 0 {
		return d.y*10000 + 101
	}
	return d.y*10000 + d.m*100 + d.d
}

func (d measureDate) latest() int {
	if d.m == 0 {
		return d.y*10000 + 1231
	}
	return d.earliest()
}

// parseEuros reads an amount in euros as a German or an English
// spreadsheet writes it: 12500, 12.500, 12.500,50, 12,500.50, with or
// without "€" or "EUR".
func parseEuros(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(s, "€"), "EUR"))
	s = strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), "\u00a0", "")
	dot, comma := strings.LastIndex(s, "."), strings.LastIndex(s, ",")
	switch {
	case comma > dot: // German: 12.500,50
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	case dot > comma && comma >= 0: // English: 12,500.50
		s = strings.ReplaceAll(s, ",", "")
	case dot >= 0 && thousands.MatchString(s): // 12.500
		s = strings.ReplaceAll(s, ".", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil && v >= 0
}

var thousands = regexp.MustCompile(`^\d{1,3}(\.\d{3})+$`)
