package datasets

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

// wideTable builds a one-year table of one value column from text cells.
func wideTable(t *testing.T, column string, cells []string, missing MissingCodes) (*Table, error) {
	t.Helper()
	var b strings.Builder
	b.WriteString("id;jahr;" + column + "\n")
	for i, c := range cells {
		fmt.Fprintf(&b, "%03d;2021;%s\n", i+1, c)
	}
	return ReadCSV(strings.NewReader(b.String()), "t.csv", Spec{Key: "id", Year: "jahr", Values: []string{column}, Missing: missing}, CSVOptions{Decimal: DecimalComma})
}

func TestMissingCodes(t *testing.T) {
	// The MSS WFS table: shares, -9999 for the areas below 300 residents.
	shares := []string{"12,5", "-9999", "30,1", "7,2", "-9999", "55,0", "18,3", "-9999", "0", "41,9"}
	tests := []struct {
		name    string
		cells   []string
		missing MissingCodes
		suspect string // the suspected value; "" for none
		coded   int    // cells flagged SourceMissing
	}{
		{"undeclared -9999", shares, MissingCodes{}, "-9999", 0},
		{"declared -9999", shares, MissingCodes{All: []string{"-9999"}}, "", 3},
		{"declared for the column", shares, MissingCodes{Column: map[string][]string{"S1": {"-9999"}}}, "", 3},
		{"column declared without codes", shares, MissingCodes{Column: map[string][]string{"S1": {}}}, "", 0},
		{"declared for another column", shares, MissingCodes{Column: map[string][]string{"S2": {"-9999"}}}, "-9999", 0},
		{"text code", []string{"1", "k.A.", "3", "4", "5"}, MissingCodes{All: []string{"k.A."}}, "", 1},
		{"official sign declared", []string{"1", ".", "3", "4", "5"}, MissingCodes{All: []string{"."}}, "", 0},
		{"-99 in a column of counts", []string{"120", "-99", "300", "0", "4500"}, MissingCodes{}, "-99", 0},
		{"two codes: the one nearest 0 first", []string{"1", "-9999", "-999", "-99", "5", "6"}, MissingCodes{}, "-99", 0},
		{"99999 above counts", []string{"120", "99999", "300", "0", "4500"}, MissingCodes{}, "99999", 0},
		{"9999 among counts up to 30000", []string{"120", "9999", "300", "0", "30000"}, MissingCodes{}, "", 0},
		{"a repeated extreme value", []string{"1", "2", "3", "4", "5", "6", "7", "77777", "77777"}, MissingCodes{}, "77777", 0},
		{"an extreme value once", []string{"1", "2", "3", "4", "5", "6", "7", "77777"}, MissingCodes{}, "", 0},
		{"a sparse count", []string{"0", "0", "0", "1", "0", "2", "0", "50", "50"}, MissingCodes{}, "", 0},
		{"negative values are real here", []string{"-9999", "-50", "20", "-3", "7", "1"}, MissingCodes{}, "", 0},
		{"few values, but -9999 among counts", []string{"1", "-9999", "2"}, MissingCodes{}, "-9999", 0},
		{"too few values", []string{"1", "99999", "2"}, MissingCodes{}, "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := wideTable(t, "S1", tc.cells, tc.missing)
			if err != nil {
				t.Fatal(err)
			}
			err = tab.MarkMissing()
			var sc *SuspectCode
			switch {
			case tc.suspect == "" && err != nil:
				t.Fatalf("MarkMissing() = %v, want nil", err)
			case tc.suspect != "" && !errors.As(err, &sc):
				t.Fatalf("MarkMissing() = %v, want %s suspected", err, tc.suspect)
			case sc != nil && sc.Text() != tc.suspect:
				t.Fatalf("suspected %s, want %s (%v)", sc.Text(), tc.suspect, err)
			}
			coded := 0
			for i, f := range tab.Flags[0] {
				if f == SourceMissing {
					coded++
					if !math.IsNaN(tab.Values[0][i]) {
						t.Errorf("row %d flagged but %v", i, tab.Values[0][i])
					}
				}
			}
			if coded != tc.coded {
				t.Errorf("%d cells flagged missing-code, want %d", coded, tc.coded)
			}
		})
	}
	tab, _ := wideTable(t, "S1", shares, MissingCodes{})
	err := tab.MarkMissing()
	if want := `t.csv: column "S1": -9999 in 3 row(s) (t.csv:3, t.csv:6, t.csv:9) looks like a code for a missing value, not a number`; err == nil || err.Error() != want {
		t.Errorf("message\n  %v\nwant\n  %s", err, want)
	}
}

