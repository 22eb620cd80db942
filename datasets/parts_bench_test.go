package datasets

import (
	"fmt"
	"io"
	"testing"
)

// BenchmarkWriteParquetLong writes a long table as the indicators table
// of 100,000 areas has it: parts of 1,000,000 rows (100,000 areas × 10
// years), keys and names coded, ten parts.
func BenchmarkWriteParquetLong(b *testing.B) {
	const areas, years, parts = 100000, 10, 10
	keys, names := make([]string, areas), make([]string, areas)
	for i := range keys {
		keys[i], names[i] = fmt.Sprintf("%07d", i+1), fmt.Sprintf("Gebiet %d", i+1)
	}
	n := areas * years
	codes := make([]int32, n)
	year := make(Int, n)
	vals := make([]float64, n)
	for i := range codes {
		codes[i] = int32(i % areas)
		year[i] = int64(2015 + i/areas)
		vals[i] = float64(i%977) / 7
	}
	table := func(yield func(*Frame) error) error {
		for p := 0; p < parts; p++ {
			f := &Frame{}
			f.Add("indicator", "", Repeat(fmt.Sprint("ind", p), n))
			f.Add("year", "", year)
			f.Add("key", "", Coded{Codes: codes, Levels: keys})
			f.Add("name", "", Coded{Codes: codes, Levels: names})
			f.Add("value", "", Float{Values: vals})
			if err := yield(f); err != nil {
				return err
			}
		}
		return nil
	}
	for b.Loop() {
		if err := WriteParquetParts(io.Discard, table); err != nil {
			b.Fatal(err)
		}
	}
}
