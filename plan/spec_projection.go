package plan

import "slices"

// ProjectionSpec asks for a population projection by single year of age
// and sex (docs/methods.md section 11) from the pyramid's population
// (outputs: pyramid), a life table and fertility rates.
type ProjectionSpec struct {
	Years      int           `yaml:"years"`       // how far: 10 if 0
	BasePeriod int           `yaml:"base_period"` // years of residual net migration before the base year: 5 if 0
	LifeTable  LifeTableSpec `yaml:"life_table"`
	Fertility  FertilitySpec `yaml:"fertility"`
	// Migration names the register's moves per area; without it net
	// migration is estimated by the residual method.
	Migration *MigrationSpec `yaml:"migration"`
	// Control is the city's projected total per year (e.g. the state
	// office's projection) that the base projection is scaled to.
	Control *ControlSpec `yaml:"control"`
	// Scenarios multiply the net migration: low and high beside the base
	// (factors, e.g. 0.5 and 1.5); none if absent.
	Scenarios *ScenarioSpec `yaml:"scenarios"`
	// Housing adds the residents of planned dwellings: a housing
	// scenario beside the base.
	Housing *HousingSpec `yaml:"housing"`
	// Bands project published age bands instead of single years of age:
	// the variable of each band, youngest first, with its width in years
	// (the last, open band 0), by yearly cohort-change ratios.
	Bands Named[int] `yaml:"bands"`
	// Shrink draws a small area's band ratios towards the city's: the
	// city's weight in persons (1000 if 0).
	Shrink float64 `yaml:"shrink"`
	Line   int     `yaml:"-"`
}

// HousingSpec is a list of planned dwellings by area and year of
// completion, and the residents a new dwelling brings by age
// (occupancy), who then age like everyone else.
type HousingSpec struct {
	File      string        `yaml:"file"`
	Key       string        `yaml:"key"`
	Year      string        `yaml:"year"`
	Dwellings string        `yaml:"dwellings"`
	Occupancy OccupancySpec `yaml:"occupancy"`
	Line      int           `yaml:"-"`
}

// OccupancySpec names the residents per new dwelling by age.
type OccupancySpec struct {
	File      string `yaml:"file"`
	Age       string `yaml:"age"`
	Residents string `yaml:"residents"`
	Line      int    `yaml:"-"`
}

// ScenarioSpec gives the factors of net migration of the low and the
// high scenario.
type ScenarioSpec struct {
	Low  float64 `yaml:"low"`
	High float64 `yaml:"high"`
	Line int     `yaml:"-"`
}

// LifeTableSpec names a life table's file and columns: the age (the last
// row the open group, "95+" or 95), the sex (with the pyramid's codes)
// and the probability of dying within a year. Deaths, if given, set the
// table's level per sex to the deaths the register counted in the base
// period.
type LifeTableSpec struct {
	File   string      `yaml:"file"`
	Age    string      `yaml:"age"`
	Sex    string      `yaml:"sex"`
	Q      string      `yaml:"qx"`
	Deaths *EventsSpec `yaml:"deaths"`
	Line   int         `yaml:"-"`
}

// FertilitySpec names either a file of age-specific fertility rates
// (births per woman and year by age: age and rate), or the register's
// births per area, year and mother's age (key, year, age and births),
// from which each area's fertility is estimated, drawn towards the
// city's with a weight of shrink births (20 if 0).
type FertilitySpec struct {
	File   string  `yaml:"file"`
	Key    string  `yaml:"key"`
	Year   string  `yaml:"year"`
	Age    string  `yaml:"age"`
	Rate   string  `yaml:"rate"`
	Births string  `yaml:"births"`
	Shrink float64 `yaml:"shrink"`
	Line   int     `yaml:"-"`
}

// estimated says whether fertility is estimated from births.
func (f *FertilitySpec) estimated() bool { return f.Births != "" }

