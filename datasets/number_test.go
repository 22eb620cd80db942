package datasets

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		dec  Decimal
		want float64
		flag Flag
		err  string // substring of the error; "" for none
	}{
		{"1234", DecimalComma, 1234, 0, ""},
		{"-17", DecimalComma, -17, 0, ""},
		{"12,5", DecimalComma, 12.5, 0, ""},
		{"1.234,5", DecimalComma, 1234.5, 0, ""},
		{"1.234.567", DecimalComma, 1234567, 0, ""},
		{"1.234", DecimalComma, 1234, 0, ""},
		{"1 234,5", DecimalComma, 1234.5, 0, ""},
		{"1\u00a0234,5", DecimalComma, 1234.5, 0, ""},
		{"1\u202f234", DecimalComma, 1234, 0, ""},
		{"−3,5", DecimalComma, -3.5, 0, ""},
		{"+3,5", DecimalComma, 3.5, 0, ""},
		{",5", DecimalComma, 0.5, 0, ""},
		{"1,5E+03", DecimalComma, 1500, 0, ""},
		{"  42  ", DecimalComma, 42, 0, ""},
		{"(12,3)", DecimalComma, 12.3, Uncertain, ""},
		{"12.5", DecimalPoint, 12.5, 0, ""},
		{"1,234.5", DecimalPoint, 1234.5, 0, ""},
		{"1,234", DecimalPoint, 1234, 0, ""},
		{"1'234.5", DecimalPoint, 1234.5, 0, ""},
		{"", DecimalComma, math.NaN(), Empty, ""},
		{"   ", DecimalComma, math.NaN(), Empty, ""},
		{".", DecimalComma, math.NaN(), Confidential, ""},
		{"-", DecimalComma, math.NaN(), Nothing, ""},
		{"–", DecimalComma, math.NaN(), Nothing, ""},
		{"x", DecimalComma, math.NaN(), NotMeaningful, ""},
		{"X", DecimalPoint, math.NaN(), NotMeaningful, ""},
		{"…", DecimalComma, math.NaN(), Later, ""},
		{"...", DecimalComma, math.NaN(), Later, ""},
		{"/", DecimalComma, math.NaN(), Unreliable, ""},
		{"12x", DecimalComma, 0, 0, "is not a number"},
		{"abc", DecimalComma, 0, 0, "is not a number"},
		{"NaN", DecimalPoint, 0, 0, "NaN and infinity"},
		{"-Inf", DecimalPoint, 0, 0, "NaN and infinity"},
		{"1e999", DecimalPoint, 0, 0, "out of range"},
		{"12.5", DecimalComma, 0, 0, "mixed"},
		{"1.2345", DecimalComma, 0, 0, "mixed"},
		{"12,5", DecimalPoint, 0, 0, "mixed"},
		{"1,234,5", DecimalPoint, 0, 0, "mixed"},
		{"1.234 567", DecimalComma, 0, 0, "mixed thousands"},
		{"12 34", DecimalComma, 0, 0, "grouped by three"},
		{"1,2,3", DecimalComma, 0, 0, "is not a number"},
	}
	for _, tc := range tests {
		got, flag, err := ParseNumber(tc.in, tc.dec)
		if tc.err != "" {
			if err == nil {
				t.Errorf("ParseNumber(%q, %v) = %v, want error containing %q", tc.in, tc.dec, got, tc.err)
			} else if !strings.Contains(err.Error(), tc.err) && !(tc.err == "mixed" && errors.Is(err, errMixed)) {
				t.Errorf("ParseNumber(%q, %v) error %q, want %q", tc.in, tc.dec, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseNumber(%q, %v): %v", tc.in, tc.dec, err)
			continue
		}
		if flag != tc.flag || !(got == tc.want || math.IsNaN(got) && math.IsNaN(tc.want)) {
			t.Errorf("ParseNumber(%q, %v) = %v, %v; want %v, %v", tc.in, tc.dec, got, flag, tc.want, tc.flag)
		}
	}
}

func TestDecimalEvidence(t *testing.T) {
	tests := []struct {
		in   string
		want Decimal
	}{
		{"12,5", DecimalComma},
		{"12.5", DecimalPoint},
		{"1.234,5", DecimalComma},
		{"1,234.5", DecimalPoint},
		{"1.234", DecimalAuto},
		{"1,234", DecimalAuto},
		{"1234", DecimalAuto},
		{"1.234.567", DecimalComma},
		{"1,234,567", DecimalPoint},
		{"0,123", DecimalComma}, // a leading zero is never a thousands group
		{"(3,4)", DecimalComma},
		{"31.12.2024x", DecimalAuto},
		{"Altstadt", DecimalAuto},
		{".", DecimalAuto},
		{"...", DecimalAuto},
	}
	for _, tc := range tests {
		if got := decimalEvidence(tc.in); got != tc.want {
			t.Errorf("decimalEvidence(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v     float64
		dec   int
		d     Decimal
		group bool
		want  string
	}{
		{1234.5, 1, DecimalComma, true, "1.234,5"},
		{1234.5, 1, DecimalComma, false, "1234,5"},
		{1234.5, 1, DecimalPoint, true, "1,234.5"},
		{1234567.891, 2, DecimalComma, true, "1.234.567,89"},
		{-1234.5, 0, DecimalComma, true, "-1.234"},
		{-0.04, 1, DecimalComma, true, "0,0"},
		{999, 0, DecimalComma, true, "999"},
		{0.1, -1, DecimalComma, false, "0,1"},
		{12.345678901234567, -1, DecimalPoint, false, "12.345678901234567"},
	}
	for _, tc := range tests {
		if got := FormatNumber(tc.v, tc.dec, tc.d, tc.group); got != tc.want {
			t.Errorf("FormatNumber(%v, %d, %v, %v) = %q, want %q", tc.v, tc.dec, tc.d, tc.group, got, tc.want)
		}
	}
}

func TestParseNumberLeadingZeroGroup(t *testing.T) {
	// "0.123" is never 123 in German notation: it is a decimal point.
	if _, _, err := ParseNumber("0.123", DecimalComma); !errors.Is(err, errMixed) {
		t.Errorf(`ParseNumber("0.123", comma) error = %v, want mixed conventions`, err)
	}
	if v, _, err := ParseNumber("0,123", DecimalComma); err != nil || v != 0.123 {
		t.Errorf(`ParseNumber("0,123", comma) = %v, %v`, v, err)
	}
}

// TestTrimSpace: the fast path for cells without space at their ends
// gives what the full trim gives.
func TestTrimSpace(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "a": "a", "0101": "0101", " a": "a", "a ": "a", "\ta\n": "a",
		"\u00a0a\u00a0": "a", "a\u202f": "a", "\u202fa": "a", "ä": "ä", "Straße ": "Straße", " ": "",
	} {
		if got := trimSpace(in); got != want {
			t.Errorf("trimSpace(%q) = %q, want %q", in, got, want)
		}
	}
}
