package model

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of the JSON output, versioned
// with SchemaVersion. Tests validate the golden outputs against it, so the
// two cannot drift apart.
//
//go:embed schema.json
var Schema []byte
