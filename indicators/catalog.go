package indicators

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"planatlas/datasets"
	"planatlas/lang"
)

//go:embed catalog.yaml
var catalogYAML []byte

// Definition is an indicator as the catalog and plans write it. Empty
// fields are "not given": a plan's definition overrides only the fields
// it gives (see Merge).
type Definition struct {
	ID          string   `yaml:"-"`
	Label       Label    `yaml:"label"`
	Topic       string   `yaml:"topic"` // a theme of the catalog's themes: block, or the plan's own heading
	Kind        string   `yaml:"kind"`  // count, share, rate or mean: what the indicator measures (documentation)
	Unit        Label    `yaml:"unit"`
	Need        string   `yaml:"need"` // higher, lower or none
	Formula     string   `yaml:"formula"`
	Numerator   string   `yaml:"numerator"`
	Denominator string   `yaml:"denominator"`
	Scale       *float64 `yaml:"scale"`
	Proportion  *bool    `yaml:"proportion"`
	Reference   string   `yaml:"reference"` // sum or formula; by the formula's kind if ""
	Decimals    *int     `yaml:"decimals"`
	Smooth      string   `yaml:"smooth"` // eb-global, eb-local, eb-local-spdep
	Definition  Label    `yaml:"definition"`
	Source      Label    `yaml:"source"` // the published definition followed, or "municipal convention"
}

// Merge returns d with every field that o gives replacing d's.
func (d Definition) Merge(o Definition) Definition {
	str := func(a *string, b string) {
		if b != "" {
			*a = b
		}
	}
	str(&d.Label.De, o.Label.De)
	str(&d.Label.En, o.Label.En)
	str(&d.Topic, o.Topic)
	str(&d.Unit.De, o.Unit.De)
	str(&d.Unit.En, o.Unit.En)
	str(&d.Need, o.Need)
	if o.Formula != "" || o.Numerator != "" || o.Denominator != "" {
		d.Formula, d.Numerator, d.Denominator = o.Formula, o.Numerator, o.Denominator
	}
	if o.Scale != nil {
		d.Scale = o.Scale
	}
	if o.Proportion != nil {
		d.Proportion = o.Proportion
	}
	str(&d.Reference, o.Reference)
	if o.Decimals != nil {
		d.Decimals = o.Decimals
	}
	str(&d.Smooth, o.Smooth)
	str(&d.Definition.De, o.Definition.De)
	str(&d.Definition.En, o.Definition.En)
	str(&d.Kind, o.Kind)
	str(&d.Source.De, o.Source.De)
	str(&d.Source.En, o.Source.En)
	return d
}

// Smoothing methods for rates (docs/methods.md section 4).
const (
	SmoothNone         = ""
	SmoothGlobalEB     = "eb-global"      // global empirical Bayes (spdep EBest)
	SmoothLocalEB      = "eb-local"       // local EB with the area's own local mean (Marshall 1991; GeoDa; spdep EBlocal with geoda = TRUE)
	SmoothLocalEBSpdep = "eb-local-spdep" // spdep EBlocal's default: each neighbour's own local mean in C_i
)

