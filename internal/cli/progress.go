package cli

import (
	"fmt"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/transcript-cli/transcript/internal/batch"
)

// progress shows a bar on standard error while a batch runs: files done
// out of all, MB/s and the time left. It is only drawn on a terminal, for
// more than one input, without --quiet; otherwise every method does
// nothing.
type progress struct {
	bar   *progressbar.ProgressBar
	sizes []int64
	n     int
}

// newProgress makes the bar for inputs of sizes (see inputSizes).
func newProgress(s Streams, quiet bool, sizes []int64) *progress {
	p := &progress{}
	if quiet || !s.ErrTerminal || len(sizes) < 2 {
		return p
	}
	p.sizes = make([]int64, len(sizes))
	var sum int64
	for i, size := range sizes {
		p.sizes[i] = max(size, 0)
		sum += p.sizes[i]
	}
	p.bar = progressbar.NewOptions64(sum,
		progressbar.OptionSetWriter(s.Err),
		progressbar.OptionSetDescription(p.describe()),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionUseANSICodes(true),
	)
	return p
}

func (p *progress) describe() string { return fmt.Sprintf("%d/%d files", p.n, len(p.sizes)) }

func (p *progress) done(ev batch.Event) {
	if p.bar == nil {
		return
	}
	p.n++
	p.bar.Describe(p.describe())
	size := p.sizes[ev.Index]
	if ev.Status == batch.Skipped {
		// A skipped file is not work done: take it out of the total so
		// that MB/s and the time left stay honest.
		p.bar.ChangeMax64(p.bar.GetMax64() - size)
		_ = p.bar.Add64(0)
		return
	}
	_ = p.bar.Add64(size)
}

// clear removes the bar so that a message can be printed; the next update
// draws it again.
func (p *progress) clear() {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
		_ = p.bar.Clear()
		p.bar = nil
	}
}
