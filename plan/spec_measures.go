package plan

import (
	"math"
	"sort"
	"strconv"

	"go.yaml.in/yaml/v3"

	"planatlas/datasets"
	"planatlas/lang"
)

// MeasuresSpec is the social plan's measures: named entries written in
// the plan, or a table, {file: massnahmen.csv}, with one row per
// measure (README, "Goals and measures").
type MeasuresSpec struct {
	File    string             // a table of measures: CSV, or an Excel workbook (.xlsx)
	Sheet   string             // the workbook's sheet; its first visible one if ""
	Entries Named[MeasureSpec] // the measures written in the plan
	Line    int
}

func (m *MeasuresSpec) decodeNode(n *yaml.Node, file string) error {
	m.Line = n.Line
	if n.Kind == yaml.MappingNode && isTableSpec(n) {
		for i := 0; i+1 < len(n.Content); i += 2 {
			switch n.Content[i].Value {
			case "file":
				m.File = n.Content[i+1].Value
			case "sheet":
				m.Sheet = n.Content[i+1].Value
			}
		}
		return nil
	}
	return m.Entries.decodeNode(n, file)
}

// isTableSpec reports whether a measures node is {file: …} with at most
// a sheet beside it, rather than measures named "file" and "sheet".
func isTableSpec(n *yaml.Node) bool {
	hasFile := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, n.Content[i+1]
		switch {
		case v.Kind != yaml.ScalarNode:
			return false
		case k == "file":
			hasFile = true
		case k != "sheet":
			return false
		}
	}
	return hasFile
}

// MeasureSpec is one measure of the social plan: what it is, the goals
// it serves, where it acts, who is responsible, when, and how far it
// has come.
type MeasureSpec struct {
	Title     Text          `yaml:"title"`
	Goals     StringList    `yaml:"goals"`     // the goals' names
	Where     StringList    `yaml:"where"`     // area or district keys; "city" or absent: city-wide
	Office    string        `yaml:"office"`    // the responsible office
	Start     string        `yaml:"start"`     // a year, YYYY-MM-DD or DD.MM.YYYY
	End       string        `yaml:"end"`       // as start
	Status    string        `yaml:"status"`    // geplant, begonnen, umgesetzt, verschoben, entfallen (or in English)
	Budget    *float64      `yaml:"budget"`    // euros
	Indicator string        `yaml:"indicator"` // the indicator it is meant to move
	History   Named[string] `yaml:"history"`   // year: status
	Line      int           `yaml:"-"`
}

// MonitoringSpec says which index the measures are held against: the
// plan's first index if absent.
type MonitoringSpec struct {
	Index string `yaml:"index"`
	Line  int    `yaml:"-"`
}

// rawMeasure is a measure as written, in the plan or in a table row,
// before its values are read.
type rawMeasure struct {
	m                    *measure // id, title, goals, where, office, indicator, file, line, cols
	start, end, status   string
	budget               string
	history              []rawStatus
	budgetFromPlan       float64
	budgetGiven, numeric bool
}

// rawStatus is one year of a measure's status history as written.
type rawStatus struct {
	year   int
	status string
	field  string // the table's column, for messages
}

// checkMeasures reads the measures (from the plan or their table) and
// checks what needs no data: ids, goals, indicators, dates, status
// words and budgets. Places are checked against the areas in the run
// (matchMeasures), which validate runs too.
func (chk *checker) checkMeasures() {
	p, c := chk.p, chk.c
	if ix := p.Monitoring.Index; ix != "" {
		if _, ok := p.Indices.Get(ix); !ok {
			chk.fail(p.Monitoring.Line, "monitoring: %q is not an index%s", ix, suggest(ix, p.Indices.Names()))
		}
		c.monitoring = ix
	}
	var raws []rawMeasure
	if p.Measures.File != "" {
		rs, err := readMeasureSheet(chk.src, p.Measures.File, p.Measures.Sheet)
		if err != nil {
			chk.errs = append(chk.errs, err)
			return
		}
		raws = rs
	} else {
		for _, e := range p.Measures.Entries {
			raws = append(raws, rawFromPlan(p.File, e))
		}
	}
	seen := map[string]*measure{}
	for _, raw := range raws {
		m, errs := parseMeasure(raw)
		chk.errs = append(chk.errs, errs...)
		if first, dup := seen[m.id]; dup {
			chk.errs = append(chk.errs, m.fail("id", "measure %q: the id is used twice (first on line %d)", m.id, lang.Digits(first.line)))
			continue
		}
		seen[m.id] = m
		chk.checkMeasureNames(m)
		c.measures = append(c.measures, m)
	}
	chk.measureNotes()
}

