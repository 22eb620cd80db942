// Package survey estimates means, totals and proportions from survey
// microdata by design-based inference, as R's survey package (Lumley
// 2010, version 4.1) does: the numbers are the same to 1e-9, checked
// against R on the package's api data (testdata/survey_reference.R).
//
// A municipal survey is rarely a simple random sample: addresses are
// drawn per district (strata), sometimes by buildings or blocks
// (clusters), with different fractions, and the answers are then
// weighted to the register's age × sex counts. Treating the weighted
// answers as independent observations understates the uncertainty of a
// district's share by the design effect; the package computes the
// variance the design implies.
//
// A Design holds the sampling weights, the strata, the primary sampling
// units (one stage, nested in the strata) and the finite population
// correction. Means are ratio estimators Σwy/Σw; their variance is the
// Taylor linearisation (Binder 1983): the weighted influence values are
// summed per PSU and their spread around the stratum mean gives the
// variance with the usual n_h/(n_h − 1) and 1 − n_h/N_h factors. A
// domain (a planning area, a district) is estimated with the full
// design, its influence values zero outside; missing values (NaN) make
// the same kind of domain, as R's na.rm = TRUE.
//
// Weighting — PostStratify, Rake, Calibrate (Deville and Särndal 1992)
// and TrimWeights — returns a new Design that remembers the step, so
// that the variance uses the residuals of the weighting model, which
// is what makes post-stratified and calibrated estimates more precise.
// CIProp gives the logit, Korn–Graubard (1998) beta and Wald intervals
// of a proportion on the design's degrees of freedom.
//
// The package knows nothing of files or plans: slices in, estimates
// out. docs/methods.md section 12 states the formulas.
package survey
