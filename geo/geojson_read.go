package geo

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"planatlas/lang"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/paulmach/orb"
)

// ReadGeoJSON reads planning areas from a GeoJSON FeatureCollection:
// ReadGeoJSONLayer, then Layer.Areas.
func ReadGeoJSON(r io.Reader, name string, opt ReadOptions) (*Areas, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &FeatureError{File: name, M: lang.M("cannot read: %v", err)}
	}
	l, err := ReadGeoJSONLayer(data, name)
	if err != nil {
		return nil, err
	}
	return l.Areas(opt)
}

// ReadGeoJSONLayer parses a GeoJSON FeatureCollection, RFC 7946 or with
// the older "crs" member. Polygons and MultiPolygons are read; any other
// geometry makes that feature's GeomErr say so. The parser is written
// for the task (encoding/json into maps would take seconds for 100,000
// features): it reads coordinates straight into orb's types and keeps
// attributes in file order, as text.
func ReadGeoJSONLayer(data []byte, name string) (*Layer, error) {
	s := &jsonScanner{b: bytes.TrimPrefix(data, []byte("\ufeff")), file: name}
	l := &Layer{File: name}
	fields := map[string]int{}
	var typ string
	sawFeatures := false
	err := s.object(func(key []byte) error {
		switch string(key) {
		case "type":
			v, err := s.str()
			typ = v
			return err
		case "crs":
			return s.object(func(k []byte) error {
				if string(k) != "properties" {
					return s.skip()
				}
				return s.object(func(k []byte) error {
					if string(k) != "name" {
						return s.skip()
					}
					v, err := s.str()
					if err != nil {
						return err
					}
					c, perr := ParseCRS(v)
					if perr != nil {
						return &FeatureError{File: name, Field: "crs", M: lang.M("%v", perr)}
					}
					l.CRS = c
					return nil
				})
			})
		case "features":
			sawFeatures = true
			return s.array(func(i int) error {
				ft, err := s.feature(l, fields)
				if err != nil {
					var fe *FeatureError
					if errors.As(err, &fe) {
						return err
					}
					return &FeatureError{File: name, Feature: i + 1, M: lang.M("%v", err)}
				}
				l.Features = append(l.Features, ft)
				return nil
			})
		}
		return s.skip()
	})
	if err != nil {
		return nil, err
	}
	s.ws()
	if s.i < len(s.b) {
		return nil, s.syntax("unexpected text after the FeatureCollection")
	}
	if typ != "FeatureCollection" {
		return nil, &FeatureError{File: name, Field: "type", M: lang.M("is %q, expected a FeatureCollection", typ)}
	}
	if !sawFeatures || len(l.Features) == 0 {
		return nil, &FeatureError{File: name, M: lang.M("the FeatureCollection has no features")}
	}
	for i := range l.Features { // attributes of fields first seen later
		for len(l.Features[i].Attrs) < len(l.Fields) {
			l.Features[i].Attrs = append(l.Features[i].Attrs, Attr{Null: true})
		}
	}
	return l, nil
}

// feature reads one feature object.
func (s *jsonScanner) feature(l *Layer, fields map[string]int) (Feature, error) {
	var ft Feature
	ft.Attrs = make([]Attr, len(l.Fields), len(l.Fields)+2)
	for i := range ft.Attrs {
		ft.Attrs[i].Null = true
	}
	err := s.object(func(key []byte) error {
		switch string(key) {
		case "properties":
			if s.null() {
				return nil
			}
			return s.object(func(k []byte) error {
				idx, ok := fields[string(k)]
				if !ok {
					idx = len(l.Fields)
					name := string(k)
					fields[name] = idx
					l.Fields = append(l.Fields, name)
				}
				for len(ft.Attrs) <= idx {
					ft.Attrs = append(ft.Attrs, Attr{Null: true})
				}
				a, err := s.attr()
				ft.Attrs[idx] = a
				return err
			})
		case "geometry":
			if s.null() {
				return nil
			}
			mp, pt, msg, err := s.geometry()
			ft.Geom, ft.Point, ft.GeomErr = mp, pt, msg
			return err
		}
		return s.skip()
	})
	return ft, err
}

