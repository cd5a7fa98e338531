package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/transcript-cli/transcript/internal/build"
	"github.com/transcript-cli/transcript/internal/export"
)

var update = flag.Bool("update", false, "rewrite golden files")

const reference = "testdata/amazon-2023-q2.en-zh-Hant.txt"

// run runs transcript from the repository root, as a user would.
func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	t.Chdir("../..")
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, Streams{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	return out.String(), errb.String(), code
}

// golden compares got with the named file under testdata/golden, or
// rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./internal/cli -update to create it")
	if string(want) != got {
		t.Errorf("%s differs from the output; if the change is intended, run make update-golden\n%s", path, firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) && i < len(g); i++ {
		if w[i] != g[i] {
			return "line " + itoa(i+1) + ":\nwant: " + w[i] + "\ngot:  " + g[i]
		}
	}
	return "lengths differ: want " + itoa(len(w)) + " lines, got " + itoa(len(g))
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func TestMain(m *testing.M) {
	// Golden files must not change with the build's version (TMX and
	// HTML name it).
	build.Version = "test"
	os.Exit(m.Run())
}

// TestGolden runs the command line on the reference file in every
// registered format: a format added without its golden file fails here.
func TestGolden(t *testing.T) {
	for _, f := range export.Formats() {
		t.Run(f.Name, func(t *testing.T) {
			out, errs, code := run(t, "", "parse", "-f", f.Name, reference)
			require.Equal(t, 0, code, errs)
			assert.Empty(t, errs, "stderr must be empty on success")
			golden(t, "amazon"+f.Ext, out)
		})
	}
}

// TestFormatLists: the help, the flag's help and the shell completion
// name every registered format, from the registry.
func TestFormatLists(t *testing.T) {
	help, _, code := run(t, "", "parse", "--help")
	require.Equal(t, ExitOK, code)
	t.Chdir("internal/cli")
	rootHelp, _, code := run(t, "", "--help")
	require.Equal(t, ExitOK, code)
	t.Chdir("internal/cli")
	completion, _, code := run(t, "", "__complete", "parse", "--format", "")
	require.Equal(t, ExitOK, code)
	for _, f := range export.Formats() {
		assert.Regexp(t, `(?m)^  `+f.Name+` +`+regexp.QuoteMeta(f.Description)+`$`, help, "parse --help lists the formats")
		assert.Contains(t, completion, f.Name+"\t"+f.Description+"\n")
		assert.Contains(t, rootHelp, f.Name)
	}
	assert.Contains(t, help, "output format NAME: "+strings.Join(export.Names(), ", "))
}

func TestReferenceFacts(t *testing.T) {
	out, _, code := run(t, "", "parse", reference)
	require.Equal(t, 0, code)
	var doc struct {
		Languages struct{ Translation string }
		Summary   []string
		Notices   []string
		Turns     []struct {
			Speaker    *string
			Paragraphs []struct {
				Status string
			}
		}
		Warnings []any
		Metadata struct {
			Company, Quarter, Date string
			FiscalYear             int `json:"fiscal_year"`
		}
		Participants []struct {
			Name, Role string
			Firm       *string
		}
		QA []struct {
			Analyst   string
			Firm      string
			Questions []int
			Answers   []int
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	assert.Len(t, doc.Turns, 26)
	n := 0
	for _, turn := range doc.Turns {
		for _, p := range turn.Paragraphs {
			assert.Equal(t, "paired", p.Status)
			n++
		}
	}
	assert.Equal(t, 87, n)
	assert.Len(t, doc.Summary, 6)
	assert.Len(t, doc.Notices, 1)
	assert.Equal(t, "zh-Hant", doc.Languages.Translation)
	assert.Empty(t, doc.Warnings)

	assert.Equal(t, "Amazon.com", doc.Metadata.Company)
	assert.Equal(t, "Q2", doc.Metadata.Quarter)
	assert.Equal(t, 2023, doc.Metadata.FiscalYear)
	assert.Equal(t, "2023-08-03", doc.Metadata.Date)
	byRole := map[string][]string{}
	var firms []string
	for _, p := range doc.Participants {
		byRole[p.Role] = append(byRole[p.Role], p.Name)
		if p.Firm != nil {
			firms = append(firms, *p.Firm)
		}
	}
	assert.Equal(t, []string{"Dave Fildes", "Andrew R. Jassy", "Brian T. Olsavsky"}, byRole["executive"])
	assert.Equal(t, []string{"Operator"}, byRole["operator"])
	assert.Len(t, byRole["analyst"], 6)
	assert.Equal(t, []string{"Baird", "Evercore ISI", "Jefferies", "Goldman Sachs", "Morgan Stanley", "JPMorgan"}, firms)
	require.Len(t, doc.QA, 6)
	assert.Equal(t, "Colin Alan Sebastian", doc.QA[0].Analyst)
	assert.Equal(t, "Baird", doc.QA[0].Firm)
	assert.Equal(t, []int{5}, doc.QA[0].Questions)
	assert.Equal(t, []int{6, 7}, doc.QA[0].Answers)
}

// TestYAMLMatchesJSON: the two formats carry the same data.
func TestYAMLMatchesJSON(t *testing.T) {
	j, _, code := run(t, "", "parse", reference)
	require.Equal(t, 0, code)
	t.Chdir("internal/cli") // run changed into the root; come back for the next run
	y, _, code := run(t, "", "parse", "-f", "yaml", reference)
	require.Equal(t, 0, code)
	var fromJSON, fromYAML any
	require.NoError(t, json.Unmarshal([]byte(j), &fromJSON))
	require.NoError(t, yaml.Unmarshal([]byte(y), &fromYAML))
	// Round-trip the YAML through JSON so both sides use the same Go types.
	b, err := json.Marshal(fromYAML)
	require.NoError(t, err)
	var norm any
	require.NoError(t, json.Unmarshal(b, &norm))
	assert.Equal(t, fromJSON, norm)
}

// TestJQ pipes real output through the real jq binary, as users do.
func TestJQ(t *testing.T) {
	jq, err := exec.LookPath("jq")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("jq is not installed; .ci/run installs it")
		}
		t.Skip("jq not installed")
	}
	out, _, code := run(t, "", "parse", reference, reference)
	require.Equal(t, 0, code)
	cmd := exec.Command(jq, "-s", "-c", "[.[] | .turns | length]")
	cmd.Stdin = strings.NewReader(out)
	res, err := cmd.Output()
	require.NoError(t, err)
	assert.Equal(t, "[26,26]\n", string(res), "two documents, 26 turns each")
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		stdin  string
		term   bool
		args   []string
		code   int
		stderr string
	}{
		{"ok", "", false, []string{"parse", reference}, ExitOK, ""},
		{"stdin", "Operator\nOperator\nHello and welcome.\n", false, []string{"parse"}, ExitOK, ""},
		{"terminal without file prints help", "", true, []string{"parse"}, ExitUsage, "Usage:"},
		{"unknown format", "", false, []string{"parse", "-f", "xml", reference}, ExitUsage, `unknown format "xml" (valid: ` + strings.Join(export.Names(), ", ") + ")"},
		{"unknown command", "", false, []string{"nope"}, ExitUsage, `unknown command "nope"`},
		{"misspelt command", "", false, []string{"pars", reference}, ExitUsage, `unknown command "pars" for "transcript" (did you mean parse?)`},
		{"unknown flag", "", false, []string{"parse", "--nope", reference}, ExitUsage, "unknown flag: --nope"},
		{"bad flag value", "", false, []string{"parse", "-j", "two", reference}, ExitUsage, `invalid argument "two" for "-j, --jobs"`},
		{"lint: bad flag value", "", false, []string{"lint", "-j", "two", reference}, ExitUsage, `invalid argument "two" for "-j, --jobs"`},
		{"lint: unknown format", "", false, []string{"lint", "-f", "xml", reference}, ExitUsage, `unknown format "xml" (valid: json, text)`},
		{"lint: unreadable", "", false, []string{"lint", "nosuch.txt"}, ExitFailure, "transcript: nosuch.txt: open nosuch.txt: no such file or directory\n"},
		{"no jobs", "", false, []string{"parse", "-j", "0", reference}, ExitUsage, "--jobs must be at least 1, not 0"},
		{"skip-existing without out-dir", "", false, []string{"parse", "--skip-existing", reference}, ExitUsage, "--skip-existing needs --out-dir"},
		{"missing file", "", false, []string{"parse", "nosuch.txt"}, ExitFailure, "transcript: nosuch.txt: open nosuch.txt: no such file or directory\n"},
		{"empty stdin", "", false, []string{"parse"}, ExitFailure, "transcript: <stdin>: no transcript found"},
		{"unknown layout", "", false, []string{"parse", "--layout", "nope", reference}, ExitUsage, `unknown layout "nope" (valid: auto, alphamemo, `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir("../..")
			var out, errb bytes.Buffer
			code := Run(context.Background(), tt.args, Streams{In: strings.NewReader(tt.stdin), Out: &out, Err: &errb, InTerminal: tt.term})
			assert.Equal(t, tt.code, code)
			if tt.stderr == "" {
				assert.Empty(t, errb.String())
			} else {
				assert.Contains(t, errb.String(), tt.stderr)
				if msg := strings.SplitN(errb.String(), "\n", 2)[0]; strings.HasPrefix(msg, "transcript: ") {
					assert.False(t, strings.HasSuffix(msg, "."), "messages end without a full stop: %q", msg)
				}
			}
			if code == ExitUsage && !tt.term {
				// One line that says what is wrong, one that points to
				// the help of the command at fault: not the whole usage.
				lines := strings.Split(strings.TrimSuffix(errb.String(), "\n"), "\n")
				if assert.Len(t, lines, 2, errb.String()) {
					assert.True(t, strings.HasPrefix(lines[0], "transcript: "), lines[0])
					cmd := "transcript"
					if tt.args[0] == "parse" || tt.args[0] == "lint" {
						cmd += " " + tt.args[0]
					}
					assert.Equal(t, "Run '"+cmd+" --help' for usage.", lines[1])
				}
			}
			if code != ExitOK && tt.args[0] != "lint" {
				assert.Empty(t, out.String(), "nothing on stdout on failure")
			}
		})
	}
}