func (f *FertilitySpec) shrink() float64 {
	if f.Shrink == 0 {
		return 20
	}
	return f.Shrink
}

// EventsSpec names a register's yearly events per area, sex and age at
// the year's end: deaths (Count) or moves (In and Out).
type EventsSpec struct {
	File  string `yaml:"file"`
	Key   string `yaml:"key"`
	Year  string `yaml:"year"`
	Age   string `yaml:"age"`
	Sex   string `yaml:"sex"`
	Count string `yaml:"count"`
	Line  int    `yaml:"-"`
}

// MigrationSpec names the register's moves per area, year, age at the
// year's end and sex: in-moves and out-moves. Model "net" (the default)
// projects their mean net migration; "flows" the mean in-moves as counts
// and the out-moves as rates of the residents.
type MigrationSpec struct {
	File  string `yaml:"file"`
	Key   string `yaml:"key"`
	Year  string `yaml:"year"`
	Age   string `yaml:"age"`
	Sex   string `yaml:"sex"`
	In    string `yaml:"in"`
	Out   string `yaml:"out"`
	Model string `yaml:"model"`
	Line  int    `yaml:"-"`
}

// ControlSpec names the city's projected total residents per year.
type ControlSpec struct {
	File  string `yaml:"file"`
	Year  string `yaml:"year"`
	Total string `yaml:"total"`
	Line  int    `yaml:"-"`
}

// files lists every file the projection reads.
func (s *ProjectionSpec) files() []string {
	out := []string{s.LifeTable.File, s.Fertility.File}
	if d := s.LifeTable.Deaths; d != nil {
		out = append(out, d.File)
	}
	if m := s.Migration; m != nil {
		out = append(out, m.File)
	}
	if c := s.Control; c != nil {
		out = append(out, c.File)
	}
	if h := s.Housing; h != nil {
		out = append(out, h.File, h.Occupancy.File)
	}
	return slices.DeleteFunc(out, func(f string) bool { return f == "" })
}

func (s *ProjectionSpec) years() int {
	if s.Years == 0 {
		return 10
	}
	return s.Years
}

func (s *ProjectionSpec) basePeriod() int {
	if s.BasePeriod == 0 {
		return 5
	}
	return s.BasePeriod
}

// checkProjection checks the projection section: the pyramid's
// population to start from, the two files and their columns named, and
// horizons a plan can use.
func (chk *checker) checkProjection() {
	s := chk.p.Projection
	if s == nil {
		return
	}
	if len(s.Bands) > 0 {
		chk.checkBands(s)
		return
	}
	if chk.p.Outputs.Pyramid == nil {
		chk.fail(s.Line, "projection: it starts from the population by age and sex of the pyramid: add outputs: pyramid: {input: …, column: …, age: …, sex: …, male: …, female: …}")
	}
	if s.Years < 0 || s.Years > 30 {
		chk.fail(s.Line, "projection: years %d: project 1 to 30 years ahead", s.Years)
	}
	if s.BasePeriod < 0 || s.BasePeriod > 20 {
		chk.fail(s.Line, "projection: base_period %d: 1 to 20 years of net migration before the base year", s.BasePeriod)
	}
	if sc := s.Scenarios; sc != nil && !(sc.Low >= 0 && sc.Low < 1 && sc.High > 1 && sc.High <= 5) {
		chk.fail(sc.Line, "projection: scenarios low %g and high %g: factors of net migration, low from 0 to below 1, high above 1 up to 5 (low: 0.5, high: 1.5)", sc.Low, sc.High)
	}
	if h := s.Housing; h != nil && (h.File == "" || h.Key == "" || h.Year == "" || h.Dwellings == "" || h.Occupancy.File == "" || h.Occupancy.Age == "" || h.Occupancy.Residents == "") {
		chk.fail(h.Line, "projection: housing needs file, key, year and dwellings, and occupancy with file, age and residents (per dwelling)")
	}
	lt := s.LifeTable
	if lt.File == "" || lt.Age == "" || lt.Sex == "" || lt.Q == "" {
		chk.fail(s.Line, "projection: life_table needs file, age, sex and qx (the column of the probability of dying)")
	}
	if d := lt.Deaths; d != nil && (d.File == "" || d.Key == "" || d.Year == "" || d.Age == "" || d.Sex == "" || d.Count == "") {
		chk.fail(d.Line, "projection: life_table: deaths needs file, key, year, age, sex and count (the register's deaths per area, year, age at the year's end and sex)")
	}
	chk.checkFertility(s)
	if m := s.Migration; m != nil {
		if m.File == "" || m.Key == "" || m.Year == "" || m.Age == "" || m.Sex == "" || m.In == "" || m.Out == "" {
			chk.fail(m.Line, "projection: migration needs file, key, year, age, sex, in and out (the register's in- and out-moves per area, year, age at the year's end and sex)")
		}
		if m.Model != "" && m.Model != "net" && m.Model != "flows" {
			chk.fail(m.Line, "projection: migration: model %q: net (the mean net migration, the default) or flows (in-moves as counts, out-moves as rates)", m.Model)
		}
	}
	if c := s.Control; c != nil && (c.File == "" || c.Year == "" || c.Total == "") {
		chk.fail(c.Line, "projection: control needs file, year and total (the city's projected residents per year)")
	}
}

