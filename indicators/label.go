package indicators

// Label is a text in German and English.
type Label struct {
	De, En string
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
)

// Indicator is the definition of one indicator.
type Indicator struct {
	ID         string
	Label      Label
	Unit       string // "%", "‰", "per km²", "days", ...
	Need       Need
	Decimals   int // decimals shown in tables and maps
	Definition Label
	Formula    *Formula
}
