// Command batchbench measures batch conversion end to end, for make bench:
// it builds a corpus of transcripts (by default 1,000, about 80 MB) from
// the reference file with small variations in a temporary folder, times
// `transcript parse --out-dir` with one and two workers, and prints MB/s,
// the speed-up, the peak resident memory of the child (from getrusage) and
// the median wall time of converting the reference file alone.
//
//	go build -o bin/transcript ./cmd/transcript
//	go run ./internal/tools/batchbench -bin bin/transcript
package main

import (
	"bytes"
	"flag"
	"fmt"
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
	bin := flag.String("bin", "bin/transcript", "transcript binary to measure")
	ref := flag.String("ref", "testdata/amazon-2023-q2.en-zh-Hant.txt", "reference transcript the corpus is made from")
	n := flag.Int("n", 1000, "number of transcripts in the corpus")
	runs := flag.Int("runs", 3, "runs per measurement (the median is reported)")
	small := flag.Int("small", 21, "runs of the one-file measurement")
	keep := flag.Bool("keep", false, "keep the corpus folder")
	flag.Parse()
	if err := run(*bin, *ref, *n, *runs, *small, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "batchbench:", err)
		os.Exit(1)
	}
}

func run(bin, ref string, n, runs, small int, keep bool) error {
	data, err := os.ReadFile(ref)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "transcript-bench")
	if err != nil {
		return err
	}
	if keep {
		fmt.Println("corpus:", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	in := filepath.Join(dir, "calls")
	size, err := makeCorpus(in, data, n)
	if err != nil {
		return err
	}
	mb := float64(size) / 1e6
	fmt.Printf("machine: %s/%s, %d CPUs, %s\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), cpuModel())
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		// Other work on the machine skews the wall times; say how much.
		fmt.Printf("load average before: %s", b)
	}
	fmt.Printf("corpus: %d transcripts, %.1f MB (from %s)\n", n, mb, ref)

	var wall [3]time.Duration
	for _, jobs := range []int{1, 2} {
		var times, cpus []time.Duration
		var rss []int64
		for range runs {
			out := filepath.Join(dir, "out")
			os.RemoveAll(out)
			d, cpu, maxrss, err := timeRunCPU(bin, "parse", "-q", "-j"+strconv.Itoa(jobs), "--out-dir", out, in)
			if err != nil {
				return err
			}
			times = append(times, d)
			cpus = append(cpus, cpu)
			rss = append(rss, maxrss)
		}
		wall[jobs] = median(times)
		cpu := median(cpus)
		fmt.Printf("%s parse -q -j%d --out-dir OUT CORPUS: %.2fs wall, %.1f MB/s; %.2fs CPU, %.1f MB per CPU-second; peak RSS %.1f MB (median of %d)\n",
			filepath.Base(bin), jobs, wall[jobs].Seconds(), mb/wall[jobs].Seconds(), cpu.Seconds(), mb/cpu.Seconds(), float64(slices.Max(rss))/1024, runs)
	}
	fmt.Printf("speed-up -j2 over -j1: %.2fx\n", wall[1].Seconds()/wall[2].Seconds())

	var times []time.Duration
	for range small {
		d, _, err := timeRun(bin, "parse", ref)
		if err != nil {
			return err
		}
		times = append(times, d)
	}
	fmt.Printf("%s parse %s > /dev/null: %.1f ms (median of %d)\n",
		filepath.Base(bin), ref, float64(median(times).Microseconds())/1000, small)
	return nil
}

// makeCorpus writes n variants of data into dir, in ten subfolders: each
// shifts the years and drops one paragraph pair, so no two files are equal
// but all are real transcripts of the same shape.
func makeCorpus(dir string, data []byte, n int) (int64, error) {
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
		sub := filepath.Join(dir, fmt.Sprintf("%02d", i%10))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return 0, err
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("call-%04d.txt", i)), b.Bytes(), 0o644); err != nil {
			return 0, err
		}
		total += int64(b.Len())
	}
	return total, nil
}

// timeRun runs the command with its output thrown away and returns its
// wall time and peak resident memory in KB.
func timeRun(name string, args ...string) (time.Duration, int64, error) {
	d, _, rss, err := timeRunCPU(name, args...)
	return d, rss, err
}

// timeRunCPU is timeRun that also returns the CPU time (user + system) the
// child used, which other load on the machine disturbs less than the wall
// time.
func timeRunCPU(name string, args ...string) (wall, cpu time.Duration, maxrssKB int64, err error) {
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err = cmd.Run()
	wall = time.Since(start)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		maxrssKB = ru.Maxrss // KB on Linux
	}
	cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return wall, cpu, maxrssKB, nil
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
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
