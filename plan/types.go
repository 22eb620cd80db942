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
	Weights    WeightsSpec                  `yaml:"weights"` // spatial weights; queen contiguity if absent
	Inputs     Named[InputSpec]             `yaml:"inputs"`
	Variables  Named[VariableSpec]          `yaml:"variables"`
	Catalog    CatalogSpec                  `yaml:"catalog"`    // catalog indicators to use: all, none, or a list
	Indicators Named[indicators.Definition] `yaml:"indicators"` // fields as in the catalog
	Disclosure DisclosureSpec               `yaml:"disclosure"`
	Indices    Named[IndexSpec]             `yaml:"indices"`
	Goals      Named[GoalSpec]              `yaml:"goals"`
	Spatial    SpatialSpec                  `yaml:"spatial"` // spatial statistics of indicators and indices
	Outputs    OutputsSpec                  `yaml:"outputs"`

	File string `yaml:"-"` // the plan's file name, for messages
	Line int    `yaml:"-"`
}

// AreasSpec says where the planning-area geometries are and which
// properties carry key, name and district.
type AreasSpec struct {
	File       string  `yaml:"file"`  // GeoJSON, shapefile (.shp) or GeoPackage (.gpkg)
	Layer      string  `yaml:"layer"` // a GeoPackage's table; its only polygon table if absent
	Key        string  `yaml:"key"`
	Name       string  `yaml:"name"`
	Parent     string  `yaml:"parent"`      // district key
	ParentName string  `yaml:"parent_name"` // district name
	CRS        string  `yaml:"crs"`         // if the file does not say
	Tolerance  float64 `yaml:"tolerance"`   // metres: gaps up to this still make areas neighbours
	Duplicates string  `yaml:"duplicates"`  // error (default) or merge: features sharing a key become one area
	Line       int     `yaml:"-"`
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

// InputSpec says how to read one input table.
type InputSpec struct {
	File       string   `yaml:"file"`
	Format     string   `yaml:"format"` // csv, parquet, arrow, geometry, points, grid; from the file name if absent
	Layer      string   `yaml:"layer"`  // a GeoPackage's table
	X          string   `yaml:"x"`      // points in a table: the column with the easting or longitude
	Y          string   `yaml:"y"`      // points in a table: the column with the northing or latitude
	CRS        string   `yaml:"crs"`    // points: their CRS if the file does not say (EPSG:4326 for a table if absent)
	Key        string   `yaml:"key"`    // column with the area key
	Year       YearSpec `yaml:"year"`   // column with the year, or a fixed year
	Dimensions []string `yaml:"dimensions"`
	Delimiter  string   `yaml:"delimiter"` // ";", ",", "tab"; detected if absent
	Decimal    string   `yaml:"decimal"`   // "," or "."; detected if absent
	Encoding   string   `yaml:"encoding"`  // utf-8 or windows-1252; detected if absent
	Line       int      `yaml:"-"`
}

// VariableSpec takes a variable from an input: a column, summed over
// the rows that match the filters in where.
type VariableSpec struct {
	Input     string            `yaml:"input"`
	Column    string            `yaml:"column"`
	Where     Named[StringList] `yaml:"where"`
	Aggregate string            `yaml:"aggregate"` // sum (default) or mean, for reference values
	Weight    string            `yaml:"weight"`    // the weight of a mean
	Count     *bool             `yaml:"count"`     // a count of persons, subject to disclosure control; true for sums
	Weighted  bool              `yaml:"weighted"`  // a count with fractional values by design (weighted survey counts, estimates)
	Line      int               `yaml:"-"`
}

// DisclosureSpec is the plan's disclosure control.
type DisclosureSpec struct {
	Threshold *int `yaml:"threshold"` // counts 1..threshold-1 are hidden; 3 if absent; 0 switches it off
	Line      int  `yaml:"-"`
}

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

// GoalSpec is one goal of the social plan: an indicator's target value
// in a target year, for one area, one district or the city.
type GoalSpec struct {
	Title     Text    `yaml:"title"`
	Indicator string  `yaml:"indicator"`
	Area      string  `yaml:"area"`     // an area's key
	District  string  `yaml:"district"` // a district's key; the city if neither is given
	Target    float64 `yaml:"target"`
	Year      int     `yaml:"year"`      // the target year
	Direction string  `yaml:"direction"` // increase or decrease; from the indicator's need if absent
	Line      int     `yaml:"-"`
}

// SpatialSpec names the indicators and indices that get spatial
// statistics: global Moran's I, Geary's C, General G, local Moran (LISA)
// and Getis–Ord Gi*, with permutation tests.
type SpatialSpec struct {
	Values       []string `yaml:"values"`
	Permutations int      `yaml:"permutations"` // 999 if absent
	Alpha        float64  `yaml:"alpha"`        // of the cluster map; 0.05 if absent
	FDR          bool     `yaml:"fdr"`          // Benjamini–Hochberg adjusted pseudo p for the clusters
	Line         int      `yaml:"-"`
}

// PyramidSpec says where the population by age and sex is: an input,
// its count column, its age and sex dimensions, and the codes of the two
// sexes.
type PyramidSpec struct {
	Input  string `yaml:"input"`
	Column string `yaml:"column"`
	Age    string `yaml:"age"`
	Sex    string `yaml:"sex"`
	Male   string `yaml:"male"`
	Female string `yaml:"female"`
	Line   int    `yaml:"-"`
}

// ValidSpec is an index's rule for the areas that take part.
type ValidSpec struct {
	Variable string  `yaml:"variable"`
	Min      float64 `yaml:"min"`
	Line     int     `yaml:"-"`
}

// OutputsSpec says what is written.
type OutputsSpec struct {
	Year        int          `yaml:"year"` // year of maps, charts and ranking; the last if absent
	Maps        []MapSpec    `yaml:"maps"`
	Charts      []ChartSpec  `yaml:"charts"`
	Tables      []string     `yaml:"tables"`       // csv, parquet, arrow
	Images      []string     `yaml:"images"`       // svg, png
	CSV         string       `yaml:"csv"`          // german or international; by language if absent
	Pyramid     *PyramidSpec `yaml:"pyramid"`      // population pyramids in the report's profiles
	Report      *bool        `yaml:"report"`       // report.html; true if absent
	Profiles    *bool        `yaml:"profiles"`     // a profile per planning area in the report; true if absent
	Alpha       float64      `yaml:"alpha"`        // significance of trends; 0.05 if absent
	ChangeYears int          `yaml:"change_years"` // the span of the change in trends.csv; 5 if absent
	// Simplify is the tolerance in metres to which the maps' boundaries
	// are simplified (shared boundaries stay shared); 0 draws them as
	// they are. If absent, a quarter of a printed pixel: the map's width
	// divided by 5000.
	Simplify *float64 `yaml:"simplify"`
	Line     int      `yaml:"-"`
}

// MapSpec is one choropleth map.
type MapSpec struct {
	Value   string    `yaml:"value"` // an indicator or index
	asked   bool      // the plan gives the number of classes
	Classes int       `yaml:"classes"`
	Method  string    `yaml:"method"` // quantile (default), equal, fisher, stdmean, box, headtails, maximum, manual
	Bounds  []float64 `yaml:"bounds"` // manual: the classes' upper bounds
	// Palette diverging splits the classes at the city's value: quantile
	// classes below it in blue, above it in red (reversed where a lower
	// value means more need). Sequential if absent.
	Palette string `yaml:"palette"`
	// Labels writes the areas' names on the map where they fit.
	Labels bool `yaml:"labels"`
	// Size is portrait (a column of an A4 page, the default) or landscape
	// (across an A4 landscape page).
	Size string `yaml:"size"`
	// AllYears classifies the values of all years together, so that the
	// bounds stay the same from one edition of the plan to the next.
	AllYears bool `yaml:"all_years"`
	Line     int  `yaml:"-"`
}

// ChartSpec is one chart.
type ChartSpec struct {
	Type  string `yaml:"type"`  // ranking (default), scatter, or trend (small multiples: city and districts over the years)
	Value string `yaml:"value"` // ranking: the indicator or index; scatter: the vertical axis
	X     string `yaml:"x"`     // scatter: the indicator on the horizontal axis
	Size  string `yaml:"size"`  // portrait (default) or landscape; ranking and trend
	Line  int    `yaml:"-"`
}
