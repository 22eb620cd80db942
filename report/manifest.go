package report

import (
	"encoding/json"
	"io"
)

// Manifest records what a run was made from and what it wrote, so that
// every number in the output can be traced to its inputs. It carries no
// time stamp: equal inputs give an equal manifest.
type Manifest struct {
	Tool       string       `json:"tool"`
	Version    string       `json:"version"`
	Title      string       `json:"title,omitempty"`
	Language   string       `json:"language"`
	Plan       FileRecord   `json:"plan"`
	Inputs     []FileRecord `json:"inputs"`
	Years      []int        `json:"years"`
	OutputYear int          `json:"output_year"`
	Outputs    []FileRecord `json:"outputs"`
	Catalog    string       `json:"indicator_catalog"`    // version of the indicator catalog
	Disclosure int          `json:"disclosure_threshold"` // counts below it are hidden; 0: none
	Notes      []string     `json:"notes,omitempty"`
}

// WriteManifest writes m as indented JSON.
func WriteManifest(w io.Writer, m *Manifest) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(m)
}
