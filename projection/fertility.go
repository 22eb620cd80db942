package projection

// Fertility estimated from the register's births, for each area: the
// city's age-specific rates, scaled by the area's own level drawn
// towards the city's where its births are few (docs/methods.md section
// 11).
type Fertility struct {
	City  []float64   // the city's rates by age, 0 to ω
	Areas [][]float64 // each area's rates by age
	Level []float64   // each area's level: its rates over the city's
}

// EstimateFertility estimates fertility from births by the mother's age
// at the start of the year, births[a][x], and the exposure of women of
// that age at the start of the years, women[a][x] (both summed over the
// base period's years). The city's rates are f(x) = Σ_a B_a(x) / Σ_a
// W_a(x); an area's level is θ_a = (B_a + k) / (E_a + k), with B_a its
// births, E_a = Σ_x f(x) · W_a(x) the births it would have had at the
// city's rates, and k the weight of the city in births (an empirical
// Bayes estimate of a Poisson rate with a gamma prior of mean 1 and
// shape k: Clayton and Kaldor 1987); the area's rates are θ_a · f(x).
func EstimateFertility(births, women [][]float64, k float64) Fertility {
	omega := 0
	for _, w := range women {
		omega = max(omega, len(w)-1)
	}
	bs, ws := make([]float64, omega+1), make([]float64, omega+1)
	for a := range births {
		for x := range births[a] {
			bs[x] += births[a][x]
			ws[x] += women[a][x]
		}
	}
	f := Fertility{City: make([]float64, omega+1)}
	for x := range bs {
		if ws[x] > 0 {
			f.City[x] = bs[x] / ws[x]
		}
	}
	for a := range births {
		var b, e float64
		for x := range births[a] {
			b += births[a][x]
			e += f.City[x] * women[a][x]
		}
		theta := 1.0
		if e+k > 0 {
			theta = (b + k) / (e + k)
		}
		rates := make([]float64, omega+1)
		for x := range rates {
			rates[x] = theta * f.City[x]
		}
		f.Areas, f.Level = append(f.Areas, rates), append(f.Level, theta)
	}
	return f
}

// WithFertility returns a copy of r with other fertility rates.
func (r *Rates) WithFertility(f []float64) *Rates {
	out := *r
	out.Fertility = f
	return &out
}
