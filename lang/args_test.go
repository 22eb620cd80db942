package lang

import (
	"errors"
	"fmt"
	"testing"
)

func TestMessageArguments(t *testing.T) {
	inner := M("%d files written to %s", 1234, "out")
	m := M("%s; %v (year %d)", inner, localized{M("%d files written to %s", 2, "x")}, Digits(2024))
	if got, want := New("de").Message(m), "1.234 Dateien geschrieben nach out; 2 Dateien geschrieben nach x (year 2024)"; got != want {
		t.Errorf("de: %q, want %q", got, want)
	}
	if got, want := m.String(), "1234 files written to out; 2 files written to x (year 2024)"; got != want {
		t.Errorf("String: %q, want %q", got, want)
	}
	// An error argument that wraps a Localizer renders in the language;
	// one that does not is written as it is.
	wrapped := fmt.Errorf("wrapped: %w", localized{M("%d files written to %s", 3, "y")})
	m = M("%v / %v", wrapped, errors.New("plain"))
	if got, want := New("de").Message(m), "3 Dateien geschrieben nach y / plain"; got != want {
		t.Errorf("de: %q, want %q", got, want)
	}
	if got := New("de").Message(M("%s", Message{})); got != "" {
		t.Errorf("empty message: %q", got)
	}
}
