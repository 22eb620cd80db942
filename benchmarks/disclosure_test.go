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
//
// On the project's 2-core machine (time per run, bytes allocated per
// run, peak resident memory of the benchmark process):
//
//	variables  hidden cells      whole system (3165095)         per block and group
//	      100       656          52.8 s    5.1 GB   46 MB       0.043 s   16 MB   49 MB
//	    1,000     8,784          not done in 10 min (one core;  0.96 s   360 MB   53 MB
//	                             20, 50, 100 variables took
//	                             0.3, 6.6, 55 s: about n³)
//	   10,000    84,959          not run: 23 GB (issue 14)      8.7 s    3.4 GB   89 MB
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