// TestYAMLReadByPyYAML: a YAML 1.1 reader (PyYAML, under Debian's python3)
// reads the same data as the JSON, including "yes", "No" and "1:20" as
// text.
func TestYAMLReadByPyYAML(t *testing.T) {
	if exec.Command("/usr/bin/python3", "-c", "import yaml").Run() != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("PyYAML is not installed; .ci/run installs python3-yaml")
		}
		t.Skip("PyYAML not installed")
	}
	in := filepath.Join(t.TempDir(), "in.txt")
	require.NoError(t, os.WriteFile(in, []byte("Operator\nOperator\nyes\nNo\n1:20\nHello there, everyone.\n"), 0o644))
	for _, path := range []string{reference, in} {
		j, _, code := run(t, "", "parse", "-c", path)
		require.Equal(t, 0, code)
		t.Chdir("internal/cli")
		y, _, code := run(t, "", "parse", "-f", "yaml", path)
		require.Equal(t, 0, code)
		t.Chdir("internal/cli")
		cmd := exec.Command("/usr/bin/python3", "-c",
			"import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin), sort_keys=True, ensure_ascii=False))")
		cmd.Stdin = strings.NewReader(y)
		out, err := cmd.Output()
		require.NoError(t, err)
		var fromYAML, fromJSON any
		require.NoError(t, json.Unmarshal(out, &fromYAML))
		require.NoError(t, json.Unmarshal([]byte(j), &fromJSON))
		assert.Equal(t, fromJSON, fromYAML, path)
	}
}

// epipeWriter fails every write as a closed pipe does.
type epipeWriter struct{}

func (epipeWriter) Write([]byte) (int, error) { return 0, syscall.EPIPE }

// TestLintClosedPipe: lint into a reader that went away ends quietly with
// 141, like parse, in both report formats.
func TestLintClosedPipe(t *testing.T) {
	in := filepath.Join(t.TempDir(), "messy.txt")
	require.NoError(t, os.WriteFile(in, []byte("Operator\nOperator\nGood day and welcome to the call.\nAnd now the first question please.\n大家好。\n"), 0o644))
	for _, format := range []string{"text", "json"} {
		var errb bytes.Buffer
		code := Run(context.Background(), []string{"lint", "-f", format, in}, Streams{In: strings.NewReader(""), Out: epipeWriter{}, Err: &errb})
		assert.Equal(t, ExitPipe, code, format)
		assert.Empty(t, errb.String(), format)
	}
}
