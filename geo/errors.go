package geo

import "fmt"

// FeatureError is a problem with one feature of a geometry file. Its
// message names the file, the feature (by position from 1 and by key
// where known) and the field.
type FeatureError struct {
	File    string
	Feature int    // 1-based position in the file; 0 if the problem is the whole file
	Key     string // the feature's key, if it has one
	Field   string // property or member, if one is at fault
	Msg     string
}

func (e *FeatureError) Error() string {
	s := e.File
	if e.Feature > 0 {
		s += fmt.Sprintf(": feature %d", e.Feature)
		if e.Key != "" {
			s += fmt.Sprintf(" (key %q)", e.Key)
		}
	}
	if e.Field != "" {
		s += fmt.Sprintf(": %q", e.Field)
	}
	return s + ": " + e.Msg
}

// BadInput reports that the error is caused by the input; the command
// line exits with code 2 for such errors.
func (e *FeatureError) BadInput() bool { return true }

// JoinError lists the keys that do not match between the geometries and
// the data.
type JoinError struct {
	GeomFile string
	OnlyData []string // keys in the data without a geometry, with where they were seen
	OnlyGeom []string // keys with a geometry but no data
	Hint     string
}

func (e *JoinError) Error() string {
	s := fmt.Sprintf("the areas of the data and of %s do not match", e.GeomFile)
	if len(e.OnlyData) > 0 {
		s += fmt.Sprintf("; %d area(s) in the data have no geometry: %s", len(e.OnlyData), some(e.OnlyData, 8))
	}
	if len(e.OnlyGeom) > 0 {
		s += fmt.Sprintf("; %d area(s) in %s have no data: %s", len(e.OnlyGeom), e.GeomFile, some(e.OnlyGeom, 8))
	}
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s
}

// BadInput reports that the error is caused by the input.
func (e *JoinError) BadInput() bool { return true }

func some(items []string, n int) string {
	s := ""
	for i, it := range items {
		if i == n {
			return s + fmt.Sprintf(" and %d more", len(items)-n)
		}
		if i > 0 {
			s += ", "
		}
		s += it
	}
	return s
}
