package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/transcript-cli/transcript/internal/parse"
)

func TestLayoutsCommand(t *testing.T) {
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"layouts"}, Streams{In: strings.NewReader(""), Out: &out, Err: &errb})
	if code != ExitOK || errb.Len() > 0 {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	all := parse.Layouts()
	if len(lines) != len(all) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(all), out.String())
	}
	for i, l := range all {
		if f := strings.Fields(lines[i]); len(f) < 2 || f[0] != l.Name {
			t.Errorf("line %d = %q, want name %q and its description", i, lines[i], l.Name)
		}
	}
	if code := Run(context.Background(), []string{"layouts", "extra"}, Streams{In: strings.NewReader(""), Out: &out, Err: &errb}); code != ExitUsage {
		t.Errorf("layouts with an argument: exit %d, want %d", code, ExitUsage)
	}
}
