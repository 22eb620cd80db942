package geo

import (
	"encoding/binary"
	"fmt"
	"math"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"golang.org/x/text/encoding/charmap"

	"planatlas/lang"
)

// ShapefileParts are the files of an ESRI shapefile, as read by the
// caller. SHP and DBF are required; SHX is checked against SHP when
// present; PRJ gives the CRS and CPG the attributes' code page.
type ShapefileParts struct {
	SHP, SHX, DBF, PRJ, CPG []byte
}

// ReadShapefileLayer reads a polygon shapefile. Parts are grouped into
// polygons by containment, not by the rings' orientation (writers do not
// all follow ESRI's clockwise shells): a ring inside an even number of
// others is a shell, inside an odd number a hole of the smallest ring
// containing it. Attributes are decoded as the .cpg says (UTF-8,
// Windows-1252, Latin-1), as Latin-1 when there is none. Deleted .dbf
// records are skipped with their shapes.
func ReadShapefileLayer(p ShapefileParts, name string) (*Layer, error) {
	if p.DBF == nil {
		return nil, &FeatureError{File: name, M: lang.M("the shapefile has no .dbf file (its attributes, with the area keys); a shapefile needs .shp, .shx and .dbf side by side")}
	}
	l := &Layer{File: name}
	if p.PRJ != nil {
		c, err := CRSFromWKT(string(p.PRJ))
		if err != nil {
			prj := strings.TrimSuffix(name, ".shp") + ".prj"
			l.CRSErr = &FeatureError{File: prj, M: lang.M("%s: %v", path.Base(prj), err)}
		}
		l.CRS = c
	}
	shapes, err := readSHP(p.SHP, name)
	if err != nil {
		return nil, err
	}
	if len(p.SHX) >= 100 {
		if n := (len(p.SHX) - 100) / 8; n != len(shapes) {
			return nil, &FeatureError{File: name, M: lang.M("the .shx indexes %d shapes, the .shp holds %d: the files do not belong together or one is damaged", n, len(shapes))}
		}
	}
	dec, encNote, err := cpgDecoder(p.CPG)
	if err != nil {
		return nil, &FeatureError{File: strings.TrimSuffix(name, ".shp") + ".cpg", M: lang.M("%v", err)}
	}
	fields, records, deleted, err := readDBF(p.DBF, name, dec)
	if err != nil {
		return nil, err
	}
	if len(records) != len(shapes) {
		return nil, &FeatureError{File: name, M: lang.M("the .dbf has %d records, the .shp %d shapes: the files do not belong together or one is damaged", len(records), len(shapes))}
	}
	l.Fields = fields
	for i, rec := range records {
		if deleted[i] {
			continue
		}
		l.Features = append(l.Features, Feature{Attrs: rec, Geom: shapes[i].geom, Point: shapes[i].pt, GeomErr: shapes[i].err})
	}
	if encNote.Format != "" && looksLikeUTF8(records) {
		l.Notes = append(l.Notes, encNote)
	}
	return l, nil
}

type shape struct {
	geom orb.MultiPolygon
	pt   *orb.Point
	err  string
}

var shapeTypes = map[int32]string{0: "null", 1: "Point", 3: "PolyLine", 5: "Polygon", 8: "MultiPoint", 11: "PointZ", 13: "PolyLineZ", 15: "PolygonZ", 18: "MultiPointZ", 21: "PointM", 23: "PolyLineM", 25: "PolygonM", 28: "MultiPointM", 31: "MultiPatch"}

