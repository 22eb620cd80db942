package geo

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// wktNode is one keyword of well-known text with its arguments: quoted
// strings, numbers, bare words and nested nodes.
type wktNode struct {
	name string
	args []any // string, float64 or *wktNode
}

func parseWKT(s string) (*wktNode, error) {
	p := &wktParser{s: s}
	n, err := p.node()
	if err != nil {
		return nil, err
	}
	return n, nil
}

type wktParser struct {
	s string
	i int
}

func (p *wktParser) skip() {
	for p.i < len(p.s) && strings.ContainsRune(" \t\r\n", rune(p.s[p.i])) {
		p.i++
	}
}

func (p *wktParser) node() (*wktNode, error) {
	p.skip()
	start := p.i
	for p.i < len(p.s) && (p.s[p.i] == '_' || p.s[p.i] >= 'A' && p.s[p.i] <= 'Z' || p.s[p.i] >= 'a' && p.s[p.i] <= 'z' || p.s[p.i] >= '0' && p.s[p.i] <= '9') {
		p.i++
	}
	n := &wktNode{name: strings.ToUpper(p.s[start:p.i])}
	p.skip()
	if p.i >= len(p.s) || (p.s[p.i] != '[' && p.s[p.i] != '(') {
		return n, nil // a bare word (an enumeration value such as EAST)
	}
	closer := byte(']')
	if p.s[p.i] == '(' {
		closer = ')'
	}
	p.i++
	for {
		p.skip()
		if p.i >= len(p.s) {
			return nil, fmt.Errorf("unexpected end of the WKT")
		}
		switch c := p.s[p.i]; {
		case c == closer:
			p.i++
			return n, nil
		case c == ',':
			p.i++
		case c == '"':
			end := strings.IndexByte(p.s[p.i+1:], '"')
			if end < 0 {
				return nil, fmt.Errorf("unclosed quote in the WKT")
			}
			n.args = append(n.args, p.s[p.i+1:p.i+1+end])
			p.i += end + 2
		case c == '-' || c == '+' || c == '.' || c >= '0' && c <= '9':
			start := p.i
			for p.i < len(p.s) && strings.ContainsRune("+-.0123456789eE", rune(p.s[p.i])) {
				p.i++
			}
			v, err := strconv.ParseFloat(p.s[start:p.i], 64)
			if err != nil {
				return nil, fmt.Errorf("%q is not a number in the WKT", p.s[start:p.i])
			}
			n.args = append(n.args, v)
		default:
			child, err := p.node()
			if err != nil {
				return nil, err
			}
			if child.name == "" {
				return nil, fmt.Errorf("unexpected %q in the WKT", string(c))
			}
			n.args = append(n.args, child)
		}
	}
}

// child returns the first direct child node with one of the names.
func (n *wktNode) child(names ...string) *wktNode {
	for _, a := range n.args {
		if c, ok := a.(*wktNode); ok {
			for _, name := range names {
				if c.name == name {
					return c
				}
			}
		}
	}
	return nil
}

// find returns the first node with the name anywhere below n.
func (n *wktNode) find(name string) *wktNode {
	for _, a := range n.args {
		if c, ok := a.(*wktNode); ok {
			if c.name == name {
				return c
			}
			if f := c.find(name); f != nil {
				return f
			}
		}
	}
	return nil
}

func (n *wktNode) str(i int) string {
	if n != nil && i < len(n.args) {
		if s, ok := n.args[i].(string); ok {
			return s
		}
	}
	return ""
}

func (n *wktNode) num(i int) (float64, bool) {
	if n != nil && i < len(n.args) {
		switch v := n.args[i].(type) {
		case float64:
			return v, true
		case string:
			f, err := strconv.ParseFloat(v, 64)
			return f, err == nil
		}
	}
	return 0, false
}

var (
	utmName  = regexp.MustCompile(`utm_zone_(\d+)n?\b|utm(\d+)n?\b|zone_(\d+)n`)
	gkName   = regexp.MustCompile(`gauss.*?(?:zone|_)_?(\d)\b|gk_?(\d)\b`)
	nonAlnum = regexp.MustCompile(`[^a-z0-9]+`)
)

