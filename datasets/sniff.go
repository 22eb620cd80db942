package datasets

import (
	"bytes"
	"encoding/csv"
	"planatlas/lang"
	"strings"
)

// delimiters are the candidates, in order of preference on a tie: ";" is
// what German spreadsheets write, tab what register exports often use.
var delimiters = []rune{';', '\t', ','}

// sniffDelimiter picks the delimiter whose count is the same on the
// header line and the next lines, preferring the one that splits the
// header into the most columns. It looks at up to 50 lines of sample.
func sniffDelimiter(sample []byte) rune {
	lines := sampleLines(sample, 50)
	if len(lines) == 0 {
		return ';'
	}
	best, bestCols, bestConsistent := ';', 0, false
	for _, d := range delimiters {
		h := countOutsideQuotes(lines[0], byte(d))
		if h == 0 {
			continue
		}
		consistent := true
		for _, l := range lines[1:] {
			if countOutsideQuotes(l, byte(d)) != h {
				consistent = false
				break
			}
		}
		if consistent && !bestConsistent || consistent == bestConsistent && h > bestCols {
			best, bestCols, bestConsistent = d, h, consistent
		}
	}
	return best
}

// sampleLines returns up to n complete, non-empty lines of sample.
func sampleLines(sample []byte, n int) []string {
	var out []string
	for len(sample) > 0 && len(out) < n {
		k := bytes.IndexByte(sample, '\n')
		if k < 0 {
			if len(sample) < sniffSize-3 { // the file's last line, not a cut one
				if l := strings.TrimRight(string(sample), "\r"); strings.TrimSpace(l) != "" {
					out = append(out, l)
				}
			}
			break
		}
		l := strings.TrimRight(string(sample[:k]), "\r")
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
		sample = sample[k+1:]
	}
	return out
}

func countOutsideQuotes(line string, d byte) int {
	n, quoted := 0, false
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '"':
			quoted = !quoted
		case c == d && !quoted:
			n++
		}
	}
	return n
}

// sniffDecimal decides the decimal convention from the cells of the
// value columns in sample. Cells that prove a convention ("12,5",
// "0.25", "1.234,5") are counted; if both conventions are proven the file
// mixes them and that is an error naming one cell of each. Without proof
// the delimiter decides: "," implies a decimal point, ";" and tab the
// German decimal comma.
func sniffDecimal(name string, sample []byte, delim rune, header []string, valueCols []int) (Decimal, error) {
	cr := csv.NewReader(bytes.NewReader(sample))
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	type seen struct {
		line int
		col  string
		text string
	}
	var comma, point *seen
	first := true
	for {
		rec, err := cr.Read()
		if err != nil {
			break // the real reader reports syntax errors with their lines
		}
		if first {
			first = false
			continue
		}
		line, _ := cr.FieldPos(0)
		for _, c := range valueCols {
			if c >= len(rec) {
				continue
			}
			switch decimalEvidence(rec[c]) {
			case DecimalComma:
				if comma == nil {
					comma = &seen{line, header[c], rec[c]}
				}
			case DecimalPoint:
				if point == nil {
					point = &seen{line, header[c], rec[c]}
				}
			}
		}
		if comma != nil && point != nil {
			a, b := comma, point
			if b.line < a.line {
				a, b = b, a
			}
			return 0, &InputError{File: name, Line: b.line, Column: b.col, M: lang.M(
				"%q is written with a %s, but line %d (column %q) has %q with a %s: mixed decimal conventions; say decimal: \",\" or \".\" in the plan",
				b.text, lang.M(decName(b == comma)), a.line, a.col, a.text, lang.M(decName(a == comma)))}
		}
	}
	switch {
	case comma != nil:
		return DecimalComma, nil
	case point != nil:
		return DecimalPoint, nil
	case delim == ',':
		return DecimalPoint, nil
	}
	return DecimalComma, nil
}

func decName(comma bool) string {
	if comma {
		return "decimal comma"
	}
	return "decimal point"
}
