package plan

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// The demo's need index as SVI (themes), IMD (exponential ranks) and PCA:
// each runs, gives values in its own range and ranks the areas; each
// puts first an area among the ten first of the z-score sum.
func TestIndexMethodsInPlan(t *testing.T) {
	index := func(method string) string {
		switch method {
		case "svi":
			return `  bedarfsindex:
    label: {de: Sozialer Bedarfsindex, en: Social need index}
    method: svi
    population: ew
    themes:
      sozial: [sgb2_quote, kinderarmut, arbeitslosenanteil]
      demografie: [anteil_65plus]
      klima: [heisse_tage]
`
		default:
			return `  bedarfsindex:
    label: {de: Sozialer Bedarfsindex, en: Social need index}
    method: ` + method + `
    components:
      sgb2_quote: 0.3
      kinderarmut: 0.3
      arbeitslosenanteil: 0.2
      anteil_65plus: 0.1
      heisse_tage: 0.1
`
		}
	}
	first := map[string]string{}
	for _, method := range []string{"svi", "imd", "pca"} {
		dir := lightDemoDir(t, func(s string) string {
			i := strings.Index(s, "  bedarfsindex:\n")
			j := strings.Index(s[i:], "\n\n") + i + 1
			return s[:i] + index(method) + s[j:]
		})
		out, res, err := runDir(t, dir)
		if err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		lines := strings.Split(strings.TrimSpace(string(readOut(t, out, "ranking.csv"))), "\n")
		f := strings.Split(lines[1], ";")
		v, _ := strconv.ParseFloat(strings.Replace(f[10], ",", ".", 1), 64)
		first[method] = f[8]
		switch method {
		case "svi":
			if v != 1 {
				t.Errorf("svi: the first area's percentile rank %v, want 1", v)
			}
		case "imd":
			if !(v > 0 && v <= 100) {
				t.Errorf("imd: score %v outside (0, 100]", v)
			}
		case "pca":
			if !strings.Contains(strings.Join(noteTexts(res.Notes), "\n"), "index bedarfsindex (PCA): ") || math.IsNaN(v) {
				t.Errorf("pca: notes %v", noteTexts(res.Notes))
			}
			pca := string(readOut(t, out, "pca-bedarfsindex.csv"))
			if !strings.HasPrefix(pca, "\ufeffIndikator;Komponente 1") || !strings.Contains(pca, "\nEigenwert;") || !strings.Contains(pca, "\nSGB-II-Quote;") {
				t.Errorf("pca table:\n%s", pca)
			}
		}
	}
	t.Logf("first by method: %v", first)
	top10 := "Schönblick III, Am Märchenbrunnen, Weinberg-Süd, Am Heizkraftwerk, Schönblick I, Schönblick-Mitte, Weinberg-Nord, Weinberg-Ost, Weinberg-Zentrum, Brückenviertel"
	for m, name := range first {
		if !strings.Contains(top10, name) {
			t.Errorf("%s puts %s first", m, name)
		}
	}
}
