package benchmarks

import (
	"os"
	"path/filepath"
	"testing"

	"planatlas/plan"
)

// BenchmarkPipelineCity10k runs the whole pipeline on the synthetic city
// of 126 × 79 = 9,954 areas and ten years (WriteCity): for profiling,
// go test ./benchmarks -bench City10k -benchtime 1x -cpuprofile cpu.out
func BenchmarkPipelineCity10k(b *testing.B) {
	dir := b.TempDir()
	if err := WriteCity(dir, 126, 79); err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "plan.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	p, err := plan.Parse(data, "plan.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := plan.Run(p, plan.Dir(dir), plan.Options{Out: filepath.Join(dir, "out"), PlanData: data}); err != nil {
			b.Fatal(err)
		}
	}
}
