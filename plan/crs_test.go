package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planatlas/lang"
)

// runCRSCase runs testdata/crs's plan with its areas line replaced, and
// returns the run's notes in English (nil and the error if it fails).
func runCRSCase(t *testing.T, areas string, prj string) ([]string, error) {
	t.Helper()
	dir := planDir(t, "testdata/crs", func(s string) string {
		return strings.Replace(s, "areas: {file: gebiete.shp, key: id, name: name, parent: bezirk}", areas, 1)
	})
	if prj != "" {
		if err := os.WriteFile(filepath.Join(dir, "gebiete.prj"), []byte(prj), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, "plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(data, "plan.yaml")
	if err != nil {
		return nil, err
	}
	res, err := Run(p, Dir(dir), Options{Out: filepath.Join(dir, "out"), PlanData: data})
	if err != nil {
		return nil, err
	}
	return lang.New("en").Messages(res.Notes), nil
}

func noteWith(notes []string, sub string) string {
	for _, n := range notes {
		if strings.Contains(n, sub) {
			return n
		}
	}
	return ""
}

// The plan's crs wins over the file's: over a .prj that cannot be read
// (with a note), and over one that names another CRS (with a note of
// how far apart the two place the areas). A bow-tie is refused without
// repair and repaired with it, into its two triangles.
func TestCRSAndRepairInPlan(t *testing.T) {
	tests := []struct {
		name, areas, prj string
		err, note        string
	}{
		{"unreadable .prj without crs", "areas: {file: gebiete.shp, key: id, name: name, parent: bezirk}", "",
			`gebiete.prj: the CRS description is not well-known text (WKT) and cannot be read: "ETRS89 / UTM Zone 33N (Lagestatus 489)" does not begin with a keyword`, ""},
		{"unreadable .prj, crs in the plan", "areas: {file: gebiete.shp, key: id, name: name, parent: bezirk, crs: EPSG:25833}", "",
			"", "the file's own CRS description is not used (gebiete.prj: the CRS description is not well-known text"},
		{"another CRS in the .prj", "areas: {file: gebiete.shp, key: id, name: name, parent: bezirk, crs: EPSG:25833}",
			`PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`,
			"", "the file declares EPSG:25832 (ETRS89 / UTM zone 32N), but EPSG:25833 (ETRS89 / UTM zone 33N) is given and used; the two place the areas up to 4"},
		{"no districts", "areas: {file: gebiete.shp, key: id, name: name, crs: EPSG:25833}", "", "", ""},
		{"bow-tie without repair", "areas: {file: bowtie.geojson, key: id, name: name, parent: bezirk}", "",
			`feature 1 (key "01"): "geometry": not a valid polygon: polygon 1, ring 1, a ring crosses or touches itself near (300000, 5600000); to repair it by GEOS MakeValid's rules, set repair: true on the areas`, ""},
		{"bow-tie repaired", "areas: {file: bowtie.geojson, key: id, name: name, parent: bezirk, repair: true}", "",
			"", `feature 1 (key "01") was not a valid polygon and is repaired by GEOS MakeValid's rules into 2 polygon(s): area 0.00 m² before, 500,000 m² after`},
	}
	for _, tc := range tests {
		notes, err := runCRSCase(t, tc.areas, tc.prj)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.err)
		case tc.err == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.note != "" && noteWith(notes, tc.note) == "":
			t.Errorf("%s: no note containing %q in %q", tc.name, tc.note, notes)
		}
	}
}

// A crs: naming a grid file (+nadgrids) reads it from the plan's folder,
// in the dry run as in the run, and the notes say the grid is used; a
// missing grid file is an error naming the plan's line and the file.
func TestCRSGridInPlan(t *testing.T) {
	const utm = "+proj=utm +zone=33 +ellps=GRS80 +units=m +no_defs +nadgrids="
	grid, err := os.ReadFile("../geo/grids/BETA2007.gsb")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, grids, err, note string
	}{
		{"grid in the plan's folder", "beta.gsb", "", "are shifted to WGS 84 by the grid file beta.gsb"},
		{"optional grids", "@other.gsb,beta.gsb", "", "by the grid file @other.gsb,beta.gsb"},
		{"grid missing", "nofile.gsb", `plan.yaml:6: areas: the PROJ string "` + utm + `nofile.gsb" cannot be used: the grid file "nofile.gsb" (+nadgrids) cannot be read: file "nofile.gsb" not found; grid files are read from the plan's folder`, ""},
	}
	for _, tc := range tests {
		areas := "areas: {file: gebiete.shp, key: id, name: name, parent: bezirk, crs: '" + utm + tc.grids + "'}"
		dir := planDir(t, "testdata/crs", func(s string) string {
			return strings.Replace(s, "areas: {file: gebiete.shp, key: id, name: name, parent: bezirk}", areas, 1)
		})
		if err := os.WriteFile(filepath.Join(dir, "beta.gsb"), grid, 0o644); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(dir, "plan.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		p, err := Parse(data, "plan.yaml")
		if err != nil {
			t.Fatal(err)
		}
		_, verr := Validate(p, Dir(dir), "en")
		res, err := Run(p, Dir(dir), Options{Out: filepath.Join(dir, "out"), PlanData: data})
		switch {
		case tc.err != "" && (verr == nil || !strings.Contains(verr.Error(), tc.err)):
			t.Errorf("%s: validate: error %v, want one containing %q", tc.name, verr, tc.err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: run: error %v, want one containing %q", tc.name, err, tc.err)
		case tc.err == "" && (err != nil || verr != nil):
			t.Errorf("%s: %v, %v", tc.name, verr, err)
		case tc.note != "" && noteWith(lang.New("en").Messages(res.Notes), tc.note) == "":
			t.Errorf("%s: no note containing %q in %q", tc.name, tc.note, lang.New("en").Messages(res.Notes))
		}
	}
}
