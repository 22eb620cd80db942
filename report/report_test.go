package report

import (
	"bytes"
	"encoding/binary"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"planatlas/analysis"
)

func testFigure() Figure {
	st := newStyle()
	return Figure{W: mm(60), H: mm(20), Draw: func(c draw.Canvas) {
		c.FillText(st.text(10, false, black), vg.Point{X: mm(2), Y: mm(8)}, "Mühlgraben – Schloßberg")
	}}
}

// SVG keeps text as text (so it can be searched and read aloud) and
// embeds the sans font, so umlauts look the same on every machine.
func TestFigureSVG(t *testing.T) {
	var buf bytes.Buffer
	if err := testFigure().Write(&buf, "svg"); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	for _, want := range []string{">Mühlgraben – Schloßberg</text>", "@font-face", "font-family:Liberation Sans", "data:font/ttf;"} {
		if !strings.Contains(s, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

// PNG is 300 dpi: the pixel size fits the physical size, and a pHYs chunk
// says so for word processors.
func TestFigurePNG(t *testing.T) {
	var buf bytes.Buffer
	if err := testFigure().Write(&buf, "png"); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if w := img.Bounds().Dx(); w != int(math.Round(60/25.4*300)) {
		t.Errorf("width %d px, want %d for 60 mm at 300 dpi", w, int(math.Round(60/25.4*300)))
	}
	b := buf.Bytes()
	i := bytes.Index(b, []byte("pHYs"))
	if i < 0 {
		t.Fatal("no pHYs chunk")
	}
	ppm := binary.BigEndian.Uint32(b[i+4:])
	if ppm != 11811 || b[i+12] != 1 {
		t.Errorf("pHYs %d per unit %d, want 11811 per metre (300 dpi)", ppm, b[i+12])
	}
}

func TestLocaleNumber(t *testing.T) {
	de, en := NewLocale("de"), NewLocale("en")
	if got := de.Number(-1234.567, 1); got != "−1.234,6" {
		t.Errorf("de: %q", got)
	}
	if got := en.Number(-1234.567, 1); got != "−1,234.6" {
		t.Errorf("en: %q", got)
	}
	if got := de.T("nodata"); got != "keine Angabe" {
		t.Errorf("T = %q", got)
	}
}

func TestClassLabel(t *testing.T) {
	c := analysis.Classes{Bounds: []float64{4.06, 9.8}, Counts: []int{7, 8}}
	if got := classLabel(NewLocale("de"), c, 0, 1); got != "bis 4,1 (7)" {
		t.Errorf("first class %q", got)
	}
	if got := classLabel(NewLocale("en"), c, 1, 1); got != "over 4.1 to 9.8 (8)" {
		t.Errorf("second class %q", got)
	}
}

func TestNiceTicks(t *testing.T) {
	got := niceTicks(-9.9, 11.9, 7)
	want := []float64{-5, 0, 5, 10}
	if len(got) != len(want) {
		t.Fatalf("ticks %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("ticks %v, want %v", got, want)
		}
	}
}

// Every column of every table has a heading in both languages.
func TestHeadingsComplete(t *testing.T) {
	de, en := headings(NewLocale("de")), headings(NewLocale("en"))
	for k := range en {
		if de[k] == "" {
			t.Errorf("no German heading for %q", k)
		}
	}
	for k := range de {
		if en[k] == "" {
			t.Errorf("no English heading for %q", k)
		}
	}
}

// PDF figures carry umlauts and ß as text (gonum/plot alone garbles them):
// pdftotext reads them back.
func TestPDFUmlauts(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (Debian package poppler-utils)")
	}
	st := newStyle()
	f := Figure{W: mm(100), H: mm(20)}
	f.Draw = func(c draw.Canvas) {
		c.FillText(st.text(10, false, black), vg.Point{X: mm(5), Y: mm(10)}, "Schönblick, Mühlgraben, Schloßberg: −3,5 € · Äpfel")
	}
	file := filepath.Join(t.TempDir(), "f.pdf")
	out, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Write(out, "pdf"); err != nil {
		t.Fatal(err)
	}
	out.Close()
	text, err := exec.Command("pdftotext", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(text)); got != "Schönblick, Mühlgraben, Schloßberg: -3,5 € · Äpfel" {
		t.Errorf("pdftotext: %q", got)
	}
}
