package demo

import (
	"embed"
	"io/fs"
)

//go:embed data
var data embed.FS

// PlanFile is the name of the demo plan inside FS.
const PlanFile = "plan.yaml"

// FS returns the demo's files: the plan, the planning-area geometries and
// the input tables.
func FS() fs.FS {
	sub, err := fs.Sub(data, "data")
	if err != nil {
		panic(err) // the embedded tree always has data/
	}
	return sub
}
