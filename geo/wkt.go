package geo

import (
	"planatlas/lang"
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
	p.skip()
	switch {
	case n.name == "" || len(n.args) == 0:
		return nil, lang.Errorf("%q does not begin with a keyword and a bracket, as PROJCS[…] or GEOGCS[…]", abbreviate(s, 40))
	case p.i < len(p.s):
		return nil, lang.Errorf("text follows the closing bracket: %q", abbreviate(p.s[p.i:], 40))
	}
	return n, nil
}

// abbreviate returns s cut to n runes with "…".
func abbreviate(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}

type wktParser struct {
	s     string
	i     int
	depth int // nodes open around the current one
}

// wktMaxDepth bounds the nesting of WKT: real definitions nest about ten
// deep, and a hostile .prj of millions of brackets must give an error,
// not overflow the stack.
const wktMaxDepth = 64

func (p *wktParser) skip() {
	for p.i < len(p.s) && strings.ContainsRune(" \t\r\n", rune(p.s[p.i])) {
		p.i++
	}
}

func (p *wktParser) node() (*wktNode, error) {
	if p.depth++; p.depth > wktMaxDepth {
		return nil, lang.Errorf("the WKT nests more than %d deep", wktMaxDepth)
	}
	defer func() { p.depth-- }()
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
			return nil, lang.Errorf("unexpected end of the WKT")
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
				return nil, lang.Errorf("unclosed quote in the WKT")
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
				return nil, lang.Errorf("%q is not a number in the WKT", p.s[start:p.i])
			}
			n.args = append(n.args, v)
		default:
			child, err := p.node()
			if err != nil {
				return nil, err
			}
			if child.name == "" {
				return nil, lang.Errorf("unexpected %q in the WKT", string(c))
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
