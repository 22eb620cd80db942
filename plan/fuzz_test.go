package plan

import (
	"io/fs"
	"testing"

	"planatlas/demo"
)

// FuzzParse: any bytes as plan.yaml give a plan or an error, never a
// panic or a hang; a plan that parses is also validated against the
// demo's data files. Seeds: the demo's plan, two small plans and the
// corpus in testdata/fuzz/FuzzParse.
//
//	go test ./plan -run '^$' -fuzz FuzzParse -fuzztime 10m
func FuzzParse(f *testing.F) {
	src := demo.FS()
	b, err := fs.ReadFile(src, demo.PlanFile)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("planatlas: 1\nareas: {file: planungsraeume.geojson, key: pr_id}\n"))
	f.Add([]byte("planatlas: 1\nindices:\n  x: {method: zsum, components: {sgb2_quote: 1}}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := Parse(b, "fuzz.yaml")
		if err != nil {
			return
		}
		Validate(p, FS{src}, "de")
	})
}
