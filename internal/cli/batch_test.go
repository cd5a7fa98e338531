package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/transcript-cli/transcript/internal/convert"
	"github.com/transcript-cli/transcript/internal/export"
	"github.com/transcript-cli/transcript/internal/model"
)

func refCalls(t *testing.T, n int) string {
	t.Helper()
	data, err := os.ReadFile("../../testdata/amazon-2023-q2.en-zh-Hant.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".txt"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestProgressOnlyOnTerminal(t *testing.T) {
	dir := refCalls(t, 3)
	for _, tc := range []struct {
		terminal, quiet bool
		bar, summary    bool
	}{
		{terminal: true, bar: true, summary: true},
		{terminal: true, quiet: true},
		{terminal: false, summary: true},
	} {
		var out, errb bytes.Buffer
		args := []string{"parse", "-j2", dir}
		if tc.quiet {
			args = append(args, "-q")
		}
		code := Run(context.Background(), args, Streams{Out: &out, Err: &errb, ErrTerminal: tc.terminal})
		if code != ExitOK {
			t.Fatalf("%+v: exit %d: %s", tc, code, errb.String())
		}
		stderr := errb.String()
		if got := strings.Contains(stderr, "/3 files"); got != tc.bar {
			t.Errorf("%+v: bar shown = %v; stderr %q", tc, got, stderr)
		}
		if got := strings.Contains(stderr, "3 converted, 0 skipped, 0 failed"); got != tc.summary {
			t.Errorf("%+v: summary shown = %v; stderr %q", tc, got, stderr)
		}
		if !tc.terminal && strings.Contains(stderr, "\r") {
			t.Errorf("animation without a terminal: %q", stderr)
		}
	}
}

// bigCall makes dir/name a call of over a megabyte, whose document is
// rendered where it goes rather than ahead into memory.
func bigCall(t *testing.T, dir, name string) {
	t.Helper()
	data, err := os.ReadFile("../../testdata/amazon-2023-q2.en-zh-Hant.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), bytes.Repeat(data, 1+(1<<20)/len(data)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestStreamEveryFormat: several inputs in every registered format give
// the same bytes for any -j, and the bytes of export's stream of the same
// documents: the command line adds nothing to the stream and loses
// nothing of it. The second input is big, so its document is rendered
// into the stream as it is written.
func TestStreamEveryFormat(t *testing.T) {
	dir := refCalls(t, 3)
	bigCall(t, dir, "b.txt")
	tmp := t.TempDir() // where TMX spools its bodies
	t.Setenv("TMPDIR", tmp)
	var docs []*model.Transcript
	for _, name := range []string{"a", "b", "c"} {
		docs = append(docs, convertFile(t, filepath.Join(dir, name+".txt")))
	}
	for _, f := range export.Formats() {
		if f.Single {
			continue
		}
		var want bytes.Buffer
		s := export.NewStream(&want, f, export.Options{BOM: true})
		for _, d := range docs {
			if err := s.Write(d); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		for _, jobs := range []string{"1", "3"} {
			var out, errb bytes.Buffer
			code := Run(context.Background(), []string{"parse", "-q", "--bom", "-f", f.Name, "-j", jobs, dir}, Streams{Out: &out, Err: &errb})
			if code != ExitOK || errb.Len() > 0 {
				t.Fatalf("%s -j%s: exit %d: %s", f.Name, jobs, code, errb.String())
			}
			if !bytes.Equal(out.Bytes(), want.Bytes()) {
				t.Errorf("%s -j%s: %d bytes, export's stream %d", f.Name, jobs, out.Len(), want.Len())
			}
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestStdoutWriteError(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full")
	}
	defer full.Close()
	dir := refCalls(t, 2)
	var errb bytes.Buffer
	code := Run(context.Background(), []string{"parse", dir}, Streams{Out: full, Err: &errb})
	if code != ExitFailure || !strings.Contains(errb.String(), "transcript: <stdout>: write /dev/full: no space left on device") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}

func TestCancelledRun(t *testing.T) {
	dir := refCalls(t, 3)
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(&signalError{os.Interrupt})
	var out, errb bytes.Buffer
	code := Run(ctx, []string{"parse", "--out-dir", filepath.Join(t.TempDir(), "out"), dir}, Streams{Out: &out, Err: &errb})
	if code != ExitSIGINT {
		t.Errorf("exit %d, want %d; stderr %q", code, ExitSIGINT, errb.String())
	}
}

// BenchmarkParseFolder is the whole batch (read, convert, encode, atomic
// write) on a folder of reference transcripts, in process, so that
// `go test -bench ParseFolder -cpuprofile` shows where a batch spends its
// time. -j comes from the sub-benchmark name.
func BenchmarkParseFolder(b *testing.B) {
	data, err := os.ReadFile("../../testdata/amazon-2023-q2.en-zh-Hant.txt")
	if err != nil {
		b.Fatal(err)
	}
	const n = 20
	dir := b.TempDir()
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("c%02d.txt", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for _, run := range []struct{ name, jobs, flag string }{{"j1", "1", "-q"}, {"j2", "2", "-q"}, {"j1-sentences", "1", "--sentences"}} {
		b.Run(run.name, func(b *testing.B) {
			b.SetBytes(int64(n * len(data)))
			out := b.TempDir()
			for b.Loop() {
				var errb bytes.Buffer
				if code := Run(context.Background(), []string{"parse", "-q", run.flag, "-j", run.jobs, "--out-dir", out, dir}, Streams{Out: io.Discard, Err: &errb}); code != 0 {
					b.Fatalf("exit %d: %s", code, errb.String())
				}
			}
		})
	}
}

// TestOutDirBigInput: under --out-dir, a big input's document, written
// straight into its file, is the document export writes, and its stamp
// holds: a second run with --skip-existing skips it.
func TestOutDirBigInput(t *testing.T) {
	dir := refCalls(t, 1)
	bigCall(t, dir, "big.txt")
	in := filepath.Join(dir, "big.txt")
	doc := convertFile(t, in)
	f, _ := export.Lookup("jsonl")
	var want bytes.Buffer
	if err := export.WriteDocument(&want, f, doc, export.Options{}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	for i, summary := range []string{"2 converted, 0 skipped", "0 converted, 2 skipped"} {
		var stdout, errb bytes.Buffer
		code := Run(context.Background(), []string{"parse", "-f", "jsonl", "--out-dir", out, "--skip-existing", dir}, Streams{Out: &stdout, Err: &errb})
		if code != ExitOK || !strings.Contains(errb.String(), summary) {
			t.Fatalf("run %d: exit %d, stderr %q", i+1, code, errb.String())
		}
	}
	got, err := os.ReadFile(filepath.Join(out, "big.txt.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("the file has %d bytes, export writes %d", len(got), want.Len())
	}
}

// convertFile is the document of the file at path, as parse makes it.
func convertFile(t *testing.T, path string) *model.Transcript {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := convert.Convert(path, data, convert.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
