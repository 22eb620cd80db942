package benchmarks

import (
	"fmt"
	"testing"

	"planatlas/indicators"
)

// BenchmarkDisclosure runs disclosure control (threshold 3) on
// DisclosureCity with 100, 1,000 and 10,000 count variables:
//
//	go test ./benchmarks -bench Disclosure -benchmem -run '^$'
func BenchmarkDisclosure(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("vars=%d", n), func(b *testing.B) {
			h, fams, vars := DisclosureCity(n, 1)
			var res indicators.SuppressionResult
			for b.Loop() {
				clearFlags(h)
				var err error
				if res, err = indicators.Suppress(h, fams, vars, 3); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(res.Primary), "primary")
			b.ReportMetric(float64(res.Secondary), "secondary")
		})
	}
}

func clearFlags(h indicators.Hierarchy) {
	for _, p := range h.Levels {
		for _, name := range p.Names() {
			clear(p.Var(name).Flags)
		}
	}
}
