package geo

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// ReadOptions name the properties that carry an area's key, name and
// parent, and the CRS where the file does not declare one.
type ReadOptions struct {
	Key        string // property with the area key (required)
	Name       string // property with the area name; the key if ""
	Parent     string // property with the parent area's key (district); optional
	ParentName string // property with the parent's name; optional
	CRS        CRS    // the file's CRS if it has no "crs" member; Unknown means WGS84 (RFC 7946)
}

type geoJSONFile struct {
	Type string `json:"type"`
	CRS  *struct {
		Type       string `json:"type"`
		Properties struct {
			Name string `json:"name"`
		} `json:"properties"`
	} `json:"crs"`
	Features []struct {
		Type       string                     `json:"type"`
		Geometry   json.RawMessage            `json:"geometry"`
		Properties map[string]json.RawMessage `json:"properties"`
	} `json:"features"`
}

// ReadGeoJSON reads planning areas from a GeoJSON FeatureCollection,
// RFC 7946 (WGS84) or with the older "crs" member naming a projected CRS.
// Polygons and MultiPolygons are accepted. The areas are returned sorted
// by key and projected to a planar CRS: the file's own if it is
// projected, else the ETRS89 / UTM zone of the areas' mean longitude.
// Shells are made counter-clockwise, holes clockwise.
func ReadGeoJSON(r io.Reader, name string, opt ReadOptions) (*Areas, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &FeatureError{File: name, Msg: "cannot read: " + err.Error()}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var f geoJSONFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, &FeatureError{File: name, Msg: "not valid GeoJSON: " + jsonErrorText(data, err)}
	}
	if f.Type != "FeatureCollection" {
		return nil, &FeatureError{File: name, Field: "type", Msg: fmt.Sprintf("is %q, expected a FeatureCollection", f.Type)}
	}
	if len(f.Features) == 0 {
		return nil, &FeatureError{File: name, Msg: "the FeatureCollection has no features"}
	}
	crs := WGS84
	if opt.CRS != Unknown {
		crs = opt.CRS
	}
	if f.CRS != nil {
		declared, err := ParseCRS(f.CRS.Properties.Name)
		if err != nil {
			return nil, &FeatureError{File: name, Field: "crs", Msg: err.Error()}
		}
		if opt.CRS != Unknown && declared != opt.CRS {
			return nil, &FeatureError{File: name, Field: "crs", Msg: fmt.Sprintf("the file declares %s, the plan %s", declared, opt.CRS)}
		}
		crs = declared
	}
	a := &Areas{File: name, CRS: crs}
	for i, ft := range f.Features {
		n := i + 1
		key, err := propText(ft.Properties, opt.Key)
		if err != nil || key == "" {
			msg := "the key property is missing or empty"
			if err != nil {
				msg = err.Error()
			}
			if _, ok := ft.Properties[opt.Key]; !ok {
				msg = fmt.Sprintf("has no property %q for the area key%s", opt.Key, propHint(ft.Properties, opt.Key))
			}
			return nil, &FeatureError{File: name, Feature: n, Field: opt.Key, Msg: msg}
		}
		fe := func(field, format string, args ...any) error {
			return &FeatureError{File: name, Feature: n, Key: key, Field: field, Msg: fmt.Sprintf(format, args...)}
		}
		areaName := key
		if opt.Name != "" {
			if areaName, err = propText(ft.Properties, opt.Name); err != nil {
				return nil, fe(opt.Name, "%v", err)
			}
			if _, ok := ft.Properties[opt.Name]; !ok {
				return nil, fe(opt.Name, "no such property%s", propHint(ft.Properties, opt.Name))
			}
		}
		parent, parentName := "", ""
		if opt.Parent != "" {
			if _, ok := ft.Properties[opt.Parent]; !ok {
				return nil, fe(opt.Parent, "no such property%s", propHint(ft.Properties, opt.Parent))
			}
			if parent, err = propText(ft.Properties, opt.Parent); err != nil {
				return nil, fe(opt.Parent, "%v", err)
			}
			parentName = parent
		}
		if opt.ParentName != "" {
			if _, ok := ft.Properties[opt.ParentName]; !ok {
				return nil, fe(opt.ParentName, "no such property%s", propHint(ft.Properties, opt.ParentName))
			}
			if parentName, err = propText(ft.Properties, opt.ParentName); err != nil {
				return nil, fe(opt.ParentName, "%v", err)
			}
		}
		raw := bytes.TrimSpace(ft.Geometry)
		if len(raw) == 0 || string(raw) == "null" {
			return nil, fe("geometry", "the feature has no geometry")
		}
		mp, err := parseGeometry(raw)
		if err != nil {
			return nil, fe("geometry", "%v", err)
		}
		if msg := checkPolygons(mp, crs); msg != "" {
			return nil, fe("geometry", "%s", msg)
		}
		a.Keys = append(a.Keys, key)
		a.Names = append(a.Names, areaName)
		a.Parents = append(a.Parents, parent)
		a.ParentNames = append(a.ParentNames, parentName)
		a.Geoms = append(a.Geoms, mp)
		a.features = append(a.features, n)
	}
	if err := a.checkUnique(); err != nil {
		return nil, err
	}
	if err := a.toPlanar(); err != nil {
		return nil, err
	}
	for i := range a.Geoms {
		a.Geoms[i] = orient(a.Geoms[i])
	}
	return a.sortedByKey(), nil
}

