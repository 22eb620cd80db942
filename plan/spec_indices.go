package plan

import (
	"math"

	"planatlas/analysis"
	"planatlas/datasets"
	"planatlas/indicators"
)

// IndexSpec defines a composite index.
type IndexSpec struct {
	Label      Text           `yaml:"label"`
	Method     string         `yaml:"method"` // zsum, zmean, mss, svi, imd or pca
	Year       int            `yaml:"year"`   // the year ranked; the outputs' year if absent
	Components Named[float64] `yaml:"components"`
	// Standardise is how zsum and zmean put the indicators on one scale:
	// z (default), z-sample, minmax, percentile, rank or exp.
	Standardise string `yaml:"standardise"`
	// Dynamic lists the dynamic indicators of an mss index (changes over
	// two years); its components are the status indicators. Weights are 1.
	Dynamic Named[float64] `yaml:"dynamic"`
	// Valid says which areas take part (mss): those whose variable is at
	// least min; the others are left out before anything is computed.
	Valid *ValidSpec `yaml:"valid"`
	// Themes groups the indicators of an svi index; the index is the
	// percentile rank of the sum of the themes' sums.
	Themes Named[StringList] `yaml:"themes"`
	// Population is the variable that says an area has residents (svi):
	// areas without any take part in no ranking.
	Population string `yaml:"population"`
	Line       int    `yaml:"-"`
}

// ValidSpec is an index's rule for the areas that take part.
type ValidSpec struct {
	Variable string  `yaml:"variable"`
	Min      float64 `yaml:"min"`
	Line     int     `yaml:"-"`
}

// checkIndices checks each composite index: method, components and
// their weights, and the method's own fields.
func (chk *checker) checkIndices() {
	p, c := chk.p, chk.c
	for _, e := range p.Indices {
		s := e.Value
		ix := &index{id: e.Name, label: s.Label, year: s.Year, line: e.Line}
		if s.Year != 0 && !datasets.PlausibleYear(s.Year) {
			chk.fail(e.Line, "index %q: year %d is not a plausible year (%d–%d): a typo?", e.Name, s.Year, datasets.FirstYear, datasets.LastYear)
		}
		if !identifier.MatchString(e.Name) {
			chk.fail(e.Line, "index name %q: use letters, digits and _ only, starting with a letter", e.Name)
		}
		if _, clash := chk.defIndex[e.Name]; clash {
			chk.fail(e.Line, "index %q has the name of an indicator; outputs need distinct names", e.Name)
		}
		if ix.label.De == "" && ix.label.En == "" {
			ix.label = Text{De: e.Name, En: e.Name}
		}
		ix.method = s.Method
		switch s.Method {
		case "zsum", "imd", "pca":
		case "zmean":
			ix.mean = true
		case "mss":
			ix.mss = true
		case "svi":
			if len(s.Themes) == 0 {
				chk.fail(e.Line, "index %q: method svi needs themes, each a list of indicators", e.Name)
			}
			for ti, th := range s.Themes {
				ix.themes = append(ix.themes, th.Name)
				for _, id := range th.Value {
					s.Components = append(s.Components, Entry[float64]{Name: id, Value: 1, Line: th.Line})
					ix.theme = append(ix.theme, ti)
				}
			}
			ix.population = s.Population
			if s.Population != "" && chk.byVar[s.Population] == nil {
				chk.fail(e.Line, "index %q: population: %q is not a variable%s", e.Name, s.Population, suggest(s.Population, chk.varNames))
			}
		case "":
			chk.fail(e.Line, "index %q: method is required (zsum, zmean, mss, svi, imd or pca)", e.Name)
		default:
			chk.fail(e.Line, "index %q: method %q: use zsum, zmean, mss, svi, imd or pca", e.Name, s.Method)
		}
		ix.scale = s.Standardise
		if ix.scale == "" {
			ix.scale = "z"
		}
		if _, err := analysis.Standardise(ix.scale, nil); err != nil {
			chk.fail(e.Line, "index %q: %v", e.Name, err)
		}
		if s.Standardise != "" && s.Method != "zsum" && s.Method != "zmean" {
			chk.fail(e.Line, "index %q: standardise is for methods zsum and zmean", e.Name)
		}
		if s.Method != "svi" && len(s.Themes) > 0 {
			chk.fail(e.Line, "index %q: themes are for method svi", e.Name)
		}
		if len(s.Components) < 2 {
			chk.fail(e.Line, "index %q has %d component(s); a composite index needs at least two indicators", e.Name, len(s.Components))
		}
		comps := func(list Named[float64]) []component {
			var out []component
			for _, comp := range list {
				k, ok := chk.byInd[comp.Name]
				if !ok {
					chk.fail(comp.Line, "index %q: %q is not an indicator%s%s", e.Name, comp.Name, chk.unavailable(comp.Name), didYouMean(comp.Name, indicatorIDs(c.indicators)))
					continue
				}
				if c.indicators[k].Need == indicators.NoNeed && !ix.mss {
					chk.fail(comp.Line, "index %q: indicator %q has need: none; an index component needs need: higher or lower", e.Name, comp.Name)
				}
				if ix.mss && comp.Value != 1 {
					chk.fail(comp.Line, "index %q: the MSS weighs every indicator equally; give %q the weight 1", e.Name, comp.Name)
				}
				if !(comp.Value > 0) || math.IsInf(comp.Value, 0) {
					chk.fail(comp.Line, "index %q: weight of %q is %v; weights must be positive", e.Name, comp.Name, comp.Value)
				}
				out = append(out, component{indicator: k, weight: comp.Value})
			}
			return out
		}
		ix.components = comps(s.Components)
		switch {
		case ix.mss:
			if len(s.Dynamic) == 0 {
				chk.fail(e.Line, "index %q: method mss needs dynamic, the indicators of change", e.Name)
			}
			ix.dynamic = comps(s.Dynamic)
			ix.valid = s.Valid
			if s.Valid != nil && s.Valid.Variable == "" {
				chk.fail(s.Valid.Line, "index %q: valid needs variable, the variable whose value decides which areas take part (valid: {variable: ew, min: 300})", e.Name)
			} else if s.Valid != nil && chk.byVar[s.Valid.Variable] == nil {
				chk.fail(s.Valid.Line, "index %q: valid: %q is not a variable%s", e.Name, s.Valid.Variable, suggest(s.Valid.Variable, chk.varNames))
			}
		case len(s.Dynamic) > 0 || s.Valid != nil:
			chk.fail(e.Line, "index %q: dynamic and valid are for method mss", e.Name)
		}
		c.indices = append(c.indices, ix)
	}
}
