package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// tree creates files (slash paths → content) under a new temporary folder.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// fakeConvert echoes the input upper-cased, after a random pause so that
// workers finish out of order; "bad" in the content fails.
func fakeConvert(_ int, in Input, data []byte) (Doc, error) {
	time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
	if bytes.Contains(data, []byte("bad")) {
		return nil, errors.New("bad input")
	}
	return func(w io.Writer) error {
		_, err := fmt.Fprintf(w, "<%s:%s>\n", in.Rel, bytes.ToUpper(data))
		return err
	}, nil
}

func names(ins []Input) []string {
	var s []string
	for _, in := range ins {
		s = append(s, in.Rel)
	}
	return s
}

func TestExpand(t *testing.T) {
	dir := tree(t, map[string]string{
		"b.txt": "", "a.txt": "", "c.md": "", "d.json": "",
		"sub/z.txt": "", "sub/deeper/y.txt": "",
		".hidden.txt": "", ".git/x.txt": "", "out/o.txt": "",
	})
	got := names(Expand([]string{dir}, WalkOptions{Skip: filepath.Join(dir, "out")}))
	want := []string{"a.txt", "b.txt", "c.md", "sub/deeper/y.txt", "sub/z.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("Expand = %q, want %q", got, want)
	}
	got = names(Expand([]string{dir}, WalkOptions{Include: []string{"*.md", "sub/*.txt"}}))
	want = []string{"c.md", "sub/z.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("Expand with Include = %q, want %q", got, want)
	}
	// A file argument is taken whatever its name; its root is its folder.
	ins := Expand([]string{filepath.Join(dir, "d.json"), "-"}, WalkOptions{})
	if len(ins) != 2 || ins[0].Rel != "d.json" || !ins[1].Stdin {
		t.Errorf("Expand(file, -) = %+v", ins)
	}
	// An empty folder is an error in its place.
	empty := t.TempDir()
	ins = Expand([]string{empty}, WalkOptions{})
	if len(ins) != 1 || !errors.Is(ins[0].Err, ErrNoFiles) {
		t.Errorf("Expand(empty) = %+v", ins)
	}
}

func TestExpandSymlinks(t *testing.T) {
	outside := tree(t, map[string]string{"secret.txt": "s", "d/e.txt": "e"})
	dir := tree(t, map[string]string{"a.txt": "a"})
	for _, l := range [][2]string{
		{filepath.Join(outside, "secret.txt"), "link.txt"},
		{filepath.Join(outside, "d"), "linkdir"},
		{dir, "loop"}, // a cycle back to the root
		{filepath.Join(dir, "missing"), "broken.txt"},
	} {
		if err := os.Symlink(l[0], filepath.Join(dir, l[1])); err != nil {
			t.Skip("no symbolic links:", err)
		}
	}
	ins := Expand([]string{dir}, WalkOptions{})
	got := names(ins)
	want := []string{"a.txt", "broken.txt", "link.txt", "linkdir/e.txt"}
	if !slices.Equal(got, want) {
		t.Fatalf("Expand = %q, want %q", got, want)
	}
	if ins[1].Err == nil {
		t.Errorf("broken link: no error")
	}
	// Outputs are placed by the link's own path, inside OUT.
	out, err := OutputPath("OUT", ins[3], ".json")
	if err != nil || out != filepath.Join("OUT", "linkdir", "e.txt.json") {
		t.Errorf("OutputPath = %q, %v", out, err)
	}
}

func TestOutputPathSafety(t *testing.T) {
	dir := tree(t, map[string]string{"calls/a.txt": "x"})
	t.Chdir(filepath.Join(dir, "calls"))
	for _, arg := range []string{
		"../calls/a.txt",
		filepath.Join(dir, "calls", "a.txt"),
		"./../calls/../calls/a.txt",
		"a.txt",
	} {
		ins := Expand([]string{arg}, WalkOptions{})
		out, err := OutputPath("OUT", ins[0], ".json")
		if err != nil || out != filepath.Join("OUT", "a.txt.json") {
			t.Errorf("%s: OutputPath = %q, %v; want OUT/a.txt.json", arg, out, err)
		}
	}
	ins := Expand([]string{".."}, WalkOptions{})
	out, err := OutputPath("OUT", ins[0], ".json")
	if err != nil || out != filepath.Join("OUT", "calls", "a.txt.json") {
		t.Errorf("..: OutputPath = %q, %v", out, err)
	}
	for _, rel := range []string{"../x.txt", "/etc/x.txt", "", "a/../../x"} {
		if out, err := OutputPath("OUT", Input{Rel: rel}, ".json"); err == nil {
			t.Errorf("OutputPath(Rel %q) = %q, want an error", rel, out)
		}
	}
}

