// Command batchbench measures transcript end to end, for make bench. It
// builds a corpus of transcripts (by default 1,000, about 80 MB) from the
// reference file with small variations in a temporary folder and, in
// rounds, runs on it in turn (the order rotating each round, so that
// drift in the machine's speed falls on every measure alike):
//
//   - transcript parse -q -j1 --out-dir OUT CORPUS, the reference run;
//   - the same with -j2, with -c, and streamed to one file instead;
//   - the two peers of ../shared/bench (see its README), when present: the
//     naive Python script and the minimal Go program, built into the
//     temporary folder (shared/ is read-only).
//
// Each comparison is the median over rounds of the ratio of the two times
// in one round: the machines this runs on are noisy, and a ratio within a
// round is what stays comparable. It also prints the peak resident memory
// of the batch and of one big file (the reference repeated to about 8 MB),
// and the median wall time of converting the reference file alone.
//
//	go build -o bin/transcript ./cmd/transcript
//	go run ./internal/tools/batchbench -bin bin/transcript
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	var c config
	flag.StringVar(&c.bin, "bin", "bin/transcript", "transcript binary to measure")
	flag.StringVar(&c.ref, "ref", "testdata/amazon-2023-q2.en-zh-Hant.txt", "reference transcript the corpus is made from")
	flag.StringVar(&c.peers, "peers", "../shared/bench", "folder of the peers (naive_python.py, minimal-go/); skipped when absent")
	flag.IntVar(&c.n, "n", 1000, "number of transcripts in the corpus")
	flag.IntVar(&c.rounds, "rounds", 5, "rounds of the batch measures (medians over rounds are reported)")
	flag.IntVar(&c.small, "small", 21, "runs of the one-file measure (0 skips it)")
	flag.IntVar(&c.bigMB, "big", 8, "size in MB of the big-file input (0 skips it)")
	flag.StringVar(&c.out, "out", "", "folder for the outputs (default: beside the corpus, in the temporary folder)")
	flag.BoolVar(&c.keep, "keep", false, "keep the corpus folder")
	flag.Parse()
	if c.n < 1 || c.rounds < 1 || c.small < 0 || c.bigMB < 0 {
		fmt.Fprintln(os.Stderr, "batchbench: -n and -rounds must be at least 1, -small and -big at least 0 (0 skips that measure)")
		os.Exit(2)
	}
	if err := c.run(); err != nil {
		fmt.Fprintln(os.Stderr, "batchbench:", err)
		os.Exit(1)
	}
}

type config struct {
	bin, ref, peers, out    string
	n, rounds, small, bigMB int
	keep                    bool
}

// measure is one command timed in every round.
type measure struct {
	name  string
	args  func(out string) []string // the command, given a fresh output path
	outIs string                    // "dir", "file" (stdout into it) or "" (stdout discarded)
	times []time.Duration
	cpu   []time.Duration
	sys   []time.Duration
	rss   []int64 // KB
}

