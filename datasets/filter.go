package datasets

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Filter selects the rows of a long table whose dimension column has one
// of a set of values ("geschlecht: w") or lies in a numeric range
// ("alter: 65-", "alter: 0-17", "alter: 6"). Ranges are inclusive at both
// ends; an open end is written by leaving the number out.
//
// A range understands the ways tables write ages: whole numbers, an open
// top group such as "95+" (inside "65-", outside "0-17", an error for
// "90-99" because it cannot be split), and bands such as "65-69" (inside
// the range if the whole band is).
type Filter struct {
	Column string
	Text   string // as written in the plan, for messages
	ranged bool
	lo, hi float64 // the range, ±Inf for open ends
	values map[string]bool
}

// ParseFilter builds a filter on column from the plan's values: one range
// or one or more values to match exactly.
func ParseFilter(column string, values []string) (Filter, error) {
	f := Filter{Column: column, Text: strings.Join(values, ", ")}
	if len(values) == 0 {
		return f, fmt.Errorf("filter on %q has no value", column)
	}
	if len(values) == 1 {
		if lo, hi, ok := parseRange(values[0]); ok {
			if lo > hi {
				return f, fmt.Errorf("filter %s: %q: the range is empty (%g > %g)", column, values[0], lo, hi)
			}
			f.ranged, f.lo, f.hi = true, lo, hi
			return f, nil
		}
	}
	f.values = make(map[string]bool, len(values))
	for _, v := range values {
		if strings.TrimSpace(v) == "" {
			return f, fmt.Errorf("filter on %q has an empty value", column)
		}
		f.values[strings.TrimSpace(v)] = true
	}
	return f, nil
}

// parseRange reads "a-b", "a-", "-b", "a+" and "a" with whole or decimal
// numbers (decimal point).
func parseRange(s string) (lo, hi float64, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, 0, false
	}
	num := func(t string) (float64, bool) {
		t = strings.TrimSpace(t)
		if t == "" {
			return 0, false
		}
		v, err := strconv.ParseFloat(t, 64)
		return v, err == nil
	}
	if strings.HasSuffix(s, "+") {
		if v, ok := num(s[:len(s)-1]); ok {
			return v, math.Inf(1), true
		}
		return 0, 0, false
	}
	if v, ok := num(s); ok && !strings.HasPrefix(s, "-") {
		return v, v, true
	}
	k := strings.IndexAny(s[1:], "-–") // not a leading minus
	if s != "" && (s[0] == '-') {
		k = 0
	} else if k >= 0 {
		k++
	}
	if k < 0 {
		return 0, 0, false
	}
	a, b := s[:k], strings.TrimLeft(s[k:], "-–")
	lo, hi = math.Inf(-1), math.Inf(1)
	okA, okB := a == "", b == ""
	if !okA {
		lo, okA = num(a)
	}
	if !okB {
		hi, okB = num(b)
	}
	if !okA || !okB || (a == "" && b == "") {
		return 0, 0, false
	}
	return lo, hi, true
}

// match reports whether a dimension value passes the filter. It fails
// for a value a range cannot judge: text that is not a number, or a band
// that the range would cut in two.
func (f *Filter) match(v string) (bool, error) {
	if !f.ranged {
		return f.values[v], nil
	}
	lo, hi, ok := parseRange(v)
	if !ok {
		return false, fmt.Errorf("%q is not a number or a range, so filter %s: %s cannot use it", v, f.Column, f.Text)
	}
	if lo >= f.lo && hi <= f.hi {
		return true, nil
	}
	if hi < f.lo || lo > f.hi {
		return false, nil
	}
	return false, fmt.Errorf("the group %q is split by filter %s: %s; choose bounds that keep the group whole", v, f.Column, f.Text)
}
