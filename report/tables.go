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
	Lower  []*datasets.Series // per indicator: Wilson bounds of proportions; nil entries for others
	Upper  []*datasets.Series
	Versus [][]int8 // per indicator: +1 significantly above the city, -1 below; nil for others
	// Coverage per indicator (nil for the areas): the share (0 to 1) of a
	// unit's residents, or areas, in the areas its value is computed from.
	Coverage []*datasets.Series
}

// coverageColumn is a coverage in % for the tables: empty for the areas
// (nil), hidden where disclosure control says.
func coverageColumn(cov *datasets.Series, n int) datasets.Float {
	out := datasets.Float{Values: make([]float64, n), Decimals: -1}
	if cov == nil {
		for i := range out.Values {
			out.Values[i] = math.NaN()
		}
		return out
	}
	out.Flags = cov.Flags
	for i, v := range cov.Values {
		out.Values[i] = 100 * v
	}
	return out
}

// IndicatorParts builds the long table of indicator values: one row per
// indicator, year, level and unit, with the value at full precision and
// its flag; for proportions the Wilson 95 % interval and whether the
// value lies significantly above or below the city's; for the levels
// above the areas the coverage, the share (in %) of the unit's residents
// (or areas) in the areas its value is computed from. Missing and
// suppressed values appear as the official sign in CSV and as null in
// Parquet; the flag column says why. The table comes in one part per
// indicator and level, so that a census grid's 34 million rows are never
// in memory at once.
func IndicatorParts(l Locale, defs []*indicators.Indicator, levels []LevelValues) datasets.Parts {
	h := headings(l)
	return func(yield func(*datasets.Frame) error) error {
		for i, d := range defs {
			for _, lv := range levels {
				s := lv.Series[i]
				n := len(lv.Keys) * len(lv.Years)
				lower, upper := make([]float64, n), make([]float64, n)
				lflags := make([]datasets.Flag, n)
				versus := datasets.Coded{Codes: make([]int32, n), Levels: []string{"", "higher", "lower"}}
				for c := range lower {
					lower[c], upper[c] = math.NaN(), math.NaN()
					if lv.Lower == nil || lv.Lower[i] == nil {
						continue
					}
					lower[c], upper[c], lflags[c] = lv.Lower[i].Values[c], lv.Upper[i].Values[c], lv.Lower[i].Flags[c]
					if lflags[c]&datasets.Suppressed == 0 {
						switch lv.Versus[i][c] {
						case 1:
							versus.Codes[c] = 1
						case -1:
							versus.Codes[c] = 2
						}
					}
				}
				f := &datasets.Frame{}
				f.Add("indicator", h["indicator"], datasets.Repeat(d.ID, n))
				f.Add("label", h["label"], datasets.Repeat(d.Label.In(l.Lang), n))
				f.Add("unit", h["unit"], datasets.Repeat(d.Unit.In(l.Lang), n))
				addCells(f, h, lv.Level, lv.Keys, lv.Names, lv.Years, s)
				f.Add("lower", h["lower"], datasets.Float{Values: lower, Flags: lflags, Decimals: -1})
				f.Add("upper", h["upper"], datasets.Float{Values: upper, Flags: lflags, Decimals: -1})
				f.Add("vs_city", h["vs_city"], versus)
				var cov *datasets.Series
				if lv.Coverage != nil {
					cov = lv.Coverage[i]
				}
				f.Add("coverage", h["coverage"], coverageColumn(cov, n))
				if err := yield(f); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// VariableParts builds the long table of the variables (counts and other
// inputs) on every level: the table a statistics office publishes, with
// disclosure control applied, and for the levels above the areas the
// coverage of each total. One part per variable and level.
func VariableParts(l Locale, names []string, levels []LevelPanel) datasets.Parts {
	h := headings(l)
	return func(yield func(*datasets.Frame) error) error {
		for _, v := range names {
			for _, lv := range levels {
				f := &datasets.Frame{}
				f.Add("variable", h["variable"], datasets.Repeat(v, lv.Panel.Len()))
				addCells(f, h, lv.Level, lv.Panel.Keys, lv.Names, lv.Panel.Years, lv.Panel.Var(v))
				f.Add("coverage", h["coverage"], coverageColumn(lv.Coverage[v], lv.Panel.Len()))
				if err := yield(f); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// addCells adds the columns that place and give a value of a year-major
// series over keys: year, level, key, name, value at full precision,
// flag.
func addCells(f *datasets.Frame, h map[string]string, level string, keys, names []string, years []int, s *datasets.Series) {
	nK, n := len(keys), len(keys)*len(years)
	year := make(datasets.Int, n)
	key := datasets.Coded{Codes: make([]int32, n), Levels: keys}
	name := datasets.Coded{Codes: key.Codes, Levels: names}
	flag := datasets.Coded{Codes: make([]int32, n)}
	seen := map[datasets.Flag]int32{}
	last, lastCode := datasets.Flag(0), int32(-1)
	for y, yr := range years {
		for k := 0; k < nK; k++ {
			c := y*nK + k
			year[c] = int64(yr)
			key.Codes[c] = int32(k)
			fl := s.Flags[c]
			if fl != last || lastCode < 0 {
				code, ok := seen[fl]
				if !ok {
					code = int32(len(flag.Levels))
					seen[fl] = code
					flag.Levels = append(flag.Levels, fl.String())
				}
				last, lastCode = fl, code
			}
			flag.Codes[c] = lastCode
		}
	}
	f.Add("year", h["year"], year)
	f.Add("level", h["level"], datasets.Repeat(level, n))
	f.Add("key", h["key"], key)
	f.Add("name", h["name"], name)
	f.Add("value", h["value"], datasets.Float{Values: s.Values, Flags: s.Flags, Decimals: -1})
	f.Add("flag", h["flag"], flag)
}

// LevelPanel is a level's variables with the names of its units.
type LevelPanel struct {
	Level string
	Names []string
	Panel *datasets.Panel
	// Coverage by variable (none for the areas): the share of a unit's
	// residents, or areas, in the areas with a value.
	Coverage map[string]*datasets.Series
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
	// Hidden[component][area] marks contributions that would reveal a
	// suppressed count; they are not written. May be nil.
	Hidden [][]bool
	// Lo and Hi are each area's plausible ranks (0: none); may be nil.
	Lo, Hi []int
}

// RankingFrame builds the ranking table: per index, the areas in rank
// order with their value and their three strongest drivers (the
// components with the largest weighted contributions).
func RankingFrame(l Locale, ixs []RankedIndex) *datasets.Frame {
	var index, label, key, name, district, tie datasets.Text
	var year datasets.Int
	var rank, value, lo, hi []float64
	drivers := make([]datasets.Text, 3)
	contrib := make([][]float64, 3)
	cflags := make([][]datasets.Flag, 3)
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
			l, u := math.NaN(), math.NaN()
			if ix.Lo != nil && ix.Lo[a] > 0 {
				l, u = float64(ix.Lo[a]), float64(ix.Hi[a])
			}
			lo, hi = append(lo, l), append(hi, u)
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
				d, c, fl := "", math.NaN(), datasets.Flag(0)
				if k < len(ix.Ranking.Drivers[a]) {
					comp := ix.Ranking.Drivers[a][k]
					d, c = ix.Components[comp], ix.Contrib[comp][a]
					if ix.Hidden != nil && ix.Hidden[comp][a] {
						fl = datasets.Suppressed
					}
				}
				drivers[k] = append(drivers[k], d)
				contrib[k] = append(contrib[k], c)
				cflags[k] = append(cflags[k], fl)
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
	f.Add("rank_from", h["rank_from"], datasets.Float{Values: lo, Decimals: 0})
	f.Add("rank_to", h["rank_to"], datasets.Float{Values: hi, Decimals: 0})
	f.Add("key", h["key"], key)
	f.Add("name", h["name"], name)
	f.Add("district", h["district"], district)
	f.Add("value", h["indexvalue"], datasets.Float{Values: value, Decimals: -1})
	for k := 0; k < 3; k++ {
		n := string(rune('1' + k))
		f.Add("driver_"+n, h["driver"]+" "+n, drivers[k])
		f.Add("contribution_"+n, h["contribution"]+" "+n, datasets.Float{Values: contrib[k], Flags: cflags[k], Decimals: -1})
	}
	return f
}

// Headings returns the column headings shared by the tables, in the
// locale's language.
func Headings(l Locale) map[string]string { return headings(l) }

func headings(l Locale) map[string]string {
	if l.Lang == "en" {
		return map[string]string{
			"indicator": "indicator", "label": "label", "unit": "unit", "year": "year", "level": "level",
			"key": "key", "name": "name", "value": "value", "flag": "flag", "index": "index", "rank": "rank",
			"tie": "tie", "district": "district", "indexvalue": "index value", "driver": "driver", "contribution": "contribution",
			"lower": "lower 95%", "upper": "upper 95%", "vs_city": "vs city", "variable": "variable",
			"rank_from": "plausible rank from", "rank_to": "plausible rank to", "coverage": "coverage (%)",
		}
	}
	return map[string]string{
		"indicator": "Indikator", "label": "Bezeichnung", "unit": "Einheit", "year": "Jahr", "level": "Ebene",
		"key": "Schlüssel", "name": "Name", "value": "Wert", "flag": "Kennzeichen", "index": "Index", "rank": "Rang",
		"tie": "gleichrangig", "district": "Stadtteil", "indexvalue": "Indexwert", "driver": "Treiber", "contribution": "Beitrag",
		"lower": "untere 95%-Grenze", "upper": "obere 95%-Grenze", "vs_city": "gegenüber Stadt", "variable": "Variable",
		"rank_from": "plausibler Rang von", "rank_to": "plausibler Rang bis", "coverage": "Abdeckung (%)",
	}
}
