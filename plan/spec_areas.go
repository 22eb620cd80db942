package plan

import (
	"strings"

	"planatlas/datasets"
	"planatlas/geo"
	"planatlas/lang"
)

// AreasSpec says where the planning-area geometries are and which
// properties carry key, name and district.
type AreasSpec struct {
	File       string `yaml:"file"`  // GeoJSON, shapefile (.shp) or GeoPackage (.gpkg)
	Layer      string `yaml:"layer"` // a GeoPackage's table; its only polygon table if absent
	Key        string `yaml:"key"`
	Name       string `yaml:"name"`
	Parent     string `yaml:"parent"`      // district key (the simple case of levels)
	ParentName string `yaml:"parent_name"` // district name
	// Levels are the units the areas add up to, from the smallest to the
	// largest below the city (Berlin: Bezirksregion, Prognoseraum,
	// Bezirk); instead of parent and parent_name.
	Levels []LevelSpec `yaml:"levels"`
	// Districts is the level that trend charts, goals (district:) and the
	// ranking's district column use; the largest if absent.
	Districts string `yaml:"districts"`
	// Population is the variable of residents whose share a reference
	// value's coverage is measured in; the catalog's ew if the plan has
	// it, else the share of areas.
	Population string  `yaml:"population"`
	CRS        string  `yaml:"crs"`        // wins over what the file says (EPSG:…, a PROJ string or WKT)
	Tolerance  float64 `yaml:"tolerance"`  // metres: gaps up to this still make areas neighbours
	Duplicates string  `yaml:"duplicates"` // error (default) or merge: features sharing a key become one area
	// Repair makes invalid polygons valid by GEOS MakeValid's rules
	// instead of refusing them; the notes list each repaired feature with
	// its area before and after.
	Repair bool `yaml:"repair"`
	Line   int  `yaml:"-"`
}

