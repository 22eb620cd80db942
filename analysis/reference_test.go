package analysis

import (
	"compress/gzip"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reference is the repository's folder of published data (inputs and
// official results) that the index methods are checked against; its
// README names each file's source and licence. Large files are stored
// gzip-compressed (name.csv.gz).
const reference = "../testdata/reference"

// referenceFile returns the path of a file under testdata/reference.
func referenceFile(parts ...string) string {
	return filepath.Join(append([]string{reference}, parts...)...)
}

// readCSVFile reads a CSV file with a header line, gunzipping it if its
// name ends in .gz, as one map from heading to text per row. The file is
// part of the repository: a missing or unreadable file fails the test.
func readCSVFile(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("reference data: %v", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("reference data %s: %v", path, err)
		}
		defer z.Close()
		r = z
	}
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		t.Fatalf("reference data %s: %v", path, err)
	}
	if len(rows) < 2 {
		t.Fatalf("reference data %s: %d lines, want a header and rows", path, len(rows))
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}
