package report

import (
	"image/color"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// style holds the fonts of one figure. Each figure builds its own, so no
// package-level state is shared (gonum/plot's defaults are serif and
// global; planatlas uses Liberation Sans, metric-compatible with Arial).
type style struct {
	handler text.Plain
}

func newStyle() *style {
	return &style{handler: text.Plain{Fonts: font.NewCache(liberation.Collection())}}
}

// text returns a text style of size pt points.
func (s *style) text(pt float64, bold bool, clr color.Color) draw.TextStyle {
	f := font.Font{Typeface: "Liberation", Variant: "Sans", Size: font.Length(pt)}
	if bold {
		f.Weight = xfont.WeightBold
	}
	return draw.TextStyle{Color: clr, Font: f, Handler: s.handler}
}

var (
	black     = color.Gray{Y: 0}
	darkGrey  = color.Gray{Y: 0x44}
	midGrey   = color.Gray{Y: 0x88}
	lightGrey = color.Gray{Y: 0xd9}
	white     = color.Gray{Y: 0xff}
	// missingColour marks areas without a value: light grey, distinct
	// from every sequential palette's lightest class.
	missingColour = color.RGBA{R: 0xe8, G: 0xe8, B: 0xe8, A: 0xff}
	// unreliableColour marks survey estimates that are not published
	// (too few respondents or too uncertain): a grey between the
	// confidential grey and the white of no data.
	unreliableColour = color.RGBA{R: 0xd2, G: 0xd2, B: 0xd2, A: 0xff}
)

// mm converts millimetres to a vg length.
func mm(v float64) vg.Length { return vg.Length(v) * vg.Millimeter }

// Sequential palettes from ColorBrewer (Cynthia A. Brewer, Pennsylvania
// State University; Apache License 2.0), for 3 to 7 classes, light to
// dark. YlOrRd marks need, YlGnBu neutral quantities.
var palettes = map[string][][]string{
	"YlOrRd": {
		{"#ffeda0", "#feb24c", "#f03b20"},
		{"#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"},
		{"#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"},
		{"#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"},
		{"#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"},
	},
	// RdBu is diverging, from red to blue (for classes around a
	// reference value).
	"RdBu": {
		{"#ef8a62", "#f7f7f7", "#67a9cf"},
		{"#ca0020", "#f4a582", "#92c5de", "#0571b0"},
		{"#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"},
		{"#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac"},
		{"#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac"},
	},
	"YlGnBu": {
		{"#edf8b1", "#7fcdbb", "#2c7fb8"},
		{"#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"},
		{"#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"},
		{"#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"},
		{"#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"},
	},
}

// Palette returns n colours of a named sequential palette (1 ≤ n ≤ 7).
func Palette(name string, n int) []color.Color {
	p, ok := palettes[name]
	if !ok {
		p = palettes["YlOrRd"]
	}
	switch {
	case n < 1:
		return nil
	case n < 3:
		// the lightest and darkest of three, or the middle one
		three := p[0]
		if n == 1 {
			return []color.Color{hexColour(three[1])}
		}
		return []color.Color{hexColour(three[0]), hexColour(three[2])}
	case n > 7:
		n = 7
	}
	out := make([]color.Color, n)
	for i, h := range p[n-3] {
		out[i] = hexColour(h)
	}
	return out
}

func hexColour(s string) color.Color {
	var c [3]uint8
	for i := 0; i < 3; i++ {
		c[i] = unhex(s[1+2*i])<<4 | unhex(s[2+2*i])
	}
	return color.RGBA{R: c[0], G: c[1], B: c[2], A: 0xff}
}

func unhex(b byte) uint8 {
	switch {
	case b >= '0' && b <= '9':
		return b - '0'
	case b >= 'a' && b <= 'f':
		return b - 'a' + 10
	}
	return b - 'A' + 10
}
