package datasets

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// Sheet is one named table of a workbook.
type Sheet struct {
	Name  string // at most 31 characters, without []:*?/\
	Frame *Frame
}

// WriteXLSX writes the frames as an Excel workbook (Office Open XML), one
// sheet per frame: headings in the first row, numbers as numbers (at full
// precision; the spreadsheet formats them in the reader's locale), text as
// text, and a hidden or missing value as its official sign ("." for
// confidential). The file is the same bytes for the same frames: every
// part has a fixed time stamp.
func WriteXLSX(w io.Writer, sheets []Sheet) error {
	for _, s := range sheets {
		if err := s.Frame.check(); err != nil {
			return err
		}
		if len(s.Name) == 0 || len([]rune(s.Name)) > 31 || strings.ContainsAny(s.Name, `[]:*?/\`) {
			return fmt.Errorf("sheet name %q: 1 to 31 characters without []:*?/\\", s.Name)
		}
	}
	zw := zip.NewWriter(w)
	stamp := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	part := func(name string, fill func(*bufio.Writer)) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return err
		}
		bw := bufio.NewWriter(f)
		bw.WriteString(xml.Header)
		fill(bw)
		return bw.Flush()
	}
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	const rel = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	err := part("[Content_Types].xml", func(b *bufio.Writer) {
		b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
		b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
		b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
		b.WriteString(`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`)
		for i := range sheets {
			fmt.Fprintf(b, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		}
		b.WriteString(`</Types>`)
	})
	if err == nil {
		err = part("_rels/.rels", func(b *bufio.Writer) {
			fmt.Fprintf(b, `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>`, rel)
		})
	}
	if err == nil {
		err = part("xl/workbook.xml", func(b *bufio.Writer) {
			fmt.Fprintf(b, `<workbook %s xmlns:r="%s"><sheets>`, ns, rel)
			for i, s := range sheets {
				fmt.Fprintf(b, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, xmlText(s.Name), i+1, i+1)
			}
			b.WriteString(`</sheets></workbook>`)
		})
	}
	if err == nil {
		err = part("xl/_rels/workbook.xml.rels", func(b *bufio.Writer) {
			b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
			for i := range sheets {
				fmt.Fprintf(b, `<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, rel, i+1)
			}
			b.WriteString(`</Relationships>`)
		})
	}
	for i, s := range sheets {
		if err != nil {
			break
		}
		f := s.Frame
		err = part(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), func(b *bufio.Writer) {
			fmt.Fprintf(b, `<worksheet %s><sheetData>`, ns)
			str := func(v string) {
				fmt.Fprintf(b, `<c t="inlineStr"><is><t>%s</t></is></c>`, xmlText(v))
			}
			b.WriteString(`<row>`)
			for k := range f.Cols {
				h := f.Names[k]
				if k < len(f.Heads) && f.Heads[k] != "" {
					h = f.Heads[k]
				}
				str(h)
			}
			b.WriteString(`</row>`)
			for r := 0; r < f.Len(); r++ {
				b.WriteString(`<row>`)
				for _, c := range f.Cols {
					switch c := c.(type) {
					case Text:
						str(c[r])
					case Coded:
						str(c.At(r))
					case Int:
						fmt.Fprintf(b, `<c><v>%d</v></c>`, c[r])
					case Float:
						if v, ok := c.published(r); ok && !math.IsInf(v, 0) {
							fmt.Fprintf(b, `<c><v>%s</v></c>`, strconv.FormatFloat(v, 'g', -1, 64))
						} else {
							str(c.flag(r).Sign())
						}
					}
				}
				b.WriteString(`</row>`)
			}
			b.WriteString(`</sheetData></worksheet>`)
		})
	}
	if err != nil {
		return err
	}
	return zw.Close()
}

func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder does not fail
	return b.String()
}
