package datasets

// Whole columns of a table as plain slices, for tests.

func keysOf(t *Table) []string {
	out := make([]string, t.Len())
	for i := range out {
		out[i] = t.Key(i)
	}
	return out
}

func yearsOf(t *Table) []int {
	out := make([]int, t.Len())
	for i := range out {
		out[i] = t.Year(i)
	}
	return out
}

func linesOf(t *Table) []int {
	out := make([]int, t.Len())
	for i := range out {
		out[i] = t.Line(i)
	}
	return out
}

func dimOf(t *Table, d int) []string {
	out := make([]string, t.Len())
	for i := range out {
		out[i] = t.Dim(d, i)
	}
	return out
}

// tableOf builds a table from whole columns.
func tableOf(name string, keys []string, years, lines []int, dims [][]string, values [][]float64, flags [][]Flag) *Table {
	t := &Table{Name: name, dims: make([]TextColumn, len(dims)), Values: values, Flags: flags}
	for i, k := range keys {
		row := make([]string, len(dims))
		for d := range dims {
			row[d] = dims[d][i]
		}
		t.appendRow(k, years[i], lines[i], row)
	}
	t.seal()
	return t
}