// checkPolygons checks the structure a reader can check without topology:
// no empty parts, rings of at least four positions, closed rings, and
// coordinates that can lie in the CRS.
func checkPolygons(mp orb.MultiPolygon, crs CRS) string {
	if len(mp) == 0 {
		return "the geometry is empty"
	}
	for pi, p := range mp {
		if len(p) == 0 {
			return fmt.Sprintf("polygon %d is empty", pi+1)
		}
		for ri, r := range p {
			what := fmt.Sprintf("ring %d of polygon %d", ri+1, pi+1)
			if len(r) < 4 {
				return fmt.Sprintf("%s has %d positions; a ring needs at least 4", what, len(r))
			}
			if r[0] != r[len(r)-1] {
				return fmt.Sprintf("%s is not closed: it starts at (%g, %g) and ends at (%g, %g)", what, r[0][0], r[0][1], r[len(r)-1][0], r[len(r)-1][1])
			}
			for _, pt := range r {
				if msg := checkCoordinates(crs, pt[0], pt[1]); msg != "" {
					return what + ": " + msg
				}
			}
		}
	}
	return ""
}

// toPlanar projects geographic coordinates to the ETRS89 / UTM zone of
// the areas' mean longitude.
func (a *Areas) toPlanar() error {
	if !a.CRS.Geographic() {
		return nil
	}
	var sum float64
	var n int
	for _, g := range a.Geoms {
		for _, p := range g {
			for _, pt := range p[0] {
				sum += pt[0]
				n++
			}
		}
	}
	zone := int(math.Floor((sum/float64(n)+180)/6)) + 1
	target := CRS(25800 + zone)
	proj := target.projection()
	if proj == nil {
		return &FeatureError{File: a.File, Msg: fmt.Sprintf("the areas lie in UTM zone %d; planatlas projects only to ETRS89 / UTM zones 28–38 (Europe)", zone)}
	}
	for _, g := range a.Geoms {
		for _, p := range g {
			for _, r := range p {
				for i, pt := range r {
					x, y := proj.Forward(pt[0], pt[1])
					r[i] = orb.Point{x, y}
				}
			}
		}
	}
	a.CRS = target
	return nil
}