// Skewed counts, as planning areas' populations are, are not taken for
// codes: not the largest area, nor an area whose value stays the same
// over the years, nor the many zeros of a sparse count.
func TestNoSuspectInSkewedCounts(t *testing.T) {
	var b strings.Builder
	b.WriteString("id;jahr;ew;kitas\n")
	for year := 2021; year <= 2024; year++ {
		for a := 1; a <= 500; a++ {
			ew := int(math.Round(300 * math.Exp(float64(a%97)/20)))            // 300 to about 36,000
			kitas := []int{0, 0, 0, 1, 0, 2, 0, 0, 3, 0, 0, 1}[a%12] * (a % 5) // mostly 0
			if a == 7 {
				ew = 99000 // one very large area, the same every year
			}
			fmt.Fprintf(&b, "%03d;%d;%d;%d\n", a, year, ew, kitas)
		}
	}
	tab, err := ReadCSV(strings.NewReader(b.String()), "ew.csv", Spec{Key: "id", Year: "jahr", Values: []string{"ew", "kitas"}}, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := tab.MarkMissing(); err != nil {
		t.Errorf("MarkMissing() = %v on skewed counts", err)
	}
}

func TestConcat(t *testing.T) {
	read := func(name, text string) *Table {
		tab, err := ReadCSV(strings.NewReader(text), name, Spec{Key: "id", FixedYear: 2021, Values: []string{"ew"}}, CSVOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return tab
	}
	a := read("a-2021.csv", "id;ew\n01;5\n02;6\n")
	b := read("b-2022.csv", "id;ew\n01;7\n02;-1\n")
	b.years = []int32{2022, 2022}
	c, err := Concat("*.csv", []*Table{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != 4 || c.File(0) != "a-2021.csv" || c.File(3) != "b-2022.csv" || c.Loc(3) != "b-2022.csv:3" {
		t.Errorf("rows %d, files %s %s, loc %s", c.Len(), c.File(0), c.File(3), c.Loc(3))
	}
	_, err = BuildPanel([]VariableSpec{{Name: "ew", Table: c, Column: "ew", Count: true}}, nil)
	if want := `b-2022.csv:3: column "ew": -1 is negative, but "ew" is a count`; err == nil || err.Error() != want {
		t.Errorf("error of a row of the second file\n  %v\nwant\n  %s", err, want)
	}
	dup := read("c-2021.csv", "id;ew\n03;1\n02;8\n")
	_, err = Concat("*.csv", []*Table{a, b, dup})
	if want := `c-2021.csv:3: area "02", year 2021 is also in a-2021.csv:3`; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("overlap\n  %v\nwant prefix\n  %s", err, want)
	}
}

// A variable that sums columns (a formula "a + b") shares a family with
// the variables of those columns, so that disclosure control knows that
// it is their sum.
func TestFamilyOfASum(t *testing.T) {
	tab, err := ReadCSV(strings.NewReader("id;a;b;c\n01;1;2;3\n02;4;5;6\n"), "t.csv", Spec{Key: "id", FixedYear: 2021, Values: []string{"a", "b", "c"}}, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tab.AddColumn("a + b", []float64{3, 9}, make([]Flag, 2))
	fs := Families([]VariableSpec{
		{Name: "va", Table: tab, Column: "a"},
		{Name: "vc", Table: tab, Column: "c"},
		{Name: "vb", Table: tab, Column: "b"},
		{Name: "sum", Table: tab, Column: "a + b", Sum: []string{"a", "b"}},
	})
	if len(fs) != 2 {
		t.Fatalf("%d families, want 2: %+v", len(fs), fs)
	}
	f := fs[0]
	got := fmt.Sprintln(f.Column, f.Vars, f.Member)
	if want := "a+b [va vb sum] [[true false] [false true] [true true]]\n"; got != want {
		t.Errorf("family %s, want %s", got, want)
	}
	if got := fmt.Sprintln(fs[1].Column, fs[1].Vars); got != "c [vc]\n" {
		t.Errorf("second family %s", got)
	}
}
