package benchmarks

import (
	"math"
	"testing"

	"planatlas/projection"
)

// BenchmarkProjection10k projects 10,000 areas by 101 single years of age
// and two sexes 15 years ahead with net migration (issue 18's goal: at
// most 2 s). go test ./benchmarks -bench Projection10k
func BenchmarkProjection10k(b *testing.B) {
	const areas, omega, years = 10000, 100, 15
	r := &projection.Rates{Q: [2][]float64{make([]float64, omega+1), make([]float64, omega+1)}, Fertility: make([]float64, omega+1)}
	for x := 0; x <= omega; x++ {
		q := math.Min(0.00012+0.000025*math.Exp(0.098*float64(x)), 0.45)
		r.Q[projection.Male][x], r.Q[projection.Female][x] = q, 0.6*q
	}
	r.Q[projection.Male][omega], r.Q[projection.Female][omega] = 1, 1
	for x := 15; x <= 49; x++ {
		r.Fertility[x] = 1.5 * math.Exp(-0.5*math.Pow((float64(x)-31)/5.5, 2)) / (5.5 * math.Sqrt(2*math.Pi))
	}
	pops := make([]projection.Population, areas)
	migs := make([]projection.Population, areas)
	for i := range pops {
		pops[i], migs[i] = projection.NewPopulation(omega), projection.NewPopulation(omega)
		for s := 0; s < 2; s++ {
			for x := 0; x <= omega; x++ {
				pops[i][s][x] = float64(10 + (i+x)%13)
				migs[i][s][x] = float64((i*7+x)%5) - 2
			}
		}
	}
	for b.Loop() {
		for i := range pops {
			r.Project(pops[i], migs[i], years)
		}
	}
}
