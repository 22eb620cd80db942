package geo

// transverseMercatorSouth is the transverse Mercator (south orientated),
// EPSG method 9808 (Guidance Note 7-2 §3.5.3.2), used in southern Africa:
// westing W = FE − E′ and southing S = FN − N′, where E′ and N′ are the
// ordinary transverse Mercator's coordinates without false origin.
type transverseMercatorSouth struct {
	tm     *TransverseMercator // with false easting and northing 0
	fe, fn float64
}

func (p transverseMercatorSouth) Forward(lon, lat float64) (x, y float64) {
	e, n := p.tm.Forward(lon, lat)
	return p.fe - e, p.fn - n
}

func (p transverseMercatorSouth) Inverse(x, y float64) (lon, lat float64) {
	return p.tm.Inverse(p.fe-x, p.fn-y)
}
