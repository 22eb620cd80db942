package geo

import "math"

// cassiniSoldner is the Cassini–Soldner projection, EPSG method 9806, on
// the ellipsoid, with the series of EPSG Guidance Note 7-2 §3.2.2 (Snyder
// 1987, "Map Projections – A Working Manual", pp. 92–95), which PROJ's
// cass computes too. With A = (λ − λ₀) cos φ,
// T = tan² φ, C = e² cos² φ / (1 − e²), ν the radius of curvature in the
// prime vertical and M the meridian arc from the equator:
//
//	E = FE + ν (A − T A³/6 − (8 − T + 8C) T A⁵/120)
//	N = FN + M − M₀ + ν tan φ (A²/2 + (5 − T + 6C) A⁴/24)
//
// The inverse starts from the footpoint latitude φ₁ whose meridian arc is
// M₀ + (N − FN); with D = (E − FE)/ν₁, T₁ = tan² φ₁ and ρ₁ the meridian
// radius of curvature at φ₁:
//
//	φ = φ₁ − (ν₁ tan φ₁ / ρ₁) (D²/2 − (1 + 3T₁) D⁴/24)
//	λ = λ₀ + (D − T₁ D³/3 + (1 + 3T₁) T₁ D⁵/15) / cos φ₁
//
// Both series are truncated, so they are not exact inverses of each
// other (they part by about 1e-7° some 250 km off the central meridian).
// Inverse therefore refines the inverse series' result by Newton's method
// on the forward series until the forward reproduces E and N to 1e-7 m,
// as PROJ's cass does since version 9 (pj_generic_inverse_2d): Forward
// and Inverse are then inverses of each other.
//
// On a sphere (f = 0) both directions use the closed forms (Snyder 1987,
// pp. 92–95), as PROJ does:
//
//	x = R asin(cos φ sin Δλ),  y = R (atan2(tan φ, cos Δλ) − φ₀)
//	φ = asin(sin D cos(x/R)),  Δλ = atan2(tan(x/R), cos D),  D = y/R + φ₀
type cassiniSoldner struct {
	es       float64 // e², the eccentricity squared
	arc      meridianArc
	lon0, m0 float64 // central meridian (degrees); meridian arc of lat0 (m)
	lat0     float64 // latitude of origin, radians
	fe, fn   float64
}

func newCassiniSoldner(el Ellipsoid, lat0, lon0, fe, fn float64) *cassiniSoldner {
	arc := newMeridianArc(el)
	return &cassiniSoldner{
		es: el.F * (2 - el.F), arc: arc,
		lon0: lon0, m0: arc.distance(lat0 * deg), lat0: lat0 * deg, fe: fe, fn: fn,
	}
}

func (p *cassiniSoldner) Forward(lon, lat float64) (x, y float64) {
	phi := lat * deg
	if p.es == 0 {
		dl := wrapPi((lon - p.lon0) * deg)
		return p.fe + p.arc.a*math.Asin(math.Cos(phi)*math.Sin(dl)),
			p.fn + p.arc.a*(math.Atan2(math.Tan(phi), math.Cos(dl))-p.lat0)
	}
	sin, cos := math.Sincos(phi)
	nu := p.arc.a / math.Sqrt(1-p.es*sin*sin)
	tan := math.Tan(phi)
	t := tan * tan
	c := p.es * cos * cos / (1 - p.es)
	a := wrapPi((lon-p.lon0)*deg) * cos
	a2 := a * a
	x = p.fe + nu*a*(1-t*a2/6-(8-t+8*c)*t*a2*a2/120)
	y = p.fn + p.arc.distance(phi) - p.m0 + nu*tan*a2*(0.5+(5-t+6*c)*a2/24)
	return x, y
}