// checkMeasureNames checks that a measure's goals and indicator exist.
func (chk *checker) checkMeasureNames(m *measure) {
	goals := chk.p.Goals.Names()
	for _, g := range m.goals {
		if !contains(goals, g) {
			chk.errs = append(chk.errs, m.fail("goals", "measure %q: %q is not a goal of the plan%s", m.id, g, suggest(g, goals)))
		}
	}
	if m.indicator != "" {
		if _, ok := chk.byInd[m.indicator]; !ok {
			chk.errs = append(chk.errs, m.fail("indicator", "measure %q: %q is not an indicator%s", m.id, m.indicator, didYouMean(m.indicator, indicatorIDs(chk.c.indicators))))
		}
	}
}

// measureNotes notes the goals no measure serves and the measures that
// serve no goal.
func (chk *checker) measureNotes() {
	c := chk.c
	if len(c.measures) == 0 {
		return
	}
	served := map[string]bool{}
	for _, m := range c.measures {
		if len(m.goals) == 0 {
			c.notes = append(c.notes, lang.M("measure %q serves no goal", m.id))
		}
		for _, g := range m.goals {
			served[g] = true
		}
	}
	for _, g := range chk.p.Goals.Names() {
		if !served[g] {
			c.notes = append(c.notes, lang.M("goal %q: no measure serves it", g))
		}
	}
}

// rawFromPlan is a measure written in the plan.
func rawFromPlan(file string, e Entry[MeasureSpec]) rawMeasure {
	s := e.Value
	m := &measure{id: e.Name, title: s.Title, goals: s.Goals, where: s.Where, office: s.Office,
		indicator: s.Indicator, file: file, line: e.Line, budget: math.NaN()}
	raw := rawMeasure{m: m, start: s.Start, end: s.End, status: s.Status}
	if s.Budget != nil {
		raw.budgetGiven, raw.numeric, raw.budgetFromPlan = true, true, *s.Budget
	}
	for _, h := range s.History {
		y, err := strconv.Atoi(h.Name)
		if err != nil || !datasets.PlausibleYear(y) {
			y = 0
		}
		raw.history = append(raw.history, rawStatus{year: y, status: h.Value, field: h.Name})
	}
	return raw
}

// parseMeasure reads a measure's dates, status, budget and history,
// returning every error found.
func parseMeasure(raw rawMeasure) (*measure, []error) {
	m := raw.m
	var errs []error
	if m.title.De == "" && m.title.En == "" {
		m.title = Text{De: m.id, En: m.id}
	}
	var ok bool
	if m.start, ok = parseMeasureDate(raw.start); !ok {
		errs = append(errs, m.fail("start", "measure %q: start %q is not a date (a year such as 2025, 2025-03-31 or 31.03.2025)", m.id, raw.start))
	}
	if m.end, ok = parseMeasureDate(raw.end); !ok {
		errs = append(errs, m.fail("end", "measure %q: end %q is not a date (a year such as 2025, 2025-03-31 or 31.03.2025)", m.id, raw.end))
	}
	if m.start.given() && m.end.given() && m.end.latest() < m.start.earliest() {
		errs = append(errs, m.fail("end", "measure %q: it ends (%s) before it starts (%s)", m.id, m.end.text, m.start.text))
	}
	if m.status, ok = statusCode(raw.status); !ok {
		errs = append(errs, m.fail("status", "measure %q: %q is not a status; use one of: %s", m.id, raw.status, statusWords{}))
	} else if m.status == "" {
		m.status = "planned" // no status yet: planned
	}
	switch {
	case raw.numeric:
		m.budget = raw.budgetFromPlan
	case raw.budget != "":
		if m.budget, ok = parseEuros(raw.budget); !ok {
			errs = append(errs, m.fail("budget", "measure %q: budget %q is not an amount in euros", m.id, raw.budget))
		}
	}
	for _, h := range raw.history {
		if h.year == 0 {
			errs = append(errs, m.fail("history", "measure %q: history: %q is not a year", m.id, h.field))
			continue
		}
		if h.status == "" {
			continue
		}
		code, ok := statusCode(h.status)
		if !ok || code == "" {
			errs = append(errs, m.failColumn(h.field, "measure %q: %q is not a status; use one of: %s", m.id, h.status, statusWords{}))
			continue
		}
		m.history = append(m.history, yearStatus{year: h.year, status: code})
	}
	sort.SliceStable(m.history, func(a, b int) bool { return m.history[a].year < m.history[b].year })
	return m, errs
}
