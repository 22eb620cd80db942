// Package geo owns the planning areas' geometries: reading them,
// knowing their coordinate reference system, measuring them, and joining
// them to the Panel's areas by key.
//
// Planning areas arrive in projected national grids (ETRS89 / UTM zones
// 32 and 33, EPSG:25832 and 25833) or in WGS84. Areas and lengths are
// measured in a planar CRS; maps are drawn there with equal aspect; and
// GeoJSON is written in WGS84 as RFC 7946 requires. orb does not
// reproject beyond Web Mercator, so this package carries an exact
// transverse Mercator (Krüger's series to sixth order, after Karney
// 2011), which agrees with PROJ to well below a millimetre inside a UTM
// zone.
//
// Areas are identified by string keys ("01" is not "1"). Join puts the
// geometries in the Panel's area order and reports every key that does
// not match, on both sides; nothing is ever matched by position.
//
// This package imports no other package of planatlas.
package geo
