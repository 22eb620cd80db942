package datasets

import "strings"

// TextColumn is a text column of an input table stored as dictionary
// codes: row r reads Levels[Codes[r]] (see Coded), with an index of the
// levels while rows are appended. A row costs 4 bytes instead of a
// 16-byte string header; each distinct text is stored once.
//
// Levels are numbered in the order they first occur in the rows, and
// every level occurs in some row (renumber restores this after rows are
// dropped), so that code that walks the levels (the values a filter
// accepts, the values named in a message) sees them in row order.
type TextColumn struct {
	Coded
	index map[string]int32 // level → code; nil until the first Append
	last  int32            // code of the last appended row, or -1 before one
}

// Append adds a row holding s; a new level is stored as a copy of s, so
// that s may point into a larger buffer (a CSV record).
func (c *TextColumn) Append(s string) {
	c.Codes = append(c.Codes, c.code(s))
}

// code returns the code of s, adding it as a new level if needed. Runs
// of one value, as in sorted tables, cost no map lookup.
func (c *TextColumn) code(s string) int32 {
	if c.index == nil {
		c.index = make(map[string]int32, len(c.Levels))
		for i, l := range c.Levels {
			c.index[l] = int32(i)
		}
		c.last = -1
	}
	if c.last >= 0 && c.Levels[c.last] == s {
		return c.last
	}
	id, ok := c.index[s]
	if !ok {
		id = int32(len(c.Levels))
		s = strings.Clone(s)
		c.index[s] = id
		c.Levels = append(c.Levels, s)
	}
	c.last = id
	return id
}

// appendColumn adds the rows of o.
func (c *TextColumn) appendColumn(o TextColumn) {
	remap := make([]int32, len(o.Levels))
	for i, l := range o.Levels {
		remap[i] = c.code(l)
	}
	for _, x := range o.Codes {
		c.Codes = append(c.Codes, remap[x])
	}
	c.last = -1
}

// reserve makes room for n rows.
func (c *TextColumn) reserve(n int) {
	c.Codes = make([]int32, 0, n)
}

// renumber restores first-occurrence order after rows were dropped or
// replaced: levels no row uses are dropped, the others renumbered in the
// order they occur.
func (c *TextColumn) renumber() {
	remap := make([]int32, len(c.Levels))
	for i := range remap {
		remap[i] = -1
	}
	var levels []string
	for r, x := range c.Codes {
		if remap[x] < 0 {
			remap[x] = int32(len(levels))
			levels = append(levels, c.Levels[x])
		}
		c.Codes[r] = remap[x]
	}
	c.Levels, c.index, c.last = levels, nil, -1
}

// seal drops the index once no more rows are appended; Append rebuilds
// it if needed.
func (c *TextColumn) seal() {
	c.index, c.last = nil, -1
}
