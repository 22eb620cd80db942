package geo

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"planatlas/lang"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WriteGAL writes the neighbours in GeoDa's GAL format, which GeoDa,
// PySAL (libpysal.io.open) and spdep (read.gal) read: a header
// "0 n layer keyfield", then per area a line "key count" and a line with
// its neighbours' keys. GAL holds no weights: readers take it as binary
// and standardise themselves.
func WriteGAL(w io.Writer, wt *Weights, layer, keyField string) error {
	if err := wordKeys(wt.Keys); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "0 %d %s %s\n", wt.Len(), galWord(layer), galWord(keyField))
	for i, row := range wt.Neighbours {
		fmt.Fprintf(bw, "%s %d\n", wt.Keys[i], len(row))
		for k, j := range row {
			if k > 0 {
				bw.WriteByte(' ')
			}
			bw.WriteString(wt.Keys[j])
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// WriteGWT writes the weights in GeoDa's GWT format: the same header as
// GAL, then a line "key neighbourkey weight" per link, with the weights
// as they are (row-standardised or binary).
func WriteGWT(w io.Writer, wt *Weights, layer, keyField string) error {
	if err := wordKeys(wt.Keys); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "0 %d %s %s\n", wt.Len(), galWord(layer), galWord(keyField))
	for i, row := range wt.Neighbours {
		for k, j := range row {
			fmt.Fprintf(bw, "%s %s %s\n", wt.Keys[i], wt.Keys[j], strconv.FormatFloat(wt.Values[i][k], 'g', -1, 64))
		}
	}
	return bw.Flush()
}

// wordKeys checks that keys can be written as words of a line.
func wordKeys(keys []string) error {
	if k, ok := KeyWithSpace(keys); ok {
		return fmt.Errorf("area key %q contains white space and cannot be written to a GAL or GWT file", k)
	}
	return nil
}

// KeyWithSpace returns the first key that is empty or holds white space,
// which the GAL and GWT formats (words separated by spaces) cannot carry.
func KeyWithSpace(keys []string) (string, bool) {
	for _, k := range keys {
		if k == "" || strings.ContainsAny(k, " \t\r\n") {
			return k, true
		}
	}
	return "", false
}

// galWord makes a header word without spaces.
func galWord(s string) string {
	if s == "" {
		return "planatlas"
	}
	return strings.Join(strings.Fields(s), "_")
}

// ReadGAL reads GAL weights (binary, then rescaled to style) on the
// given area order. Every key of the file must be one of keys and every
// area must have a line: a weights file made for other areas is an
// error naming the line, never a silent misalignment.
func ReadGAL(r io.Reader, name string, keys []string, style Style) (_ *Weights, err error) {
	defer recoverReader(name, &err)
	sc, idx, err := weightsHeader(r, name, keys)
	if err != nil {
		return nil, err
	}
	nb := make(Neighbours, len(keys))
	seen := make([]bool, len(keys))
	for {
		head, ok := sc.next()
		if !ok {
			break
		}
		if len(head) != 2 {
			return nil, sc.errorf("expected an area key and its number of neighbours, found %q", clip(strings.Join(head, " ")))
		}
		i, err := sc.key(head[0], idx)
		if err != nil {
			return nil, err
		}
		if seen[i] {
			return nil, sc.errorf("area %q has a second entry", clip(head[0]))
		}
		seen[i] = true
		count, err := strconv.Atoi(head[1])
		if err != nil || count < 0 {
			return nil, sc.errorf("%q is not a number of neighbours", clip(head[1]))
		}
		var list []string
		if count > 0 {
			if list, ok = sc.next(); !ok {
				return nil, sc.errorf("the file ends before the neighbours of %q", clip(head[0]))
			}
		}
		if len(list) != count {
			return nil, sc.errorf("area %q should have %d neighbours, the line lists %d", clip(head[0]), count, len(list))
		}
		for _, k := range list {
			j, err := sc.key(k, idx)
			if err != nil {
				return nil, err
			}
			if j == i {
				return nil, sc.errorf("area %q lists itself as its neighbour: spatial statistics take an area's own value apart, remove it from the list", clip(k))
			}
			nb[i] = append(nb[i], j)
		}
		sort.Ints(nb[i])
		for k := 1; k < len(nb[i]); k++ {
			if nb[i][k] == nb[i][k-1] {
				return nil, sc.errorf("area %q lists the neighbour %q twice: list it once", head[0], keys[nb[i][k]])
			}
		}
	}
	if err := missingAreas(name, keys, seen); err != nil {
		return nil, err
	}
	return NewWeights(keys, nb, "GAL file "+name, style), nil
}

// ReadGWT reads GWT weights on the given area order, keeping the file's
// weights (style B keeps them as they are; W rescales each row to sum 1).
// Areas without a line are islands.
func ReadGWT(r io.Reader, name string, keys []string, style Style) (_ *Weights, err error) {
	defer recoverReader(name, &err)
	sc, idx, err := weightsHeader(r, name, keys)
	if err != nil {
		return nil, err
	}
	type link struct {
		j    int
		w    float64
		line int
	}
	rows := make([][]link, len(keys))
	for {
		f, ok := sc.next()
		if !ok {
			break
		}
		if len(f) != 3 {
			return nil, sc.errorf("expected \"key neighbourkey weight\", found %q", clip(strings.Join(f, " ")))
		}
		i, err := sc.key(f[0], idx)
		if err != nil {
			return nil, err
		}
		j, err := sc.key(f[1], idx)
		if err != nil {
			return nil, err
		}
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil || !(v >= 0) || math.IsInf(v, 0) {
			return nil, sc.errorf("%q is not a weight: weights are numbers of at least 0", clip(f[2]))
		}
		if i == j {
			return nil, sc.errorf("area %q is linked to itself: spatial statistics take an area's own value apart, remove the line", clip(f[0]))
		}
		if v == 0 {
			continue // a weight of 0 is no link: an area with only such lines is an island
		}
		rows[i] = append(rows[i], link{j, v, sc.line})
	}
	w := &Weights{Keys: keys, Kind: "GWT file " + name, Style: Binary, Neighbours: make(Neighbours, len(keys)), Values: make([][]float64, len(keys))}
	for i, r := range rows {
		// Sorted, a link given twice stands next to itself: found in
		// O(k log k) however many links an area has.
		sort.Slice(r, func(a, b int) bool { return r[a].j < r[b].j || r[a].j == r[b].j && r[a].line < r[b].line })
		for k, l := range r {
			if k > 0 && r[k-1].j == l.j {
				sc.line = l.line
				return nil, sc.errorf("the link %s → %s appears twice (first on line %d): keep one of them", keys[i], keys[l.j], r[k-1].line)
			}
			w.Neighbours[i] = append(w.Neighbours[i], l.j)
			w.Values[i] = append(w.Values[i], l.w)
		}
	}
	if style == RowStandardised {
		return w.WithStyle(style), nil
	}
	return w, nil
}

// weightsScanner reads a GAL or GWT file line by line, skipping blank
// lines, and makes errors that name the file and line.
type weightsScanner struct {
	sc   *bufio.Scanner
	name string
	line int
}

func (s *weightsScanner) next() ([]string, bool) {
	for s.sc.Scan() {
		s.line++
		if f := strings.Fields(s.sc.Text()); len(f) > 0 {
			return f, true
		}
	}
	return nil, false
}

func (s *weightsScanner) errorf(format string, args ...any) error {
	return &FeatureError{File: fmt.Sprintf("%s:%d", s.name, s.line), M: lang.M(format, args...)}
}

func (s *weightsScanner) key(k string, idx map[string]int) (int, error) {
	i, ok := idx[k]
	if !ok {
		var hint lang.Message
		for key := range idx {
			if strings.TrimLeft(key, "0") == strings.TrimLeft(k, "0") {
				hint = lang.M(" (the areas have %q: were leading zeros lost?)", key)
				break
			}
		}
		return 0, s.errorf("area %q is not one of the planning areas%s", clip(k), hint)
	}
	return i, nil
}

func weightsHeader(r io.Reader, name string, keys []string) (*weightsScanner, map[string]int, error) {
	sc := &weightsScanner{sc: bufio.NewScanner(r), name: name}
	sc.sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
	idx := make(map[string]int, len(keys))
	for i, k := range keys {
		idx[k] = i
	}
	head, ok := sc.next()
	if !ok {
		return nil, nil, &FeatureError{File: name, M: lang.M("the weights file is empty")}
	}
	// "n" or "0 n layer key" (GeoDa); the count is the field before the names.
	nField := head[0]
	if len(head) >= 2 {
		nField = head[1]
	}
	n, err := strconv.Atoi(nField)
	if err != nil {
		return nil, nil, sc.errorf("the header should give the number of areas, found %q", clip(strings.Join(head, " ")))
	}
	if n != len(keys) {
		return nil, nil, sc.errorf("the file is for %d areas, the plan has %d", n, len(keys))
	}
	return sc, idx, nil
}

func missingAreas(name string, keys []string, seen []bool) error {
	var miss []string
	for i, s := range seen {
		if !s {
			miss = append(miss, fmt.Sprintf("%q", keys[i]))
		}
	}
	if len(miss) > 0 {
		return &FeatureError{File: name, M: lang.M("%d area(s) have no entry: %s", len(miss), some(miss, 10))}
	}
	return nil
}

// clip shortens a text from a file for a message: a damaged file can hold
// a "key" of 40 MB.
func clip(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