func (c *config) run() error {
	data, err := os.ReadFile(c.ref)
	if err != nil {
		return err
	}
	bin, err := filepath.Abs(c.bin)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "transcript-bench")
	if err != nil {
		return err
	}
	if c.keep {
		fmt.Println("corpus:", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	in := filepath.Join(dir, "calls")
	size, err := makeCorpus(in, data, c.n)
	if err != nil {
		return err
	}
	mb := float64(size) / 1e6
	fmt.Printf("machine: %s/%s, %d CPUs, %s, %s\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), cpuModel(), runtime.Version())
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		// Other work on the machine skews the wall times; say how much.
		fmt.Printf("load average before: %s", b)
	}
	fmt.Printf("corpus: %d transcripts, %.1f MB (from %s), %d rounds\n", c.n, mb, c.ref, c.rounds)

	parse := func(extra ...string) func(string) []string {
		return func(out string) []string {
			return append(append([]string{bin, "parse", "-q"}, extra...), in)
		}
	}
	outDir := func(extra ...string) func(string) []string {
		return func(out string) []string {
			return append(append([]string{bin, "parse", "-q", "--out-dir", out}, extra...), in)
		}
	}
	ref := &measure{name: "transcript -j1 --out-dir", args: outDir("-j1"), outIs: "dir"}
	j2 := &measure{name: "transcript -j2 --out-dir", args: outDir("-j2"), outIs: "dir"}
	compact := &measure{name: "transcript -j1 -c --out-dir", args: outDir("-j1", "-c"), outIs: "dir"}
	stream := &measure{name: "transcript -j1 > FILE", args: parse("-j1"), outIs: "file"}
	sentences := &measure{name: "transcript -j1 --sentences", args: outDir("-j1", "--sentences"), outIs: "dir"}
	measures := []*measure{ref, j2, compact, stream, sentences}
	naive, minimal := c.peerMeasures(dir, in)
	for _, m := range []*measure{naive, minimal} {
		if m != nil {
			measures = append(measures, m)
		}
	}

	outs := dir
	if c.out != "" {
		if outs, err = os.MkdirTemp(c.out, "transcript-bench-out"); err != nil {
			return err
		}
		defer os.RemoveAll(outs)
	}
	fmt.Printf("outputs under %s\n", outs)
	for r := range c.rounds {
		for k := range measures {
			m := measures[(r+k)%len(measures)]
			if err := m.once(outs); err != nil {
				return err
			}
		}
	}
	for _, m := range measures {
		fmt.Printf("%-28s %6.2fs wall, %5.1f MB/s; %5.2fs CPU (%4.2fs system); peak RSS %5.1f MB\n",
			m.name, median(m.times).Seconds(), mb/median(m.times).Seconds(), median(m.cpu).Seconds(), median(m.sys).Seconds(), float64(slices.Max(m.rss))/1024)
	}
	fmt.Println("ratios, median of the per-round ratios:")
	if naive != nil {
		fmt.Printf("  naive_python.py time / transcript -j1 --out-dir time: %.2fx (goal 2.5x)\n", ratio(naive, ref))
	}
	if minimal != nil {
		fmt.Printf("  minimal-go time / transcript -j1 --out-dir time:      %.2f (goal 0.75)\n", ratio(minimal, ref))
	}
	fmt.Printf("  -j2 speed-up over -j1 (--out-dir):                    %.2fx (goal 1.8x)\n", ratio(ref, j2))
	fmt.Printf("  --out-dir time / streamed to one file (-j1):          %.2fx (goal 1.15x at most)\n", ratio(ref, stream))
	fmt.Printf("  share of indented JSON in the time (against -c):      %.0f%%\n", 100*(1-ratio(compact, ref)))
	fmt.Printf("  --sentences time / without (-j1 --out-dir):          %.2fx (goal 1.30x at most)\n", ratio(sentences, ref))

	if err := c.oneFile(bin); err != nil {
		return err
	}
	return c.bigFile(bin, dir, data)
}

// peerMeasures prepares the peers, or says why they are skipped.
func (c *config) peerMeasures(dir, in string) (naive, minimal *measure) {
	if _, err := os.Stat(c.peers); err != nil {
		fmt.Printf("peers: %s not found, so no comparison with naive_python.py and minimal-go (see the README)\n", c.peers)
		return nil, nil
	}
	files, _ := filepath.Glob(filepath.Join(in, "*.txt"))
	script := filepath.Join(c.peers, "naive_python.py")
	if py, err := exec.LookPath("python3"); err != nil {
		fmt.Println("peers: no python3, so no comparison with naive_python.py")
	} else if _, err := os.Stat(script); err != nil {
		fmt.Printf("peers: %v, so no comparison with naive_python.py\n", err)
	} else {
		naive = &measure{name: "naive_python.py", args: func(string) []string {
			return append([]string{py, script}, files...)
		}}
	}
	minBin := filepath.Join(dir, "minimal")
	build := exec.Command("go", "-C", filepath.Join(c.peers, "minimal-go"), "build", "-o", minBin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Printf("peers: minimal-go does not build (%v: %s), so no comparison with it\n", err, bytes.TrimSpace(out))
	} else {
		minimal = &measure{name: "minimal-go", outIs: "dir", args: func(out string) []string {
			return []string{minBin, in, out}
		}}
	}
	return naive, minimal
}

// once runs m with a fresh output and records its time, CPU and memory.
func (m *measure) once(dir string) error {
	out := filepath.Join(dir, "out")
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	var stdout io.Writer
	switch m.outIs {
	case "dir":
		// The minimal peer does not create its output folder.
		if err := os.Mkdir(out, 0o755); err != nil {
			return err
		}
	case "file":
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer f.Close()
		stdout = f
	}
	args := m.args(out)
	r, err := timeRun(stdout, args[0], args[1:]...)
	if err != nil {
		return err
	}
	m.times = append(m.times, r.wall)
	m.cpu = append(m.cpu, r.cpu)
	m.sys = append(m.sys, r.sys)
	m.rss = append(m.rss, r.rssKB)
	return nil
}

// ratio is the median over rounds of a's time over b's.
func ratio(a, b *measure) float64 {
	var r []float64
	for i := range a.times {
		r = append(r, a.times[i].Seconds()/b.times[i].Seconds())
	}
	return medianOf(r)
}

// oneFile times the conversion of the reference file alone, as a user
// waits for it.
func (c *config) oneFile(bin string) error {
	if c.small == 0 {
		return nil
	}
	var times []time.Duration
	for range c.small {
		r, err := timeRun(nil, bin, "parse", c.ref)
		if err != nil {
			return err
		}
		times = append(times, r.wall)
	}
	fmt.Printf("one file: transcript parse %s > /dev/null: %.1f ms (median of %d; goal 15 ms)\n",
		c.ref, float64(median(times).Microseconds())/1000, c.small)
	return nil
}

// bigFile converts the reference repeated to about c.bigMB MB, for the
// memory one big input takes.
func (c *config) bigFile(bin, dir string, data []byte) error {
	if c.bigMB == 0 {
		return nil
	}
	big := filepath.Join(dir, "big.txt")
	n := max(1, c.bigMB*1000*1000/len(data))
	if err := os.WriteFile(big, bytes.Repeat(data, n), 0o644); err != nil {
		return err
	}
	size := float64(n*len(data)) / 1e6
	var times []time.Duration
	var rss []int64
	for range 3 {
		r, err := timeRun(nil, bin, "parse", "-q", big)
		if err != nil {
			return err
		}
		times = append(times, r.wall)
		rss = append(rss, r.rssKB)
	}
	peak := float64(slices.Max(rss)) / 1024
	fmt.Printf("big file: the reference %d times (%.1f MB): %.2fs, peak RSS %.1f MB = %.1fx the input (goal %.0f MB: 3x + 16 MB)\n",
		n, size, median(times).Seconds(), peak, peak/size, 3*size+16)
	return nil
}

// makeCorpus writes n variants of data into dir, flat (the peers read
// DIR/*.txt): each shifts the years and drops one paragraph pair, so no
// two files are equal but all are real transcripts of the same shape.
func makeCorpus(dir string, data []byte, n int) (int64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	lines := strings.SplitAfter(string(data), "\n")
	var total int64
	for i := range n {
		var b bytes.Buffer
		drop := 20 + i%60 // a line in the body; its pair goes with it
		if drop%2 == 1 {
			drop++
		}
		for j, l := range lines {
			if j == drop || j == drop+1 {
				continue
			}
			b.WriteString(strings.ReplaceAll(l, "2023", strconv.Itoa(1990+i%40)))
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("call-%04d.txt", i)), b.Bytes(), 0o644); err != nil {
			return 0, err
		}
		total += int64(b.Len())
	}
	return total, nil
}

// usage is what one run of a command took.
type usage struct {
	wall, cpu, sys time.Duration // cpu is user + system, which other load disturbs less than wall
	rssKB          int64         // peak resident memory
}

// timeRun runs the command, its stdout into stdout (nil: thrown away).
func timeRun(stdout io.Writer, name string, args ...string) (usage, error) {
	cmd := exec.Command(name, args...)
	cmd.Stdout = stdout
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	u := usage{wall: time.Since(start)}
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) || stderr.Len() > 0 {
			err = fmt.Errorf("%v\n%s", err, stderr.String())
		}
		return u, fmt.Errorf("%s: %v", filepath.Base(name), err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.rssKB = ru.Maxrss // KB on Linux
	}
	u.sys = cmd.ProcessState.SystemTime()
	u.cpu = cmd.ProcessState.UserTime() + u.sys
	return u, nil
}

func median(d []time.Duration) time.Duration {
	s := make([]float64, len(d))
	for i, x := range d {
		s[i] = float64(x)
	}
	return time.Duration(medianOf(s))
}

// medianOf is the median of x, the mean of the middle two for an even
// count.
func medianOf(x []float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	n := len(s)
	if n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[n/2]
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}
