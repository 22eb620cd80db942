package plan

import (
	"fmt"
	"strings"

	"planatlas/indicators"
	"planatlas/lang"
)

// checkIndicators compiles the catalog's indicators the plan selects,
// then the plan's own; a plan indicator with a catalog name overrides
// the fields it gives. An error is returned only for a broken catalog.
func (chk *checker) checkIndicators() error {
	p, c := chk.p, chk.c
	cat, err := indicators.LoadCatalog()
	if err != nil {
		return err // the shipped catalog is broken: a bug, not bad input
	}
	c.catalogVersion = cat.Version
	chk.candidates = append(append([]string(nil), chk.varNames...), AreaVariable)
	type pending struct {
		def      indicators.Definition
		line     int
		fromPlan bool
	}
	var defs []pending
	add := func(d pending) {
		if i, ok := chk.defIndex[d.def.ID]; ok {
			defs[i] = d
			return
		}
		chk.defIndex[d.def.ID] = len(defs)
		defs = append(defs, d)
	}
	var catIDs []string
	if p.Catalog.All {
		for _, d := range cat.Indicators {
			catIDs = append(catIDs, d.ID)
		}
	}
	for _, id := range p.Catalog.IDs {
		if _, ok := cat.Get(id); !ok {
			var all []string
			for _, d := range cat.Indicators {
				all = append(all, d.ID)
			}
			chk.fail(p.Catalog.Line, "catalog: %q is not a catalog indicator%s (planatlas indicators lists them)", id, didYouMean(id, all))
			continue
		}
		catIDs = append(catIDs, id)
	}
	for _, id := range catIDs {
		d, _ := cat.Get(id)
		add(pending{def: d, line: p.Catalog.Line})
	}
	// Indicators only "catalog: all" asks for may be left out where the
	// data cannot support them; those the plan names may not.
	c.implicit = map[string]bool{}
	if p.Catalog.All {
		for _, d := range cat.Indicators {
			c.implicit[d.ID] = !contains(p.Catalog.IDs, d.ID)
		}
		for _, e := range p.Indicators {
			delete(c.implicit, e.Name)
		}
	}
	for _, e := range p.Indicators {
		if !identifier.MatchString(e.Name) {
			chk.fail(e.Line, "indicator name %q: use letters, digits and _ only, starting with a letter", e.Name)
		}
		own := e.Value
		own.ID = e.Name
		if base, ok := cat.Get(e.Name); ok {
			own = base.Merge(own)
		}
		add(pending{def: own, line: e.Line, fromPlan: true})
	}
	missingFor := map[string][]string{} // variable → catalog indicators that need it
	var missingOrder []string
	for _, d := range defs {
		if !d.fromPlan {
			var missing []string
			for _, v := range d.def.Vars() {
				if !chk.known(v) {
					missing = append(missing, v)
				}
			}
			if len(missing) > 0 {
				for _, v := range missing {
					if _, seen := missingFor[v]; !seen {
						missingOrder = append(missingOrder, v)
					}
					missingFor[v] = append(missingFor[v], d.def.ID)
				}
				c.unavailable[d.def.ID] = missing
				continue
			}
		}
		ind, err := d.def.Compile(chk.known, chk.candidates)
		if err != nil {
			chk.fail(d.line, "indicator %q: %v", d.def.ID, err)
			continue
		}
		// Its kind (count, ratio, mean) decides its reference values.
		ind.InferKind(func(v string) bool { return chk.byVar[v] != nil && chk.byVar[v].agg.Mean })
		if ind.Kind == indicators.KindCount && d.def.Decimals == nil {
			ind.Decimals = 0 // persons are whole: "1.247.530", not "1.247.530,0"
		}
		chk.byInd[ind.ID] = len(c.indicators)
		c.indicators = append(c.indicators, ind)
		c.indicatorLines = append(c.indicatorLines, d.line)
	}
	// One note for all of them: with catalog: all, a plan for a city's
	// population alone lacks twenty variables.
	// With the whole catalog that is dozens of variables: the first
	// ones are named, the rest counted (planatlas indicators lists every
	// indicator with its variables).
	if len(missingOrder) > 0 {
		const named = 8
		var parts []string
		for _, v := range missingOrder[:min(named, len(missingOrder))] {
			parts = append(parts, fmt.Sprintf("%q (%s)", v, strings.Join(missingFor[v], ", ")))
		}
		list := lang.M("%s", strings.Join(parts, "; "))
		if rest := len(missingOrder) - named; rest > 0 {
			list = lang.M("%s; and %d more variables (the catalog names each indicator's variables: planatlas indicators)", strings.Join(parts, "; "), rest)
		}
		c.notes = append(c.notes, lang.M("catalog: %d indicator(s) not computed, the plan defines no variable for them: %s",
			len(c.unavailable), list))
	}
	return nil
}

// known reports whether a formula may use the variable n.
func (chk *checker) known(n string) bool { return chk.byVar[n] != nil || n == AreaVariable }

// unavailable explains why a catalog indicator is not computed, or "".
func (chk *checker) unavailable(id string) lang.Message {
	if m, ok := chk.c.unavailable[id]; ok {
		return lang.M("; the catalog indicator %q needs the variable(s) %s, which the plan does not define", id, strings.Join(m, ", "))
	}
	return lang.Message{}
}
