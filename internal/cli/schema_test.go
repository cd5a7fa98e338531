package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/transcript-cli/transcript/internal/model"
)

func TestSchemaCommand(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Run(context.Background(), []string{"schema"}, Streams{Out: &out, Err: &errb}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !bytes.Equal(out.Bytes(), model.Schema) {
		t.Error("transcript schema does not print the embedded schema")
	}
	var v map[string]any
	if err := json.Unmarshal(out.Bytes(), &v); err != nil || v["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("not a draft 2020-12 schema: %v", err)
	}
	if code := Run(context.Background(), []string{"schema", "extra"}, Streams{Out: &out, Err: &errb}); code != ExitUsage {
		t.Errorf("schema with an argument: exit %d, want %d", code, ExitUsage)
	}
}

func TestParseHTMLNeedsOneInput(t *testing.T) {
	ref := filepath.Join("..", "..", "testdata", "amazon-2023-q2.en-zh-Hant.txt")
	if _, err := os.Stat(ref); err != nil {
		t.Skip(err)
	}
	var out, errb bytes.Buffer
	if code := Run(context.Background(), []string{"parse", "-f", "html", ref, ref}, Streams{Out: &out, Err: &errb}); code != ExitUsage {
		t.Errorf("html with two inputs: exit %d, want %d", code, ExitUsage)
	}
	if out.Len() != 0 {
		t.Error("html with two inputs wrote output")
	}
	out.Reset()
	if code := Run(context.Background(), []string{"parse", "-f", "csv", "--bom", ref, ref}, Streams{Out: &out, Err: &errb}); code != ExitOK {
		t.Fatalf("csv: exit %d: %s", code, errb.String())
	}
	if !bytes.HasPrefix(out.Bytes(), []byte("\uFEFFfile,")) || bytes.Count(out.Bytes(), []byte("file,turn,")) != 1 {
		t.Error("csv of two inputs: want one BOM and one header row")
	}
}
