package geo

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"strconv"

	"github.com/paulmach/orb"
)

// Property is one attribute written for every area: text or numbers
// (NaN is written as null).
type Property struct {
	Name string
	Text []string
	Num  []float64
}

// WriteGeoJSON writes the areas as an RFC 7946 FeatureCollection in
// WGS84 with the given properties, in area order. The geometries are
// those of WGS84Geometry: coordinates rounded to 7 decimals (about 1 cm),
// shells counter-clockwise.
// Properties keep their order, so equal inputs give equal bytes.
func WriteGeoJSON(w io.Writer, a *Areas, props []Property) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`{"type":"FeatureCollection","features":[`)
	for i := range a.Keys {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n{\"type\":\"Feature\",\"properties\":{")
		for j, p := range props {
			if j > 0 {
				bw.WriteByte(',')
			}
			writeJSONString(bw, p.Name)
			bw.WriteByte(':')
			switch {
			case p.Text != nil:
				writeJSONString(bw, p.Text[i])
			case p.Num != nil:
				if v := p.Num[i]; math.IsNaN(v) || math.IsInf(v, 0) {
					bw.WriteString("null")
				} else {
					bw.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
				}
			default:
				bw.WriteString("null")
			}
		}
		bw.WriteString(`},"geometry":`)
		writeGeometry(bw, a.WGS84Geometry(i))
		bw.WriteByte('}')
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

// writeGeometry writes mp, in WGS84 and rounded (WGS84Geometry); an
// area of one polygon is written as a Polygon.
func writeGeometry(w *bufio.Writer, mp orb.MultiPolygon) {
	single := len(mp) == 1
	if single {
		w.WriteString(`{"type":"Polygon","coordinates":`)
	} else {
		w.WriteString(`{"type":"MultiPolygon","coordinates":[`)
	}
	for pi, p := range mp {
		if pi > 0 {
			w.WriteByte(',')
		}
		w.WriteByte('[')
		for ri, r := range p {
			if ri > 0 {
				w.WriteByte(',')
			}
			w.WriteByte('[')
			for k, pt := range r {
				if k > 0 {
					w.WriteByte(',')
				}
				w.WriteByte('[')
				w.WriteString(coord(pt[0]))
				w.WriteByte(',')
				w.WriteString(coord(pt[1]))
				w.WriteByte(']')
			}
			w.WriteByte(']')
		}
		w.WriteByte(']')
	}
	if !single {
		w.WriteByte(']')
	}
	w.WriteByte('}')
}

// coord prints a rounded coordinate in its shortest form.
func coord(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func writeJSONString(w *bufio.Writer, s string) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string into a bytes.Buffer does not fail
	w.Write(bytes.TrimRight(buf.Bytes(), "\n"))
}
