package cli

import (
	"os"
	"runtime/debug"
)

// Garbage collection for a run of small inputs. The collector keeps the
// heap within twice what is live, and at least 4 MB; converting one
// transcript keeps a few MB live, so a batch collected every one or two
// files, and at -j2 the collector's worker took one of the two CPUs that
// often. When every input is small (at most smallInput), the heap may grow
// to four times what is live, at least 12 MB, under a soft limit that
// keeps the process near 30 MB. The limit has 32 times the largest input
// above its floor: room for a call whose data is far bigger than its text
// (tens of thousands of short turns), so that the limit never keeps the
// collector running. A big input goes the other way: its conversion keeps
// about twice the input live, so the default heap of twice that would
// make a big call cost five times its size; at bigGC the heap stays
// within 1.5 times what is live, for one more collection or two (a few
// milliseconds on 8 MB). Standard input (of unknown size) keeps the
// defaults; so does a run whose environment sets GOGC or GOMEMLIMIT.
const (
	smallInput  = 1 << 20
	smallGC     = 300
	bigGC       = 50
	memoryFloor = 20 << 20
)

// tuneGC sets the collector for a run over inputs of sizes (see
// inputSizes) and returns what restores it (tests run many commands in
// one process).
func tuneGC(sizes []int64) (restore func()) {
	nothing := func() {}
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return nothing
	}
	var largest int64
	for _, size := range sizes {
		if size < 0 {
			return nothing // standard input
		}
		largest = max(largest, size)
	}
	if largest > smallInput {
		gc := debug.SetGCPercent(bigGC)
		return func() { debug.SetGCPercent(gc) }
	}
	gc := debug.SetGCPercent(smallGC)
	limit := debug.SetMemoryLimit(memoryFloor + 32*largest)
	return func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}
}
