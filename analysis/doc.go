// Package analysis turns indicator values into the statements a social
// plan makes: standardised scores, composite indices, rankings with the
// indicators that drive them and how sure each rank is, trends, classes
// for maps, goals, and spatial statistics.
//
// Functions here work on one value per area ([]float64, NaN for
// missing) on the Panel's area order, so they compose with gonum and
// with each other; they never reorder areas. Methods that have a
// published definition follow it to the last digit (docs/methods.md in
// the repository gives each with its formula and source), and their
// tests check them against the published data in testdata/reference and
// examples/berlin/data or against the peers' output kept in testdata:
//
//   - indices: weighted z-sums (population sd, as Berlin's social
//     monitoring), Berlin's MSS (ComputeMSS), CDC's SVI (ComputeSVI),
//     England's IMD (IMD, ExponentialTransform), principal components
//     (ComputePCA);
//   - trends: OLS with standard error, Theil–Sen, Mann–Kendall with tie
//     correction, growth rate (ComputeTrend), and goal assessment after
//     Germany's sustainability strategy (AssessGoal);
//   - classes: quantiles as numpy and mapclassify, equal intervals,
//     exact Fisher–Jenks, head/tail, maximum breaks, box plot (classInt);
//   - spatial statistics on geo.Weights as R spdep: Moran's I with both
//     variances, Geary's C, General G, join counts, EB-rate Moran, local
//     Moran and Getis–Ord G_i/G_i*, with permutation tests whose draws
//     are seeded per block or area, so that the result does not depend
//     on the number of threads.
package analysis