// Compile checks a definition and compiles its formula. known reports
// whether a variable exists; candidates are offered for misspellings.
func (d Definition) Compile(known func(string) bool, candidates []string) (*Indicator, error) {
	ind := &Indicator{ID: d.ID, Label: d.Label, Unit: d.Unit, Topic: d.Topic, Decimals: 1,
		Definition: d.Definition, Numerator: d.Numerator, Denominator: d.Denominator, Scale: 1, Smooth: d.Smooth}
	if ind.Label.De == "" && ind.Label.En == "" {
		ind.Label = Label{De: d.ID, En: d.ID}
	}
	switch d.Need {
	case "higher":
		ind.Need = HigherIsNeed
	case "lower":
		ind.Need = LowerIsNeed
	case "none":
		ind.Need = NoNeed
	case "":
		return nil, lang.Errorf("need is required: higher (a higher value means more need), lower, or none")
	default:
		return nil, lang.Errorf("need %q: use higher, lower or none", d.Need)
	}
	if d.Decimals != nil {
		if *d.Decimals < 0 || *d.Decimals > 6 {
			return nil, lang.Errorf("decimals %d: use 0 to 6", *d.Decimals)
		}
		ind.Decimals = *d.Decimals
	}
	if d.Scale != nil {
		if *d.Scale == 0 || math.IsNaN(*d.Scale) || math.IsInf(*d.Scale, 0) {
			return nil, lang.Errorf("scale %v: use a number such as 100", *d.Scale)
		}
		ind.Scale = *d.Scale
	}
	if d.Proportion != nil {
		ind.Proportion = *d.Proportion
	}
	if !slices.Contains(Kinds, d.Kind) && d.Kind != "" {
		return nil, lang.Errorf("kind %q: use count, share, rate or mean", d.Kind)
	}
	switch d.Reference {
	case RefAuto, RefSum, RefFormula:
		ind.Reference = d.Reference
	default:
		return nil, lang.Errorf("reference %q: use sum (the sum of the areas' values) or formula (the formula applied to the aggregated variables); without it the formula decides: counts add up, rates are ratios of sums, means are weighted means", d.Reference)
	}
	if (d.Numerator == "") != (d.Denominator == "") {
		return nil, lang.Errorf("numerator and denominator go together")
	}
	text := d.Formula
	if d.Numerator != "" {
		for _, part := range []struct{ role, text string }{{"numerator", d.Numerator}, {"denominator", d.Denominator}} {
			v := strings.TrimSpace(part.text)
			if plainName.MatchString(v) {
				if !known(v) {
					return nil, &FormulaError{Formula: v, Msg: fmt.Sprintf("unknown variable %q%s", v, suggestion(v, candidates))}
				}
				continue
			}
			f, err := Compile(v, known, candidates)
			if err != nil {
				return nil, lang.Errorf("%s: %v", part.role, err)
			}
			if !f.Linear() {
				return nil, lang.Errorf("%s %q: a numerator or denominator is a variable or a sum of variables (+ and −, parentheses), as they count persons or cases; write other formulas as formula: scale * (numerator) / (denominator)", part.role, v)
			}
		}
		ind.Numerator, ind.Denominator = strings.TrimSpace(d.Numerator), strings.TrimSpace(d.Denominator)
		if text == "" {
			text = rateText(ind.Numerator, ind.Denominator, ind.Scale)
		}
	}
	if text == "" {
		return nil, lang.Errorf("a formula, or a numerator and a denominator, is required")
	}
	if ind.Proportion && d.Numerator == "" {
		return nil, lang.Errorf("proportion: true needs a numerator and a denominator")
	}
	switch d.Smooth {
	case SmoothNone:
	case SmoothGlobalEB, SmoothLocalEB, SmoothLocalEBSpdep:
		if d.Numerator == "" {
			return nil, lang.Errorf("smooth: %s needs a rate with a numerator and a denominator", d.Smooth)
		}
	default:
		return nil, lang.Errorf("smooth %q: use eb-global, eb-local or eb-local-spdep", d.Smooth)
	}
	f, err := Compile(text, known, candidates)
	if err != nil {
		return nil, err
	}
	ind.Formula = f
	// Every variable adds up until the plan says which are means.
	ind.InferKind(func(string) bool { return false })
	return ind, nil
}

