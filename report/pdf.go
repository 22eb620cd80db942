package report

import (
	"fmt"
	"io"
	"strings"

	xfont "golang.org/x/image/font"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgpdf"
)

// writePDF writes the figure as PDF with the font embedded. gonum/plot's
// PDF canvas declares its fonts in Windows-1252 but passes text on as
// UTF-8 bytes, so "ö" comes out as "Ã¶" (gonum/plot#347); pdfText turns
// every string into Windows-1252 before it reaches the canvas. Layout
// (widths, alignment) is computed before, on the Unicode text.
func (f Figure) writePDF(w io.Writer) error {
	c := vgpdf.New(f.W, f.H)
	c.EmbedFonts(true)
	pc := pdfText{c}
	f.background(pc)
	f.Draw(draw.New(pc))
	_, err := c.WriteTo(w)
	return err
}

type pdfText struct{ *vgpdf.Canvas }

// FillString draws str re-encoded in Windows-1252. A bold or italic face
// is passed as a face of its own name with normal weight and style: the
// canvas registers every face under the style "" but looks bold ones up
// under "B", and fails.
func (p pdfText) FillString(fnt font.Face, pt vg.Point, str string) {
	if fnt.Font.Weight != xfont.WeightNormal || fnt.Font.Style != xfont.StyleNormal {
		fnt.Font.Typeface += font.Typeface(fmt.Sprintf("-w%d-s%d", fnt.Font.Weight, fnt.Font.Style))
		fnt.Font.Weight, fnt.Font.Style = xfont.WeightNormal, xfont.StyleNormal
	}
	p.Canvas.FillString(fnt, pt, to1252(str))
}

// to1252 encodes s in Windows-1252, the code page of the PDF fonts;
// characters it lacks become their nearest ASCII ("−" → "-", "≥" → ">=").
func to1252(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80 || (r >= 0xA0 && r <= 0xFF):
			b.WriteByte(byte(r))
		default:
			if c, ok := cp1252High[r]; ok {
				b.WriteByte(c)
			} else if alt, ok := ascii[r]; ok {
				b.WriteString(alt)
			} else {
				b.WriteByte('?')
			}
		}
	}
	return b.String()
}

// cp1252High are the characters Windows-1252 puts at 0x80–0x9F.
var cp1252High = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A,
	'‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
	'˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

var ascii = map[rune]string{'−': "-", '≥': ">=", '≤': "<=", '\u202f': " ", '\u2009': " ", '×': "x", '∞': "inf"}
