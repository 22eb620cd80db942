package analysis

import (
	"math"
	"testing"
)

// Eigenvalues and loadings equal R's prcomp(x, scale. = TRUE) (eigenvalues
// 3.18518357 0.68873217 …; PC1 loadings 0.5410197 0.5337046 0.3531573
// 0.5456528): only PC1 has an eigenvalue above 1.
func TestPCAAgainstPrcomp(t *testing.T) {
	cs := []Component{
		{ID: "a", Values: []float64{1, 2, 3, 4, 5, 6, 7, 8}, Need: 1},
		{ID: "b", Values: []float64{2, 1, 4, 3, 6, 5, 8, 7}, Need: 1},
		{ID: "c", Values: []float64{5, 3, 4, 1, 2, 8, 7, 6}, Need: 1},
		{ID: "d", Values: []float64{1, 1, 2, 2, 3, 3, 4, 5}, Need: 1},
	}
	p, err := ComputePCA(cs)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Eigen) != 1 || math.Abs(p.Eigen[0]-3.18518357) > 1e-7 || math.Abs(p.Explained[0]-3.18518357/4) > 1e-7 {
		t.Fatalf("eigenvalues %v", p.Eigen)
	}
	for k, want := range []float64{0.5410197, 0.5337046, 0.3531573, 0.5456528} {
		if math.Abs(p.Loadings[0][k]-want) > 1e-7 {
			t.Errorf("loading %d: %v, R %v", k, p.Loadings[0][k], want)
		}
	}
	// Scores: prcomp's PC1 scores use the sample sd; ours the population
	// sd, a factor √(n/(n−1)). The index of the first area is the lowest.
	if !(p.Values[0] < p.Values[7]) {
		t.Errorf("index %v", p.Values)
	}
	// A reversed indicator turns its loading, not the index.
	cs[2].Need = -1
	q, _ := ComputePCA(cs)
	if q.Loadings[0][0] <= 0 {
		t.Errorf("orientation: %v", q.Loadings[0])
	}
}