func readSHP(b []byte, name string) ([]shape, error) {
	if len(b) < 100 || binary.BigEndian.Uint32(b[0:]) != 9994 {
		return nil, &FeatureError{File: name, M: lang.M("not a shapefile (.shp): the file code is missing")}
	}
	le := binary.LittleEndian
	var out []shape
	off := 100
	for off < len(b) {
		if off+8 > len(b) {
			return nil, &FeatureError{File: name, Feature: len(out) + 1, M: lang.M("the .shp ends inside a record header: the file is truncated")}
		}
		length := int(binary.BigEndian.Uint32(b[off+4:])) * 2
		body := off + 8
		if body+length > len(b) || length < 4 {
			return nil, &FeatureError{File: name, Feature: len(out) + 1, M: lang.M("the .shp ends inside a record: the file is truncated")}
		}
		rec := b[body : body+length]
		off = body + length
		typ := int32(le.Uint32(rec))
		switch typ {
		case 0:
			out = append(out, shape{})
			continue
		case 5, 15, 25:
		case 1, 11, 21:
			if len(rec) < 20 {
				return nil, &FeatureError{File: name, Feature: len(out) + 1, M: lang.M("point record too short")}
			}
			pt := orb.Point{math.Float64frombits(le.Uint64(rec[4:])), math.Float64frombits(le.Uint64(rec[12:]))}
			out = append(out, shape{pt: &pt, err: "is a Point shape; planning areas must be polygons"})
			continue
		default:
			t := shapeTypes[typ]
			if t == "" {
				t = fmt.Sprintf("type %d", typ)
			}
			out = append(out, shape{err: fmt.Sprintf("is a %s shape; planning areas must be polygons", t)})
			continue
		}
		if len(rec) < 44 {
			return nil, &FeatureError{File: name, Feature: len(out) + 1, M: lang.M("polygon record too short")}
		}
		nParts, nPoints := int(le.Uint32(rec[36:])), int(le.Uint32(rec[40:]))
		if nParts < 0 || nPoints < 0 || 44+4*nParts+16*nPoints > len(rec) {
			return nil, &FeatureError{File: name, Feature: len(out) + 1, M: lang.M("polygon record with inconsistent part and point counts")}
		}
		starts := make([]int, nParts+1)
		for k := 0; k < nParts; k++ {
			starts[k] = int(le.Uint32(rec[44+4*k:]))
		}
		starts[nParts] = nPoints
		pts := rec[44+4*nParts:]
		var rings []orb.Ring
		for k := 0; k < nParts; k++ {
			if starts[k] < 0 || starts[k] > starts[k+1] || starts[k+1] > nPoints {
				return nil, &FeatureError{File: name, Feature: len(out) + 1, M: lang.M("polygon record with inconsistent part starts")}
			}
			r := make(orb.Ring, 0, starts[k+1]-starts[k])
			for j := starts[k]; j < starts[k+1]; j++ {
				r = append(r, orb.Point{
					math.Float64frombits(le.Uint64(pts[16*j:])),
					math.Float64frombits(le.Uint64(pts[16*j+8:])),
				})
			}
			rings = append(rings, r)
		}
		if len(rings) == 0 {
			out = append(out, shape{err: "the geometry is empty"})
			continue
		}
		out = append(out, shape{geom: groupRings(rings)})
	}
	return out, nil
}

// textDecoder turns the bytes of a .dbf into text. It fails on a byte
// its code page leaves undefined.
type textDecoder func([]byte) (string, error)

// cpgDecoder returns the decoder for the .cpg's code page; Latin-1 when
// there is no .cpg, with a note to use if the text turns out to be UTF-8.
func cpgDecoder(cpg []byte) (textDecoder, lang.Message, error) {
	if cpg == nil {
		return latin1, lang.M("the shapefile has no .cpg file, so its attributes were read as Latin-1, but they look like UTF-8: add a .cpg file containing UTF-8"), nil
	}
	switch strings.ToUpper(strings.TrimSpace(string(cpg))) {
	case "UTF-8", "UTF8", "65001":
		return func(b []byte) (string, error) {
			if utf8.Valid(b) {
				return string(b), nil
			}
			return latin1(b)
		}, lang.Message{}, nil
	case "1252", "CP1252", "WINDOWS-1252", "ANSI 1252", "ANSI":
		return windows1252, lang.Message{}, nil
	case "ISO-8859-1", "ISO8859-1", "88591", "8859-1", "LATIN1", "LATIN-1", "ISO 88591":
		return latin1, lang.Message{}, nil
	}
	return nil, lang.Message{}, fmt.Errorf("code page %q is not supported (UTF-8, 1252, ISO-8859-1)", strings.TrimSpace(string(cpg)))
}

// latin1 decodes ISO 8859-1, which defines every byte.
func latin1(b []byte) (string, error) {
	return decodeCharmap(charmap.ISO8859_1, "ISO-8859-1", b)
}

// windows1252 decodes Windows-1252 as the CSV reader does: by
// golang.org/x/text, refusing the five bytes the code page leaves
// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
func windows1252(b []byte) (string, error) {
	return decodeCharmap(charmap.Windows1252, "Windows-1252", b)
}

