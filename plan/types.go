package plan

import "planatlas/indicators"

// Plan is a parsed plan file. Field comments give the YAML names.
type Plan struct {
	Version    int                          `yaml:"planatlas"` // format version, 1
	Title      Text                         `yaml:"title"`
	City       Text                         `yaml:"city"`     // the name of the whole territory
	Language   string                       `yaml:"language"` // de or en
	Source     Text                         `yaml:"source"`   // data source for the maps' source line
	Years      Years                        `yaml:"years"`    // restricts the years read; all if absent
	Output     string                       `yaml:"output"`   // output folder relative to the plan; "out" if absent
	Seed       *uint64                      `yaml:"seed"`     // of every random draw (rank uncertainty); 1 if absent
	Areas      AreasSpec                    `yaml:"areas"`
	Boundaries Named[BoundarySpec]          `yaml:"boundaries"` // older layers of planning areas, for data before a reorganisation
	Weights    WeightsSpec                  `yaml:"weights"`    // spatial weights; queen contiguity if absent
	Inputs     Named[InputSpec]             `yaml:"inputs"`
	Variables  Named[VariableSpec]          `yaml:"variables"`
	Catalog    CatalogSpec                  `yaml:"catalog"`    // catalog indicators to use: all, none, or a list
	Indicators Named[indicators.Definition] `yaml:"indicators"` // fields as in the catalog
	Disclosure DisclosureSpec               `yaml:"disclosure"`
	Indices    Named[IndexSpec]             `yaml:"indices"`
	Goals      Named[GoalSpec]              `yaml:"goals"`
	Measures   MeasuresSpec                 `yaml:"measures"`   // the social plan's measures: named entries or {file: …}
	Monitoring MonitoringSpec               `yaml:"monitoring"` // which index the measures are held against
	Spatial    SpatialSpec                  `yaml:"spatial"`    // spatial statistics of indicators and indices
	Projection *ProjectionSpec              `yaml:"projection"` // population projection by age and sex
	Surveys    Named[SurveySpec]            `yaml:"surveys"`    // sample surveys' microdata, estimated per area
	Outputs    OutputsSpec                  `yaml:"outputs"`

	File string `yaml:"-"` // the plan's file name, for messages
	Line int    `yaml:"-"`
}

// WeightsSpec says how spatial weights are built (docs/methods.md section 6).
type WeightsSpec struct {
	Type      string   `yaml:"type"`      // queen (default), rook, knn, distance, or file
	K         int      `yaml:"k"`         // knn: the number of neighbours
	Distance  float64  `yaml:"distance"`  // distance: the band in metres between label points
	Tolerance *float64 `yaml:"tolerance"` // queen, rook: metres; areas.tolerance, else 0.1, if absent
	Style     string   `yaml:"style"`     // W (row-standardised, default) or B (binary)
	File      string   `yaml:"file"`      // file: a GAL or GWT file (GeoDa, PySAL)
	Line      int      `yaml:"-"`
}
