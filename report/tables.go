package report

import (
	"math"

	"planatlas/analysis"
	"planatlas/datasets"
	"planatlas/indicators"
)

// LevelValues are indicator values on one level: the planning areas, the
// districts or the city.
type LevelValues struct {
	Level  string // "area", "district", "city"
	Keys   []string
	Names  []string
	Years  []int
	Series []*datasets.Series // per indicator, year-major over Keys
}

// IndicatorFrame builds the long table of indicator values: one row per
// indicator, year, level and unit, with the value at full precision and
// its flag. Missing values appear as the official sign in CSV and as
// null in Parquet; the flag column says why.
func IndicatorFrame(l Locale, defs []*indicators.Indicator, levels []LevelValues) *datasets.Frame {
	var level, key, name, ind, label, unit, flag datasets.Text
	var year datasets.Int
	var value []float64
	var flags []datasets.Flag
	for i, d := range defs {
		for _, lv := range levels {
			s := lv.Series[i]
			nK := len(lv.Keys)
			for y, yr := range lv.Years {
				for k := range lv.Keys {
					c := y*nK + k
					level = append(level, lv.Level)
					key = append(key, lv.Keys[k])
					name = append(name, lv.Names[k])
					year = append(year, int64(yr))
					ind = append(ind, d.ID)
					label = append(label, d.Label.In(l.Lang))
					unit = append(unit, d.Unit)
					value = append(value, s.Values[c])
					flags = append(flags, s.Flags[c])
					flag = append(flag, s.Flags[c].String())
				}
			}
		}
	}
	f := &datasets.Frame{}
	h := headings(l)
	f.Add("indicator", h["indicator"], ind)
	f.Add("label", h["label"], label)
	f.Add("unit", h["unit"], unit)
	f.Add("year", h["year"], year)
	f.Add("level", h["level"], level)
	f.Add("key", h["key"], key)
	f.Add("name", h["name"], name)
	f.Add("value", h["value"], datasets.Float{Values: value, Flags: flags, Decimals: -1})
	f.Add("flag", h["flag"], flag)
	return f
}

// RankedIndex is a composite index with its ranking, for the ranking
// table.
type RankedIndex struct {
	ID         string
	Label      string
	Year       int
	Keys       []string
	Names      []string
	Districts  []string
	Values     []float64
	Ranking    analysis.Ranking
	Components []string    // component labels
	Contrib    [][]float64 // [component][area]
}

// RankingFrame builds the ranking table: per index, the areas in rank
// order with their value and their three strongest drivers (the
// components with the largest weighted contributions).
func RankingFrame(l Locale, ixs []RankedIndex) *datasets.Frame {
	var index, label, key, name, district, tie datasets.Text
	var year datasets.Int
	var rank, value []float64
	drivers := make([]datasets.Text, 3)
	contrib := make([][]float64, 3)
	for _, ix := range ixs {
		for _, a := range ix.Ranking.Order {
			index = append(index, ix.ID)
			label = append(label, ix.Label)
			year = append(year, int64(ix.Year))
			r := math.NaN()
			if ix.Ranking.Rank[a] > 0 {
				r = float64(ix.Ranking.Rank[a])
			}
			rank = append(rank, r)
			t := ""
			if ix.Ranking.Tie[a] {
				t = "="
			}
			tie = append(tie, t)
			key = append(key, ix.Keys[a])
			name = append(name, ix.Names[a])
			district = append(district, ix.Districts[a])
			value = append(value, ix.Values[a])
			for k := 0; k < 3; k++ {
				d, c := "", math.NaN()
				if k < len(ix.Ranking.Drivers[a]) {
					comp := ix.Ranking.Drivers[a][k]
					d, c = ix.Components[comp], ix.Contrib[comp][a]
				}
				drivers[k] = append(drivers[k], d)
				contrib[k] = append(contrib[k], c)
			}
		}
	}
	f := &datasets.Frame{}
	h := headings(l)
	f.Add("index", h["index"], index)
	f.Add("label", h["label"], label)
	f.Add("year", h["year"], year)
	f.Add("rank", h["rank"], datasets.Float{Values: rank, Decimals: 0})
	f.Add("tie", h["tie"], tie)
	f.Add("key", h["key"], key)
	f.Add("name", h["name"], name)
	f.Add("district", h["district"], district)
	f.Add("value", h["indexvalue"], datasets.Float{Values: value, Decimals: -1})
	for k := 0; k < 3; k++ {
		n := string(rune('1' + k))
		f.Add("driver_"+n, h["driver"]+" "+n, drivers[k])
		f.Add("contribution_"+n, h["contribution"]+" "+n, datasets.Float{Values: contrib[k], Decimals: -1})
	}
	return f
}

func headings(l Locale) map[string]string {
	if l.Lang == "en" {
		return map[string]string{
			"indicator": "indicator", "label": "label", "unit": "unit", "year": "year", "level": "level",
			"key": "key", "name": "name", "value": "value", "flag": "flag", "index": "index", "rank": "rank",
			"tie": "tie", "district": "district", "indexvalue": "index value", "driver": "driver", "contribution": "contribution",
		}
	}
	return map[string]string{
		"indicator": "Indikator", "label": "Bezeichnung", "unit": "Einheit", "year": "Jahr", "level": "Ebene",
		"key": "Schlüssel", "name": "Name", "value": "Wert", "flag": "Kennzeichen", "index": "Index", "rank": "Rang",
		"tie": "gleichrangig", "district": "Stadtteil", "indexvalue": "Indexwert", "driver": "Treiber", "contribution": "Beitrag",
	}
}
