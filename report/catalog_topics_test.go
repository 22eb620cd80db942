package report

import (
	"testing"

	"planatlas/indicators"
)

// Every topic of the catalog has a heading: the catalog shows no raw
// topic id such as "## kinderbetreuung".
func TestCatalogTopicsHaveLabels(t *testing.T) {
	c, err := indicators.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range c.Indicators {
		if _, ok := topics[d.Topic]; !ok {
			t.Errorf("indicator %s: topic %q has no heading in report.topics", d.ID, d.Topic)
		}
	}
}