// decodeCharmap decodes a single-byte code page. x/text decodes a byte
// the code page leaves undefined as U+FFFD, which no defined byte gives.
func decodeCharmap(m *charmap.Charmap, name string, b []byte) (string, error) {
	ascii := 0
	for ascii < len(b) && b[ascii] < utf8.RuneSelf {
		ascii++
	}
	if ascii == len(b) {
		return string(b), nil
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	sb.Write(b[:ascii])
	for _, c := range b[ascii:] {
		if c < utf8.RuneSelf {
			sb.WriteByte(c)
			continue
		}
		r := m.DecodeByte(c)
		if r == utf8.RuneError {
			return "", fmt.Errorf("byte 0x%02X is not %s", c, name)
		}
		sb.WriteRune(r)
	}
	return sb.String(), nil
}

// looksLikeUTF8 reports whether Latin-1-decoded text shows the signature
// of UTF-8 (Ã or Â followed by a continuation character).
func looksLikeUTF8(records [][]Attr) bool {
	for _, rec := range records {
		for _, a := range rec {
			for i, r := range []rune(a.Text) {
				if (r == 'Ã' || r == 'Â') && i+1 < len([]rune(a.Text)) {
					next := []rune(a.Text)[i+1]
					if next >= 0x80 && next <= 0xBF {
						return true
					}
				}
			}
		}
	}
	return false
}

// dbfField is a column of a dBASE table.
type dbfField struct {
	name   string
	typ    byte
	offset int
	length int
}

// readDBF reads a dBASE III/IV table. A byte that the code page leaves
// undefined is an error naming its record and field, unless the record is
// deleted.
func readDBF(b []byte, name string, dec textDecoder) (fields []string, records [][]Attr, deleted []bool, err error) {
	dbfName := strings.TrimSuffix(name, ".shp") + ".dbf"
	if len(b) < 33 {
		return nil, nil, nil, &FeatureError{File: dbfName, M: lang.M("not a dBASE file: too short")}
	}
	le := binary.LittleEndian
	n := int(le.Uint32(b[4:]))
	headerLen, recLen := int(le.Uint16(b[8:])), int(le.Uint16(b[10:]))
	var fs []dbfField
	off := 1 // after the deletion flag
	for p := 32; p+32 <= len(b) && p < headerLen && b[p] != 0x0D; p += 32 {
		raw := b[p : p+11]
		if k := strings.IndexByte(string(raw), 0); k >= 0 {
			raw = raw[:k]
		}
		text, err := dec(raw)
		if err != nil {
			return nil, nil, nil, &FeatureError{File: dbfName, M: lang.M("the name of field %d: %v%s", len(fs)+1, err, codePageHint)}
		}
		f := dbfField{name: strings.TrimSpace(text), typ: b[p+11], offset: off, length: int(b[p+16])}
		off += f.length
		fs = append(fs, f)
		fields = append(fields, f.name)
	}
	if off != recLen {
		return nil, nil, nil, &FeatureError{File: dbfName, M: lang.M("the field widths add up to %d bytes, the record length says %d: the file is damaged", off, recLen)}
	}
	if headerLen+n*recLen > len(b) {
		return nil, nil, nil, &FeatureError{File: dbfName, M: lang.M("the header announces %d records, the file holds %d: it is truncated", n, (len(b)-headerLen)/max(recLen, 1))}
	}
	features := 0 // records not deleted, as the layer numbers its features
	for i := 0; i < n; i++ {
		rec := b[headerLen+i*recLen : headerLen+(i+1)*recLen]
		del := rec[0] == '*'
		if !del {
			features++
		}
		attrs, k, err := dbfAttrs(rec, fs, dec)
		if err != nil && !del {
			return nil, nil, nil, &FeatureError{File: dbfName, Feature: features, Field: fs[k].name, M: lang.M("%v%s", err, codePageHint)}
		}
		deleted = append(deleted, del)
		records = append(records, attrs)
	}
	return fields, records, deleted, nil
}

// codePageHint follows an undefined byte in a .dbf.
const codePageHint = ", the code page of the .cpg file: which code page does the file have? Save the attributes as UTF-8 with a .cpg file saying UTF-8"

// dbfAttrs decodes the fields of one record; on failure it returns the
// index of the field that failed.
func dbfAttrs(rec []byte, fs []dbfField, dec textDecoder) ([]Attr, int, error) {
	attrs := make([]Attr, len(fs))
	for k, f := range fs {
		text, err := dec(rec[f.offset : f.offset+f.length])
		if err != nil {
			return attrs, k, err
		}
		text = strings.TrimSpace(text)
		switch f.typ {
		case 'N', 'F':
			if text == "" || strings.Trim(text, "*") == "" {
				attrs[k] = Attr{Null: true}
			} else {
				attrs[k] = Attr{Text: text, Number: true}
			}
		case 'L':
			switch strings.ToUpper(text) {
			case "T", "Y":
				attrs[k] = Attr{Text: "true"}
			case "F", "N":
				attrs[k] = Attr{Text: "false"}
			default:
				attrs[k] = Attr{Null: true}
			}
		default:
			attrs[k] = Attr{Text: text, Null: text == "" && f.typ != 'C'}
		}
	}
	return attrs, 0, nil
}
