package main

import (
	"context"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/transcript-cli/transcript/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"transcript": func() { os.Exit(cli.Main(context.Background())) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: the built
// command on real files, stdin, flags, errors and exit codes.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			ref, err := os.ReadFile("../../testdata/amazon-2023-q2.en-zh-Hant.txt")
			if err != nil {
				return err
			}
			return os.WriteFile(env.WorkDir+"/amazon.txt", ref, 0o644)
		},
	})
}
