package geo

import (
	"math"
	"math/big"

	"github.com/paulmach/orb"
)

// orientErrBound bounds the rounding error of the floating-point
// determinant in orientation relative to the sum of the magnitudes of its
// two products: (3 + 16ε)ε with ε = 2⁻⁵³, Shewchuk's ccwerrboundA
// ("Adaptive Precision Floating-Point Arithmetic and Fast Robust
// Geometric Predicates", 1997).
const orientErrBound = (3 + 16*0x1p-53) * 0x1p-53

// orientation reports on which side of the directed line a→b the point c
// lies: +1 left (a, b, c turn counter-clockwise), -1 right, 0 on the line.
// The answer is exact. The sweep that checks validity orders segments by
// it, and an order built from rounded answers can contradict itself and
// miss a crossing.
//
// The floating-point determinant decides when its magnitude exceeds the
// error bound; that is almost always. Exactly collinear points on an
// axis-parallel line are recognised by a zero factor; other near-ties
// are decided exactly by orientationExact.
func orientation(a, b, c orb.Point) int {
	ax, ay := a[0]-c[0], a[1]-c[1]
	bx, by := b[0]-c[0], b[1]-c[1]
	if (ax == 0 || by == 0) && (ay == 0 || bx == 0) {
		// Both products are exactly zero: a float difference is zero only
		// if the coordinates are equal.
		return 0
	}
	l, r := ax*by, ay*bx
	det := l - r
	sum := math.Abs(l) + math.Abs(r)
	// Far from underflow and overflow the bound holds; elsewhere the exact
	// path decides.
	if sum > 0x1p-900 && sum < 0x1p900 && math.Abs(det) > orientErrBound*sum {
		if det > 0 {
			return 1
		}
		return -1
	}
	return orientationExact(a, b, c)
}

// orientationExact decides orientation exactly. Where the coordinate
// differences are exact, as they are for the projected coordinates of one
// city (Sterbenz: floats within a factor of two of each other subtract
// exactly), each product is its rounded value plus its rounding error
// (math.FMA), and the sign of the sum of these four terms is found with
// error-free additions (Shewchuk's expansions). Otherwise rational
// arithmetic decides, which represents every finite float64 exactly.
func orientationExact(a, b, c orb.Point) int {
	ax, e1 := twoDiff(a[0], c[0])
	ay, e2 := twoDiff(a[1], c[1])
	bx, e3 := twoDiff(b[0], c[0])
	by, e4 := twoDiff(b[1], c[1])
	if e1 != 0 || e2 != 0 || e3 != 0 || e4 != 0 {
		return orientationRat(a, b, c)
	}
	l, r := ax*by, ay*bx
	return expansionSign(l, math.FMA(ax, by, -l), -r, -math.FMA(ay, bx, -r))
}

// twoDiff returns a-b rounded and its rounding error (Knuth).
func twoDiff(a, b float64) (float64, float64) {
	x := a - b
	bv := a - x
	av := x + bv
	return x, (a - av) + (bv - b)
}

// twoSum returns a+b rounded and its rounding error (Knuth).
func twoSum(a, b float64) (float64, float64) {
	x := a + b
	bv := x - a
	av := x - bv
	return x, (a - av) + (b - bv)
}

// expansionSign returns the sign of the exact sum of four floats. It
// keeps the sum as an expansion: non-overlapping components of increasing
// magnitude, to which each term is added without error (Shewchuk's
// Grow-Expansion with zero elimination); the largest component has the
// sign of the sum.
func expansionSign(terms ...float64) int {
	var h [4]float64
	n := 0
	for _, q := range terms {
		m := 0
		for i := 0; i < n; i++ {
			var e float64
			q, e = twoSum(q, h[i])
			if e != 0 {
				h[m] = e
				m++
			}
		}
		if q != 0 {
			h[m] = q
			m++
		}
		n = m
	}
	if n == 0 {
		return 0
	}
	return sign(h[n-1])
}

// orientationRat is orientation in rational arithmetic. Non-finite
// coordinates give 0.
func orientationRat(a, b, c orb.Point) int {
	var v [6]big.Rat
	for i, f := range [6]float64{a[0], a[1], b[0], b[1], c[0], c[1]} {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return 0
		}
		v[i].SetFloat64(f)
	}
	var ax, ay, bx, by, l, r big.Rat
	ax.Sub(&v[0], &v[4])
	ay.Sub(&v[1], &v[5])
	bx.Sub(&v[2], &v[4])
	by.Sub(&v[3], &v[5])
	l.Mul(&ax, &by)
	r.Mul(&ay, &bx)
	return l.Cmp(&r)
}

func sign(f float64) int {
	switch {
	case f > 0:
		return 1
	case f < 0:
		return -1
	}
	return 0
}
