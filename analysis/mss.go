package analysis

import (
	"fmt"
	"math"
)

// MSS is Berlin's social monitoring (Monitoring Soziale Stadtentwicklung)
// for one edition: a status index from the level of a few shares and a
// dynamic index from their change over two years, each in classes, and
// their combination (docs/methods.md section 1).
type MSS struct {
	StatusSum, StatusIndex   []float64 // per area; NaN for invalid areas
	DynamicSum, DynamicIndex []float64
	StatusClass              []int       // 1 hoch, 2 mittel, 3 niedrig, 4 sehr niedrig; 0 invalid
	DynamicClass             []int       // 1 positiv, 2 stabil, 3 negativ; 0 invalid
	Mean, SD                 []float64   // per indicator (status first, then dynamic), over the valid areas
	StatusZ, DynamicZ        [][]float64 // [indicator][area]: the z-scores summed
	SumSD                    [2]float64  // the sd of the status and the dynamic sum
	Valid                    int
}

// MSSStatusNames and MSSDynamicNames are the official class names.
var (
	MSSStatusNames  = [...]string{"", "hoch", "mittel", "niedrig", "sehr niedrig"}
	MSSDynamicNames = [...]string{"", "positiv", "stabil", "negativ"}
	mssDynamicSign  = [...]string{"", "+", "+/-", "-"}
)

// ComputeMSS computes the MSS from status indicators (shares in %) and
// dynamic indicators (their change in percentage points), [indicator][area],
// over the areas marked valid (Berlin removes areas under 300 residents
// and declared outliers before anything is computed):
//
//	z_k = (x_k − mean_k) / sd_k  (unweighted mean, population sd, valid areas)
//	sum = Σ_k z_k,  index = (sum − mean(sum)) / sd(sum)
//
// Status classes: 1 if index < −1, 2 if −1 ≤ index ≤ 1, 3 if 1 < index ≤
// 1.5, 4 if index > 1.5. Dynamic classes: 1 (positiv) if < −1, 2 (stabil)
// if −1 ≤ index ≤ 1, 3 (negativ) if > 1. Classes are taken from the
// unrounded index. A valid area with a missing indicator is an error:
// the method has no rule for it.
func ComputeMSS(status, dynamic [][]float64, valid []bool) (*MSS, error) {
	n := len(valid)
	m := &MSS{}
	for _, v := range valid {
		if v {
			m.Valid++
		}
	}
	if m.Valid < 3 {
		return nil, fmt.Errorf("the MSS needs at least 3 valid areas, not %d", m.Valid)
	}
	index := func(ind [][]float64, what string) (sum, idx []float64, zs [][]float64, sumSD float64, err error) {
		if len(ind) == 0 {
			return nil, nil, nil, 0, fmt.Errorf("the %s index has no indicators", what)
		}
		sum = make([]float64, n)
		for k, x := range ind {
			if len(x) != n {
				return nil, nil, nil, 0, fmt.Errorf("%s indicator %d has %d values, not %d", what, k+1, len(x), n)
			}
			vx := make([]float64, n)
			for a := range x {
				vx[a] = math.NaN()
				if valid[a] {
					if math.IsNaN(x[a]) {
						return nil, nil, nil, 0, fmt.Errorf("%s indicator %d is missing for a valid area (position %d)", what, k+1, a+1)
					}
					vx[a] = x[a]
				}
			}
			z, mean, sd, _ := ZScores(vx, false)
			m.Mean, m.SD = append(m.Mean, mean), append(m.SD, sd)
			zs = append(zs, z)
			for a := range z {
				sum[a] += z[a]
			}
		}
		idx, _, sumSD, _ = ZScores(sum, false)
		return sum, idx, zs, sumSD, nil
	}
	var err error
	if m.StatusSum, m.StatusIndex, m.StatusZ, m.SumSD[0], err = index(status, "status"); err != nil {
		return nil, err
	}
	if m.DynamicSum, m.DynamicIndex, m.DynamicZ, m.SumSD[1], err = index(dynamic, "dynamic"); err != nil {
		return nil, err
	}
	m.StatusClass, m.DynamicClass = make([]int, n), make([]int, n)
	for a := 0; a < n; a++ {
		if valid[a] {
			m.StatusClass[a] = mssStatusClass(m.StatusIndex[a])
			m.DynamicClass[a] = mssDynamicClass(m.DynamicIndex[a])
		}
	}
	return m, nil
}

// mssStatusClass returns the status class of a status index x (docs/methods.md
// section 1): 1 hoch if x < −1; 2 mittel if −1 ≤ x ≤ 1; 3 niedrig if
// 1 < x ≤ 1.5; 4 sehr niedrig if x > 1.5. A bound belongs to the class
// nearer the middle: −1 and 1 are mittel, 1.5 is niedrig.
func mssStatusClass(x float64) int {
	switch {
	case x < -1:
		return 1
	case x <= 1:
		return 2
	case x <= 1.5:
		return 3
	}
	return 4
}

// mssDynamicClass returns the dynamic class of a dynamic index x: 1
// positiv if x < −1; 2 stabil if −1 ≤ x ≤ 1; 3 negativ if x > 1 (a higher
// value is worse). −1 and 1 are stabil.
func mssDynamicClass(x float64) int {
	switch {
	case x < -1:
		return 1
	case x <= 1:
		return 2
	}
	return 3
}

// Combined returns area a's combined type as Berlin writes it ("2-",
// "1+/-"), or "" for an invalid area.
func (m *MSS) Combined(a int) string {
	if m.StatusClass[a] == 0 {
		return ""
	}
	return fmt.Sprintf("%d%s", m.StatusClass[a], mssDynamicSign[m.DynamicClass[a]])
}

// WFSCode returns the combined type as the city's web feature service
// codes it: SDI_N = 10·SI_N + DI_N with DI_N 1, 3, 5 for positiv,
// stabil, negativ; 0 for an invalid area.
func (m *MSS) WFSCode(a int) int {
	if m.StatusClass[a] == 0 {
		return 0
	}
	return 10*m.StatusClass[a] + 2*m.DynamicClass[a] - 1
}
