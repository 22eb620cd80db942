package datasets

import (
	"encoding/xml"
	"strconv"
	"strings"

	"planatlas/lang"
)

// sheetReader is the state of reading a worksheet's <sheetData>
// (ECMA-376 Part 1, section 18.3.1.80): rows <row r="7"> of cells
// <c r="B7" t="s" s="3"><v>…</v></c> or <c t="inlineStr"><is><t>…</t></is></c>.
// Cells are kept sparsely, as read, until their row is known to hold
// text: rows and cells the file skips cost nothing.
type sheetReader struct {
	wb    *workbook
	sheet string
	out   *XLSXRows
	kept  int // cells kept in out, padding included
	seen  int // <c> elements read

	inData  bool
	row     int        // the current row's number
	cells   []xlsxCell // the current row's cells with text
	col     int        // the current cell's column (1-based); its predecessor's when between cells
	ref     string     // the current cell's reference, for messages
	typ     string     // its t attribute
	style   int        // its s attribute
	inValue bool       // in <v>, or in <t> of an inline string
	inline  int        // depth of <is> and phonetic runs: 1 in <is>, more in <rPh>
	text    strings.Builder
	hasText bool
}

type xlsxCell struct {
	col    int
	text   string
	number bool
}

// readSheet reads the sheet's part into rows of texts.
func (wb *workbook) readSheet(part, sheet string) (*XLSXRows, error) {
	s := &sheetReader{wb: wb, sheet: sheet, out: &XLSXRows{Sheet: sheet}}
	err := wb.scan(part, func(_ *xml.Decoder, t xml.Token) error {
		switch t := t.(type) {
		case xml.StartElement:
			return s.start(t)
		case xml.EndElement:
			return s.end(t)
		case xml.CharData:
			if s.inValue {
				if s.text.Len()+len(t) > xlsxMaxText {
					return s.fail(lang.M("the text is longer than a spreadsheet cell holds (32767 characters)"))
				}
				s.text.Write(t)
				s.hasText = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if s.out.Header == nil {
		return nil, &InputError{File: wb.name, M: lang.M("sheet %q is empty", sheet)}
	}
	return s.out, nil
}

// fail is an error at the current row (and cell, if in one).
func (s *sheetReader) fail(m lang.Message) error {
	if s.ref != "" {
		return &InputError{File: s.wb.name, M: lang.M("sheet %q, cell %s: %v", s.sheet, s.ref, m)}
	}
	return &InputError{File: s.wb.name, M: lang.M("sheet %q, row %d: %v", s.sheet, lang.Digits(s.row), m)}
}

func (s *sheetReader) start(t xml.StartElement) error {
	switch t.Name.Local {
	case "sheetData":
		s.inData = true
	case "row":
		if !s.inData {
			return nil
		}
		next := s.row + 1
		if r := attr(t, "r"); r != "" {
			n, err := strconv.Atoi(r)
			if err != nil || n < next || n > xlsxMaxRow {
				return &InputError{File: s.wb.name, M: lang.M("sheet %q: row number %q after row %d: rows are numbered 1 to 1048576, in order", s.sheet, r, lang.Digits(s.row))}
			}
			next = n
		}
		s.row, s.col, s.cells = next, 0, s.cells[:0]
		if s.row > xlsxMaxRow {
			return s.fail(lang.M("more than 1048576 rows"))
		}
	case "c":
		if s.inData {
			return s.startCell(t)
		}
	case "v":
		s.inValue = s.ref != "" && s.inline == 0
	case "is":
		s.inline = 1
	case "rPh":
		if s.inline > 0 {
			s.inline++
		}
	case "t":
		s.inValue = s.ref != "" && s.inline == 1
	}
	return nil
}

func (s *sheetReader) end(t xml.EndElement) error {
	switch t.Name.Local {
	case "sheetData":
		s.inData = false
	case "row":
		if s.inData {
			return s.endRow()
		}
	case "c":
		if s.ref != "" {
			return s.endCell()
		}
	case "v", "t":
		s.inValue = false
	case "is":
		s.inline = 0
	case "rPh":
		if s.inline > 1 {
			s.inline--
		}
	}
	return nil
}

// startCell reads a cell's reference, type and style.
func (s *sheetReader) startCell(t xml.StartElement) error {
	if s.row == 0 {
		s.row = 1 // a cell outside any row: the first row
	}
	s.seen++
	if s.seen > xlsxMaxCells {
		return s.fail(lang.M("the sheet has more than %d cells", xlsxMaxCells))
	}
	col := s.col + 1
	ref := attr(t, "r")
	if ref != "" {
		c, ok := columnOf(ref)
		if !ok {
			return s.fail(lang.M("%q is not a cell reference (A1 to XFD1048576)", ref))
		}
		if c < col {
			return s.fail(lang.M("cell %s comes after column %s: cells are in column order", ref, columnName(s.col)))
		}
		col = c
	}
	if col > xlsxMaxCol {
		return s.fail(lang.M("more than 16384 columns (the last is XFD)"))
	}
	s.col = col
	s.ref = columnName(col) + strconv.Itoa(s.row)
	s.typ = attr(t, "t")
	s.style, _ = strconv.Atoi(attr(t, "s"))
	s.text.Reset()
	s.hasText, s.inValue, s.inline = false, false, 0
	return nil
}

// endCell turns the cell's value into its text by its type (section
// 18.18.11): s shared string, str formula text, inlineStr, b boolean,
// e error, n or none a number.
func (s *sheetReader) endCell() error {
	v := s.text.String()
	c := xlsxCell{col: s.col}
	switch s.typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(s.wb.strings) {
			return s.fail(lang.M("shared string %q does not exist (the workbook has %d)", v, len(s.wb.strings)))
		}
		c.text = s.wb.strings[i]
	case "str", "inlineStr", "e", "d": // d: an ISO 8601 date (strict Office Open XML)
		c.text = v
	case "b":
		switch strings.TrimSpace(v) {
		case "1", "true":
			c.text = "TRUE"
		case "0", "false":
			c.text = "FALSE"
		case "":
		default:
			return s.fail(lang.M("%q is not a boolean (0 or 1)", v))
		}
	case "n", "":
		if !s.hasText || strings.TrimSpace(v) == "" {
			break
		}
		x, text, ok := excelNumber(v)
		if !ok {
			return s.fail(lang.M("%q is not a number", v))
		}
		c.text, c.number = text, true
		if s.style >= 0 && s.style < len(s.wb.dates) && s.wb.dates[s.style] {
			if d, ok := ExcelDate(x, s.wb.date1904); ok {
				c.text, c.number = d, false
			}
		}
	default:
		return s.fail(lang.M("unknown cell type %q", s.typ))
	}
	s.ref = ""
	if strings.TrimSpace(c.text) != "" {
		s.cells = append(s.cells, c)
	}
	return nil
}

// endRow keeps a row that holds text: as the header if it is the first,
// else padded with "" to the header's width.
func (s *sheetReader) endRow() error {
	if len(s.cells) == 0 {
		return nil
	}
	width := s.cells[len(s.cells)-1].col
	if s.out.Header != nil {
		width = max(width, len(s.out.Header))
	}
	s.kept += width
	if s.kept > xlsxMaxCells {
		return s.fail(lang.M("the sheet has more than %d cells", xlsxMaxCells))
	}
	texts, numbers := make([]string, width), make([]bool, width)
	for _, c := range s.cells {
		texts[c.col-1], numbers[c.col-1] = c.text, c.number
	}
	if s.out.Header == nil {
		s.out.Header = texts
		return nil
	}
	s.out.Rows = append(s.out.Rows, texts)
	s.out.Number = append(s.out.Number, numbers)
	s.out.Lines = append(s.out.Lines, s.row)
	return nil
}

// columnOf returns the column of a cell reference such as B7 or XFD1:
// one to three capital letters (A = 1, Z = 26, AA = 27, …, XFD = 16384)
// followed by a row number.
func columnOf(ref string) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		if i == 3 {
			return 0, false
		}
		col = col*26 + int(ref[i]-'A'+1)
	}
	if i == 0 || col > xlsxMaxCol {
		return 0, false
	}
	row, err := strconv.Atoi(ref[i:])
	if err != nil || row < 1 || row > xlsxMaxRow || ref[i] == '+' {
		return 0, false
	}
	return col, true
}

// columnName is the letters of a column (1 = A); "" for 0.
func columnName(col int) string {
	var b []byte
	for ; col > 0; col = (col - 1) / 26 {
		b = append([]byte{byte('A' + (col-1)%26)}, b...)
	}
	return string(b)
}
