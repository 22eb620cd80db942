package geo

// mercator is the normal Mercator projection, EPSG methods 9804
// (variant A: scale k₀ on the equator), 9805 (variant B: true scale on
// the standard parallels ±φ₁, k₀ = m(φ₁) of msfn) and, with e = 0,
// 1024 (Popular Visualisation Pseudo Mercator, Web Mercator: spherical
// formulas on the ellipsoid's a). Guidance Note 7-2 §3.5.1 and §1.3.3.2;
// Snyder (1987) p. 44:
//
//	E = FE + a k₀ (λ − λ₀),  N = FN + a k₀ ψ(φ)
//
// with ψ the isometric latitude; the inverse solves ψ for φ.
type mercator struct {
	e, ak        float64
	lon0, fe, fn float64
}

func newMercator(el Ellipsoid, spherical bool, k0, lon0, fe, fn float64) *mercator {
	p := &mercator{ak: el.A * k0, lon0: lon0, fe: fe, fn: fn}
	if !spherical {
		p.e = el.eccentricity()
	}
	return p
}

func (p *mercator) Forward(lon, lat float64) (x, y float64) {
	return p.fe + p.ak*wrapPi((lon-p.lon0)*deg), p.fn + p.ak*isometricLat(lat*deg, p.e)
}

func (p *mercator) Inverse(x, y float64) (lon, lat float64) {
	return wrap180(p.lon0 + (x-p.fe)/p.ak/deg), latFromIsometric((y-p.fn)/p.ak, p.e) / deg
}