// geometry reads a geometry object; msg says why a readable but unusable
// geometry (another type, an empty one) was not taken.
func (s *jsonScanner) geometry() (orb.MultiPolygon, *orb.Point, string, error) {
	var typ string
	var polys orb.MultiPolygon
	var pt *orb.Point
	depth := 0
	err := s.object(func(key []byte) error {
		switch string(key) {
		case "type":
			v, err := s.str()
			typ = v
			return err
		case "coordinates":
			var err error
			depth, polys, pt, err = s.coordinates()
			return err
		}
		return s.skip()
	})
	if err != nil {
		return nil, nil, "", err
	}
	if typ == "Point" {
		if pt == nil {
			return nil, nil, "the Point has no position", nil
		}
		return nil, pt, "is a Point; planning areas must be Polygon or MultiPolygon", nil
	}
	switch typ {
	case "Polygon":
		if depth != 3 && !(depth == 0 && len(polys) == 0) {
			return nil, nil, "the Polygon's coordinates are not an array of rings of positions", nil
		}
	case "MultiPolygon":
		if depth == 3 { // one polygon written as a Polygon's coordinates
			return nil, nil, "the MultiPolygon's coordinates are not an array of polygons", nil
		}
	case "":
		return nil, nil, "the geometry has no type", nil
	default:
		return nil, nil, fmt.Sprintf("is a %s; planning areas must be Polygon or MultiPolygon", typ), nil
	}
	if len(polys) == 0 {
		return nil, nil, "the geometry is empty", nil
	}
	return polys, nil, "", nil
}

// coordinates reads a Point's (depth 1), a Polygon's (depth 3) or a
// MultiPolygon's (depth 4) coordinates.
func (s *jsonScanner) coordinates() (int, orb.MultiPolygon, *orb.Point, error) {
	s.ws()
	depth := 0
	for j := s.i; j < len(s.b) && (s.b[j] == '[' || s.b[j] == ' ' || s.b[j] == '\n' || s.b[j] == '\r' || s.b[j] == '\t'); j++ {
		if s.b[j] == '[' {
			depth++
		}
	}
	ring := func() (orb.Ring, error) {
		var r orb.Ring
		err := s.array(func(int) error {
			var pt orb.Point
			n := 0
			err := s.array(func(k int) error {
				v, err := s.number()
				if k < 2 {
					pt[k] = v
				}
				n++
				return err
			})
			if err == nil && n < 2 {
				return s.syntax("a position needs at least two numbers")
			}
			r = append(r, pt)
			return err
		})
		return r, err
	}
	polygon := func() (orb.Polygon, error) {
		var p orb.Polygon
		err := s.array(func(int) error {
			r, err := ring()
			p = append(p, r)
			return err
		})
		return p, err
	}
	var mp orb.MultiPolygon
	var err error
	switch depth {
	case 3:
		var p orb.Polygon
		p, err = polygon()
		if len(p) > 0 {
			mp = orb.MultiPolygon{p}
		}
	case 4:
		err = s.array(func(int) error {
			p, err := polygon()
			mp = append(mp, p)
			return err
		})
	case 1:
		var pt orb.Point
		n := 0
		err = s.array(func(k int) error {
			v, err := s.number()
			if k < 2 {
				pt[k] = v
			}
			n++
			return err
		})
		if err == nil && n >= 2 {
			return depth, nil, &pt, nil
		}
		return depth, nil, nil, err
	default:
		err = s.skip()
	}
	return depth, mp, nil, err
}

