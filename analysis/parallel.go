package analysis

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
)

// ForEach calls fn(0), …, fn(n−1) on as many goroutines as GOMAXPROCS
// allows; fn must write only its own results, so that the outcome does
// not depend on the number of processors. A panic in fn is carried to
// the caller's goroutine, with the worker's stack, once every call has
// returned: a bug in a worker then unwinds through the caller's deferred
// clean-up (a run's staging folder) and ends as an internal error,
// instead of killing the process from a goroutine nobody waits on.
func ForEach(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var caught error
	call := func(i int) {
		defer func() {
			if p := recover(); p != nil {
				mu.Lock()
				if caught == nil {
					caught = fmt.Errorf("%v\n\nin a worker goroutine:\n%s", p, debug.Stack())
				}
				mu.Unlock()
			}
		}()
		fn(i)
	}
	next := make(chan int, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				call(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	if caught != nil {
		panic(caught)
	}
}
