package indicators

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// Label is a text in German and English.
type Label struct {
	De string `yaml:"de"`
	En string `yaml:"en"`
}

// UnmarshalYAML accepts a plain string (the same in both languages) or a
// mapping {de: …, en: …}.
func (l *Label) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		l.De, l.En = n.Value, n.Value
		return nil
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i].Value; k != "de" && k != "en" {
				return fmt.Errorf("line %d: unknown language %q in a text (use de and en)", n.Content[i].Line, k)
			}
		}
	}
	type plain Label
	return n.Decode((*plain)(l))
}

// In returns the text in lang ("de" or "en"), falling back to the other
// language where one is missing.
func (l Label) In(lang string) string {
	if lang == "en" && l.En != "" || l.De == "" {
		return l.En
	}
	return l.De
}

// Need says whether a higher value of an indicator means more need (as a
// higher SGB II rate does) or less (as a higher employment rate does).
type Need int

const (
	HigherIsNeed Need = 1
	LowerIsNeed  Need = -1
	NoNeed       Need = 0 // descriptive: not for indices
)

// Indicator is a compiled indicator, ready to compute.
type Indicator struct {
	ID         string
	Label      Label
	Topic      string
	Unit       Label // "%", "je 100"/"per 100", "Tage"/"days", ...
	Need       Need
	Decimals   int // decimals shown in tables and maps
	Definition Label
	Formula    *Formula

	// A rate: Formula is Scale * Numerator / Denominator.
	Numerator, Denominator string
	Scale                  float64
	// Proportion: the numerator counts a part of the denominator, so
	// Wilson intervals and empirical Bayes smoothing apply.
	Proportion bool
	// Reference is how the value of a district or the city is formed as
	// the definition says: RefSum, RefFormula, or RefAuto (by the Kind).
	Reference string
	// Kind is what the formula measures (InferKind sets it); it decides
	// the reference value unless Reference says.
	Kind   Kind
	Smooth string // one of the Smooth constants

	refNum, refDen node    // KindRatio: the formula is refScale * refNum / refDen
	refScale       float64 //
	kindMean       func(string) bool
}
