package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/transcript-cli/transcript/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(cleanup{m}, map[string]func(){
		"transcript": func() { os.Exit(cli.Main(context.Background())) },
	})
}

// cleanup removes the binary that binary() builds once the tests are done.
type cleanup struct{ *testing.M }

func (c cleanup) Run() int {
	code := c.M.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	return code
}

// TestScripts runs the end-to-end scripts in testdata/script: the built
// command on real files, stdin, flags, errors and exit codes. Each script
// starts with amazon.txt, a copy of the reference transcript, and $REF, its
// absolute path.
func TestScripts(t *testing.T) {
	ref, err := filepath.Abs("../../testdata/amazon-2023-q2.en-zh-Hant.txt")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("REF", ref)
			data, err := os.ReadFile(ref)
			if err != nil {
				return err
			}
			return os.WriteFile(env.WorkDir+"/amazon.txt", data, 0o644)
		},
	})
}
