package cli

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/transcript-cli/transcript/internal/batch"
)

// gcNow reads the collector's settings without changing them.
func gcNow() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

func TestTuneGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	dir := t.TempDir()
	small := filepath.Join(dir, "small.txt")
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(small, make([]byte, 80_000), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, make([]byte, smallInput+1), 0o644); err != nil {
		t.Fatal(err)
	}
	percent, limit := gcNow()
	for _, tc := range []struct {
		name    string
		inputs  []batch.Input
		percent int
		limit   int64
	}{
		{"small files", []batch.Input{{Path: small}, {Path: small}, {Path: "missing"}}, smallGC, memoryFloor + 32*80_000},
		{"a big file among them", []batch.Input{{Path: small}, {Path: big}}, bigGC, limit},
		{"standard input", []batch.Input{{Path: small}, {Stdin: true}}, percent, limit},
	} {
		restore := tuneGC(inputSizes(tc.inputs))
		p, l := gcNow()
		restore()
		if p != tc.percent || l != tc.limit {
			t.Errorf("%s: GOGC %d, limit %d; want %d, %d", tc.name, p, l, tc.percent, tc.limit)
		}
		if p, l := gcNow(); p != percent || l != limit {
			t.Errorf("%s: not restored: GOGC %d, limit %d", tc.name, p, l)
		}
	}
	t.Setenv("GOGC", "50")
	restore := tuneGC(inputSizes([]batch.Input{{Path: small}}))
	if p, _ := gcNow(); p != percent {
		t.Errorf("GOGC in the environment overridden: %d", p)
	}
	restore()
}
