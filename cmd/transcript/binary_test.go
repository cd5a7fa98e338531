package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds transcript once for the tests that need a real process
// (signals, pipes).
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "transcript-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "transcript")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// calls makes a folder of n copies of the reference transcript (hard links
// where possible, so a big batch costs no disk).
func calls(t *testing.T, n int) string {
	t.Helper()
	ref, err := filepath.Abs("../../testdata/amazon-2023-q2.en-zh-Hant.txt")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(ref)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "calls")
	os.Mkdir(dir, 0o755)
	first := filepath.Join(dir, "c0000.txt")
	if err := os.WriteFile(first, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for i := 1; i < n; i++ {
		p := filepath.Join(dir, fmt.Sprintf("c%04d.txt", i))
		if os.Link(first, p) != nil {
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

func TestSignalStopsBatch(t *testing.T) {
	bin := binary(t)
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			const n = 2000
			in := calls(t, n)
			out := filepath.Join(t.TempDir(), "out")
			cmd := exec.Command(bin, "parse", "-j2", "--out-dir", out, in)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Signal once the batch is under way: the first output exists.
			deadline := time.Now().Add(20 * time.Second)
			for len(outputs(out)) == 0 && time.Now().Before(deadline) {
				time.Sleep(5 * time.Millisecond)
			}
			sent := time.Now()
			cmd.Process.Signal(tc.sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatal("still running 10s after the signal")
			}
			if d := time.Since(sent); d > 2*time.Second {
				t.Errorf("took %v to stop", d)
			}
			if got := cmd.ProcessState.ExitCode(); got != tc.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", got, tc.code, stderr.String())
			}
			done2 := outputs(out)
			if len(done2) == 0 || len(done2) >= n {
				t.Errorf("%d of %d outputs; want some but not all", len(done2), n)
			}
			filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				if strings.Contains(d.Name(), ".tmp-") {
					t.Errorf("temporary file left: %s", p)
				} else if !d.IsDir() {
					// Finished outputs are whole documents.
					b, _ := os.ReadFile(p)
					if !bytes.HasSuffix(b, []byte("}\n")) {
						t.Errorf("truncated output %s", p)
					}
				}
				return nil
			})
			if !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("stderr %q does not say interrupted", stderr.String())
			}
		})
	}
}

func outputs(dir string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	return m
}

func TestClosedPipe(t *testing.T) {
	bin := binary(t)
	in := calls(t, 50)
	cmd := exec.Command(bin, "parse", in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Like `| head -c 100`: read a little, then go away.
	if _, err := io.ReadFull(stdout, make([]byte, 100)); err != nil {
		t.Fatal(err)
	}
	stdout.Close()
	err = cmd.Wait()
	if got := cmd.ProcessState.ExitCode(); got != 141 {
		t.Errorf("exit code %d (%v), want 141", got, err)
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr not empty:\n%s", stderr.String())
	}
}