// propText returns a property as text: strings as they are, numbers as
// written in the file, null as "".
func propText(props map[string]json.RawMessage, name string) (string, error) {
	raw, ok := props[name]
	if !ok {
		return "", nil
	}
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return "", nil
	case raw[0] == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", err
		}
		return strings.TrimSpace(s), nil
	case raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9':
		return string(raw), nil
	case string(raw) == "true" || string(raw) == "false":
		return string(raw), nil
	}
	return "", fmt.Errorf("is an object or array, expected text or a number")
}

func propHint(props map[string]json.RawMessage, want string) string {
	names := make([]string, 0, len(props))
	for k := range props {
		names = append(names, strconv.Quote(k))
	}
	sort.Strings(names)
	if len(names) > 15 {
		names = append(names[:15], "…")
	}
	return " (properties: " + strings.Join(names, ", ") + ")"
}

// parseGeometry reads a Polygon or MultiPolygon geometry object.
func parseGeometry(raw json.RawMessage) (orb.MultiPolygon, error) {
	var g struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return nil, fmt.Errorf("not a valid GeoJSON geometry: %v", err)
	}
	switch g.Type {
	case "Polygon":
		var c [][][]float64
		if err := json.Unmarshal(g.Coordinates, &c); err != nil {
			return nil, fmt.Errorf("the Polygon's coordinates are not an array of rings of positions: %v", err)
		}
		p, err := polygonFrom(c)
		if err != nil {
			return nil, err
		}
		return orb.MultiPolygon{p}, nil
	case "MultiPolygon":
		var c [][][][]float64
		if err := json.Unmarshal(g.Coordinates, &c); err != nil {
			return nil, fmt.Errorf("the MultiPolygon's coordinates are not an array of polygons: %v", err)
		}
		mp := make(orb.MultiPolygon, 0, len(c))
		for _, pc := range c {
			p, err := polygonFrom(pc)
			if err != nil {
				return nil, err
			}
			mp = append(mp, p)
		}
		return mp, nil
	case "":
		return nil, errors.New("the geometry has no type")
	}
	return nil, fmt.Errorf("is a %s; planning areas must be Polygon or MultiPolygon", g.Type)
}

func polygonFrom(c [][][]float64) (orb.Polygon, error) {
	p := make(orb.Polygon, len(c))
	for ri, rc := range c {
		r := make(orb.Ring, len(rc))
		for i, pos := range rc {
			if len(pos) < 2 {
				return nil, fmt.Errorf("a position of ring %d has %d coordinates, needs 2", ri+1, len(pos))
			}
			r[i] = orb.Point{pos[0], pos[1]}
		}
		p[ri] = r
	}
	return p, nil
}

// jsonErrorText adds the line and column to a JSON syntax error.
func jsonErrorText(data []byte, err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var off int64
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	default:
		return err.Error()
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	// Offset counts the bytes read, including the offending one.
	col := off - int64(bytes.LastIndexByte(data[:off], '\n')) - 1
	return fmt.Sprintf("%v (line %d, column %d)", err, line, col)
}

// Property is one attribute written for every area: text or numbers
// (NaN is written as null).
type Property struct {
	Name string
	Text []string
	Num  []float64
}

// WriteGeoJSON writes the areas as an RFC 7946 FeatureCollection in
// WGS84 with the given properties, in area order. Coordinates are
// rounded to 7 decimals (about 1 cm); shells are counter-clockwise.
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
		writeGeometry(bw, a.CRS, a.Geoms[i])
		bw.WriteByte('}')
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

func writeGeometry(w *bufio.Writer, crs CRS, mp orb.MultiPolygon) {
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
				lon, lat := crs.ToWGS84(pt[0], pt[1])
				w.WriteByte('[')
				w.WriteString(coord(lon))
				w.WriteByte(',')
				w.WriteString(coord(lat))
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

func coord(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e7)/1e7, 'f', -1, 64)
}

func writeJSONString(w *bufio.Writer, s string) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	w.Write(bytes.TrimRight(buf.Bytes(), "\n"))
}
