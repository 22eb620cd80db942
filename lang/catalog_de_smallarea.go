package lang

// germanSmallArea holds the German texts of the smallarea package's errors and notes;
// build merges it with germanErrors. Keep the entries sorted by key.
var germanSmallArea = map[string]string{
	"%d area(s) with a direct estimate for %d coefficient(s): the model needs more areas than coefficients": "%d Gebiet(e) mit direkter Schätzung für %d Koeffizient(en): das Modell braucht mehr Gebiete als Koeffizienten",
	"%d direct estimates, %d sampling variances and %d rows of covariates: each area needs one of each":     "%d direkte Schätzungen, %d Stichprobenvarianzen und %d Zeilen Kovariablen: jedes Gebiet braucht je eine",
	"area %d has a direct estimate but no value of covariate %d":                                            "Gebiet %d hat eine direkte Schätzung, aber keinen Wert der Kovariable %d",
	"area %d has neither a direct estimate nor covariate %d":                                                "Gebiet %d hat weder eine direkte Schätzung noch die Kovariable %d",
	"area %d has no direct estimate: the spatial model needs every area's":                                  "Gebiet %d hat keine direkte Schätzung: das räumliche Modell braucht die jedes Gebiets",
	"area %d: the direct estimate %g is not a finite number":                                                "Gebiet %d: die direkte Schätzung %g ist keine endliche Zahl",
	"area %d: the proximity to area %d is %g, not a number":                                                 "Gebiet %d: die Nachbarschaft zu Gebiet %d ist %g, keine Zahl",
	"area %d: the sampling variance %g is not a positive number":                                            "Gebiet %d: die Stichprobenvarianz %g ist keine positive Zahl",
	"no covariates: the model needs at least an intercept":                                                  "keine Kovariablen: das Modell braucht mindestens einen Achsenabschnitt",
	"no proximity matrix": "keine Nachbarschaftsmatrix",
	"the Fisher scoring for σ²_u (%s) broke down at iteration %d":                                                  "das Fisher-Scoring für σ²_u (%s) ist in Iteration %d zusammengebrochen",
	"the Fisher scoring for σ²_u (%s) did not converge in %d iterations":                                           "das Fisher-Scoring für σ²_u (%s) hat in %d Iterationen nicht konvergiert",
	"the Fisher scoring for σ²_u and ρ (%s) broke down at iteration %d":                                            "das Fisher-Scoring für σ²_u und ρ (%s) ist in Iteration %d zusammengebrochen",
	"the Fisher scoring for σ²_u and ρ (%s) did not converge in %d iterations":                                     "das Fisher-Scoring für σ²_u und ρ (%s) hat in %d Iterationen nicht konvergiert",
	"the covariates are collinear (X'V⁻¹X cannot be inverted): %v":                                                 "die Kovariablen sind kollinear (X'V⁻¹X ist nicht invertierbar): %v",
	"the estimate of σ²_u (%s) is %g, below 0, and was set to 0: every area's EBLUP is its synthetic estimate x'β": "die Schätzung von σ²_u (%s) ist %g, kleiner als 0, und wurde auf 0 gesetzt: der EBLUP jedes Gebiets ist seine synthetische Schätzung x'β",
	"the estimate of σ²_u (%s) is 0: every area's EBLUP is its synthetic estimate x'β":                             "die Schätzung von σ²_u (%s) ist 0: der EBLUP jedes Gebiets ist seine synthetische Schätzung x'β",
	"the information matrix of σ²_u and ρ is singular at the estimates: no MSE":                                    "die Informationsmatrix von σ²_u und ρ ist an den Schätzwerten singulär: kein MSE",
	"the matrix %s cannot be inverted: %v":                                                                         "die Matrix %s ist nicht invertierbar: %v",
	"the proximity matrix is %d×%d for %d areas":                                                                   "die Nachbarschaftsmatrix ist %d×%d für %d Gebiete",
	"the spatial autocorrelation ρ (%s) reached the bound %g of its range":                                         "die räumliche Autokorrelation ρ (%s) hat die Grenze %g ihres Bereichs erreicht",
	"the spatial model's variance is estimated by REML or ML, not %s":                                              "die Varianz des räumlichen Modells wird mit REML oder ML geschätzt, nicht mit %s",
	"unknown method %d for the variance of the area effects":                                                       "unbekannte Methode %d für die Varianz der Gebietseffekte",
}
