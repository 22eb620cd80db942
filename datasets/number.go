package datasets

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Decimal is a file's decimal convention: which character separates the
// fraction. The other of '.' and ',' may then group thousands.
type Decimal byte

const (
	DecimalAuto  Decimal = 0   // detect from the file
	DecimalComma Decimal = ',' // German: 1.234,5
	DecimalPoint Decimal = '.' // international: 1,234.5
)

func (d Decimal) String() string {
	switch d {
	case DecimalComma:
		return "decimal comma"
	case DecimalPoint:
		return "decimal point"
	}
	return "automatic"
}

// errMixed marks a number written in the other decimal convention than
// the file's; the caller turns it into an InputError.
var errMixed = errors.New("mixed decimal conventions")

// ParseNumber reads one cell as a number under the decimal convention d
// (DecimalComma or DecimalPoint). It understands the official signs of
// German statistics: "" (empty), "." (confidential), "-" and "–"
// (nothing), "x" (not meaningful), "…" or "..." (later) and "/"
// (unreliable) give NaN and the matching Flag; a value in parentheses,
// "(12,3)", is returned with the flag Uncertain. Thousands may be grouped
// by the other separator, by a space, a no-break space or an apostrophe,
// in groups of three. NaN and infinities are errors: no municipal
// statistic is infinite.
func ParseNumber(s string, d Decimal) (float64, Flag, error) {
	// Fast path: plain integers, the bulk of every count table.
	if n := len(s); n > 0 && n <= 15 {
		var v int64
		neg := false
		i := 0
		if s[0] == '-' && n > 1 {
			neg = true
			i = 1
		}
		for ; i < n; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				break
			}
			v = v*10 + int64(c-'0')
		}
		if i == n {
			if neg {
				return -float64(v), 0, nil
			}
			return float64(v), 0, nil
		}
	}
	s = trimSpace(s)
	switch s {
	case "":
		return math.NaN(), Empty, nil
	case ".":
		return math.NaN(), Confidential, nil
	case "-", "–", "—":
		return math.NaN(), Nothing, nil
	case "x", "X":
		return math.NaN(), NotMeaningful, nil
	case "…", "...":
		return math.NaN(), Later, nil
	case "/":
		return math.NaN(), Unreliable, nil
	}
	var flag Flag
	if len(s) > 2 && s[0] == '(' && s[len(s)-1] == ')' {
		flag = Uncertain
		s = trimSpace(s[1 : len(s)-1])
	}
	v, err := parseDecimal(s, d)
	if err != nil {
		return math.NaN(), 0, err
	}
	return v, flag, nil
}

// trimSpace removes ASCII white space, no-break spaces and narrow no-break
// spaces at both ends.
func trimSpace(s string) string {
	// Most cells have no space at either end: an ASCII character other
	// than space and control characters first and last (the no-break
	// spaces start and end with bytes ≥ 0x80). A key column of 80
	// million rows passes here.
	if n := len(s); n > 0 && s[0] > ' ' && s[0] < 0x80 && s[n-1] > ' ' && s[n-1] < 0x80 {
		return s
	}
	return strings.TrimFunc(s, isSpace)
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\r' || r == '\n' || r == '\u00a0' || r == '\u202f'
}

