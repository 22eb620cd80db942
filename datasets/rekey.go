package datasets

import (
	"strconv"
	"strings"
)

// A Piece sends a share of a row to another area: the row's value in
// column c, multiplied by Shares[c], goes to area Key, with Flag added to
// the flags of every column (Estimated where the share is estimated).
type Piece struct {
	Key    string
	Shares []float64 // per value column, as Table.Values
	Flag   Flag
}

// Rekey returns a copy of t in which the rows that pieces moves are
// replaced by their pieces: for row i, pieces returns the pieces and
// true, or false to keep the row as it is. A moved row with no pieces is
// dropped. Moved rows that land on the same key, year and dimensions are
// summed into one row (their flags joined), which keeps the line of the
// first of them, so that messages still point into the file; a missing
// value (NaN) makes the sum missing. Rows keep their order, a summed row
// taking the place of its first part.
//
// Only counts can be moved like this (residents, children): a share or
// a mean must be re-computed from moved counts on the new areas.
func (t *Table) Rekey(pieces func(row int) ([]Piece, bool)) *Table {
	out := &Table{Name: t.Name, Spec: t.Spec, ByRow: t.ByRow, Unit: t.Unit, Complete: t.Complete,
		dims: make([]TextColumn, len(t.dims)), Values: make([][]float64, len(t.Values)), Flags: make([][]Flag, len(t.Values))}
	var files []string
	add := func(i int, key string) int {
		out.keys.Append(key)
		out.years = append(out.years, t.years[i])
		out.lines = append(out.lines, t.lines[i])
		for d := range t.dims {
			out.dims[d].Append(t.dims[d].At(i))
		}
		for c := range t.Values {
			out.Values[c] = append(out.Values[c], 0)
			out.Flags[c] = append(out.Flags[c], 0)
		}
		files = append(files, t.File(i))
		return out.Len() - 1
	}
	at := map[string]int{} // key, year and dimensions of a moved row → its row in out
	var id strings.Builder
	for i := range t.Len() {
		ps, moved := pieces(i)
		if !moved {
			j := add(i, t.Key(i))
			for c := range t.Values {
				out.Values[c][j], out.Flags[c][j] = t.Values[c][i], t.Flags[c][i]
			}
			continue
		}
		for _, p := range ps {
			id.Reset()
			id.WriteString(p.Key)
			id.WriteByte(0)
			id.WriteString(strconv.Itoa(t.Year(i)))
			for d := range t.dims {
				id.WriteByte(0)
				id.WriteString(t.dims[d].At(i))
			}
			j, ok := at[id.String()]
			if !ok {
				j = add(i, p.Key)
				at[id.String()] = j
			}
			for c := range t.Values {
				out.Flags[c][j] |= p.Flag
				if p.Shares[c] == 0 {
					continue // nothing of this column moves here, not even a missing value
				}
				out.Values[c][j] += t.Values[c][i] * p.Shares[c]
				out.Flags[c][j] |= t.Flags[c][i]
			}
		}
	}
	for i, f := range files {
		if len(t.parts) > 0 && (i == 0 || f != files[i-1]) {
			out.parts = append(out.parts, part{name: f, start: i})
		}
	}
	out.seal()
	return out
}
