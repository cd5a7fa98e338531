package batch

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// DefaultInclude are the file name patterns a folder walk picks when the
// caller gives none.
var DefaultInclude = []string{"*.txt", "*.md"}

// ErrNoFiles is the error of a folder argument in which no file matches.
var ErrNoFiles = errors.New("no files to convert in this folder")

// Input is one thing to convert.
type Input struct {
	// Name shows the input in messages and in the document: the path as
	// given, or joined onto the folder given; "<stdin>" for standard input.
	Name string
	// Path is where to read it.
	Path string
	// Stdin is set for standard input ("-").
	Stdin bool
	// Rel is the slash-separated path of the input relative to its input
	// root (the folder argument it was found in, or the folder of a file
	// argument). It is always local: no "..", not absolute. Outputs are
	// placed by it, never by Path.
	Rel string
	// Err is set when the input was found to be unusable while walking (a
	// folder that cannot be read, a broken link).
	Err error
}

// WalkOptions choose which files a folder walk picks.
type WalkOptions struct {
	// Include are patterns (path.Match syntax) matched against the file
	// name, or against the path relative to the root when the pattern holds
	// a "/". Empty means DefaultInclude.
	Include []string
	// Skip is a folder never to enter (the output folder), or "".
	Skip string
}

// CheckPatterns reports a malformed pattern.
func CheckPatterns(patterns []string) error {
	for _, p := range patterns {
		if _, err := path.Match(p, ""); err != nil {
			return fmt.Errorf("bad --include pattern %q: %v", p, err)
		}
	}
	return nil
}

// Expand turns the arguments into inputs: "-" is standard input, a folder is
// walked recursively in sorted order (skipping hidden files and folders and
// o.Skip; following symbolic links, for reading only), anything else is a
// file, whether or not it matches the patterns (a missing file shows up as
// a read error later, in its place).
func Expand(args []string, o WalkOptions) []Input {
	if len(o.Include) == 0 {
		o.Include = DefaultInclude
	}
	w := walker{o: o}
	if o.Skip != "" {
		w.skip, _ = os.Stat(o.Skip)
	}
	for _, a := range args {
		if a == "-" {
			w.out = append(w.out, Input{Name: "<stdin>", Rel: "stdin", Stdin: true})
			continue
		}
		fi, err := os.Stat(a)
		if err != nil || !fi.IsDir() {
			w.out = append(w.out, Input{Name: a, Path: a, Rel: filepath.Base(a)})
			continue
		}
		n := len(w.out)
		w.dir(a, "", []os.FileInfo{fi})
		if len(w.out) == n {
			w.out = append(w.out, Input{Name: a, Path: a, Err: fmt.Errorf("%w (--include %s)", ErrNoFiles, strings.Join(o.Include, ", "))})
		}
	}
	return w.out
}

type walker struct {
	o    WalkOptions
	skip os.FileInfo
	out  []Input
}

// dir walks folder p, whose path relative to the root is rel; ancestors
// are the folders above it (and itself), to stop symbolic link cycles.
func (w *walker) dir(p, rel string, ancestors []os.FileInfo) {
	entries, err := os.ReadDir(p)
	if err != nil {
		w.out = append(w.out, Input{Name: p, Path: p, Rel: rel, Err: err})
		return
	}
	// os.ReadDir sorts by name, which makes the order stable.
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		ep := filepath.Join(p, name)
		erel := name
		if rel != "" {
			erel = rel + "/" + name
		}
		mode := e.Type()
		if mode&os.ModeSymlink != 0 {
			fi, err := os.Stat(ep)
			if err != nil {
				if w.match(name, erel) {
					w.out = append(w.out, Input{Name: ep, Path: ep, Rel: erel, Err: err})
				}
				continue
			}
			mode = fi.Mode().Type()
		}
		switch {
		case mode.IsDir():
			fi, err := os.Stat(ep)
			if err != nil {
				w.out = append(w.out, Input{Name: ep, Path: ep, Rel: erel, Err: err})
				continue
			}
			if w.skip != nil && os.SameFile(fi, w.skip) {
				continue
			}
			if cycle(fi, ancestors) {
				continue
			}
			w.dir(ep, erel, append(ancestors[:len(ancestors):len(ancestors)], fi))
		case mode.IsRegular():
			if w.match(name, erel) {
				w.out = append(w.out, Input{Name: ep, Path: ep, Rel: erel})
			}
		}
	}
}

func (w *walker) match(name, rel string) bool {
	for _, p := range w.o.Include {
		s := name
		if strings.Contains(p, "/") {
			s = rel
		}
		if ok, _ := path.Match(p, s); ok {
			return true
		}
	}
	return false
}

func cycle(fi os.FileInfo, ancestors []os.FileInfo) bool {
	for _, a := range ancestors {
		if os.SameFile(fi, a) {
			return true
		}
	}
	return false
}

// OutputPath is where the output for in goes under dir: the input's path
// relative to its root, with ext appended ("calls/q2.txt" → dir/q2.txt.json
// for root "calls"), so that q2.txt and q2.md do not collide.
func OutputPath(dir string, in Input, ext string) (string, error) {
	rel := filepath.FromSlash(in.Rel)
	if in.Rel == "" || !filepath.IsLocal(rel) {
		// Expand never makes such a Rel; refuse rather than write outside.
		return "", errors.New("no safe output name for this input")
	}
	return filepath.Join(dir, rel+ext), nil
}

// Rebase places inputs by their path relative to root instead of to their
// own input root, so that files named one by one (find | xargs) keep their
// folders under OUT. An input outside root gets an error instead: it would
// have no place inside OUT. Paths are compared as written (made absolute),
// not with links resolved, like the rest of the placement.
func Rebase(inputs []Input, root string) []Input {
	absRoot, err := filepath.Abs(root)
	if err != nil {
		absRoot = root
	}
	out := make([]Input, len(inputs))
	for i, in := range inputs {
		out[i] = in
		if in.Stdin || in.Path == "" {
			continue
		}
		p, err := filepath.Abs(in.Path)
		if err == nil {
			p, err = filepath.Rel(absRoot, p)
		}
		if err != nil || !filepath.IsLocal(p) {
			if in.Err == nil {
				out[i].Err = fmt.Errorf("not inside --root %s", root)
			}
			continue
		}
		out[i].Rel = filepath.ToSlash(p)
	}
	return out
}