// checkAreas checks the areas section and the spatial weights.
func (chk *checker) checkAreas() {
	p, c := chk.p, chk.c
	if p.Areas.File == "" || p.Areas.Key == "" {
		if p.Areas.Line == 0 {
			chk.fail(1, "the plan has no areas section: add one with the geometry file and the attribute holding the area key (areas: {file: gebiete.geojson, key: pr_id}); planatlas check-geometry FILE lists the attributes")
		} else {
			chk.fail(p.Areas.Line, "areas: file and key are required (the geometry file and the attribute holding the area key); planatlas check-geometry FILE lists the attributes")
		}
	}
	if p.Areas.CRS != "" {
		crs, err := chk.parseCRS(p.Areas.CRS)
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
	chk.checkLevels()
	var err error
	if c.weights, err = checkWeights(p); err != nil {
		chk.fail(p.Weights.Line, "weights: %v", err)
	}
}

// LevelSpec is one level of units above the planning areas: its id, its
// label, how an area's unit key is found (an attribute of the geometry,
// or the first characters of the area key) and the units' names (an
// attribute, or a table).
type LevelSpec struct {
	ID        string    `yaml:"id"`
	Label     Text      `yaml:"label"`
	Parent    string    `yaml:"parent"`     // the geometry's attribute holding the unit key
	KeyPrefix int       `yaml:"key_prefix"` // or: the unit key is the first N characters of the area key
	Name      string    `yaml:"name"`       // the geometry's attribute holding the unit name
	Names     NamesSpec `yaml:"names"`      // or: a table of names
	Line      int       `yaml:"-"`
}

// NamesSpec is a table of names: a CSV file with a key column (the
// units' keys, or the areas' keys) and a name column.
type NamesSpec struct {
	File string `yaml:"file"`
	Key  string `yaml:"key"`
	Name string `yaml:"name"`
	Line int    `yaml:"-"`
}

// reservedLevels are the level ids of the areas and the city.
var reservedLevels = map[string]bool{"area": true, "city": true}

// checkLevels checks the levels above the areas, or turns parent and
// parent_name into the one level "district".
func (chk *checker) checkLevels() {
	p, c := chk.p, chk.c
	a := p.Areas
	if len(a.Levels) > 0 && (a.Parent != "" || a.ParentName != "") {
		chk.fail(a.Line, "areas: give levels or parent (and parent_name), not both; parent: X is the level {id: district, parent: X}")
		return
	}
	if a.Parent != "" {
		c.levels = []LevelSpec{{ID: "district", Label: Text{De: "Stadtteil", En: "district"}, Parent: a.Parent, Name: a.ParentName, Line: a.Line}}
		c.simpleParent = true
	}
	seen := map[string]int{}
	for _, l := range a.Levels {
		bad := func(format string, args ...any) {
			chk.fail(l.Line, "areas: level %q: %s", l.ID, lang.M(format, lang.IntsAsDigits(args)...))
		}
		switch {
		case l.ID == "":
			chk.fail(l.Line, "areas: a level needs an id (for example id: bezirk)")
		case !identifier.MatchString(l.ID):
			bad("use letters, digits and _ only in an id, starting with a letter")
		case reservedLevels[l.ID]:
			bad("the ids area and city are the planning areas' and the whole city's")
		case seen[l.ID] > 0:
			bad("the id is used by the level on line %d too", seen[l.ID])
		}
		seen[l.ID] = l.Line
		switch {
		case l.Parent == "" && l.KeyPrefix == 0:
			bad("say how an area's unit is found: parent: ATTRIBUTE (the geometry's attribute with the unit key) or key_prefix: N (the first N characters of the area key)")
		case l.Parent != "" && l.KeyPrefix != 0:
			bad("give parent or key_prefix, not both")
		case l.KeyPrefix < 0:
			bad("key_prefix %d: give the number of leading characters of the area key (1 or more)", l.KeyPrefix)
		}
		if l.Name != "" && l.Names.Line > 0 {
			bad("give name (an attribute) or names (a table), not both")
		}
		if n := l.Names; n.Line > 0 && (n.File == "" || n.Key == "" || n.Name == "") {
			chk.fail(n.Line, "areas: level %q: names needs file, key and name (the table, its column of keys and its column of names)", l.ID)
		}
		if l.Label.De == "" && l.Label.En == "" {
			l.Label = Text{De: l.ID, En: l.ID}
		}
		c.levels = append(c.levels, l)
	}
	c.districts = a.Districts
	if a.Districts != "" && seen[a.Districts] == 0 {
		var ids []string
		for _, l := range a.Levels {
			ids = append(ids, l.ID)
		}
		chk.fail(a.Line, "areas: districts: %q is not a level%s", a.Districts, suggest(a.Districts, ids))
	}
}

// checkPopulation checks the variable of residents that coverage is
// measured in, or takes the catalog's ew.
func (chk *checker) checkPopulation() {
	p, c := chk.p, chk.c
	name := p.Areas.Population
	if name == "" {
		for _, ix := range p.Indices {
			if ix.Value.Population != "" && name == "" {
				name = ix.Value.Population
			}
		}
		if v := chk.byVar["ew"]; name == "" && v != nil && !v.agg.Mean {
			name = "ew"
		}
		if v := chk.byVar[name]; v == nil || v.agg.Mean {
			name = ""
		}
		c.population = name
		return
	}
	v := chk.byVar[name]
	switch {
	case v == nil:
		chk.fail(p.Areas.Line, "areas: population: %q is not a variable%s", name, suggest(name, chk.varNames))
	case v.agg.Mean:
		chk.fail(p.Areas.Line, "areas: population: %q is a mean; name the variable that counts the residents", name)
	}
	c.population = name
}

// checkLevelFiles checks that every names table exists and has its
// columns.
func (chk *checker) checkLevelFiles() {
	for _, l := range chk.c.levels {
		n := l.Names
		if n.Line == 0 {
			continue
		}
		f, err := chk.src.Open(n.File)
		if err != nil {
			chk.fail(n.Line, "areas: level %q: names: %v", l.ID, openError(n.File, err))
			continue
		}
		info, err := datasets.ReadCSVHeader(f, n.File, datasets.CSVOptions{})
		_ = f.Close() // read only
		if err != nil {
			chk.fail(n.Line, "areas: level %q: names: %v", l.ID, err)
			continue
		}
		for _, col := range []struct{ name, role string }{{n.Key, "key"}, {n.Name, "name"}} {
			if !contains(info.Header, col.name) {
				chk.fail(n.Line, "areas: level %q: names, %s: column %q not found in %s%s (columns: %s)", l.ID, col.role, col.name, n.File,
					didYouMean(col.name, info.Header), strings.Join(quoteAll(info.Header), ", "))
			}
		}
	}
}
