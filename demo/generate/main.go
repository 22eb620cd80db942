// Command generate writes the demo city Musterstadt into demo/data.
// Run it from the repository root with `go generate ./demo` after
// changing the generator; a test checks that demo/data matches it.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"planatlas/demo/internal/citygen"
)

func main() {
	dir := "data"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	files, err := citygen.Generate()
	if err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), files[n], 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "generate:", err)
			os.Exit(1)
		}
		fmt.Printf("%s\t%d bytes\n", n, len(files[n]))
	}
}
