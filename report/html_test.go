package report

import (
	"bytes"
	"strings"
	"testing"
)

// A warning (disclosure control off) stands at the top of the report,
// before any figure, marked for screen readers; notes stay at the end.
func TestHTMLWarningsFirst(t *testing.T) {
	var b bytes.Buffer
	err := WriteHTML(&b, HTMLReport{Lang: "de", Title: "T", Warnings: []string{"Geheimhaltung ausgeschaltet"},
		Notes: []string{"eine Notiz"}, Figures: []HTMLFigure{{ID: "map", Title: "Karte"}}, T: map[string]string{}})
	if err != nil {
		t.Fatal(err)
	}
	html := b.String()
	w := strings.Index(html, `<p class="warning" role="alert">Geheimhaltung ausgeschaltet</p>`)
	f := strings.Index(html, `<figure id="map"`)
	n := strings.Index(html, "<li>eine Notiz</li>")
	if w < 0 || f < 0 || n < 0 || !(w < f && f < n) {
		t.Errorf("warning at %d, first figure at %d, note at %d", w, f, n)
	}
}

// Headings stay with what follows them in print, and long words (source
// lines, addresses, checksums) wrap instead of widening the page.
func TestHTMLBreaksAndWrapping(t *testing.T) {
	var b bytes.Buffer
	if err := WriteHTML(&b, HTMLReport{Lang: "de", Title: "T", T: map[string]string{}}); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	for _, rule := range []string{
		"h1, h2, h3 { break-after: avoid;",
		"h2 + p, h2 + table, h3 + ul, h3 + table { break-before: avoid;",
		"overflow-wrap: anywhere;",
		"table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0 1rem; max-width: 100%; }",
		"figure { break-inside: avoid;",
	} {
		if !strings.Contains(html, rule) {
			t.Errorf("the report's CSS has no %q", rule)
		}
	}
}