// CRSFromWKT recognises a CRS from the well-known text of a .prj file or
// of a database: WKT1 as written by ESRI and OGC, or WKT2. It uses an
// EPSG authority code where the text has one, then the system's name,
// then the projection's parameters.
func CRSFromWKT(text string) (CRS, error) {
	root, err := parseWKT(text)
	if err != nil {
		return Unknown, fmt.Errorf("the CRS description cannot be read: %v", err)
	}
	if id := root.child("AUTHORITY", "ID"); id != nil && strings.EqualFold(id.str(0), "EPSG") {
		code, ok := id.num(1)
		if ok {
			if c := CRS(int(code)); c.Supported() {
				return c, nil
			}
			return Unknown, fmt.Errorf("EPSG:%d (%s) is not supported", int(code), root.str(0))
		}
	}
	name := strings.ToLower(root.str(0))
	norm := nonAlnum.ReplaceAllString(name, "_")
	geog := root.name == "GEOGCS" || root.name == "GEOGCRS" || root.name == "GEODCRS"
	switch {
	case geog && (strings.Contains(norm, "wgs_1984") || strings.Contains(norm, "wgs_84") || strings.Contains(norm, "wgs84")):
		return WGS84, nil
	case geog && (strings.Contains(norm, "etrs") || strings.Contains(norm, "etrf")):
		return ETRS89, nil
	case strings.Contains(norm, "mercator") && (strings.Contains(norm, "web") || strings.Contains(norm, "pseudo") || strings.Contains(norm, "auxiliary_sphere") || strings.Contains(norm, "popular")):
		return WebMercator, nil
	case strings.Contains(norm, "laea") || strings.Contains(norm, "lambert_azimuthal") && strings.Contains(norm, "etrs"):
		return LAEAEurope, nil
	}
	if strings.Contains(norm, "etrs") || strings.Contains(norm, "euref") {
		if m := utmName.FindStringSubmatch(norm); m != nil {
			if z := atoiFirst(m[1:]); z >= 28 && z <= 38 {
				return CRS(25800 + z), nil
			}
		}
	}
	if strings.Contains(norm, "dhdn") || strings.Contains(norm, "gauss") {
		if m := gkName.FindStringSubmatch(norm); m != nil {
			if z := atoiFirst(m[1:]); z >= 2 && z <= 5 {
				return CRS(31464 + z), nil
			}
		}
	}
	// By the projection's parameters.
	if proj := root.child("PROJECTION", "CONVERSION"); proj != nil && strings.Contains(strings.ToLower(proj.str(0)+projMethod(proj)), "transverse") {
		cm, k, fe := param(root, "central_meridian", "longitude_of_natural_origin"), param(root, "scale_factor", "scale_factor_at_natural_origin"), param(root, "false_easting")
		a := 0.0
		if sph := root.find("SPHEROID"); sph != nil {
			a, _ = sph.num(1)
		} else if el := root.find("ELLIPSOID"); el != nil {
			a, _ = el.num(1)
		}
		switch {
		case math.Abs(a-GRS80.A) < 1 && math.Abs(k-0.9996) < 1e-9 && fe == 500000:
			if z := (cm + 183) / 6; z == math.Trunc(z) && z >= 28 && z <= 38 {
				return CRS(25800 + int(z)), nil
			}
		case math.Abs(a-Bessel1841.A) < 1 && k == 1:
			if z := cm / 3; z == math.Trunc(z) && z >= 2 && z <= 5 && fe == z*1e6+500000 {
				return CRS(31464 + int(z)), nil
			}
		}
	}
	return Unknown, fmt.Errorf("the coordinate reference system %q is not one planatlas knows (EPSG:4326, 4258, 3857, 3035, ETRS89 / UTM, DHDN / Gauss–Krüger 2–5); name it in the plan as crs: EPSG:…", root.str(0))
}

func projMethod(conv *wktNode) string {
	if m := conv.child("METHOD"); m != nil {
		return m.str(0)
	}
	return ""
}

// param returns a PARAMETER's value by any of its names (compared
// without case, spaces and underscores), or NaN.
func param(root *wktNode, names ...string) float64 {
	var out = math.NaN()
	var walk func(n *wktNode)
	walk = func(n *wktNode) {
		for _, a := range n.args {
			c, ok := a.(*wktNode)
			if !ok {
				continue
			}
			if c.name == "PARAMETER" {
				key := strings.ReplaceAll(strings.ReplaceAll(strings.ToLower(c.str(0)), " ", "_"), "-", "_")
				for _, want := range names {
					if key == want {
						if v, ok := c.num(1); ok && math.IsNaN(out) {
							out = v
						}
					}
				}
			}
			walk(c)
		}
	}
	walk(root)
	return out
}

func atoiFirst(ss []string) int {
	for _, s := range ss {
		if s != "" {
			n, _ := strconv.Atoi(s)
			return n
		}
	}
	return 0
}
