package datasets

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/parquet/file"
)

// Binary and Struct columns are for the machine formats: CSV and a
// worksheet refuse them, naming the column, rather than write an empty
// cell; Parquet writes them with the frame's metadata as the file's
// key-value metadata.
func TestMachineOnlyColumns(t *testing.T) {
	box := Struct{Names: []string{"xmin", "xmax"}, Cols: []Column{Float{Values: []float64{1, 2}}, Float{Values: []float64{3, 4}}}}
	tests := []struct {
		name  string
		col   Column
		write func(io.Writer, *Frame) error
		err   string // "" for none
	}{
		{"binary to CSV", Binary{{1}, {2}}, func(w io.Writer, f *Frame) error { return WriteCSV(w, f, InternationalCSV) }, `"g" (datasets.Binary) cannot be written to CSV`},
		{"struct to a worksheet", box, func(w io.Writer, f *Frame) error {
			_, _, _, err := Collect(Whole(f), 10)
			return err
		}, `"g" (datasets.Struct) cannot be written to a worksheet`},
		{"binary to Parquet", Binary{{1}, {2}}, WriteParquet, ""},
		{"struct to Parquet", box, WriteParquet, ""},
		{"struct of unequal fields", Struct{Names: []string{"a", "b"}, Cols: []Column{Int{1, 2}, Int{1}}}, WriteParquet, `struct field "b" has 1 rows, not 2`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := &Frame{Meta: map[string]string{"geo": `{"version":"1.1.0"}`}}
			f.Add("key", "", Text{"a", "b"})
			f.Add("g", "", tc.col)
			var buf bytes.Buffer
			err := tc.write(&buf, f)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			r, err := file.NewParquetReader(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			if v := r.MetaData().KeyValueMetadata().FindValue("geo"); v == nil || *v != f.Meta["geo"] {
				t.Errorf("key-value metadata geo = %v, want %s", v, f.Meta["geo"])
			}
			if n := r.MetaData().NumRows; n != 2 {
				t.Errorf("%d rows, want 2", n)
			}
		})
	}
}
