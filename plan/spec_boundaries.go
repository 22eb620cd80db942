package plan

import (
	"sort"
	"strings"

	"planatlas/geo"
	"planatlas/lang"
)

// BoundarySpec is an older layer of planning areas and the years its
// keys were used: data of those years keyed to it are moved onto the
// current areas (docs/methods.md, "Boundary changes").
type BoundarySpec struct {
	File       string `yaml:"file"`  // GeoJSON, shapefile or GeoPackage, as areas: file
	Layer      string `yaml:"layer"` // a GeoPackage's table
	Key        string `yaml:"key"`
	Name       string `yaml:"name"`
	Years      Years  `yaml:"years"`      // the years published on this layer
	CRS        string `yaml:"crs"`        // wins over what the file says
	Duplicates string `yaml:"duplicates"` // error (default) or merge
	Repair     bool   `yaml:"repair"`     // make invalid polygons valid, as areas: repair
	// Corrections give single features another key, where the published
	// file is wrong.
	Corrections []CorrectionSpec `yaml:"corrections"`
	// Weighting is how the counts of an old area that was split are
	// shared out: density (default) in proportion to the same column in
	// the first year on the current areas, area by area share.
	Weighting string `yaml:"weighting"`
	// Weights, if given, share them out in proportion to an auxiliary
	// layer in each piece of the overlay instead: addresses or
	// facilities (a points input) or Zensus grid cells (a grid input).
	Weights *AuxWeightsSpec `yaml:"weights"`
	Line    int             `yaml:"-"`
}

// AuxWeightsSpec names a points or grid input and its column whose values
// weight the pieces of the overlay; without a column each point counts
// once.
type AuxWeightsSpec struct {
	Input  string `yaml:"input"`
	Column string `yaml:"column"`
	Line   int    `yaml:"-"`
}

// CorrectionSpec gives feature Feature, whose key is Key, the key To.
type CorrectionSpec struct {
	Feature int    `yaml:"feature"`
	Key     string `yaml:"key"`
	To      string `yaml:"to"`
	Line    int    `yaml:"-"`
}

// boundary is a checked older layer.
type boundary struct {
	name  string
	spec  BoundarySpec
	years map[int]bool
	crs   geo.CRS
	line  int
	aux   *input // the input of weights:, or nil
}

// checkBoundaryWeights checks each layer's weights: a points or grid
// input, and a column of it (required for a grid); the column is read
// with the input's others.
func (chk *checker) checkBoundaryWeights() {
	for _, b := range chk.c.boundaries {
		w := b.spec.Weights
		if w == nil {
			continue
		}
		in := chk.byInput[w.Input]
		switch {
		case in == nil:
			chk.fail(w.Line, "boundaries %q: weights: unknown input %q%s", b.name, w.Input, suggest(w.Input, chk.p.Inputs.Names()))
			continue
		case in.format != "points" && in.format != "grid":
			chk.fail(w.Line, "boundaries %q: weights: input %q is a table of areas; the weights of the pieces of the overlay come from addresses or facilities (format: points) or Zensus grid cells (format: grid)", b.name, w.Input)
			continue
		case w.Column == "" && in.format == "grid":
			chk.fail(w.Line, "boundaries %q: weights: give the column of the grid input %q to weight with (column: Einwohner)", b.name, w.Input)
			continue
		}
		if w.Column != "" && !contains(in.cols.Values, w.Column) {
			in.cols.Values = append(in.cols.Values, w.Column)
		}
		if b.spec.Weighting == "area" {
			chk.fail(w.Line, "boundaries %q: weighting: area and weights: exclude each other; keep one", b.name)
		}
		b.aux = in
	}
}

// years returns the layer's years in order, as "2015–2020".
func (b *boundary) yearList() []int {
	var ys []int
	for y := range b.years {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

// checkBoundaries checks the older layers: file, key and years given, no
// year claimed twice, and their options.
func (chk *checker) checkBoundaries() {
	claimed := map[int]string{}
	for _, e := range chk.p.Boundaries {
		b := &boundary{name: e.Name, spec: e.Value, years: map[int]bool{}, line: e.Line}
		s := e.Value
		if s.File == "" || s.Key == "" || len(s.Years.List) == 0 {
			chk.fail(e.Line, "boundaries %q: file, key and years are required (the older geometry, the attribute holding its key, and the years published on it: years: 2015-2020)", e.Name)
			continue
		}
		if geo.FormatOf(s.File) == "" {
			chk.fail(e.Line, "boundaries %q: %q is not a geometry file planatlas reads: use GeoJSON (.geojson), a shapefile (.shp with .shx, .dbf, .prj) or a GeoPackage (.gpkg)", e.Name, s.File)
		}
		if s.File == chk.p.Areas.File && s.Layer == chk.p.Areas.Layer {
			chk.fail(e.Line, "boundaries %q: %s is the file of the current areas (areas: file); boundaries lists the older layers", e.Name, s.File)
		}
		for _, y := range s.Years.List {
			if other, dup := claimed[y]; dup {
				chk.fail(s.Years.Line, "boundaries %q: the year %d is claimed by %q too; a year's data are on one layer: give each layer the years it was valid, without overlap", e.Name, y, other)
				continue
			}
			claimed[y] = e.Name
			b.years[y] = true
		}
		if s.CRS != "" {
			crs, err := chk.parseCRS(s.CRS)
			if err != nil {
				chk.fail(e.Line, "boundaries %q: %v", e.Name, err)
			}
			b.crs = crs
		}
		switch s.Duplicates {
		case "", "error", "merge":
		default:
			chk.fail(e.Line, "boundaries %q: duplicates %q: use error (a key used twice is an error) or merge (its features become one area)", e.Name, s.Duplicates)
		}
		switch s.Weighting {
		case "", "density", "area":
		default:
			chk.fail(e.Line, "boundaries %q: weighting %q: use density (split areas share out their counts like the same count on the current areas; the default) or area (by area share)", e.Name, s.Weighting)
		}
		chk.checkCorrections(b)
		chk.c.boundaries = append(chk.c.boundaries, b)
	}
}

// checkCorrections checks a layer's key corrections: each names a
// feature by its number, its key and the key it gets.
func (chk *checker) checkCorrections(b *boundary) {
	seen := map[int]bool{}
	for _, c := range b.spec.Corrections {
		if c.Feature < 1 || strings.TrimSpace(c.Key) == "" || strings.TrimSpace(c.To) == "" {
			chk.fail(c.Line, "boundaries %q: a correction needs feature (its number, from 1, as messages give it), key (the key it has) and to (the key it gets): {feature: 124, key: \"06010102\", to: \"04030417\"}", b.name)
			continue
		}
		if seen[c.Feature] {
			chk.fail(c.Line, "boundaries %q: feature %d is corrected twice", b.name, lang.Digits(c.Feature))
		}
		seen[c.Feature] = true
	}
}

// readOptions are the geo options that read the layer.
func (b *boundary) readOptions() geo.ReadOptions {
	opt := geo.ReadOptions{Key: b.spec.Key, Name: b.spec.Name, CRS: b.crs, MergeDuplicates: b.spec.Duplicates == "merge", Repair: b.spec.Repair}
	for _, c := range b.spec.Corrections {
		opt.Corrections = append(opt.Corrections, geo.KeyCorrection{Feature: c.Feature, From: strings.TrimSpace(c.Key), To: strings.TrimSpace(c.To)})
	}
	return opt
}
