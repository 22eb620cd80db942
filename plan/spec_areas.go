package plan

import "planatlas/geo"

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

// checkAreas checks the areas section and the spatial weights.
func (chk *checker) checkAreas() {
	p, c := chk.p, chk.c
	if p.Areas.File == "" || p.Areas.Key == "" {
		chk.fail(p.Areas.Line, "areas: file and key are required (the geometry file and the property holding the area key)")
	}
	if p.Areas.CRS != "" {
		crs, err := geo.ParseCRS(p.Areas.CRS)
		if err != nil {
			chk.fail(p.Areas.Line, "areas: %v", err)
		}
		c.crs = crs
	}
	if p.Areas.File != "" && geo.FormatOf(p.Areas.File) == "" {
		chk.fail(p.Areas.Line, "areas: %q is not a geometry file planatlas reads: use GeoJSON (.geojson), a shapefile (.shp with .shx, .dbf, .prj) or a GeoPackage (.gpkg)", p.Areas.File)
	}
	switch p.Areas.Duplicates {
	case "", "error", "merge":
	default:
		chk.fail(p.Areas.Line, "areas: duplicates %q: use error (a key used twice is an error) or merge (its features become one area)", p.Areas.Duplicates)
	}
	if p.Areas.Tolerance < 0 {
		chk.fail(p.Areas.Line, "areas: tolerance %g: a distance in metres cannot be negative", p.Areas.Tolerance)
	}
	var err error
	if c.weights, err = checkWeights(p); err != nil {
		chk.fail(p.Weights.Line, "weights: %v", err)
	}
}