// attr reads a property value as text.
func (s *jsonScanner) attr() (Attr, error) {
	s.ws()
	if s.i >= len(s.b) {
		return Attr{}, s.syntax("unexpected end")
	}
	switch c := s.b[s.i]; {
	case c == '"':
		v, err := s.str()
		return Attr{Text: v}, err
	case c == 'n':
		if s.null() {
			return Attr{Null: true}, nil
		}
	case c == 't' || c == 'f' || c == '{' || c == '[':
		start := s.i
		err := s.skip()
		return Attr{Text: string(s.b[start:s.i])}, err
	default:
		start := s.i
		if _, err := s.number(); err != nil {
			return Attr{}, err
		}
		return Attr{Text: string(s.b[start:s.i]), Number: true}, nil
	}
	return Attr{}, s.syntax("unexpected character")
}

// maxJSONDepth is the deepest nesting of arrays and objects the GeoJSON
// reader accepts. A MultiPolygon feature in a FeatureCollection is 8
// levels deep; properties may hold some JSON of their own. The limit
// bounds the reader's recursion, which follows the nesting.
const maxJSONDepth = 64

// jsonScanner reads JSON from a byte slice without building a tree.
type jsonScanner struct {
	b     []byte
	i     int
	file  string
	depth int // arrays and objects open at i
}

func (s *jsonScanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// syntax returns an error with the line and column of the current byte.
func (s *jsonScanner) syntax(msg string) error {
	return &FeatureError{File: s.file, M: lang.M("not valid GeoJSON: %s at %s", msg, s.position())}
}

// position names the current byte, its line and its column.
func (s *jsonScanner) position() lang.Message {
	off := min(s.i, len(s.b))
	line := 1 + bytes.Count(s.b[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(s.b[:off], '\n')
	if off >= len(s.b) {
		return lang.M("end of file (line %d, column %d)", lang.Digits(line), lang.Digits(col))
	}
	r, _ := utf8.DecodeRune(s.b[off:])
	return lang.M("%s (line %d, column %d)", strconv.QuoteRune(r), lang.Digits(line), lang.Digits(col))
}

// open reads the c ('{' or '[') that opens an object or an array, one
// level deeper than maxJSONDepth at most; close must follow when the
// object or array ends.
func (s *jsonScanner) open(c byte) error {
	if err := s.expect(c); err != nil {
		return err
	}
	if s.depth == maxJSONDepth {
		s.i--
		return &FeatureError{File: s.file, M: lang.M("not valid GeoJSON: arrays and objects nested more than %d deep at %s; "+
			"GeoJSON needs 8 levels or so: the file is damaged or not GeoJSON", maxJSONDepth, s.position())}
	}
	s.depth++
	return nil
}

func (s *jsonScanner) close() { s.depth-- }

func (s *jsonScanner) expect(c byte) error {
	s.ws()
	if s.i >= len(s.b) || s.b[s.i] != c {
		return s.syntax(fmt.Sprintf("expected %q", string(c)))
	}
	s.i++
	return nil
}

func (s *jsonScanner) null() bool {
	s.ws()
	if bytes.HasPrefix(s.b[s.i:], []byte("null")) {
		s.i += 4
		return true
	}
	return false
}

// object calls fn for every key, positioned at its value; fn must read
// or skip the value.
func (s *jsonScanner) object(fn func(key []byte) error) error {
	if err := s.open('{'); err != nil {
		return err
	}
	defer s.close()
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == '}' {
		s.i++
		return nil
	}
	for {
		s.ws()
		key, err := s.rawString()
		if err != nil {
			return err
		}
		if err := s.expect(':'); err != nil {
			return err
		}
		if err := fn(key); err != nil {
			return err
		}
		s.ws()
		if s.i >= len(s.b) {
			return s.syntax("unexpected end in an object")
		}
		switch s.b[s.i] {
		case ',':
			s.i++
		case '}':
			s.i++
			return nil
		default:
			return s.syntax("expected ',' or '}'")
		}
	}
}

// array calls fn for every element.
func (s *jsonScanner) array(fn func(i int) error) error {
	if err := s.open('['); err != nil {
		return err
	}
	defer s.close()
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == ']' {
		s.i++
		return nil
	}
	for n := 0; ; n++ {
		if err := fn(n); err != nil {
			return err
		}
		s.ws()
		if s.i >= len(s.b) {
			return s.syntax("unexpected end in an array")
		}
		switch s.b[s.i] {
		case ',':
			s.i++
		case ']':
			s.i++
			return nil
		default:
			return s.syntax("expected ',' or ']'")
		}
	}
}

// rawString reads a string without unescaping if it has no escapes; the
// result aliases the input unless it had escapes.
func (s *jsonScanner) rawString() ([]byte, error) {
	s.ws()
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return nil, s.syntax("expected a string")
	}
	start := s.i + 1
	for j := start; j < len(s.b); j++ {
		switch s.b[j] {
		case '"':
			s.i = j + 1
			return s.b[start:j], nil
		case '\\':
			v, err := s.str()
			return []byte(v), err
		}
	}
	return nil, s.syntax("unclosed string")
}

// str reads a string and unescapes it.
func (s *jsonScanner) str() (string, error) {
	s.ws()
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return "", s.syntax("expected a string")
	}
	s.i++
	var out []byte
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			if out == nil {
				v := string(s.b[start:s.i])
				s.i++
				return v, nil
			}
			out = append(out, s.b[start:s.i]...)
			s.i++
			return string(out), nil
		case c == '\\':
			out = append(out, s.b[start:s.i]...)
			s.i++
			if s.i >= len(s.b) {
				return "", s.syntax("unclosed string")
			}
			switch e := s.b[s.i]; e {
			case '"', '\\', '/':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				r, n := s.hex4(s.i + 1)
				if n < 0 {
					return "", s.syntax("bad \\u escape")
				}
				s.i += 4
				if utf16.IsSurrogate(r) {
					if r2, n2 := s.hex4(s.i + 3); n2 >= 0 && s.i+2 < len(s.b) && s.b[s.i+1] == '\\' && s.b[s.i+2] == 'u' {
						r = utf16.DecodeRune(r, r2)
						s.i += 6
					}
				}
				out = utf8.AppendRune(out, r)
			default:
				return "", s.syntax("bad escape")
			}
			s.i++
			start = s.i
		case c < 0x20:
			return "", s.syntax("control character in a string")
		default:
			s.i++
		}
	}
	return "", s.syntax("unclosed string")
}

