// Package geo owns the planning areas' geometries: reading them, knowing
// their coordinate reference system, checking and measuring them, finding
// their neighbours, and joining them to the Panel's areas by key.
//
// # Reading
//
// Every reader — GeoJSON (ReadGeoJSONLayer), ESRI shapefile
// (ReadShapefileLayer) and GeoPackage (ReadGeoPackageLayer, a read-only
// SQLite reader of its own, so no C library is needed) — returns a Layer:
// the features as the file holds them, attributes as text. Layer.Areas
// turns it into planning areas and stops at the first problem;
// Layer.Check goes on and reports every one, with feature number and key.
//
// # Coordinates
//
// A CRS is a definition — projection method, ellipsoid, parameters, unit,
// datum — read from an EPSG code (a table generated from PROJ's database),
// from a .prj's or a GeoPackage's WKT, or from a PROJ string; a plan's crs
// wins over the file's. orb reprojects only to Web Mercator, and linking
// PROJ would take a C library, so this package computes the projections
// itself after EPSG Guidance Note 7-2 and PROJ: transverse Mercator
// (Krüger's series to sixth order, after Karney 2011), Lambert conic,
// Albers, Lambert azimuthal equal-area, oblique stereographic, Hotine
// oblique Mercator, Mercator, polar stereographic, Krovak, Cassini–Soldner
// and equidistant cylindrical, each agreeing with PROJ to micrometres
// (testdata/proj). Datums reach WGS84 by EPSG's Helmert transformation for
// the data's region, or DHDN by the AdV's BETA2007 grid (testdata/crs).
// Areas and lengths are measured in a planar CRS: the file's own if it is
// conformal or equal-area, else one chosen for where the areas lie (a UTM
// zone, or an equal-area projection for a country). GeoJSON is written in
// WGS84 as RFC 7946 requires.
//
// # Repair
//
// Repair makes an invalid polygon valid by GEOS MakeValid's structure
// rule, which keeps every area a ring encloses; ReadOptions.Repair applies
// it to the features that need it and Areas.Repaired lists them.
//
// # Neighbours
//
// Queen and Rook find contiguity from shared boundaries without requiring
// shared vertices to coincide, within a snapping tolerance; KNearest and
// DistanceBand measure between label points. Weights holds any of them,
// binary or row-standardised, on one area order, and reads and writes
// GeoDa's GAL and GWT files. The results equal R spdep's poly2nb,
// knearneigh and dnearneigh on Berlin's planning areas
// (testdata/peers).
//
// # Points and grids
//
// A Locator assigns points (facilities, addresses) to the area that
// contains them; GridShares allocates Zensus grid cells to areas by area
// share. Simplify prepares boundaries for maps, keeping shared boundaries
// shared.
//
// Areas are identified by string keys ("01" is not "1"). Join puts the
// geometries in the Panel's area order and reports every key that does
// not match, on both sides; nothing is ever matched by position.
//
// This package imports no other package of planatlas.
package geo
