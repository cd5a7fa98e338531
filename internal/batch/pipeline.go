package batch

import (
	"context"
	"sync"
)

// Ordered runs work(ctx, i) for i in [0, n) on jobs goroutines and calls
// emit(i, result) in increasing order of i from the calling goroutine, each
// as soon as it and all results before it are ready. At most window results
// are computed ahead of the one emit waits for, so memory stays bounded
// whatever n is.
//
// It stops early when ctx is cancelled (returning ctx.Err()) or when emit
// returns an error (returning that error). In every case it returns only
// after all workers have finished, so the cleanup they do (removing
// temporary files) is complete when it returns.
func Ordered[T any](ctx context.Context, n, jobs, window int, work func(ctx context.Context, i int) T, emit func(i int, r T) error) error {
	if jobs < 1 {
		jobs = 1
	}
	if window < jobs {
		window = jobs
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type slot struct {
		i  int
		ch chan T
	}
	// queue holds the slots in input order; its capacity is the window.
	queue := make(chan slot, window)
	tasks := make(chan slot)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(tasks)
		defer close(queue)
		for i := 0; i < n; i++ {
			s := slot{i: i, ch: make(chan T, 1)}
			select {
			case queue <- s:
			case <-ctx.Done():
				return
			}
			select {
			case tasks <- s:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range tasks {
				s.ch <- work(ctx, s.i)
			}
		}()
	}

	var err error
	for s := range queue {
		var r T
		select {
		case r = <-s.ch:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			err = ctx.Err()
			break
		}
		if err = emit(s.i, r); err != nil {
			break
		}
	}
	cancel()
	// Unblock the producer if it waits on a full queue, then wait for
	// everyone.
	go func() {
		for range queue {
		}
	}()
	wg.Wait()
	return err
}