func (s *jsonScanner) hex4(at int) (rune, int) {
	if at+4 > len(s.b) {
		return 0, -1
	}
	v, err := strconv.ParseUint(string(s.b[at:at+4]), 16, 32)
	if err != nil {
		return 0, -1
	}
	return rune(v), 4
}

// number reads a JSON number.
func (s *jsonScanner) number() (float64, error) {
	s.ws()
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		if c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
			s.i++
			continue
		}
		break
	}
	if s.i == start {
		return 0, s.syntax("expected a number")
	}
	b := s.b[start:s.i]
	v, err := strconv.ParseFloat(unsafe.String(&b[0], len(b)), 64) // ParseFloat keeps no reference
	if err != nil || math.IsInf(v, 0) {
		s.i = start
		return 0, s.syntax("not a number")
	}
	return v, nil
}

// skip skips any value.
func (s *jsonScanner) skip() error {
	s.ws()
	if s.i >= len(s.b) {
		return s.syntax("unexpected end")
	}
	switch c := s.b[s.i]; {
	case c == '{':
		return s.object(func([]byte) error { return s.skip() })
	case c == '[':
		return s.array(func(int) error { return s.skip() })
	case c == '"':
		_, err := s.rawString()
		return err
	case c == 't' && bytes.HasPrefix(s.b[s.i:], []byte("true")):
		s.i += 4
	case c == 'f' && bytes.HasPrefix(s.b[s.i:], []byte("false")):
		s.i += 5
	case c == 'n' && bytes.HasPrefix(s.b[s.i:], []byte("null")):
		s.i += 4
	case c == '-' || c >= '0' && c <= '9':
		_, err := s.number()
		return err
	default:
		return s.syntax("unexpected character")
	}
	return nil
}
