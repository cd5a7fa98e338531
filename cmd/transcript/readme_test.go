package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/transcript-cli/transcript/internal/export"
	"github.com/transcript-cli/transcript/internal/model"
)

// TestREADMEExamples runs the README's jq recipes on the reference call, so
// that the README cannot lie: each must exit 0 and print something.
func TestREADMEExamples(t *testing.T) {
	if _, err := exec.LookPath("jq"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("jq is not installed; .ci/run installs it")
		}
		t.Skip("jq not installed")
	}
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	ref, err := filepath.Abs("../../testdata/amazon-2023-q2.en-zh-Hant.txt")
	require.NoError(t, err)

	block := regexp.MustCompile("(?s)```sh\n(.*?)```")
	var recipes []string
	for _, m := range block.FindAllStringSubmatch(string(readme), -1) {
		for _, line := range strings.Split(m[1], "\n") {
			if i := strings.Index(line, "  #"); i >= 0 {
				line = line[:i]
			}
			line = strings.TrimSpace(line)
			if !strings.HasPrefix(line, "transcript parse ") || !strings.Contains(line, "| jq") {
				continue
			}
			line = strings.ReplaceAll(line, "calls/*.txt", ref+" "+ref)
			line = strings.ReplaceAll(line, "a.txt b.txt", ref+" "+ref)
			line = strings.ReplaceAll(line, "call.txt", ref)
			recipes = append(recipes, line)
		}
	}
	require.GreaterOrEqual(t, len(recipes), 7, "the README's jq recipes were not found")
	for _, r := range recipes {
		cmd := exec.Command("bash", "-o", "pipefail", "-c", r)
		cmd.Dir = t.TempDir()
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s\n%s", r, out)
		require.NotEmpty(t, strings.TrimSpace(string(out)), r)
	}
}

// TestREADMECFORecipe: the README's CFO question answers on real calls
// too, whose turns take their titles from the participant list.
func TestREADMECFORecipe(t *testing.T) {
	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("jq not installed")
	}
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^(transcript parse call\.txt \| jq .*CFO.*)$`).FindStringSubmatch(string(readme))
	require.NotNil(t, m, "the README's CFO recipe was not found")
	for _, name := range []string{"fool-msft-q3-2026-en-zh-interleaved.txt", "fool-msft-q1-2025-en-zh-interleaved-header-lines.txt"} {
		f, err := filepath.Abs(filepath.Join("../../../shared/corpus/external", name))
		require.NoError(t, err)
		if _, err := os.Stat(f); err != nil {
			t.Skip("../shared/corpus is absent")
		}
		cmd := exec.Command("bash", "-o", "pipefail", "-c", strings.ReplaceAll(m[1], "call.txt", f))
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", out)
		require.NotEmpty(t, strings.TrimSpace(string(out)), name)
	}
}

// TestREADMEWarnings: the README's table of warnings lists every code
// the tool can emit, with the severity it carries, and nothing else.
func TestREADMEWarnings(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	section := readmeSection(t, string(readme), "### Warnings", "\n## ")
	row := regexp.MustCompile("(?m)^\\| `([a-z_]+)` \\| (error|warning) \\|")
	got := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(section, -1) {
		got[m[1]] = m[2]
	}
	require.Equal(t, model.Severities, got)
}

// readmeSection is the part of text from heading up to the next end (a heading
// of the level that closes it), or to the end of text.
func readmeSection(t *testing.T, text, heading, end string) string {
	t.Helper()
	start := strings.Index(text, heading)
	require.GreaterOrEqual(t, start, 0, "README has no %q section", heading)
	text = text[start:]
	if i := strings.Index(text[1:], end); i >= 0 {
		text = text[:i+1]
	}
	return text
}

// TestDocsNameEveryFormat: the README's table of formats and its --format
// flag, and the table of docs/formats.md with each extension, list the
// registered formats, no more and no fewer, so that adding one to the
// registry without its documentation fails.
func TestDocsNameEveryFormat(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	docs, err := os.ReadFile("../../docs/formats.md")
	require.NoError(t, err)
	want := map[string]string{}
	for _, f := range export.Formats() {
		want[f.Name] = f.Ext
	}

	section := readmeSection(t, string(readme), "### Formats", "\n### ")
	got := map[string]string{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z0-9]+)`( \\(default\\))? \\|").FindAllStringSubmatch(section, -1) {
		got[m[1]] = want[m[1]]
	}
	require.Equal(t, want, got, "README's table of formats")

	flag := regexp.MustCompile("(?m)^\\| `-f, --format NAME` \\|.*$").FindString(string(readme))
	require.NotEmpty(t, flag, "README has no --format row")
	for name := range want {
		require.Contains(t, flag, "`"+name+"`", "README's --format row")
	}

	got = map[string]string{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z0-9]+)` \\| `(\\.[a-z0-9]+)` \\|").FindAllStringSubmatch(string(docs), -1) {
		got[m[1]] = m[2]
	}
	require.Equal(t, want, got, "docs/formats.md's table of formats and extensions")
}
