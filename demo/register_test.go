package demo

import (
	"io/fs"
	"strconv"
	"strings"
	"testing"
)

// TestRegisterBalances: the demo register's events balance its
// population exactly, as a register's do: for every area, year 2015–2024,
// sex and age at the year's end x ≥ 1, P(x, t) = P(x−1, t−1) − D + I − O
// (the open group 95+ also keeps its own), and at age 0 the births of
// both sexes less deaths and out-moves plus in-moves are the newborn.
func TestRegisterBalances(t *testing.T) {
	type cell struct {
		area string
		year int
		age  int
		sex  string
	}
	read := func(name string, cols ...int) map[cell][]int {
		b, err := fs.ReadFile(FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		out := map[cell][]int{}
		for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
			f := strings.Split(l, ";")
			y, _ := strconv.Atoi(f[1])
			a, _ := strconv.Atoi(strings.TrimSuffix(f[2], "+"))
			c := cell{f[0], y, a, f[3]}
			for _, k := range cols {
				v, _ := strconv.Atoi(f[k])
				out[c] = append(out[c], v)
			}
		}
		return out
	}
	pop, deaths, moves := read("bevoelkerung.csv", 4), read("sterbefaelle.csv", 4), read("wanderungen.csv", 4, 5)
	births := map[[2]string]int{}
	b, _ := fs.ReadFile(FS(), "geburten.csv")
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		f := strings.Split(l, ";")
		n, _ := strconv.Atoi(f[3])
		births[[2]string{f[0], f[1]}] += n
	}
	get := func(m map[cell][]int, c cell, i int) int {
		if v, ok := m[c]; ok {
			return v[i]
		}
		return 0
	}
	areas := map[string]bool{}
	for c := range pop {
		areas[c.area] = true
	}
	checked, wrong := 0, 0
	for area := range areas {
		for y := 2015; y <= 2024; y++ {
			newborn := 0
			for _, s := range []string{"m", "w"} {
				for x := 0; x <= 95; x++ {
					c := cell{area, y, x, s}
					net := get(moves, c, 0) - get(moves, c, 1) - get(deaths, c, 0)
					if x == 0 {
						newborn += get(pop, c, 0) - net
						continue
					}
					start := get(pop, cell{area, y - 1, x - 1, s}, 0)
					if x == 95 {
						start += get(pop, cell{area, y - 1, 95, s}, 0)
					}
					checked++
					if start+net != get(pop, c, 0) {
						wrong++
					}
				}
			}
			if newborn != births[[2]string{area, strconv.Itoa(y)}] {
				t.Errorf("%s %d: births %d, newborn less deaths and net moves %d", area, y, births[[2]string{area, strconv.Itoa(y)}], newborn)
			}
		}
	}
	if wrong > 0 || checked != 38*10*2*95 {
		t.Errorf("%d of %d cohorts do not balance", wrong, checked)
	}
}
