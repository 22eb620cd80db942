package plan

import (
	"math"
	"os"
	"regexp"
	"strings"
	"testing"
)

// demoSurvey checks the demo's family survey in the shared demo run: the
// planning areas' satisfaction with childcare are the Fay–Herriot EBLUPs
// of R's sae on the same direct estimates and covariate
// (smallarea/testdata/demo_fh.csv, from demo_fh_reference.R), with √MSE
// as standard error; districts and the city are direct estimates; the
// report has the survey's maps, and their legends name the estimates of
// limited reliability and those not published.
func demoSurvey(t *testing.T, out, html string) {
	ref := map[string]map[string]float64{}
	for _, r := range readReference(t, "../smallarea/testdata/demo_fh.csv") {
		if ref[r["quantity"]] == nil {
			ref[r["quantity"]] = map[string]float64{}
		}
		ref[r["quantity"]][r["index"]] = num(t, r["value"])
	}
	areas, direct := 0, 0
	for _, r := range tableRows(t, out, "survey.csv") {
		if r["Merkmal"] != "kita_zufrieden" {
			continue
		}
		if r["Ebene"] != "Planungsraum" {
			if r["Methode"] != "direkt" {
				t.Errorf("%s %s: method %q, want direct", r["Ebene"], r["Schlüssel"], r["Methode"])
			}
			direct++
			continue
		}
		areas++
		k := r["Schlüssel"]
		if r["Methode"] != "Fay–Herriot" || germanNumber(t, r["Befragte"]) != ref["n"][k] {
			t.Errorf("%s: method %q, respondents %s (sae's n %g)", k, r["Methode"], r["Befragte"], ref["n"][k])
		}
		if r["Schätzwert"] == "/" {
			continue
		}
		est, se := germanNumber(t, r["Schätzwert"]), germanNumber(t, r["Standardfehler"])
		if math.Abs(est-100*ref["eblup"][k]) > 0.00005+1e-9 || math.Abs(se-100*math.Sqrt(ref["mse"][k])) > 0.00005+1e-9 {
			t.Errorf("%s: estimate %g, SE %g; sae %g, %g", k, est, se, 100*ref["eblup"][k], 100*math.Sqrt(ref["mse"][k]))
		}
	}
	if areas != 38 || direct != 11 {
		t.Errorf("survey.csv: %d areas, %d districts and city", areas, direct)
	}
	for _, id := range []string{"map-kita_zufriedenheit", "map-kinderkosten"} {
		if !strings.Contains(html, `<figure id="`+id+`"`) {
			t.Errorf("the report has no figure %s", id)
		}
	}
	svg, err := os.ReadFile(out + "/map-kita_zufriedenheit.svg")
	if err != nil {
		t.Fatal(err)
	}
	for _, legend := range []*regexp.Regexp{regexp.MustCompile(`Aussagewert eingeschränkt \((\d+)\)`), regexp.MustCompile(`nicht sicher genug \(/\) \((\d+)\)`)} {
		if !legend.Match(svg) {
			t.Errorf("map-kita_zufriedenheit.svg has no legend entry %s", legend)
		}
	}
}
