package analysis

import (
	"math"
	"strconv"
	"testing"
)

// The IMD 2019 scores of England's 32,844 LSOAs follow from the published
// domain ranks: equal to the published score to 3 decimals for all but
// those on the rounding boundary, and ranks off by at most one.
func TestIMD2019(t *testing.T) {
	rows := readCSVFile(t, referenceFile("imd", "imd2019_england_lsoa11.csv.gz"))
	scores := readCSVFile(t, referenceFile("imd", "UK_IMD_E.csv.gz"))
	published := map[string]float64{}
	for _, r := range scores {
		if r["nation"] == "E" {
			v, _ := strconv.ParseFloat(r["overall_local_score"], 64)
			published[r["lsoa"]] = v
		}
	}
	domains := []string{"Income_rank", "Employment_rank", "Education_rank", "Health_rank", "Crime_rank", "Housing_and_Access_rank", "Environment_rank"}
	n := len(rows)
	ranks := make([][]float64, len(domains))
	for d, col := range domains {
		ranks[d] = make([]float64, n)
		for a, r := range rows {
			ranks[d][a], _ = strconv.ParseFloat(r[col], 64)
		}
	}
	score, rank, err := IMD(ranks, IMD2019Weights)
	if err != nil {
		t.Fatal(err)
	}
	equal, compared, worstRank := 0, 0, 0.0
	for a, r := range rows {
		p, ok := published[r["lsoa11_code"]]
		if !ok {
			continue
		}
		compared++
		if math.Round(score[a]*1000) == math.Round(p*1000) {
			equal++
		}
		want, _ := strconv.ParseFloat(r["IMD_rank"], 64)
		worstRank = math.Max(worstRank, math.Abs(rank[a]-want))
	}
	t.Logf("%d LSOAs, %d with a published score, %d equal to 3 decimals; ranks off by at most %.0f", n, compared, equal, worstRank)
	if n != 32844 || compared != 32844 || equal < 32800 {
		t.Errorf("%d of %d scores equal to 3 decimals (want at least 32,800 of 32,844)", equal, compared)
	}
	if worstRank > 1 {
		t.Errorf("ranks off by up to %.0f", worstRank)
	}
}

func TestExponentialTransform(t *testing.T) {
	// The least deprived of n gets 0; the most deprived 100.
	if x := ExponentialTransform(1000, 1000); math.Abs(x-(-23*math.Log(1-(1-math.Exp(-100.0/23))/1000))) > 1e-12 || x > 0.1 {
		t.Errorf("least deprived: %v", x)
	}
	if x := ExponentialTransform(1, 1000); math.Abs(x-100) > 1e-9 {
		t.Errorf("most deprived: %v", x)
	}
}
