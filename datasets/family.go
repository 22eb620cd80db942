package datasets

import (
	"sort"
	"strings"
)

// Family is a group of variables summed from the same column of the same
// table with different filters, such as residents under 18, 18 to 64, 65
// and over, and in total. Published together, they are linked by sums
// (the age bands add up to the total), and disclosure control must know
// these links: a hidden band could otherwise be recomputed from the
// total.
//
// The link is described over atoms, the finest groups of rows that the
// filters can tell apart: Member[v][a] says whether variable Vars[v]
// counts atom a. Only combinations that occur in the table are atoms.
type Family struct {
	Table  string
	Column string
	Vars   []string
	Member [][]bool
}

// Families groups specs by table and column and computes each group's
// atoms. A spec whose column is a sum of columns (VariableSpec.Sum)
// joins the groups of those columns into one family, whose atoms are the
// atoms of each of its columns. Filters are assumed to have been checked
// by BuildPanel.
func Families(specs []VariableSpec) []Family {
	type key struct {
		t   *Table
		col string
	}
	// Columns of one table linked by a sum share a group: union-find.
	parent := map[key]key{}
	var find func(k key) key
	find = func(k key) key {
		p, ok := parent[k]
		if !ok || p == k {
			parent[k] = k
			return k
		}
		r := find(p)
		parent[k] = r
		return r
	}
	columnsOf := func(s VariableSpec) []string {
		if len(s.Sum) > 0 {
			return s.Sum
		}
		return []string{s.Column}
	}
	for _, s := range specs {
		cols := columnsOf(s)
		first := find(key{s.Table, cols[0]})
		for _, c := range cols[1:] {
			if r := find(key{s.Table, c}); r != first {
				parent[r] = first
			}
		}
	}
	var order []key
	groups := map[key][]VariableSpec{}
	for _, s := range specs {
		k := find(key{s.Table, columnsOf(s)[0]})
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], s)
	}
	var out []Family
	for _, k := range order {
		var cols []string
		for _, s := range groups[k] {
			for _, c := range columnsOf(s) {
				if !containsString(cols, c) {
					cols = append(cols, c)
				}
			}
		}
		out = append(out, family(k.t, cols, groups[k], columnsOf))
	}
	return out
}

func family(t *Table, columns []string, specs []VariableSpec, columnsOf func(VariableSpec) []string) Family {
	f := Family{Table: t.Name, Column: strings.Join(columns, "+")}
	for _, s := range specs {
		f.Vars = append(f.Vars, s.Name)
	}
	// The dimensions any variable filters on.
	var dims []string
	for _, s := range specs {
		for _, flt := range s.Where {
			if !containsString(dims, flt.Column) {
				dims = append(dims, flt.Column)
			}
		}
	}
	sort.Strings(dims)
	// For each dimension, group its values by which variables count them.
	classOf := make([]map[string]string, len(dims)) // value → signature
	for di, d := range dims {
		classOf[di] = map[string]string{}
		col := t.DimIndex(d)
		for _, v := range t.dims[col].Levels {
			if _, done := classOf[di][v]; done {
				continue
			}
			var sig strings.Builder
			for _, s := range specs {
				in := true
				for i := range s.Where {
					if s.Where[i].Column == d {
						ok, err := s.Where[i].match(v)
						in = ok && err == nil
					}
				}
				if in {
					sig.WriteByte('1')
				} else {
					sig.WriteByte('0')
				}
			}
			classOf[di][v] = sig.String()
		}
	}
	// Atoms: the combinations of classes that occur in the table, in
	// each column (a family of one column has one column's atoms).
	atoms := map[string][]string{} // atom key → class signature per dim
	var combos []string
	for r := range t.Len() {
		sigs := make([]string, len(dims))
		for di, d := range dims {
			sigs[di] = classOf[di][t.Dim(t.DimIndex(d), r)]
		}
		k := strings.Join(sigs, "|")
		if _, ok := atoms[k]; !ok {
			atoms[k] = sigs
			combos = append(combos, k)
		}
	}
	sort.Strings(combos)
	f.Member = make([][]bool, len(specs))
	for v, s := range specs {
		cols := columnsOf(s)
		for _, c := range columns {
			counted := containsString(cols, c)
			for _, k := range combos {
				in := counted
				for _, sig := range atoms[k] {
					in = in && sig[v] == '1'
				}
				f.Member[v] = append(f.Member[v], in)
			}
		}
	}
	return f
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