func corpus(t *testing.T, n int) string {
	files := map[string]string{}
	for i := range n {
		files[fmt.Sprintf("d%d/f%03d.txt", i%3, i)] = strings.Repeat(fmt.Sprintf("line %d\n", i), i%7+1)
	}
	files["d2/f005.txt"] = "bad"
	dir := tree(t, files)
	// Inputs from an hour ago, so that outputs are newer even on file
	// systems with coarse timestamps.
	past := time.Now().Add(-time.Hour)
	for name := range files {
		os.Chtimes(filepath.Join(dir, filepath.FromSlash(name)), past, past)
	}
	return dir
}

// into collects the documents of a run in buf, "--" after each, and the
// inputs of the events in order.
func into(buf *bytes.Buffer, seen *[]string) func(Event, Doc) error {
	return func(ev Event, doc Doc) error {
		if seen != nil {
			*seen = append(*seen, ev.Input.Rel)
		}
		if ev.Status == Converted && doc == nil {
			return errors.New("converted, but no document")
		}
		if doc != nil {
			if err := doc(buf); err != nil {
				return err
			}
			buf.WriteString("--\n")
		}
		return nil
	}
}

func stream(t *testing.T, jobs int, dir string) (string, Stats, error) {
	var buf bytes.Buffer
	st, err := Run(context.Background(), Config{
		Jobs: jobs, Emit: into(&buf, nil), Convert: fakeConvert,
	}, Expand([]string{dir}, WalkOptions{}))
	return buf.String(), st, err
}

func TestStreamOrderAnyJobs(t *testing.T) {
	dir := corpus(t, 120)
	want, st, err := stream(t, 1, dir)
	if err != nil || st.Converted != 119 || st.Failed != 1 {
		t.Fatalf("-j1: %+v, %v", st, err)
	}
	if !strings.HasPrefix(want, "<d0/f000.txt:LINE 0\n>\n--\n<d0/f003.txt:") {
		t.Errorf("-j1 output starts %q", want[:50])
	}
	for _, jobs := range []int{2, 4, 16} {
		got, _, err := stream(t, jobs, dir)
		if err != nil || got != want {
			t.Errorf("-j%d: output differs from -j1 (err %v)", jobs, err)
		}
	}
}

