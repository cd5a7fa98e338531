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
// valid UTF-8, and reports false otherwise. It is the hot path: on large
// inputs it validates, scans for '\r' and copies in one pass per block, with
// the blocks spread over the available cores, so that a 1 GB transcript costs
// about one memcpy.
func validText(data []byte) (string, bool) {
	workers := min(runtime.GOMAXPROCS(0), len(data)/(parallelMin/2))
	if workers < 2 {
		if !utf8.Valid(data) {
			return "", false
		}
		return normalizeCopy(data), true
	}

	buf := make([]byte, len(data))
	var invalid, hasCR atomic.Bool
	var wg sync.WaitGroup
	start := 0
	for w := range workers {
		end := len(data)
		if w < workers-1 {
			end = runeStart(data, start+(len(data)-start)/(workers-w))
		}
		src, dst := data[start:end], buf[start:end]
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
					hasCR.Store(true)
				}
				copy(dst, src[:n])
				src, dst = src[n:], dst[n:]
			}
		})
		start = end
	}
	wg.Wait()
	if invalid.Load() {
		return "", false
	}
	if hasCR.Load() {
		buf = normalizeInPlace(buf)
	}
	return ownedString(buf), true
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
