package datasets

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"strings"
	"testing"
)

// A workbook holds one sheet per frame with headings, numbers as numbers,
// umlauts as written and hidden values as their sign; the same frames
// give the same bytes.
func TestWriteXLSX(t *testing.T) {
	f := &Frame{}
	f.Add("key", "Schlüssel", Text{"0101", "0102"})
	f.Add("name", "Name", Text{"Mühlgraben", "Schloßberg & Co <1>"})
	f.Add("n", "Anzahl", Int{3, 40})
	f.Add("v", "Wert", Float{Values: []float64{1.25, math.NaN()}, Flags: []Flag{0, Confidential}, Decimals: 1})
	var a, b bytes.Buffer
	if err := WriteXLSX(&a, []Sheet{{"Indikatoren", f}, {"Zweite", f}}); err != nil {
		t.Fatal(err)
	}
	WriteXLSX(&b, []Sheet{{"Indikatoren", f}, {"Zweite", f}})
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		data, _ := io.ReadAll(rc)
		files[zf.Name] = string(data)
	}
	sheet := files["xl/worksheets/sheet1.xml"]
	for _, want := range []string{"<t>Schlüssel</t>", "<t>Mühlgraben</t>", "<t>Schloßberg &amp; Co &lt;1&gt;</t>", "<c><v>3</v></c>", "<c><v>1.25</v></c>", "<t>.</t>"} {
		if !strings.Contains(sheet, want) {
			t.Errorf("sheet lacks %s:\n%s", want, sheet)
		}
	}
	if !strings.Contains(files["xl/workbook.xml"], `<sheet name="Zweite" sheetId="2" r:id="rId2"/>`) {
		t.Errorf("workbook: %s", files["xl/workbook.xml"])
	}
	if err := WriteXLSX(io.Discard, []Sheet{{"a/b", f}}); err == nil {
		t.Error("bad sheet name accepted")
	}
}
