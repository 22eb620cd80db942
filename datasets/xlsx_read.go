package datasets

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"

	"planatlas/lang"
)

// The limits of the workbook reader: whatever a file declares, planatlas
// reads no more than this (hostile or damaged input must not make it run
// out of memory or time). Excel's own limits are 1,048,576 rows and
// 16,384 columns (XFD) per sheet.
const (
	xlsxMaxPart    = 512 << 20 // bytes of one unpacked part (XML file)
	xlsxMaxParts   = 10000     // entries of the zip archive
	xlsxMaxStrings = 1 << 22   // shared strings
	xlsxMaxCells   = 1 << 24   // cells of a sheet, as written and as kept
	xlsxMaxRow     = 1 << 20   // the last row of a sheet: 1,048,576
	xlsxMaxCol     = 1 << 14   // the last column of a sheet: XFD, 16,384
	xlsxMaxText    = 4 * 32767 // bytes of a cell's text: Excel's limit is 32,767 characters
)

// XLSXRows is a sheet of a workbook read as a table of texts.
type XLSXRows struct {
	Sheet  string     // the sheet's name
	Header []string   // the first row that is not empty
	Rows   [][]string // the rows below it that are not empty, each at least as long as Header
	Lines  []int      // each row's number in the sheet (1-based), for messages
	Number [][]bool   // for each cell of Rows, whether it was a number cell (dates are not)
}

// ReadXLSXRows reads a sheet of an Excel workbook: the one named sheet,
// or the first visible worksheet if sheet is "". It returns the header, the rows below
// it and their numbers in the sheet; see ReadXLSX.
func ReadXLSXRows(r io.ReaderAt, size int64, name, sheet string) (header []string, rows [][]string, lines []int, err error) {
	t, err := ReadXLSX(r, size, name, sheet)
	if err != nil {
		return nil, nil, nil, err
	}
	return t.Header, t.Rows, t.Lines, nil
}

// ReadXLSX reads a sheet of an Excel workbook (Office Open XML,
// ECMA-376 Part 1: a zip archive of XML parts): the one named sheet (in
// any case), or the first visible worksheet if sheet is "" (hidden sheets
// and chart sheets are passed over). The sheet is found from xl/workbook.xml (its
// name, section 18.2.19) and the workbook's relationships (its part);
// texts come from the shared strings (18.4.9) or the cell itself. Every
// cell is read as text: strings as written (rich-text runs joined,
// phonetic runs left out), numbers in their shortest text ("240000",
// "0.5"), booleans as TRUE or FALSE, errors as written ("#DIV/0!"), and
// numbers whose cell style has a date format (styles.xml, 18.8.30) as the
// date YYYY-MM-DD (see ExcelDate). Cells the file leaves out are "".
// Rows without any text are left out; Lines gives the sheet's row
// numbers. Damaged or hostile files are an *InputError naming the file,
// sheet and cell: no part is read beyond 512 MiB unpacked, no sheet
// beyond 16 Mi cells or Excel's last row and column.
func ReadXLSX(r io.ReaderAt, size int64, name, sheet string) (_ *XLSXRows, err error) {
	defer recoverDamaged(name, "Excel", &err)
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, notAWorkbook(r, name)
	}
	if len(zr.File) > xlsxMaxParts {
		return nil, &InputError{File: name, M: lang.M("the workbook has more than %d parts", xlsxMaxParts)}
	}
	wb := &workbook{name: name, files: map[string]*zip.File{}}
	for _, f := range zr.File {
		wb.files[f.Name] = f
	}
	if err := wb.locate(); err != nil {
		return nil, err
	}
	target, sheet, err := wb.findSheet(sheet)
	if err != nil {
		return nil, err
	}
	if err := wb.readStyles(); err != nil {
		return nil, err
	}
	if err := wb.readSharedStrings(); err != nil {
		return nil, err
	}
	return wb.readSheet(target, sheet)
}

// notAWorkbook is the error of a file that is no zip archive, with a hint
// for the formats users mistake for one.
func notAWorkbook(r io.ReaderAt, name string) error {
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	if bytes.HasPrefix(head[:n], []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return &InputError{File: name, M: lang.M("an Excel 97–2003 workbook (.xls): save it as an Excel workbook (.xlsx) or as CSV")}
	}
	return &InputError{File: name, M: lang.M("not an Excel workbook (.xlsx, a zip archive): save it from the spreadsheet as .xlsx, or name a CSV file .csv")}
}

// workbook is the reader's state: the archive's parts and what was read
// from them.
type workbook struct {
	name     string
	files    map[string]*zip.File
	main     string   // the workbook part: xl/workbook.xml
	rels     []xmlRel // the workbook's relationships
	strings  []string // shared strings
	dates    []bool   // by cell style: whether its number format is a date
	date1904 bool     // serial numbers count from 1904 (old Mac workbooks)
}

// xmlRel is one relationship of a part (ECMA-376 Part 2, section 9.3).
type xmlRel struct{ id, typ, target string }

// locate finds the workbook part from the package's relationships
// (_rels/.rels), xl/workbook.xml if they do not name it, and reads the
// workbook's relationships.
func (wb *workbook) locate() error {
	wb.main = "xl/workbook.xml"
	if _, ok := wb.files["_rels/.rels"]; ok {
		rels, err := wb.readRels("_rels/.rels", "")
		if err != nil {
			return err
		}
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				wb.main = r.target
			}
		}
	}
	if _, ok := wb.files[wb.main]; !ok {
		return &InputError{File: wb.name, M: lang.M("not an Excel workbook: the part %s is missing", wb.main)}
	}
	relsName := path.Join(path.Dir(wb.main), "_rels", path.Base(wb.main)+".rels")
	if _, ok := wb.files[relsName]; !ok {
		return nil
	}
	rels, err := wb.readRels(relsName, path.Dir(wb.main))
	wb.rels = rels
	return err
}

