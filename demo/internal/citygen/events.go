package citygen

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
)

// events are an area's register events of one year as a population
// register exports them: deaths and in- and out-moves by sex and by age
// at the end of the year (the age of the birth cohort, year minus year
// of birth), and births by the mother's age at the start of the year.
// They balance exactly: a cohort's residents at the end of the year are
// those at its start less deaths and out-moves plus in-moves (births
// instead of the start for age 0).
type events struct {
	deaths, in, out population
	births          [nAges]int
}

// turnover is the share of an age's residents that moves out of its
// planning area within a year (to another area or out of the city):
// young adults move most, the old least.
func turnover(a int) float64 {
	switch {
	case a < 6:
		return 0.08
	case a < 18:
		return 0.05
	case a < 30:
		return 0.15
	case a < 45:
		return 0.09
	case a < 65:
		return 0.04
	}
	return 0.03
}

// decompose splits the change of an area's population from prev to next
// (one step of step) into register events. It draws from its own random
// stream, so the population series stays the same with or without it.
func decompose(rng *rand.Rand, k kind, prev, next population) events {
	var e events
	var bornBySex [2]int
	births := 0.0
	for a := 15; a <= 49; a++ {
		births += float64(prev[1][a]) * fertility(k, a)
	}
	for s := 0; s < 2; s++ {
		male := s == 0
		share := 0.513
		if !male {
			share = 1 - share
		}
		for a := 0; a < nAges; a++ {
			var start, q float64
			switch {
			case a == 0:
				bornBySex[s] = roundRandom(rng, births*share)
				start, q = float64(bornBySex[s]), deathRate(0, male)/2
			case a == nAges-1:
				start, q = float64(prev[s][a-1]+prev[s][a]), deathRate(a-1, male)
			default:
				start, q = float64(prev[s][a-1]), deathRate(a-1, male)
			}
			d := min(roundRandom(rng, start*q), int(start))
			net := next[s][a] - (int(start) - d)
			out := max(roundRandom(rng, start*turnover(a)), -net)
			e.deaths[s][a], e.out[s][a], e.in[s][a] = d, out, net+out
		}
	}
	e.births = mothers(k, prev, bornBySex[0]+bornBySex[1])
	return e
}

// mothers shares n births out among the women of prev by age, in
// proportion to their expected births (largest remainders, so that the
// ages sum to n).
func mothers(k kind, prev population, n int) [nAges]int {
	var out [nAges]int
	var want [nAges]float64
	var total float64
	for a := 15; a <= 49; a++ {
		want[a] = float64(prev[1][a]) * fertility(k, a)
		total += want[a]
	}
	if total == 0 || n == 0 {
		return out
	}
	given := 0
	type rest struct {
		age int
		r   float64
	}
	var rests []rest
	for a := 15; a <= 49; a++ {
		x := want[a] / total * float64(n)
		out[a] = int(math.Floor(x))
		given += out[a]
		rests = append(rests, rest{a, x - math.Floor(x)})
	}
	sort.SliceStable(rests, func(i, j int) bool { return rests[i].r > rests[j].r })
	for i := 0; given < n; i++ {
		out[rests[i].age]++
		given++
	}
	return out
}

// eventFiles holds the register's exports of births, deaths and moves.
type eventFiles struct {
	births, deaths, moves bytes.Buffer
}

func newEventFiles() *eventFiles {
	f := &eventFiles{}
	f.births.WriteString("Planungsraum;Jahr;Alter der Mutter;Geburten\n")
	f.deaths.WriteString("Planungsraum;Jahr;Alter;Geschlecht;Gestorbene\n")
	f.moves.WriteString("Planungsraum;Jahr;Alter;Geschlecht;Zuzüge;Fortzüge\n")
	return f
}

// add writes an area's events of year y; like the population, the
// exports leave out empty rows.
func (f *eventFiles) add(key string, y int, e events) {
	for a, n := range e.births {
		if n > 0 {
			fmt.Fprintf(&f.births, "%s;%d;%d;%d\n", key, y, a, n)
		}
	}
	for s, sex := range []string{"m", "w"} {
		for a := 0; a < nAges; a++ {
			label := strconv.Itoa(a)
			if a == nAges-1 {
				label = "95+"
			}
			if d := e.deaths[s][a]; d > 0 {
				fmt.Fprintf(&f.deaths, "%s;%d;%s;%s;%d\n", key, y, label, sex, d)
			}
			if in, out := e.in[s][a], e.out[s][a]; in > 0 || out > 0 {
				fmt.Fprintf(&f.moves, "%s;%d;%s;%s;%d;%d\n", key, y, label, sex, in, out)
			}
		}
	}
}
