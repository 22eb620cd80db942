package datasets

import (
	"fmt"

	"planatlas/lang"
)

// SavDictionary is what an SPSS system file says about its variables:
// names, labels, formats, value labels, user-missing values and
// measurement levels, as read by ReadSavDictionary and ReadSav. Texts are
// decoded to UTF-8 from the file's encoding.
type SavDictionary struct {
	Product     string  // the program that wrote the file ("@(#) SPSS DATA FILE GNU pspp 1.6.2 ...")
	Label       string  // the file label
	Encoding    string  // the character encoding of the file's texts, as the file names it ("UTF-8", "windows-1252"), or as inferred
	Compression int     // 0 none, 1 bytecode, 2 ZSAV (zlib over bytecode)
	BigEndian   bool    // the file was written on a big-endian machine
	Cases       int     // number of cases the header declares; -1 if it does not say
	Weight      string  // name of the weight variable; "" if the file is unweighted
	Bias        float64 // compression bias (100 in every file seen)
	Variables   []SavVariable
	// Notes are inconsistencies in optional records that the reader
	// ignored (a label record for a variable the file does not have); the
	// data are read as written.
	Notes []lang.Message

	text     savText // decodes the file's texts
	sysmis   float64 // the system-missing value, usually -DBL_MAX
	elements int     // 8-byte elements per case
}

// SavVariable is one variable of an SPSS system file. A string longer
// than 255 bytes, which the file stores as several segments, is one
// variable here.
type SavVariable struct {
	Name        string // the long name (subtype 13), as the user sees it
	ShortName   string // the 8-byte name of the variable record
	Label       string
	Width       int // 0 for a numeric variable, else the string's width in bytes
	Print       SavFormat
	Write       SavFormat
	Measure     SavMeasure
	ValueLabels []SavValueLabel
	Missing     SavMissing

	offset   int   // first 8-byte element of the case
	segments []int // widths of the stored segments of a string (one for strings up to 255 bytes)
}

// IsString reports whether v holds text.
func (v *SavVariable) IsString() bool { return v.Width > 0 }

// SavValueLabel labels one value of a variable: Value for a numeric
// variable, Text (without trailing blanks) for a string.
type SavValueLabel struct {
	Value float64
	Text  string
	Label string
}

// SavMissing are a variable's user-missing values: discrete values
// (numbers, or Texts for a string variable) and for numeric variables
// optionally the range Low..High (Low is -Inf for "LO THRU x", High
// +Inf for "x THRU HI").
type SavMissing struct {
	Values    []float64
	Texts     []string
	Range     bool
	Low, High float64
}

// Is reports whether v is one of the numeric user-missing values.
func (m SavMissing) Is(v float64) bool {
	if m.Range && v >= m.Low && v <= m.High {
		return true
	}
	for _, x := range m.Values {
		if v == x {
			return true
		}
	}
	return false
}

// SavMeasure is a variable's measurement level (subtype 11 record).
type SavMeasure int

// The measurement levels SPSS knows.
const (
	MeasureUnknown SavMeasure = iota
	MeasureNominal
	MeasureOrdinal
	MeasureScale
)

func (m SavMeasure) String() string {
	switch m {
	case MeasureNominal:
		return "nominal"
	case MeasureOrdinal:
		return "ordinal"
	case MeasureScale:
		return "scale"
	}
	return "unknown"
}

// SavFormat is a print or write format: type code, width and decimals,
// as in "F8.2", "N4" or "A40" (IBM SPSS Statistics, Command Syntax
// Reference, "Variable Types and Formats").
type SavFormat struct {
	Type     int
	Width    int
	Decimals int
}

// savFormatNames are the format type codes of the system file format
// (GNU PSPP Developers Guide, "Variable Record").
var savFormatNames = map[int]string{
	1: "A", 2: "AHEX", 3: "COMMA", 4: "DOLLAR", 5: "F", 6: "IB", 7: "PIBHEX", 8: "P",
	9: "PIB", 10: "PK", 11: "RB", 12: "RBHEX", 15: "Z", 16: "N", 17: "E", 20: "DATE",
	21: "TIME", 22: "DATETIME", 23: "ADATE", 24: "JDATE", 25: "DTIME", 26: "WKDAY",
	27: "MONTH", 28: "MOYR", 29: "QYR", 30: "WKYR", 31: "PCT", 32: "DOT", 33: "CCA",
	34: "CCB", 35: "CCC", 36: "CCD", 37: "CCE", 38: "EDATE", 39: "SDATE", 40: "MTIME", 41: "YMDHMS",
}

// Name returns the format's type name ("F", "N", "A").
func (f SavFormat) Name() string {
	if n, ok := savFormatNames[f.Type]; ok {
		return n
	}
	return fmt.Sprintf("type%d", f.Type)
}

func (f SavFormat) String() string {
	if f.Decimals > 0 {
		return fmt.Sprintf("%s%d.%d", f.Name(), f.Width, f.Decimals)
	}
	return fmt.Sprintf("%s%d", f.Name(), f.Width)
}

// savFormatOf unpacks the packed int32 of a variable record: type,
// width and decimals in the upper three bytes.
func savFormatOf(p int32) SavFormat {
	u := uint32(p)
	return SavFormat{Type: int(u >> 16 & 0xff), Width: int(u >> 8 & 0xff), Decimals: int(u & 0xff)}
}

// Names returns the variables' names in file order.
func (d *SavDictionary) Names() []string {
	out := make([]string, len(d.Variables))
	for i, v := range d.Variables {
		out[i] = v.Name
	}
	return out
}

// Variable returns the variable of the given (long) name, or nil.
func (d *SavDictionary) Variable(name string) *SavVariable {
	for i := range d.Variables {
		if d.Variables[i].Name == name {
			return &d.Variables[i]
		}
	}
	return nil
}

// LabelOf returns the value label of a numeric variable for x, "" if none.
func (v *SavVariable) LabelOf(x float64) string {
	for _, l := range v.ValueLabels {
		if !v.IsString() && l.Value == x {
			return l.Label
		}
	}
	return ""
}