// related returns the part of the workbook's first relationship of the
// type ending in suffix ("/sharedStrings"), or fallback.
func (wb *workbook) related(suffix, fallback string) string {
	for _, r := range wb.rels {
		if strings.HasSuffix(r.typ, suffix) {
			return r.target
		}
	}
	return fallback
}

// readRels reads a relationships part; targets are resolved against dir
// (ECMA-376 Part 2, section 9.3.2: relative to the source part's folder,
// or from the package root when they start with "/"). External targets
// are left out.
func (wb *workbook) readRels(part, dir string) ([]xmlRel, error) {
	var rels []xmlRel
	err := wb.scan(part, func(d *xml.Decoder, t xml.Token) error {
		se, ok := t.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			return nil
		}
		var r xmlRel
		external := false
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "Id":
				r.id = a.Value
			case "Type":
				r.typ = a.Value
			case "Target":
				r.target = a.Value
			case "TargetMode":
				external = a.Value == "External"
			}
		}
		if external {
			return nil
		}
		if strings.HasPrefix(r.target, "/") {
			r.target = strings.TrimPrefix(r.target, "/")
		} else {
			r.target = path.Join(dir, r.target)
		}
		if len(rels) < xlsxMaxParts {
			rels = append(rels, r)
		}
		return nil
	})
	return rels, err
}

// findSheet returns the part and name of the sheet named want, or of the
// first sheet if want is "".
func (wb *workbook) findSheet(want string) (string, string, error) {
	type entry struct {
		name, id string
		hidden   bool
	}
	var sheets []entry
	err := wb.scan(wb.main, func(d *xml.Decoder, t xml.Token) error {
		se, ok := t.(xml.StartElement)
		if !ok {
			return nil
		}
		switch se.Name.Local {
		case "sheet":
			var e entry
			for _, a := range se.Attr {
				switch {
				case a.Name.Local == "name":
					e.name = a.Value
				case a.Name.Local == "id" && a.Name.Space != "":
					e.id = a.Value
				case a.Name.Local == "state":
					e.hidden = a.Value == "hidden" || a.Value == "veryHidden"
				}
			}
			if len(sheets) < xlsxMaxParts {
				sheets = append(sheets, e)
			}
		case "workbookPr":
			for _, a := range se.Attr {
				if a.Name.Local == "date1904" {
					wb.date1904 = a.Value == "1" || a.Value == "true"
				}
			}
		}
		return nil
	})
	if err != nil {
		return "", "", err
	}
	if len(sheets) == 0 {
		return "", "", &InputError{File: wb.name, M: lang.M("the workbook has no sheets")}
	}
	pick := -1
	var names []string
	for i, s := range sheets {
		names = append(names, s.name)
		if pick < 0 && ((want == "" && !s.hidden && wb.isWorksheet(s.id)) || s.name == want) {
			pick = i
		}
	}
	if pick < 0 && want == "" {
		pick = 0 // no visible worksheet: the first sheet
	}
	if pick < 0 {
		for i, s := range sheets { // a sheet named in another case
			if pick < 0 && strings.EqualFold(s.name, want) {
				pick = i
			}
		}
	}
	if pick < 0 {
		return "", "", &InputError{File: wb.name, M: lang.M("the workbook has no sheet %q; its sheets: %s", want, strings.Join(names, ", "))}
	}
	s := sheets[pick]
	for _, r := range wb.rels {
		if r.id == s.id && s.id != "" {
			return r.target, s.name, nil
		}
	}
	return "", "", &InputError{File: wb.name, M: lang.M("sheet %q: the workbook does not say which part holds it", s.name)}
}

// isWorksheet reports whether the relationship id leads to a worksheet
// (not a chart sheet or dialog sheet).
func (wb *workbook) isWorksheet(id string) bool {
	for _, r := range wb.rels {
		if r.id == id {
			return strings.HasSuffix(r.typ, "/worksheet")
		}
	}
	return false
}

// errPartTooLarge is returned by a part's reader beyond xlsxMaxPart bytes.
var errPartTooLarge = errors.New("part too large")

// cappedReader fails once more than left bytes were read.
type cappedReader struct {
	r    io.Reader
	left int64
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return n, errPartTooLarge
	}
	return n, err
}

// scan streams the XML tokens of a part to visit, without recursion: an
// element's depth costs nothing. A part beyond xlsxMaxPart bytes
// unpacked, broken XML or a failing visit end the scan with an error
// naming the part.
func (wb *workbook) scan(part string, visit func(*xml.Decoder, xml.Token) error) error {
	f, ok := wb.files[part]
	if !ok {
		return &InputError{File: wb.name, M: lang.M("not an Excel workbook: the part %s is missing", part)}
	}
	rc, err := f.Open()
	if err != nil {
		return &InputError{File: wb.name, M: lang.M("damaged workbook: the part %s cannot be read: %v", part, err)}
	}
	// A zip part's Close reports nothing: its checksum is checked by the
	// last Read, whose error the scan returns.
	defer func() { _ = rc.Close() }()
	d := xml.NewDecoder(&cappedReader{r: rc, left: xlsxMaxPart})
	for {
		t, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if errors.Is(err, errPartTooLarge) {
			return &InputError{File: wb.name, M: lang.M("the part %s is larger than %d MiB unpacked", part, xlsxMaxPart>>20)}
		}
		if err != nil {
			return &InputError{File: wb.name, M: lang.M("damaged workbook: the part %s cannot be read: %v", part, err)}
		}
		if err := visit(d, t); err != nil {
			return err
		}
	}
}