// parseDecimal parses a signed decimal number with optional thousands
// grouping and exponent under convention d.
func parseDecimal(s string, d Decimal) (float64, error) {
	low := strings.ToLower(s)
	switch strings.TrimLeft(low, "+-") {
	case "nan", "inf", "infinity", "∞":
		return 0, msgErr("is not a number (NaN and infinity are not accepted)")
	}
	dec, group := byte(','), byte('.')
	if d == DecimalPoint {
		dec, group = '.', ','
	}
	var b [64]byte
	out := b[:0]
	i := 0
	// sign
	if strings.HasPrefix(s, "−") { // U+2212 MINUS SIGN
		out = append(out, '-')
		i += len("−")
	} else if i < len(s) && (s[i] == '-' || s[i] == '+') {
		out = append(out, s[i])
		i++
	}
	// integer part with optional grouping
	var sep rune = -1 // the grouping separator seen, if any
	groupLen := 0     // digits in the current group
	groups := 0       // groups completed
	digits := 0
	for i < len(s) {
		c := s[i]
		if c >= '0' && c <= '9' {
			out = append(out, c)
			groupLen++
			digits++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		isGroup := c == group || r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\''
		if !isGroup {
			break
		}
		if sep != -1 && sep != r {
			return 0, msgErr("is not a number (mixed thousands separators)")
		}
		// A group separator must follow 1-3 digits (first group, not a lone
		// zero) or exactly 3.
		leadingZero := groups == 0 && groupLen == 1 && out[len(out)-1] == '0'
		if groupLen == 0 || groupLen > 3 || (groups > 0 && groupLen != 3) || leadingZero {
			if c == group {
				return 0, errMixed
			}
			return 0, msgErr("is not a number")
		}
		sep = r
		groups++
		groupLen = 0
		i += size
	}
	if sep != -1 && groupLen != 3 {
		// "12.5" under decimal comma: a decimal point, not a thousands group.
		if sep == rune(group) {
			return 0, errMixed
		}
		return 0, msgErr("is not a number (thousands must be grouped by three digits)")
	}
	// fraction
	if i < len(s) && s[i] == dec {
		out = append(out, '.')
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			out = append(out, s[i])
			digits++
			i++
		}
	} else if i < len(s) && s[i] == group {
		return 0, errMixed
	}
	if digits == 0 {
		return 0, msgErr("is not a number")
	}
	// exponent
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		out = append(out, 'e')
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			out = append(out, s[i])
			i++
		}
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			out = append(out, s[i])
			i++
			n++
		}
		if n == 0 {
			return 0, msgErr("is not a number")
		}
	}
	if i != len(s) {
		if s[i] == group {
			return 0, errMixed
		}
		return 0, msgErr("is not a number")
	}
	v, err := strconv.ParseFloat(string(out), 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, msgErr("is not a number (out of range)")
	}
	return v, nil
}

// decimalEvidence tells which decimal convention a cell proves, if any:
// "12,5" proves a decimal comma, "12.5" a decimal point, "1.234,5" and
// "1,234.5" likewise; "1.234", "1,234" and "1234" prove nothing.
func decimalEvidence(s string) Decimal {
	s = trimSpace(s)
	if len(s) > 2 && s[0] == '(' && s[len(s)-1] == ')' {
		s = s[1 : len(s)-1]
	}
	lastDot := strings.LastIndexByte(s, '.')
	lastComma := strings.LastIndexByte(s, ',')
	if lastDot < 0 && lastComma < 0 {
		return DecimalAuto
	}
	// Only digits, signs, separators and exponents count as a number, and
	// at least one digit (".", "..." are placeholders).
	if !strings.ContainsAny(s, "0123456789") {
		return DecimalAuto
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == ',' || c == '-' || c == '+' || c == 'e' || c == 'E' || c == ' ' || c == '\'') {
			return DecimalAuto
		}
	}
	if lastDot >= 0 && lastComma >= 0 {
		if lastComma > lastDot {
			return DecimalComma
		}
		return DecimalPoint
	}
	sep, last := byte('.'), lastDot
	if lastComma >= 0 {
		sep, last = ',', lastComma
	}
	if strings.Count(s, string(sep)) > 1 {
		// Several of one separator can only be thousands groups.
		if sep == '.' {
			return DecimalComma
		}
		return DecimalPoint
	}
	after := 0
	for i := last + 1; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		after++
	}
	before := 0
	for i := last - 1; i >= 0 && s[i] >= '0' && s[i] <= '9'; i-- {
		before++
	}
	leadingZero := before == 1 && s[last-1] == '0'
	if after == 3 && before >= 1 && before <= 3 && !leadingZero {
		return DecimalAuto // "1.234": thousands or decimals, cannot tell
	}
	if sep == ',' {
		return DecimalComma
	}
	return DecimalPoint
}

// FormatNumber writes v with the given number of decimals under
// convention d, grouping thousands when group is true: 1234.5 with one
// decimal is "1.234,5" (comma, grouped), "1234,5" (comma, not grouped) or
// "1,234.5" (point, grouped). The minus sign is ASCII "-". decimals < 0
// means as many as needed to read the value back exactly.
func FormatNumber(v float64, decimals int, d Decimal, group bool) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
		s = s[1:] // no negative zero after rounding
	}
	if d != DecimalComma && !group {
		return s
	}
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	intPart, frac := s, ""
	if k := strings.IndexByte(s, '.'); k >= 0 {
		intPart, frac = s[:k], s[k+1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	sep := byte(',')
	if d == DecimalComma {
		sep = '.'
	}
	for i := 0; i < len(intPart); i++ {
		if group && i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(sep)
		}
		b.WriteByte(intPart[i])
	}
	if frac != "" {
		if d == DecimalComma {
			b.WriteByte(',')
		} else {
			b.WriteByte('.')
		}
		b.WriteString(frac)
	}
	return b.String()
}
