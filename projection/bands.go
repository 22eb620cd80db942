package projection

// Grouped ages (docs/methods.md section 11): where the population is
// published in bands of several years (Berlin: under 6, 6–14, 15–17,
// 18–26, 27–44, 45–54, 55–64, 65 and over), yearly cohort-change ratios
// on bands, ages spread evenly within a band: each year a band keeps
// (w−1)/w of its people and receives 1/w of the band below,
//
//	E(b, t+1) = P(b, t) · (1 − 1/w_b) + P(b−1, t) / w_{b−1},
//
// the open band keeping all of its own. The ratio CCR_b = Σ_t P(b, t+1) /
// Σ_t E(b, t+1) over the base period takes up survival and migration;
// the youngest band, which births feed, grows by its own ratio
// Σ_t P(0, t+1) / Σ_t P(0, t). Hamilton and Perry's method for a step as
// long as the bands, generalised to yearly steps.

// BandRatios returns the ratios of each band from observed consecutive
// years history[t][band] (at least two years); widths are the bands'
// widths in years, the last (the open band) 0.
func BandRatios(history [][]float64, widths []int) []float64 {
	num, den := BandSums(history, widths)
	out := make([]float64, len(widths))
	for b := range out {
		if den[b] > 0 {
			out[b] = num[b] / den[b]
		}
	}
	return out
}

// BandSums returns the sums over the base period of each band's
// population Σ_t P(b, t+1) and of what the model expects Σ_t E(b, t+1):
// their quotient is the band's ratio; summed over areas, the city's.
func BandSums(history [][]float64, widths []int) (num, den []float64) {
	num = make([]float64, len(widths))
	den = make([]float64, len(widths))
	for t := 1; t < len(history); t++ {
		e := expected(history[t-1], widths)
		for b := range widths {
			num[b] += history[t][b]
			den[b] += e[b]
		}
	}
	return num, den
}

// ShrunkRatios returns an area's band ratios drawn towards the city's:
// (num_b + k · R_b) / (den_b + k), with num and den the area's BandSums,
// R the city's ratios and k the weight of the city in persons: a small
// area's ratio rests mostly on the city's, a large one's on its own.
func ShrunkRatios(num, den, city []float64, k float64) []float64 {
	out := make([]float64, len(num))
	for b := range out {
		out[b] = (num[b] + k*city[b]) / (den[b] + k)
	}
	return out
}

// expected is E(b, t+1) for every band; for the youngest band its own
// population (its ratio is a growth ratio).
func expected(p []float64, widths []int) []float64 {
	e := make([]float64, len(widths))
	e[0] = p[0]
	for b := 1; b < len(widths); b++ {
		keep := p[b]
		if w := widths[b]; w > 0 {
			keep *= 1 - 1/float64(w)
		}
		e[b] = keep + p[b-1]/float64(widths[b-1])
	}
	return e
}

// ProjectBands projects the bands of p the given number of years with
// the ratios, and returns each year's bands.
func ProjectBands(p []float64, ratios []float64, widths []int, years int) [][]float64 {
	out := make([][]float64, years)
	for y := range out {
		e := expected(p, widths)
		next := make([]float64, len(widths))
		for b := range next {
			next[b] = ratios[b] * e[b]
		}
		out[y], p = next, next
	}
	return out
}
