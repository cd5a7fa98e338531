package decode

import (
	"bytes"
	"runtime"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

const (
	// parallelMin: below this, starting goroutines costs more than it saves.
	parallelMin = 4 << 20
	// blockSize keeps each validated block in cache while it is copied.
	blockSize = 256 << 10
)

// validText converts data to a string with line endings normalised if it is
// valid UTF-8, and reports false otherwise. It is the hot path: valid text
// without a '\r' (the common case) is not copied at all: the string shares
// data's memory, which the caller must leave unchanged; on large inputs
// the validation and the scan for '\r' are spread over the available
// cores.
func validText(data []byte) (string, bool) {
	valid, hasCR := scan(data)
	if !valid {
		return "", false
	}
	if !hasCR {
		return ownedString(data), true
	}
	return normalizeCopy(data), true
}

// scan reports whether data is valid UTF-8 and holds a '\r', a block at a
// time (kept in cache for both looks), in parallel when data is large.
func scan(data []byte) (valid, hasCR bool) {
	workers := min(runtime.GOMAXPROCS(0), len(data)/(parallelMin/2))
	if workers < 2 {
		return utf8.Valid(data), bytes.IndexByte(data, '\r') >= 0
	}
	var invalid, cr atomic.Bool
	var wg sync.WaitGroup
	start := 0
	for w := range workers {
		end := len(data)
		if w < workers-1 {
			end = runeStart(data, start+(len(data)-start)/(workers-w))
		}
		src := data[start:end]
		wg.Go(func() {
			for len(src) > 0 && !invalid.Load() {
				n := len(src)
				if n > blockSize {
					n = runeStart(src, blockSize)
				}
				if !utf8.Valid(src[:n]) {
					invalid.Store(true)
					return
				}
				if bytes.IndexByte(src[:n], '\r') >= 0 {
					cr.Store(true)
				}
				src = src[n:]
			}
		})
		start = end
	}
	wg.Wait()
	return !invalid.Load(), cr.Load()
}

// runeStart moves i back to the start of the UTF-8 sequence containing it, so
// that splitting there cuts no character in two. Valid UTF-8 is valid exactly
// when the pieces so split are; if no start is found within 3 bytes the data
// is invalid anyway and any split will show it.
func runeStart(b []byte, i int) int {
	for j := i; j > 0 && j > i-utf8.UTFMax; j-- {
		if !utf8.RuneStart(b[j]) {
			continue
		}
		return j
	}
	return i
}
