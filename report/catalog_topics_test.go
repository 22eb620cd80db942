package report

import (
	"bytes"
	"strings"
	"testing"

	"planatlas/indicators"
)

// Every topic of the catalog is a theme with a title: the catalog shows
// no raw topic id such as "## kinderbetreuung", in either language.
func TestCatalogTopicsHaveLabels(t *testing.T) {
	c, err := indicators.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range c.Indicators {
		if _, ok := c.Theme(d.Topic); !ok {
			t.Errorf("indicator %s: topic %q is not a theme of the catalog", d.ID, d.Topic)
		}
	}
	for _, lang := range []string{"de", "en"} {
		var b bytes.Buffer
		if err := CatalogMarkdown(&b, c, NewLocale(lang)); err != nil {
			t.Fatal(err)
		}
		for _, th := range c.Themes {
			if !strings.Contains(b.String(), "\n## "+th.Title.In(lang)+"\n") {
				t.Errorf("%s: no heading %q", lang, th.Title.In(lang))
			}
			if strings.Contains(b.String(), "\n## "+th.ID+"\n") {
				t.Errorf("%s: the raw id %q is a heading", lang, th.ID)
			}
		}
	}
}
