// Package analysis turns indicator values into the statements a social
// plan makes: standardised scores, composite indices, rankings with the
// indicators that drive them, and classes for maps.
//
// Functions here work on one value per area ([]float64, NaN for
// missing) on the Panel's area order, so they compose with gonum and
// with each other; they never reorder areas. Methods that have a
// published definition follow it to the last digit (see METHODS.md in
// the project's shared documents): z-scores use the population standard
// deviation (divide by n) as Berlin's social monitoring does; quantile
// class bounds interpolate linearly as numpy and mapclassify do.
package analysis
