// Command transcript turns bilingual earnings-call transcripts into JSON or
// YAML. See the README for usage.
package main

import (
	"context"
	"os"

	"github.com/transcript-cli/transcript/internal/cli"
)

func main() { os.Exit(cli.Main(context.Background())) }
