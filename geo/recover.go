package geo

import "planatlas/lang"

// recoverReader turns a panic while reading or checking the file name
// into a *FeatureError naming it, so that a file that trips a reader's bug
// ends as bad input of that file (exit code 2) rather than a crash. The
// readers build nothing that outlives them before they return, and read
// in the calling goroutine, so nothing is left half done.
func recoverReader(name string, err *error) {
	if p := recover(); p != nil {
		*err = &FeatureError{File: name, M: lang.M("planatlas's reader failed on this file (%v): please report it to the planatlas developers with the file; until then check the file in your GIS and export it again", p)}
	}
}
