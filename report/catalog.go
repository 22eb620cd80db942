package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"planatlas/datasets"
	"planatlas/indicators"
	"planatlas/lang"
)

func (l Locale) pick(de, en string) string {
	if l.Lang == "en" {
		return en
	}
	return de
}

// byTheme groups the catalog's indicators under their themes, in the
// order of the catalog's themes: block; topics that are no theme of the
// catalog follow in the order they first appear.
func byTheme(c *indicators.Catalog) (order []string, groups map[string][]indicators.Definition) {
	groups = map[string][]indicators.Definition{}
	for _, d := range c.Indicators {
		groups[d.Topic] = append(groups[d.Topic], d)
	}
	for _, t := range c.Themes {
		if len(groups[t.ID]) > 0 {
			order = append(order, t.ID)
		}
	}
	for _, d := range c.Indicators {
		if _, ok := c.Theme(d.Topic); !ok && !slices.Contains(order, d.Topic) {
			order = append(order, d.Topic)
		}
	}
	return order, groups
}

func (l Locale) need(n string) string {
	switch n {
	case "higher":
		return l.pick("höherer Wert", "higher value")
	case "lower":
		return l.pick("niedrigerer Wert", "lower value")
	}
	return l.pick("– (beschreibend)", "– (descriptive)")
}

// CatalogMarkdown writes the indicator catalog as a Markdown document:
// one table per theme, headed by its title, then the variables the
// indicators need.
func CatalogMarkdown(w io.Writer, c *indicators.Catalog, l Locale) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s %s\n\n", l.pick("planatlas-Indikatorkatalog, Version", "planatlas indicator catalog, version"), c.Version)
	fmt.Fprintf(&b, "%s\n", l.pick(
		"Ein Plan nutzt den Katalog mit `catalog: all` (oder einer Liste von Kennungen) und benennt seine Variablen wie unten. „Bedarf bei“ sagt, welche Werte höheren Bedarf anzeigen. Anteile (⊂) erhalten Wilson-Intervalle und können geglättet werden.",
		"A plan uses the catalog with `catalog: all` (or a list of ids) and names its variables as below. \"Need at\" says which values indicate more need. Shares (⊂) get Wilson intervals and may be smoothed."))
	order, byTopic := byTheme(c)
	cell := func(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
	for _, t := range order {
		fmt.Fprintf(&b, "\n## %s\n\n", c.ThemeTitle(t, l.Lang))
		fmt.Fprintf(&b, "| %s |\n|---|---|---|---|---|---|---|\n", strings.Join([]string{
			l.pick("Kennung", "Id"), l.pick("Bezeichnung", "Label"), l.pick("Einheit", "Unit"),
			l.pick("Bedarf bei", "Need at"), l.pick("Formel", "Formula"), l.pick("Definition", "Definition"),
			l.pick("Quelle", "Source")}, " | "))
		for _, d := range byTopic[t] {
			formula := "`" + d.FormulaText() + "`"
			if d.Proportion != nil && *d.Proportion {
				formula += " ⊂"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %s |\n", d.ID, cell(d.Label.In(l.Lang)), cell(d.Unit.In(l.Lang)),
				l.need(d.Need), cell(formula), cell(d.Definition.In(l.Lang)), cell(d.Source.In(l.Lang)))
		}
	}
	fmt.Fprintf(&b, "\n## %s\n\n| %s | %s |\n|---|---|\n", l.pick("Variablen", "Variables"), l.pick("Name", "Name"), l.pick("Bedeutung", "Meaning"))
	for _, v := range c.Variables {
		fmt.Fprintf(&b, "| `%s` | %s |\n", v.Name, cell(v.Label.In(l.Lang)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// CatalogFrame returns the indicator catalog as a table.
func CatalogFrame(c *indicators.Catalog, l Locale) *datasets.Frame {
	var id, topic, label, unit, need, formula, num, den, prop, def, src datasets.Text
	p := lang.New(l.Lang) // need and proportion in the reader's language: the table is CSV
	for _, d := range c.Indicators {
		id = append(id, d.ID)
		topic = append(topic, c.ThemeTitle(d.Topic, l.Lang))
		label = append(label, d.Label.In(l.Lang))
		unit = append(unit, d.Unit.In(l.Lang))
		need = append(need, p.Value("need", d.Need))
		formula = append(formula, d.FormulaText())
		num = append(num, d.Numerator)
		den = append(den, d.Denominator)
		yes := ""
		if d.Proportion != nil && *d.Proportion {
			yes = p.Value("yes", "yes")
		}
		prop = append(prop, yes)
		def = append(def, d.Definition.In(l.Lang))
		src = append(src, d.Source.In(l.Lang))
	}
	f := &datasets.Frame{}
	f.Add("id", l.pick("Kennung", "id"), id)
	f.Add("topic", l.pick("Thema", "topic"), topic)
	f.Add("label", l.pick("Bezeichnung", "label"), label)
	f.Add("unit", l.pick("Einheit", "unit"), unit)
	f.Add("need", l.pick("Bedarfsrichtung", "need"), need)
	f.Add("formula", l.pick("Formel", "formula"), formula)
	f.Add("numerator", l.pick("Zähler", "numerator"), num)
	f.Add("denominator", l.pick("Nenner", "denominator"), den)
	f.Add("proportion", l.pick("Anteil", "proportion"), prop)
	f.Add("definition", l.pick("Definition", "definition"), def)
	f.Add("source", l.pick("Quelle", "source"), src)
	return f
}