func TestWindowBoundsMemory(t *testing.T) {
	// While the first result is held back, no more than the window may be
	// computed ahead of it.
	const window = 5
	var started atomic.Int32
	release := make(chan struct{})
	go func() {
		time.Sleep(100 * time.Millisecond)
		close(release)
	}()
	err := Ordered(context.Background(), 1000, 4, window,
		func(_ context.Context, i int) int {
			started.Add(1)
			if i == 0 {
				<-release
			}
			return i
		},
		func(i, r int) error {
			if i == 0 {
				if n := started.Load(); n > window+2 {
					t.Errorf("%d started while the first was pending; window %d", n, window)
				}
			}
			if r != i {
				t.Errorf("got result %d at %d", r, i)
			}
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
}

func TestOutDir(t *testing.T) {
	dir := corpus(t, 30)
	out := filepath.Join(t.TempDir(), "out")
	run := func(skip bool, options string) Stats {
		t.Helper()
		st, err := Run(context.Background(), Config{
			Jobs: 4, OutDir: out, Ext: ".json", SkipExisting: skip, Stamp: options, Convert: fakeConvert,
		}, Expand([]string{dir}, WalkOptions{}))
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	st := run(false, "")
	if st.Converted != 29 || st.Failed != 1 {
		t.Fatalf("first run: %+v", st)
	}
	b, err := os.ReadFile(filepath.Join(out, "d2", "f002.txt.json"))
	if err != nil || string(b) != "<d2/f002.txt:LINE 2\nLINE 2\nLINE 2\n>\n" {
		t.Errorf("d2/f002.txt.json = %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(out, "d2", "f005.txt.json")); err == nil {
		t.Errorf("failed input has an output")
	}
	noTemps(t, out)
	if stamps, _ := filepath.Glob(filepath.Join(out, "*", ".*.stamp")); len(stamps) > 0 {
		t.Errorf("stamps without SkipExisting: %q", stamps)
	}

	// Outputs without a stamp are not known to be up to date; once
	// stamped, they are, until their input's bytes, the options or the
	// output itself change. Times play no part.
	if st = run(true, "a"); st.Converted != 29 || st.Skipped != 0 {
		t.Errorf("first run with SkipExisting: %+v", st)
	}
	if st = run(true, "a"); st.Converted != 0 || st.Skipped != 29 || st.Failed != 1 {
		t.Errorf("re-run: %+v", st)
	}
	if got := names(Expand([]string{out}, WalkOptions{Include: []string{"*"}})); len(got) != 29 {
		t.Errorf("a walk of OUT finds %d files, want the 29 outputs (stamps are hidden)", len(got))
	}
	future, past := time.Now().Add(time.Hour), time.Now().Add(-48*time.Hour)
	touched := filepath.Join(dir, "d0", "f003.txt")
	os.Chtimes(touched, future, future)
	replaced := filepath.Join(dir, "d1", "f004.txt")
	os.WriteFile(replaced, []byte("other words\n"), 0o644)
	os.Chtimes(replaced, past, past)
	if st = run(true, "a"); st.Converted != 1 || st.Skipped != 28 {
		t.Errorf("re-run after a touch and a replacement with an older time: %+v", st)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "d1", "f004.txt.json")); string(b) != "<d1/f004.txt:OTHER WORDS\n>\n" {
		t.Errorf("replaced input's output = %q", b)
	}
	if st = run(true, "b"); st.Converted != 29 {
		t.Errorf("re-run with other options: %+v", st)
	}
	edited := filepath.Join(out, "d2", "f008.txt.json")
	os.WriteFile(edited, []byte("edited"), 0o644)
	os.Remove(stampPath(filepath.Join(out, "d0", "f000.txt.json")))
	if st = run(true, "b"); st.Converted != 2 || st.Skipped != 27 {
		t.Errorf("re-run after an output was edited and a stamp removed: %+v", st)
	}
	if st = run(false, "c"); st.Converted != 29 {
		t.Errorf("run without skip: %+v", st)
	}
	// The run without SkipExisting rewrote the outputs with the same
	// bytes, so the stamps of "b" still hold.
	if st = run(true, "b"); st.Skipped != 29 {
		t.Errorf("re-run after a run without skip: %+v", st)
	}
	noTemps(t, out)
}

func noTemps(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}

func TestFailFast(t *testing.T) {
	dir := corpus(t, 200)
	var seen []string
	var buf bytes.Buffer
	st, err := Run(context.Background(), Config{
		Jobs: 4, Emit: into(&buf, &seen), FailFast: true, Convert: fakeConvert,
	}, Expand([]string{dir}, WalkOptions{}))
	if !errors.Is(err, ErrFailFast) {
		t.Fatalf("err = %v, want ErrFailFast", err)
	}
	// d2/f005.txt is the second file of d2, after the 67 of d0 and of d1.
	if st.Failed != 1 || st.Converted != 67+67+1 || seen[len(seen)-1] != "d2/f005.txt" {
		t.Errorf("stats %+v, last reported %s", st, seen[len(seen)-1])
	}
}

func TestDuplicateOutputs(t *testing.T) {
	a := tree(t, map[string]string{"x.txt": "a"})
	b := tree(t, map[string]string{"x.txt": "b"})
	out := t.TempDir()
	var errs []string
	st, err := Run(context.Background(), Config{
		Jobs: 2, OutDir: out, Ext: ".json", Convert: fakeConvert,
		Emit: func(ev Event, doc Doc) error {
			if ev.Err != nil {
				errs = append(errs, ev.Err.Error())
			}
			if doc != nil {
				return errors.New("a document streamed under --out-dir")
			}
			return nil
		},
	}, Expand([]string{a, b}, WalkOptions{}))
	if err != nil || st.Converted != 1 || st.Failed != 1 || len(errs) != 1 || !strings.Contains(errs[0], "already written") {
		t.Errorf("stats %+v, err %v, errors %q", st, err, errs)
	}
}

func TestWriteErrorNamesPath(t *testing.T) {
	dir := tree(t, map[string]string{"a.txt": "a", "blocker": ""})
	out := filepath.Join(dir, "blocker") // a file where a folder should be
	var msg string
	st, _ := Run(context.Background(), Config{
		Jobs: 1, OutDir: out, Ext: ".json", Convert: fakeConvert,
		Emit: func(ev Event, _ Doc) error {
			if ev.Err != nil {
				msg = ev.Err.Error()
			}
			return nil
		},
	}, []Input{{Name: "a.txt", Path: filepath.Join(dir, "a.txt"), Rel: "a.txt"}})
	if st.Failed != 1 || !strings.Contains(msg, filepath.Join(out, "a.txt.json")) {
		t.Errorf("stats %+v, message %q", st, msg)
	}
}

func TestStreamError(t *testing.T) {
	dir := corpus(t, 50)
	n := 0
	st, err := Run(context.Background(), Config{
		Jobs: 2, Convert: fakeConvert,
		Emit: func(Event, Doc) error {
			if n++; n == 3 {
				return os.ErrClosed
			}
			return nil
		},
	}, Expand([]string{dir}, WalkOptions{}))
	var se *StreamError
	if !errors.As(err, &se) || !errors.Is(err, os.ErrClosed) {
		t.Errorf("err = %v, want a StreamError of os.ErrClosed", err)
	}
	if st.Converted+st.Failed != 3 {
		t.Errorf("stats %+v: the run went on after the stream failed", st)
	}
}

func TestCancel(t *testing.T) {
	dir := corpus(t, 500)
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := Run(ctx, Config{
		Jobs: 4, OutDir: out, Ext: ".json", Convert: fakeConvert,
		Emit: func(Event, Doc) error {
			if n++; n == 20 {
				cancel()
			}
			return nil
		},
	}, Expand([]string{dir}, WalkOptions{}))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	noTemps(t, out)
}

func TestAtomicFileConcurrent(t *testing.T) {
	// Writers racing on one path: the result is always one whole version.
	dir := t.TempDir()
	p := filepath.Join(dir, "sub", "x.json")
	done := make(chan error)
	for i := range 8 {
		go func() {
			var err error
			for range 50 {
				if err = writeFile(p, bytes.Repeat([]byte{byte('a' + i)}, 64<<10)); err != nil {
					break
				}
			}
			done <- err
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	b, _ := os.ReadFile(p)
	if len(b) != 64<<10 || bytes.Count(b, b[:1]) != len(b) {
		t.Errorf("mixed or short file: %d bytes", len(b))
	}
	noTemps(t, dir)
}

func TestRebase(t *testing.T) {
	dir := tree(t, map[string]string{"calls/2023/q2.txt": "", "other/x.txt": ""})
	t.Chdir(dir)
	ins := Rebase(Expand([]string{"calls/2023/q2.txt", "calls/2023", "other/x.txt", "calls/../calls/2023/q2.txt"}, WalkOptions{}), "calls")
	var got []string
	for _, in := range ins {
		if in.Err != nil {
			got = append(got, "error: "+in.Err.Error())
		} else {
			got = append(got, in.Rel)
		}
	}
	want := []string{"2023/q2.txt", "2023/q2.txt", "error: not inside --root calls", "2023/q2.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("Rebase = %q, want %q", got, want)
	}
}

func TestConcurrentRunsSameOut(t *testing.T) {
	dir := corpus(t, 60)
	out := t.TempDir()
	errs := make(chan error)
	for range 3 {
		go func() {
			_, err := Run(context.Background(), Config{
				Jobs: 2, OutDir: out, Ext: ".json", Convert: fakeConvert,
			}, Expand([]string{dir}, WalkOptions{}))
			errs <- err
		}()
	}
	for range 3 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "d0", "f003.txt.json"))
	if err != nil || string(b) != "<d0/f003.txt:LINE 3\nLINE 3\nLINE 3\nLINE 3\n>\n" {
		t.Errorf("d0/f003.txt.json = %q, %v", b, err)
	}
	noTemps(t, out)
}

// TestBigDocumentStopsAtSignal: a big input's document, written where it
// goes rather than ahead, stops at a cancellation between two writes: the
// stream gets no more of it, and under OutDir its file is never made.
func TestBigDocumentStopsAtSignal(t *testing.T) {
	dir := tree(t, map[string]string{"big.txt": strings.Repeat("x", bufferLimit+1)})
	const chunks = 100
	for _, outDir := range []string{"", filepath.Join(t.TempDir(), "out")} {
		ctx, cancel := context.WithCancel(context.Background())
		written := 0
		convert := func(_ int, _ Input, _ []byte) (Doc, error) {
			return func(w io.Writer) error {
				for k := range chunks {
					if k == 1 {
						cancel() // Ctrl-C while the document is being written
					}
					if _, err := w.Write(bytes.Repeat([]byte{'y'}, 64<<10)); err != nil {
						return err
					}
					written++
				}
				return nil
			}, nil
		}
		var stream bytes.Buffer
		_, err := Run(ctx, Config{
			Jobs: 1, OutDir: outDir, Ext: ".json", Convert: convert,
			Emit: func(ev Event, doc Doc) error {
				if doc == nil {
					return nil
				}
				return doc(&stream)
			},
		}, Expand([]string{dir}, WalkOptions{}))
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("out-dir %q: Run returned %v, want the cancellation", outDir, err)
		}
		if written != 1 || stream.Len() > 64<<10 {
			t.Errorf("out-dir %q: %d chunks written after the signal, %d bytes streamed", outDir, written-1, stream.Len())
		}
		if outDir != "" {
			if entries, _ := os.ReadDir(outDir); len(entries) > 0 {
				t.Errorf("out-dir left %v", entries)
			}
		}
	}
}
