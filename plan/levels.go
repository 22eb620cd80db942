package plan

import (
	"sort"
	"strings"
	"unicode/utf8"

	"planatlas/datasets"
	"planatlas/indicators"
	"planatlas/lang"
)

// levelAttributes returns the geometry's attributes that the levels
// read (parent and parent_name are read as the areas' parents).
func (c *Checked) levelAttributes() []string {
	if c.simpleParent {
		return nil
	}
	var out []string
	for _, l := range c.levels {
		for _, f := range []string{l.Parent, l.Name} {
			if f != "" && !contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// levelError is a problem with the levels, at the plan's line of the
// level.
func (r *runner) levelError(line int, format string, args ...any) error {
	return errAt(r.c.plan.File, line, "areas: "+format, args...)
}

// buildLevels groups the areas (in the panel's order) into the plan's
// levels, smallest first, with their labels, and checks that each level
// nests in the next. The areas' parents become the units of the
// districts level, which the ranking table, the profiles and
// areas.geojson name.
func (r *runner) buildLevels() ([]indicators.Level, []Text, error) {
	a := r.areas
	if r.c.simpleParent {
		if !hasParents(a.Parents) {
			n := 0
			for _, p := range a.Parents {
				if p == "" {
					n++
				}
			}
			r.notes = append(r.notes, lang.M("areas: %d of %d areas have no %s, so no district values are computed", n, len(a.Parents), r.c.plan.Areas.Parent))
			return nil, nil, nil
		}
		return []indicators.Level{indicators.ParentLevel("district", a.Parents, a.ParentNames)}, []Text{r.c.levels[0].Label}, nil
	}
	var lvs []indicators.Level
	var labels []Text
	for _, spec := range r.c.levels {
		keys := make([]string, len(a.Keys))
		for i, k := range a.Keys {
			if spec.KeyPrefix > 0 {
				if utf8.RuneCountInString(k) < spec.KeyPrefix {
					return nil, nil, r.levelError(spec.Line, "level %q: the area key %q has fewer than %d characters (key_prefix: %d)", spec.ID, k, spec.KeyPrefix, spec.KeyPrefix)
				}
				keys[i] = string([]rune(k)[:spec.KeyPrefix])
				continue
			}
			if keys[i] = a.Attributes[spec.Parent][i]; keys[i] == "" {
				return nil, nil, r.levelError(spec.Line, "level %q: area %q has no %s (the attribute %s is empty)", spec.ID, k, spec.ID, spec.Parent)
			}
		}
		names := keys
		if spec.Name != "" {
			names = make([]string, len(keys))
			for i := range keys {
				if names[i] = a.Attributes[spec.Name][i]; names[i] == "" {
					names[i] = keys[i]
				}
			}
		}
		lv := indicators.ParentLevel(spec.ID, keys, names)
		if spec.Name != "" {
			if err := r.sameNames(spec, lv, names); err != nil {
				return nil, nil, err
			}
		}
		if spec.Names.Line > 0 {
			if err := r.namesFromTable(spec, &lv); err != nil {
				return nil, nil, err
			}
		}
		lvs = append(lvs, lv)
		labels = append(labels, spec.Label)
	}
	for i := 0; i+1 < len(lvs); i++ {
		if err := r.nests(lvs[i], lvs[i+1], r.c.levels[i+1].Line); err != nil {
			return nil, nil, err
		}
	}
	if len(lvs) == 0 {
		return nil, nil, nil // no parent and no levels: the areas alone
	}
	// The districts: the level the plan names, else the largest.
	d := lvs[len(lvs)-1]
	for _, lv := range lvs {
		if lv.ID == r.c.districts {
			d = lv
		}
	}
	for i, u := range d.Member {
		a.Parents[i], a.ParentNames[i] = d.Keys[u], d.Names[u]
	}
	return lvs, labels, nil
}

// sameNames checks that all areas of a unit give it the same name.
func (r *runner) sameNames(spec LevelSpec, lv indicators.Level, names []string) error {
	first := make([]int, len(lv.Keys))
	for i := range first {
		first[i] = -1
	}
	for i, u := range lv.Member {
		switch f := first[u]; {
		case f < 0:
			first[u] = i
		case names[f] != names[i]:
			return r.levelError(spec.Line, "level %q: the areas of %q have different names in the attribute %s: %q (area %q) and %q (area %q)",
				spec.ID, lv.Keys[u], spec.Name, names[f], r.areas.Keys[f], names[i], r.areas.Keys[i])
		}
	}
	return nil
}

// namesFromTable names the units of lv from a table whose key column
// holds the units' keys, or the areas' keys (a unit then takes the name
// its areas share). A unit without a name is an error naming it.
func (r *runner) namesFromTable(spec LevelSpec, lv *indicators.Level) error {
	n := spec.Names
	rd, done, err := r.hashed(n.File)
	if err != nil {
		return r.levelError(n.Line, "level %q: names: %v", spec.ID, err)
	}
	t, err := datasets.ReadCSV(rd, n.File, datasets.Spec{Key: n.Key, Dims: []string{n.Name}}, datasets.CSVOptions{})
	if err = done(err); err != nil {
		return err
	}
	byKey := map[string]string{}
	line := map[string]int{}
	for i := range t.Len() {
		k := t.Key(i)
		name := t.Dim(0, i)
		if old, ok := byKey[k]; ok && old != name {
			return &datasets.InputError{File: n.File, Line: t.Line(i), Column: n.Key,
				M: lang.M("the key %q has the name %q here and %q on line %d", k, name, old, line[k])}
		}
		if _, ok := byKey[k]; !ok {
			byKey[k], line[k] = name, t.Line(i)
		}
	}
	var missing []string
	for u, k := range lv.Keys {
		if name, ok := byKey[k]; ok && name != "" {
			lv.Names[u] = name
			continue
		}
		// The areas' keys: the name the unit's areas share.
		name, from := "", ""
		for a, m := range lv.Member {
			if m != u {
				continue
			}
			an, ok := byKey[r.areas.Keys[a]]
			if !ok || an == "" {
				continue
			}
			if name != "" && an != name {
				return &datasets.InputError{File: n.File, Line: line[r.areas.Keys[a]], Column: n.Name,
					M: lang.M("the areas %q and %q of %s %q have different names: %q and %q", from, r.areas.Keys[a], spec.ID, k, name, an)}
			}
			name, from = an, r.areas.Keys[a]
		}
		if name == "" {
			missing = append(missing, k)
			continue
		}
		lv.Names[u] = name
	}
	if len(missing) > 0 {
		return r.levelError(n.Line, "level %q: names: %s has no name for %d of its %d unit(s): %s (column %s holds neither their keys nor their areas' keys)",
			spec.ID, n.File, len(missing), len(lv.Keys), strings.Join(quoteAll(missing), ", "), n.Key)
	}
	return nil
}

// nests checks that every unit of lower lies in one unit of upper.
func (r *runner) nests(lower, upper indicators.Level, line int) error {
	parent := make([]int, len(lower.Keys))
	first := make([]int, len(lower.Keys))
	for i := range parent {
		parent[i] = -1
	}
	type clash struct{ u, a, b int } // unit of lower, two areas
	var bad []clash
	reported := make([]bool, len(lower.Keys))
	for a, u := range lower.Member {
		switch p := parent[u]; {
		case p < 0:
			parent[u], first[u] = upper.Member[a], a
		case p != upper.Member[a] && !reported[u]:
			reported[u] = true
			bad = append(bad, clash{u, first[u], a})
		}
	}
	if len(bad) == 0 {
		return nil
	}
	sort.Slice(bad, func(i, j int) bool { return bad[i].u < bad[j].u })
	var parts []lang.Message
	for i, c := range bad {
		if i == 3 {
			parts = append(parts, lang.M("and %d more", len(bad)-3))
			break
		}
		parts = append(parts, lang.M("%s %q lies in %s %q (area %q) and in %q (area %q)", lower.ID, lower.Keys[c.u],
			upper.ID, upper.Keys[upper.Member[c.a]], r.areas.Keys[c.a], upper.Keys[upper.Member[c.b]], r.areas.Keys[c.b]))
	}
	return r.levelError(line, "level %q does not nest in level %q: %s; every unit of a level must lie in one unit of the next (levels go from the smallest to the largest)",
		lower.ID, upper.ID, msgList{"; ", parts})
}

// districtLevel returns the level that trend charts and goals call the
// districts (areas: districts, else the largest below the city), or nil
// if the areas have no levels.
func (r *runner) districtLevel() *level {
	if len(r.levels) <= 2 {
		return nil
	}
	for _, l := range r.levels[1 : len(r.levels)-1] {
		if l.id == r.c.districts {
			return l
		}
	}
	return r.levels[len(r.levels)-2]
}
