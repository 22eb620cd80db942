package analysis

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// Every index is called once, on one processor or several, and a panic in
// a worker reaches the caller, after all other calls returned and with the
// worker's stack.
func TestForEach(t *testing.T) {
	for _, procs := range []int{1, 2} {
		t.Run(fmt.Sprint(procs), func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			got := make([]int, 1000)
			ForEach(len(got), func(i int) { got[i] += i })
			for i, v := range got {
				if v != i {
					t.Fatalf("index %d: %d", i, v)
				}
			}
			done := make([]bool, 100)
			p := func() (p any) {
				defer func() { p = recover() }()
				ForEach(len(done), func(i int) {
					done[i] = true
					if i == 37 {
						panic("a bug in area 37")
					}
				})
				return nil
			}()
			if p == nil || !strings.Contains(fmt.Sprint(p), "a bug in area 37") {
				t.Fatalf("recovered %v", p)
			}
			if procs > 1 && !strings.Contains(fmt.Sprint(p), "in a worker goroutine") {
				t.Errorf("no worker stack in %v", p)
			}
			for i, d := range done {
				if procs > 1 && !d { // on one processor the panic ends the loop at once
					t.Errorf("index %d not called after the panic", i)
				}
			}
		})
	}
}
