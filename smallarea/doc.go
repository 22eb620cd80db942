// Package smallarea estimates means or totals of small areas from their
// direct survey estimates with the area-level model of Fay and Herriot
// (1979), and its spatial variant with simultaneously autoregressive
// (SAR) area effects (Petrucci and Salvati 2006; Pratesi and Salvati
// 2008): the empirical best linear unbiased predictor (EBLUP) of each
// area and the estimate of its mean squared error (Prasad and Rao 1990;
// Datta and Lahiri 2000; Singh, Shukla and Kundu 2005). docs/methods.md
// section 13 states every formula.
//
// Why: a planning area's survey sample is often too small for its direct
// estimate to be useful on its own. The Fay–Herriot model borrows
// strength from a regression on covariates known for every area (census
// or register counts): each area's EBLUP is a weighted mean of its
// direct estimate and the regression's synthetic estimate, with the
// weight of the direct estimate, γ_d = σ²_u / (σ²_u + ψ_d), the larger the
// more precise it is. An area without a sample gets the synthetic
// estimate.
//
// The package reproduces the R package sae 1.3 (Molina and Marhuenda
// 2015): eblupFH and mseFH (methods REML, ML and FH), eblupSFH and
// mseSFH (REML and ML), with sae's Fisher scoring — the same starting
// values, stopping rule, iteration limit and truncation of σ²_u at 0 —
// so that a plan's numbers are those a statistician gets from sae. The
// tests hold it to sae's results on sae's own data (milk, grapes) to a
// relative 1e-6, from numbers committed in testdata.
//
// Like projection, it knows nothing of tables, plans or geometry: slices
// and gonum matrices in, estimates out. It does not check that the
// proximity matrix of the spatial model is row-standardised; sae's
// examples use such a matrix, and the callers build it.
package smallarea
