package report

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image/png"
	"io"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Figure is a drawing of a fixed size that can be written in several
// formats.
type Figure struct {
	W, H vg.Length
	Draw func(c draw.Canvas)
}

// DPI is the resolution of PNG output: print quality.
const DPI = 300

// Write writes the figure as "svg", "png" or "pdf".
func (f Figure) Write(w io.Writer, format string) error {
	switch format {
	case "svg":
		c := vgsvg.NewWith(vgsvg.UseWH(f.W, f.H), vgsvg.EmbedFonts(true))
		f.background(c)
		f.Draw(draw.New(c))
		_, err := c.WriteTo(w)
		return err
	case "png":
		c := vgimg.NewWith(vgimg.UseWH(f.W, f.H), vgimg.UseDPI(DPI))
		f.background(c)
		f.Draw(draw.New(c))
		var buf bytes.Buffer
		// Fastest deflate: the figures are mostly flat colour, which even
		// it compresses well (the demo's PNGs 9 % larger, written in
		// half the time).
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		if err := enc.Encode(&buf, c.Image()); err != nil {
			return err
		}
		out, err := withPHYs(buf.Bytes(), DPI)
		if err != nil {
			return err
		}
		_, err = w.Write(out)
		return err
	}
	if format == "pdf" {
		return f.writePDF(w)
	}
	return fmt.Errorf("unknown image format %q (known: svg, png, pdf)", format)
}

// drawHeading draws a figure's title and subtitle at the top left; H is
// the figure's height in millimetres.
func drawHeading(c draw.Canvas, st *style, H float64, title, subtitle string) {
	t := st.text(12, true, black)
	t.YAlign = draw.YTop
	c.FillText(t, vg.Point{X: mm(marginMM), Y: mm(H - marginMM)}, title)
	s := st.text(8.5, false, darkGrey)
	s.YAlign = draw.YTop
	c.FillText(s, vg.Point{X: mm(marginMM), Y: mm(H - marginMM - headingTitleH)}, subtitle)
}

// Heights of a figure's heading, in millimetres.
const headingTitleH, headingSubH = 8.0, 6.0

func (f Figure) background(c vg.Canvas) {
	c.SetColor(white)
	var p vg.Path
	p.Move(vg.Point{})
	p.Line(vg.Point{X: f.W})
	p.Line(vg.Point{X: f.W, Y: f.H})
	p.Line(vg.Point{Y: f.H})
	p.Close()
	c.Fill(p)
}

// withPHYs inserts a pHYs chunk after the IHDR chunk of a PNG, recording
// its resolution in pixels per metre, so that programs print it at the
// size it was drawn for.
func withPHYs(png []byte, dpi int) ([]byte, error) {
	const sigLen, ihdrLen = 8, 8 + 13 + 4
	if len(png) < sigLen+ihdrLen || string(png[12:16]) != "IHDR" {
		return nil, fmt.Errorf("report: not a PNG with an IHDR chunk")
	}
	ppm := uint32(float64(dpi)/0.0254 + 0.5)
	var chunk bytes.Buffer
	data := make([]byte, 9)
	binary.BigEndian.PutUint32(data[0:], ppm)
	binary.BigEndian.PutUint32(data[4:], ppm)
	data[8] = 1 // unit: metre
	chunk.Write(binary.BigEndian.AppendUint32(nil, uint32(len(data))))
	body := append([]byte("pHYs"), data...)
	chunk.Write(body)
	chunk.Write(binary.BigEndian.AppendUint32(nil, crc32.ChecksumIEEE(body)))
	out := make([]byte, 0, len(png)+chunk.Len())
	out = append(out, png[:sigLen+ihdrLen]...)
	out = append(out, chunk.Bytes()...)
	out = append(out, png[sigLen+ihdrLen:]...)
	return out, nil
}

// pageWidth returns a figure's width in mm: the A4 portrait column if w
// is 0.
func pageWidth(w float64) float64 {
	if w <= 0 {
		return pageW
	}
	return w
}

// Landscape is the width of a figure across an A4 landscape page with
// 20 mm margins.
const Landscape = 257.0

// drawSource writes a figure's source line at its bottom left.
func drawSource(c draw.Canvas, st *style, lines []string) {
	src := st.text(7, false, darkGrey)
	src.YAlign = draw.YBottom
	for i, line := range lines {
		c.FillText(src, vg.Point{X: mm(marginMM), Y: mm(3 + sourceLineMM*float64(len(lines)-1-i))}, line)
	}
}

// sourceLineMM is the distance between the lines of a wrapped source.
const sourceLineMM = 3.2

// sourceLines wraps a figure's source line (several sources with their
// licences run long) to the page's width; the figure adds
// sourceExtraMM(lines) to its height.
func sourceLines(st *style, source string, pageW float64) []string {
	return wrap(st.text(7, false, darkGrey), source, mm(pageW-2*marginMM))
}

// sourceExtraMM is the height the second and further lines of a wrapped
// source take.
func sourceExtraMM(lines []string) float64 {
	return sourceLineMM * float64(max(len(lines)-1, 0))
}
