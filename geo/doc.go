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
// Planning areas arrive in ETRS89 / UTM (EPSG:25832, 25833), in the old
// Gauss–Krüger zones on DHDN (31466–31469), in WGS84, LAEA Europe or Web
// Mercator. Areas and lengths are measured in a planar CRS (UTM for
// geographic input); maps are drawn there with equal aspect; GeoJSON is
// written in WGS84 as RFC 7946 requires. orb does not reproject beyond
// Web Mercator, so this package carries an exact transverse Mercator
// (Krüger's series to sixth order, after Karney 2011), Lambert azimuthal
// equal-area (after PROJ), and the AdV's BETA2007 grid for DHDN. All
// agree with PROJ to under a millimetre (testdata/proj_reference.txt).
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
