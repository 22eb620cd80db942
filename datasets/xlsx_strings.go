package datasets

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"
	"time"

	"planatlas/lang"
)

// readSharedStrings reads the workbook's shared strings (ECMA-376 Part
// 1, section 18.4.9): each <si> is a plain <t> or rich-text runs
// <r><t>, joined; phonetic runs <rPh> (Japanese readings) are left out.
// The declared count is not trusted: strings are appended as read, at
// most xlsxMaxStrings.
func (wb *workbook) readSharedStrings() error {
	part := wb.related("/sharedStrings", path1(wb.main, "sharedStrings.xml"))
	if _, ok := wb.files[part]; !ok {
		return nil // a workbook of numbers or inline strings only
	}
	var b strings.Builder
	inSI, inT, phonetic := false, false, 0
	return wb.scan(part, func(_ *xml.Decoder, t xml.Token) error {
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				b.Reset()
			case "rPh":
				phonetic++
			case "t":
				inT = inSI && phonetic == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				if len(wb.strings) >= xlsxMaxStrings {
					return &InputError{File: wb.name, M: lang.M("the workbook has more than %d shared strings", xlsxMaxStrings)}
				}
				wb.strings = append(wb.strings, b.String())
				inSI = false
			case "rPh":
				phonetic--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				if b.Len()+len(t) > xlsxMaxText {
					return &InputError{File: wb.name, M: lang.M("shared string %d is longer than a spreadsheet cell holds (32767 characters)", len(wb.strings))}
				}
				b.Write(t)
			}
		}
		return nil
	})
}

// path1 is the part name beside the workbook part main.
func path1(main, name string) string {
	if i := strings.LastIndex(main, "/"); i >= 0 {
		return main[:i+1] + name
	}
	return name
}

// readStyles reads which cell styles (cellXfs, ECMA-376 Part 1, section
// 18.8.10) have a date format: a built-in one (section 18.8.30: 14–17
// and 22; 27–36 and 50–58, the East Asian dates) or a custom format code
// with a day or year (d, y) outside quoted text and [brackets].
func (wb *workbook) readStyles() error {
	part := wb.related("/styles", path1(wb.main, "styles.xml"))
	if _, ok := wb.files[part]; !ok {
		return nil
	}
	custom := map[string]bool{}
	inXfs := false
	return wb.scan(part, func(_ *xml.Decoder, t xml.Token) error {
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				if len(custom) < xlsxMaxParts {
					custom[attr(t, "numFmtId")] = dateFormatCode(attr(t, "formatCode"))
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs && len(wb.dates) < xlsxMaxStrings {
					id := attr(t, "numFmtId")
					n, _ := strconv.Atoi(id)
					d, ok := custom[id]
					wb.dates = append(wb.dates, (ok && d) || (!ok && builtinDate(n)))
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
		return nil
	})
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func builtinDate(id int) bool {
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)
}

// dateFormatCode reports whether a number format code shows a date: it
// has d or y outside quoted text, [colour or locale] brackets and
// backslash-escaped characters.
func dateFormatCode(code string) bool {
	quoted, bracket, escaped := false, false, false
	for _, r := range code {
		switch {
		case escaped:
			escaped = false
		case quoted:
			quoted = r != '"'
		case bracket:
			bracket = r != ']'
		case r == '"':
			quoted = true
		case r == '[':
			bracket = true
		case r == '\\' || r == '_' || r == '*':
			escaped = true
		case r == 'd' || r == 'D' || r == 'y' || r == 'Y':
			return true
		}
	}
	return false
}

// ExcelDate converts a spreadsheet's serial day number to the date
// YYYY-MM-DD (with the time of day, HH:MM:SS, if it has a fraction). In
// the 1900 date system (Excel's default, ECMA-376 Part 1, section
// 18.17.4.1) day 1 is 1900-01-01 and day 60 the 29 February 1900 that
// never was (Lotus 1-2-3's leap-year error, kept by Excel): days from 61
// on count from 1899-12-30, days 1 to 59 from 1899-12-31, and day 60 is
// no date. In the 1904 system day 0 is 1904-01-01. Serials beyond
// 9999-12-31 are no date.
func ExcelDate(serial float64, date1904 bool) (string, bool) {
	if math.IsNaN(serial) || serial < 0 || serial >= 2958466 {
		return "", false
	}
	days := math.Floor(serial)
	secs := math.Round((serial - days) * 86400)
	var base time.Time
	switch {
	case date1904:
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case days < 1 || days == 60:
		return "", false
	case days < 60:
		base = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	default:
		base = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	}
	t := base.AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second)
	if t.Year() > 9999 {
		return "", false
	}
	if secs == 0 {
		return t.Format("2006-01-02"), true
	}
	return t.Format("2006-01-02 15:04:05"), true
}

// excelNumber returns the shortest text of a number cell's value, as a
// spreadsheet shows it without a format: 240000, 0.5, -3.25, and an
// exponent only for very large or small numbers (1e+21, 1e-07); false
// for a value that is no finite number.
func excelNumber(v string) (float64, string, bool) {
	x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, "", false
	}
	if x == 0 {
		return 0, "0", true
	}
	if a := math.Abs(x); a >= 1e-6 && a < 1e21 {
		return x, strconv.FormatFloat(x, 'f', -1, 64), true
	}
	return x, strconv.FormatFloat(x, 'g', -1, 64), true
}
