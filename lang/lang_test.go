package lang

import (
	"errors"
	"fmt"
	"testing"
)

type localized struct{ m Message }

func (e localized) Error() string              { return e.m.String() }
func (e localized) Localize(p *Printer) string { return p.Message(e.m) }

func TestPrinter(t *testing.T) {
	tests := []struct {
		lang, format string
		args         []any
		want         string
	}{
		{"de", "%d files written to %s", []any{41, "out"}, "41 Dateien geschrieben nach out"},
		{"en", "%d files written to %s", []any{41, "out"}, "41 files written to out"},
		{"de", "%d files written to %s", []any{1234, "out"}, "1.234 Dateien geschrieben nach out"},
		{"en", "%d files written to %s", []any{1234, "out"}, "1,234 files written to out"},
		{"de", "not in the catalog: %.1f", []any{2.5}, "not in the catalog: 2,5"},
	}
	for _, tc := range tests {
		if got := New(tc.lang).Sprintf(tc.format, tc.args...); got != tc.want {
			t.Errorf("%s %q: %q, want %q", tc.lang, tc.format, got, tc.want)
		}
	}
	err := fmt.Errorf("wrapped: %w", localized{M("%d files written to %s", 3, "x")})
	if got := New("de").Error(err); got != "3 Dateien geschrieben nach x" {
		t.Errorf("Error: %q", got)
	}
	if got := New("de").Error(errors.New("plain")); got != "plain" {
		t.Errorf("Error: %q", got)
	}
}

func TestValue(t *testing.T) {
	tests := []struct {
		lang, kind, value, want string
	}{
		{"de", "flag", "no-data", "keine Angabe"},
		{"de", "flag", "suppressed", "gesperrt (.)"},
		{"de", "versus", "lower", "unter Stadt"},
		{"de", "bound", "lower", "untere"},
		{"de", "trend", "rising", "steigend"},
		{"de", "flag", "unknown-code", "unknown-code"},
		{"de", "flag", "", ""},
		{"en", "flag", "no-data", "no-data"},
		{"en", "versus", "lower", "lower"},
	}
	for _, tc := range tests {
		if got := New(tc.lang).Value(tc.kind, tc.value); got != tc.want {
			t.Errorf("%s %s %q: %q, want %q", tc.lang, tc.kind, tc.value, got, tc.want)
		}
	}
	if got := New("de").Sprintf("trend: falling"); got != "fallend" {
		t.Errorf("the catalog lacks the tables' values: %q", got)
	}
}
