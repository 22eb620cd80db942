// Package projection projects the population of planning areas by single
// year of age and sex: the cohort-component method (survival from a life
// table, births from age-specific fertility, net migration given or by
// the residual method), the Leslie matrix and Lotka's intrinsic growth
// rate that check it, and the measures of a backtest (MAPE, MALPE against
// the constant and the linear-trend baselines). docs/methods.md section
// 11 states every formula; the code cites it.
//
// It sits beside analysis: it knows nothing of tables, plans or areas'
// geometry, only arrays of counts, so that the plan can project 10,000
// areas in the time a table takes to write, and a test can check the
// arithmetic against an independent implementation.
package projection
