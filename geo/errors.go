package geo

import (
	"fmt"
	"strings"

	"planatlas/lang"
)

// FeatureError is a problem with one feature of a geometry file. Its
// message names the file, the feature (by position from 1 and by key
// where known) and the field.
type FeatureError struct {
	File    string
	Feature int          // 1-based position in the file; 0 if the problem is the whole file
	Key     string       // the feature's key, if it has one
	Field   string       // property or member, if one is at fault
	Msg     string       // what is wrong, in English (if M is empty)
	M       lang.Message // what is wrong, in the reader's language
}

// Text is what is wrong, in English, without the file and feature.
func (e *FeatureError) Text() string {
	if e.M.Format == "" {
		return e.Msg
	}
	return e.M.String()
}

func (e *FeatureError) Error() string { return e.text(nil) }

// Localize renders the error in the printer's language.
func (e *FeatureError) Localize(p *lang.Printer) string { return e.text(p) }

func (e *FeatureError) text(p *lang.Printer) string {
	render := func(m lang.Message) string {
		if p == nil {
			return m.String()
		}
		return p.Message(lang.M(m.Format, lang.IntsAsDigits(m.Args)...))
	}
	s := e.File
	if e.Feature > 0 {
		if e.Key != "" {
			s += ": " + render(lang.M("feature %d (key %q)", e.Feature, e.Key))
		} else {
			s += ": " + render(lang.M("feature %d", e.Feature))
		}
	}
	if e.Field != "" {
		s += fmt.Sprintf(": %q", e.Field)
	}
	msg := e.Msg
	if e.M.Format != "" {
		msg = render(e.M)
	}
	return s + ": " + msg
}

// BadInput reports that the error is caused by the input; the command
// line exits with code 2 for such errors.
func (e *FeatureError) BadInput() bool { return true }

// JoinError lists the keys that do not match between the geometries and
// the data.
type JoinError struct {
	GeomFile string
	OnlyData []string       // keys in the data without a geometry, with where they were seen
	OnlyGeom []lang.Message // keys with a geometry but no data, with their feature
	Hint     lang.Message
}

func (e *JoinError) Error() string { return e.m().String() }

// Localize renders the error in the printer's language.
func (e *JoinError) Localize(p *lang.Printer) string { return p.Message(e.m()) }

func (e *JoinError) m() lang.Message {
	var data, geom, hint lang.Message
	if len(e.OnlyData) > 0 {
		data = lang.M("; %d area(s) in the data have no geometry: %s", len(e.OnlyData), some(e.OnlyData, 8))
	}
	if len(e.OnlyGeom) > 0 {
		geom = lang.M("; %d area(s) in %s have no data: %s", len(e.OnlyGeom), e.GeomFile, some(e.OnlyGeom, 8))
	}
	if e.Hint.Format != "" {
		hint = lang.M("; %s", e.Hint)
	}
	return lang.M("the areas of the data and of %s do not match%s%s%s", e.GeomFile, data, geom, hint)
}

// BadInput reports that the error is caused by the input.
func (e *JoinError) BadInput() bool { return true }

// some returns the first n items, and how many more there are.
func some[T any](items []T, n int) list {
	var out list
	for i, it := range items {
		if i == n {
			out = append(out, fmt.Sprintf("… +%d", len(items)-n))
			break
		}
		out = append(out, it)
	}
	return out
}

// list is a list of texts, each a string or a lang.Message, written
// separated by commas in the reader's language.
type list []any

func (l list) String() string { return l.Localize(nil) }

// Localize renders the list with p, or in English if p is nil.
func (l list) Localize(p *lang.Printer) string {
	parts := make([]string, len(l))
	for i, it := range l {
		switch v := it.(type) {
		case lang.Message:
			if p == nil {
				parts[i] = v.String()
			} else {
				parts[i] = p.Message(v)
			}
		default:
			parts[i] = fmt.Sprint(v)
		}
	}
	return strings.Join(parts, ", ")
}
