package projection

import (
	"math"

	"planatlas/lang"
)

// Sexes: index 0 men, 1 women, in every [2] array of this package.
const (
	Male   = 0
	Female = 1
)

// A Population is the number of residents of one area by sex and single
// year of age, 0 to ω (the last age is the open group, "ω and over").
type Population [2][]float64

// NewPopulation returns an empty population of ages 0 to omega.
func NewPopulation(omega int) Population {
	return Population{make([]float64, omega+1), make([]float64, omega+1)}
}

// Total is the number of residents.
func (p Population) Total() float64 {
	var t float64
	for s := range p {
		for _, n := range p[s] {
			t += n
		}
	}
	return t
}

// Sum is the number of residents aged lo to hi (both sexes).
func (p Population) Sum(lo, hi int) float64 {
	var t float64
	for s := range p {
		for x := lo; x <= hi && x < len(p[s]); x++ {
			t += p[s][x]
		}
	}
	return t
}

// Clone returns a copy.
func (p Population) Clone() Population {
	return Population{append([]float64(nil), p[0]...), append([]float64(nil), p[1]...)}
}

// Rates are what the cohort-component step needs besides the population:
// the life table, fertility, and the sex ratio at birth.
type Rates struct {
	// Q are the probabilities of dying by sex and age, 0 to ω; Q[s][ω] is 1.
	Q [2][]float64
	// Fertility are the births per woman and year by age, 0 to ω; zero
	// outside FertileFrom to FertileTo.
	Fertility []float64
	// BoysPerGirl is the sex ratio at birth, 1.05 if 0.
	BoysPerGirl float64
}

// Ages in which fertility rates are accepted.
const (
	FertileFrom = 12
	FertileTo   = 55
)

// Omega is the open age group of the rates.
func (r *Rates) Omega() int { return len(r.Q[Male]) - 1 }

// Check refuses rates a projection cannot use: a life table with a
// probability outside [0, 1), or whose last age is not 1 (the open
// group: everyone dies), sexes of different lengths, fertility at ages
// outside 12 to 55 or negative.
func (r *Rates) Check() error {
	omega := r.Omega()
	if omega < 1 || len(r.Q[Female]) != omega+1 {
		return lang.Errorf("the life table has %d ages for men and %d for women; both need the same ages from 0", len(r.Q[Male]), len(r.Q[Female]))
	}
	for s, name := range []lang.Message{lang.M("men"), lang.M("women")} {
		for x, q := range r.Q[s] {
			switch {
			case x == omega && q != 1:
				return &RateError{Sex: s, Age: x, Value: q, M: lang.M("the life table's last age (%d, the open group) must have qx = 1, not %g, for %s", x, q, name)}
			case x < omega && !(q >= 0 && q < 1):
				return &RateError{Sex: s, Age: x, Value: q, M: lang.M("qx = %g at age %d for %s is not a probability below 1", q, x, name)}
			}
		}
	}
	if len(r.Fertility) > omega+1 {
		return lang.Errorf("fertility is given for %d ages, the life table has %d", len(r.Fertility), omega+1)
	}
	for x, f := range r.Fertility {
		if f != 0 && (x < FertileFrom || x > FertileTo) || f < 0 || math.IsNaN(f) {
			return &RateError{Sex: Female, Age: x, Value: f, Fertility: true, M: lang.M("fertility %g at age %d: rates are for ages %d to %d and not negative", f, x, FertileFrom, FertileTo)}
		}
	}
	return nil
}

// A RateError is a life-table or fertility value a projection cannot
// use.
type RateError struct {
	Sex, Age  int
	Value     float64
	Fertility bool // a fertility rate, not the life table's
	M         lang.Message
}

func (e *RateError) Error() string { return e.M.String() }

// Localize renders the error in the printer's language.
func (e *RateError) Localize(p *lang.Printer) string { return p.Message(e.M) }

// survival is s_s(x) = 1 − q_s(x); the open group survives at its last
// finite age's rate (its own q is 1).
func (r *Rates) survival(s, x int) float64 {
	if x == r.Omega() {
		x--
	}
	return 1 - r.Q[s][x]
}

// birthShare is π_s: the share of boys or girls among the births.
func (r *Rates) birthShare(s int) float64 {
	b := r.BoysPerGirl
	if b == 0 {
		b = 1.05
	}
	if s == Male {
		return b / (1 + b)
	}
	return 1 / (1 + b)
}

// Births are the births during a year to the women of p (at its start):
// B = Σ_x f(x) · P_f(x).
func (r *Rates) Births(p Population) float64 {
	var b float64
	for x, f := range r.Fertility {
		if f != 0 {
			b += f * p[Female][x]
		}
	}
	return b
}

// survivors returns the population a year later without migration.
func (r *Rates) survivors(p Population) Population {
	omega := r.Omega()
	next := NewPopulation(omega)
	b := r.Births(p)
	for s := range p {
		for x := 0; x < omega; x++ {
			next[s][x+1] = p[s][x] * r.survival(s, x)
		}
		next[s][omega] += p[s][omega] * r.survival(s, omega)
		next[s][0] = b * r.birthShare(s) * (1 - r.Q[s][0]/2)
	}
	return next
}

// Step projects p one year (docs/methods.md section 11): survivors aged
// by a year, the year's births surviving to its end, plus net migration
// mig (nil: none). Negative results are set to 0; it returns how many
// cells were.
func (r *Rates) Step(p, mig Population) (Population, int) {
	next := r.survivors(p)
	clamped := 0
	for s := range next {
		for x := range next[s] {
			if mig[s] != nil {
				next[s][x] += mig[s][x]
			}
			if next[s][x] < 0 {
				next[s][x] = 0
				clamped++
			}
		}
	}
	return next, clamped
}

// Project projects p the given number of years with the same net
// migration every year, and returns the population of each year (1 to
// years) and the number of cells set to 0.
func (r *Rates) Project(p, mig Population, years int) ([]Population, int) {
	out := make([]Population, years)
	clamped := 0
	for y := range out {
		var c int
		p, c = r.Step(p, mig)
		out[y] = p
		clamped += c
	}
	return out, clamped
}

// ResidualMigration is the net migration of observed consecutive years
// by the residual method: each year's population less the survivors of
// the year before (and the births' survivors at age 0), averaged over the
// steps of the base period obs (at least two years).
func (r *Rates) ResidualMigration(obs []Population) Population {
	m := NewPopulation(r.Omega())
	steps := float64(len(obs) - 1)
	for t := 1; t < len(obs); t++ {
		surv := r.survivors(obs[t-1])
		for s := range m {
			for x := range m[s] {
				m[s][x] += (obs[t][s][x] - surv[s][x]) / steps
			}
		}
	}
	return m
}
