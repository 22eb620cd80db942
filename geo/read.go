package geo

import (
	"errors"
	"io/fs"
	"path"
	"planatlas/lang"
	"strings"
)

// Opener returns the contents of a file named like the geometry file; an
// error wrapping fs.ErrNotExist if there is none. A shapefile's side files
// (.shx, .dbf, .prj, .cpg) are opened through it.
type Opener func(name string) ([]byte, error)

// FormatOf names the geometry format of a file by its extension:
// "GeoJSON", "Shapefile", "GeoPackage", or "" if it is none of them.
func FormatOf(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".geojson", ".json":
		return "GeoJSON"
	case ".shp":
		return "Shapefile"
	case ".gpkg":
		return "GeoPackage"
	}
	return ""
}

// ReadLayer reads a geometry file of any supported format. layer picks a
// GeoPackage's table ("" for its only polygon table); other formats hold
// one layer and ignore it.
func ReadLayer(name string, open Opener, layer string) (l *Layer, err error) {
	defer recoverReader(name, &err)
	format := FormatOf(name)
	switch format {
	case "GeoJSON":
		var data []byte
		if data, err = open(name); err != nil {
			return nil, &FeatureError{File: name, M: lang.M("cannot read: %v", err)}
		}
		l, err = ReadGeoJSONLayer(data, name)
	case "Shapefile":
		l, err = readShapefileFiles(name, open)
	case "GeoPackage":
		var data []byte
		if data, err = open(name); err != nil {
			return nil, &FeatureError{File: name, M: lang.M("cannot read: %v", err)}
		}
		l, err = ReadGeoPackageLayer(data, name, layer)
	default:
		return nil, &FeatureError{File: name, M: lang.M("not a geometry file planatlas reads: use GeoJSON (.geojson), a shapefile (.shp with .shx, .dbf, .prj) or a GeoPackage (.gpkg)")}
	}
	if err != nil {
		return nil, err
	}
	l.Format = format
	return l, nil
}

// readShapefileFiles opens the side files of a shapefile, trying the
// extension in lower and in upper case (ESRI tools write both).
func readShapefileFiles(name string, open Opener) (*Layer, error) {
	base := strings.TrimSuffix(name, path.Ext(name))
	side := func(ext string, required bool) ([]byte, error) {
		var firstErr error
		for _, e := range []string{ext, strings.ToUpper(ext)} {
			b, err := open(base + e)
			if err == nil {
				return b, nil
			}
			if firstErr == nil {
				firstErr = err
			}
		}
		if errors.Is(firstErr, fs.ErrNotExist) {
			if required {
				return nil, &FeatureError{File: name, M: lang.M("the shapefile's %s file %q is missing; a shapefile needs .shp, .shx and .dbf side by side (and .prj for its CRS)", ext, path.Base(base+ext))}
			}
			return nil, nil
		}
		return nil, &FeatureError{File: base + ext, M: lang.M("cannot read: %v", firstErr)}
	}
	var p ShapefileParts
	var err error
	if p.SHP, err = open(name); err != nil {
		return nil, &FeatureError{File: name, M: lang.M("cannot read: %v", err)}
	}
	if p.DBF, err = side(".dbf", true); err != nil {
		return nil, err
	}
	if p.SHX, err = side(".shx", false); err != nil {
		return nil, err
	}
	if p.PRJ, err = side(".prj", false); err != nil {
		return nil, err
	}
	if p.CPG, err = side(".cpg", false); err != nil {
		return nil, err
	}
	return ReadShapefileLayer(p, name)
}