func suggestion(name string, candidates []string) string {
	if s := datasets.Suggest(name, candidates); s != "" {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	return ""
}

// VariableDoc documents a variable the catalog's indicators use.
type VariableDoc struct {
	Name  string
	Label Label
}

// Kinds are the values of a definition's kind: what an indicator
// measures. A count adds up over areas; a share is a part of a population
// per 100 of it (proportion: true); a rate is any other ratio of counts or
// a change; a mean is made of values that are means themselves.
var Kinds = []string{"count", "share", "rate", "mean"}

// Theme is a heading of the catalog: the id indicators name in topic:,
// and its title in both languages.
type Theme struct {
	ID    string
	Title Label
}

// Catalog is the embedded list of standard indicators.
type Catalog struct {
	Version    string
	Themes     []Theme // in the order listings show them
	Variables  []VariableDoc
	Indicators []Definition
}

// LoadCatalog parses the embedded catalog. It fails only if the catalog
// shipped with planatlas is broken, which its tests rule out.
func LoadCatalog() (*Catalog, error) {
	// Strict pass: every field must be known.
	var strict struct {
		Version    string                 `yaml:"version"`
		Themes     map[string]Label       `yaml:"themes"`
		Variables  map[string]Label       `yaml:"variables"`
		Indicators map[string]*Definition `yaml:"indicators"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(catalogYAML))
	dec.KnownFields(true)
	if err := dec.Decode(&strict); err != nil {
		return nil, fmt.Errorf("indicator catalog: %v", err)
	}
	// Ordered pass: the catalog's order is the order of listings.
	var doc struct {
		Themes     yaml.Node `yaml:"themes"`
		Variables  yaml.Node `yaml:"variables"`
		Indicators yaml.Node `yaml:"indicators"`
	}
	if err := yaml.Unmarshal(catalogYAML, &doc); err != nil {
		return nil, err
	}
	c := &Catalog{Version: strict.Version}
	for i := 0; i+1 < len(doc.Themes.Content); i += 2 {
		id := doc.Themes.Content[i].Value
		c.Themes = append(c.Themes, Theme{ID: id, Title: strict.Themes[id]})
	}
	for i := 0; i+1 < len(doc.Variables.Content); i += 2 {
		name := doc.Variables.Content[i].Value
		c.Variables = append(c.Variables, VariableDoc{Name: name, Label: strict.Variables[name]})
	}
	for i := 0; i+1 < len(doc.Indicators.Content); i += 2 {
		id := doc.Indicators.Content[i].Value
		d := *strict.Indicators[id]
		d.ID = id
		c.Indicators = append(c.Indicators, d)
	}
	return c, nil
}

// Get returns the catalog's definition of id.
func (c *Catalog) Get(id string) (Definition, bool) {
	for _, d := range c.Indicators {
		if d.ID == id {
			return d, true
		}
	}
	return Definition{}, false
}

// Theme returns the catalog's theme id.
func (c *Catalog) Theme(id string) (Theme, bool) {
	for _, t := range c.Themes {
		if t.ID == id {
			return t, true
		}
	}
	return Theme{}, false
}

// ThemeTitle returns the heading of a topic in lang ("de" or "en"): the
// catalog theme's title, or the topic as written where it is not a theme
// of the catalog (a plan's own heading such as "Befragung").
func (c *Catalog) ThemeTitle(topic, lang string) string {
	if t, ok := c.Theme(topic); ok {
		return t.Title.In(lang)
	}
	return topic
}

// Variable returns the documentation of a catalog variable.
func (c *Catalog) Variable(name string) (VariableDoc, bool) {
	for _, v := range c.Variables {
		if v.Name == name {
			return v, true
		}
	}
	return VariableDoc{}, false
}

// FormulaText returns the formula a definition computes: its formula, or
// scale * numerator / denominator.
func (d Definition) FormulaText() string {
	if d.Formula != "" {
		return d.Formula
	}
	scale := 1.0
	if d.Scale != nil {
		scale = *d.Scale
	}
	return rateText(strings.TrimSpace(d.Numerator), strings.TrimSpace(d.Denominator), scale)
}

// plainName is a variable name: a numerator or denominator that is one.
var plainName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// rateText writes scale * numerator / denominator, with parentheses
// around a numerator or denominator that is a sum.
func rateText(num, den string, scale float64) string {
	paren := func(s string) string {
		if plainName.MatchString(s) {
			return s
		}
		return "(" + s + ")"
	}
	s := paren(num) + " / " + paren(den)
	if scale != 1 {
		s = strconv.FormatFloat(scale, 'g', -1, 64) + " * " + s
	}
	return s
}

// RateVars returns the variables of a numerator or denominator: the
// variable it names, or those of its sum; nil if it does not compile.
func RateVars(text string) []string {
	text = strings.TrimSpace(text)
	if plainName.MatchString(text) {
		return []string{text}
	}
	f, err := Compile(text, func(string) bool { return true }, nil)
	if err != nil {
		return nil
	}
	return f.Vars
}

// Vars returns the variables a definition reads, as far as they can be
// known without compiling: numerator and denominator, or the names in
// its formula.
func (d Definition) Vars() []string {
	if d.Numerator != "" {
		vars := RateVars(d.Numerator)
		for _, v := range RateVars(d.Denominator) {
			if !slices.Contains(vars, v) {
				vars = append(vars, v)
			}
		}
		return vars
	}
	f, err := Compile(d.Formula, func(string) bool { return true }, nil)
	if err != nil {
		return nil
	}
	return f.Vars
}
