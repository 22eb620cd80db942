package plan

// DisclosureSpec is the plan's disclosure control.
type DisclosureSpec struct {
	Threshold *int `yaml:"threshold"` // counts 1..threshold-1 are hidden; 3 if absent; 0 switches it off
	Line      int  `yaml:"-"`
}

// checkDisclosure checks the threshold and decides which variables are
// counts subject to disclosure control.
func (chk *checker) checkDisclosure() {
	p, c := chk.p, chk.c
	c.threshold = 3
	if t := p.Disclosure.Threshold; t != nil {
		if *t < 0 || *t > 1000 {
			chk.fail(p.Disclosure.Line, "disclosure: threshold %d: use 0 (no disclosure control) or a count such as 3", *t)
		}
		c.threshold = *t
	}
	if w := disclosureWarning(c.threshold); w.Format != "" {
		c.warnings = append(c.warnings, w)
		c.notes = append(c.notes, w)
	}
	for _, v := range c.variables {
		if v.agg.Mean {
			if v.count {
				chk.fail(v.line, "variable %q: a mean is not a count; count: true needs aggregate: sum", v.name)
			}
			if spec, _ := p.Variables.Get(v.name); spec.Value.Weighted {
				chk.fail(v.line, "variable %q: a mean is not a count; weighted: true needs aggregate: sum", v.name)
			}
			continue
		}
		spec, _ := p.Variables.Get(v.name)
		if spec.Value.Count == nil || *spec.Value.Count {
			v.count = true
			// Counts of grid cells split between areas are shares of
			// persons: fractional by design.
			v.weighted = spec.Value.Weighted || v.in != nil && v.in.format == "grid"
			c.counts = append(c.counts, v.name)
		} else if spec.Value.Weighted {
			chk.fail(v.line, "variable %q: weighted: true is for counts with fractional values; this variable says count: false", v.name)
		}
	}
}