func (p *cassiniSoldner) Inverse(x, y float64) (lon, lat float64) {
	if p.es == 0 {
		xr, d := (x-p.fe)/p.arc.a, (y-p.fn)/p.arc.a+p.lat0
		return wrap180(p.lon0 + math.Atan2(math.Tan(xr), math.Cos(d))/deg), math.Asin(math.Sin(d)*math.Cos(xr)) / deg
	}
	phi1 := p.arc.latitude(p.m0 + y - p.fn)
	sin := math.Sin(phi1)
	w := 1 - p.es*sin*sin
	nu := p.arc.a / math.Sqrt(w)
	rho := nu * (1 - p.es) / w
	tan := math.Tan(phi1)
	t := tan * tan
	d := (x - p.fe) / nu
	d2 := d * d
	phi := phi1 - nu*tan/rho*d2*(0.5-(1+3*t)*d2/24)
	lam := d * (1 - t*d2/3 + (1+3*t)*t*d2*d2/15) / math.Cos(phi1)
	return p.refine(x, y, wrap180(p.lon0+lam/deg), phi/deg)
}

// refine improves lon, lat (degrees) by Newton's method until Forward
// gives x, y to 1e-7 m, with the Jacobian from forward differences of
// 1e-7° (about 1 cm); at most 8 steps, which is more than it needs
// (one or two).
func (p *cassiniSoldner) refine(x, y, lon, lat float64) (float64, float64) {
	const h = 1e-7
	for i := 0; i < 8; i++ {
		fx, fy := p.Forward(lon, lat)
		dx, dy := x-fx, y-fy
		if math.Abs(dx) < 1e-7 && math.Abs(dy) < 1e-7 {
			break
		}
		lx, ly := p.Forward(lon+h, lat)
		bx, by := p.Forward(lon, lat+h)
		j11, j12 := (lx-fx)/h, (bx-fx)/h
		j21, j22 := (ly-fy)/h, (by-fy)/h
		det := j11*j22 - j12*j21
		if det == 0 || math.IsNaN(det) {
			break
		}
		lon += (j22*dx - j12*dy) / det
		lat += (j11*dy - j21*dx) / det
	}
	return wrap180(lon), lat
}

// meridianArc is the length of the meridian from the equator, by the
// rectifying latitude μ: M = A·μ, with A = a/(1+n) (1 + n²/4 + n⁴/64 +
// n⁶/256) the rectifying radius and μ = φ + Σ c_k sin 2kφ, a series in
// the third flattening n = f/(2 − f) to order n⁶ (Helmert's expansion as
// Karney, "On auxiliary latitudes", Survey Review 2023, tabulates it,
// with its reverse series for φ from μ). On Earth's ellipsoids the
// truncation errs by well under a micrometre.
type meridianArc struct {
	a, radius float64 // semi-major axis; rectifying radius A
	fwd, rev  [6]float64
}

func newMeridianArc(el Ellipsoid) meridianArc {
	n := el.F / (2 - el.F)
	n2, n3 := n*n, n*n*n
	n4, n5, n6 := n2*n2, n2*n3, n3*n3
	return meridianArc{
		a:      el.A,
		radius: el.A / (1 + n) * (1 + n2/4 + n4/64 + n6/256),
		fwd: [6]float64{
			-3*n/2 + 9*n3/16 - 3*n5/32,
			15*n2/16 - 15*n4/32 + 135*n6/2048,
			-35*n3/48 + 105*n5/256,
			315*n4/512 - 189*n6/512,
			-693 * n5 / 1280,
			1001 * n6 / 2048,
		},
		rev: [6]float64{
			3*n/2 - 27*n3/32 + 269*n5/512,
			21*n2/16 - 55*n4/32 + 6759*n6/4096,
			151*n3/96 - 417*n5/128,
			1097*n4/512 - 15543*n6/2560,
			8011 * n5 / 2560,
			293393 * n6 / 61440,
		},
	}
}

// distance is the meridian arc from the equator to latitude phi
// (radians), in metres.
func (m meridianArc) distance(phi float64) float64 {
	return m.radius * (phi + sinSeries(m.fwd, phi))
}

// latitude is the latitude (radians) whose meridian arc is d metres.
func (m meridianArc) latitude(d float64) float64 {
	mu := d / m.radius
	return mu + sinSeries(m.rev, mu)
}

// sinSeries is Σ c[k−1] sin 2kx for k = 1…6.
func sinSeries(c [6]float64, x float64) float64 {
	s := 0.0
	for k := len(c); k >= 1; k-- {
		s += c[k-1] * math.Sin(2*float64(k)*x)
	}
	return s
}