// checkFertility checks that fertility names either rates or births.
func (chk *checker) checkFertility(s *ProjectionSpec) {
	f := s.Fertility
	switch {
	case f.Rate != "" && f.Births != "":
		chk.fail(s.Line, "projection: fertility names both rate and births: rate for a file of rates by age, births for the register's births per area, year and mother's age")
	case f.estimated() && (f.File == "" || f.Key == "" || f.Year == "" || f.Age == ""):
		chk.fail(s.Line, "projection: fertility from births needs file, key, year, age (the mother's, at the year's start) and births")
	case f.estimated() && f.Shrink < 0:
		chk.fail(s.Line, "projection: fertility: shrink %g: the city's weight in births, 0 or more (20 if not given)", f.Shrink)
	case !f.estimated() && (f.File == "" || f.Age == "" || f.Rate == ""):
		chk.fail(s.Line, "projection: fertility needs file, age and rate (births per woman and year)")
	}
}

// checkBands checks a projection of age bands: each band a summed
// variable with a width, the last one open (0).
func (chk *checker) checkBands(s *ProjectionSpec) {
	if s.Years < 0 || s.Years > 30 || s.BasePeriod < 0 || s.BasePeriod > 20 || s.Shrink < 0 {
		chk.fail(s.Line, "projection: years %d, base_period %d, shrink %g: 1 to 30 years ahead, 1 to 20 years of ratios, a weight of 0 or more persons", s.Years, s.BasePeriod, s.Shrink)
	}
	if s.Scenarios != nil || s.Housing != nil || s.Migration != nil || s.Control != nil || s.LifeTable.File != "" || s.Fertility.File != "" {
		chk.fail(s.Line, "projection: bands are projected by their own cohort-change ratios; life_table, fertility, migration, control, scenarios and housing are for single years of age: leave them out, or the bands")
	}
	for i, e := range s.Bands {
		v := chk.byVar[e.Name]
		last := i == len(s.Bands)-1
		switch {
		case v == nil:
			chk.fail(e.Line, "projection: band %q is not a variable%s", e.Name, suggest(e.Name, chk.varNames))
		case v.agg.Mean:
			chk.fail(e.Line, "projection: band %q is a mean; a band is a count of residents", e.Name)
		case last && e.Value != 0:
			chk.fail(e.Line, "projection: the last band %q is the open one (\"and over\"): its width is 0, not %d", e.Name, e.Value)
		case !last && e.Value <= 0:
			chk.fail(e.Line, "projection: band %q: give its width in years (6 for 0–5), not %d", e.Name, e.Value)
		}
	}
}
