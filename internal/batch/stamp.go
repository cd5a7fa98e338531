package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
)

// A stamp records what an output file of OutDir was made from, so that
// SkipExisting can tell an up-to-date output from a stale one by content,
// never by times: a hidden file beside the output (".q2.txt.json.stamp"
// for "q2.txt.json", which folder walks skip) holding the sha256 of the
// input's bytes, the caller's Stamp (the format, the options, the
// version), and the size and CRC-32C of the output's bytes.
//
// An input is skipped only when all of them still hold: an input replaced
// by other bytes (whatever its time), changed options, and an output
// changed since (rewritten by a run without SkipExisting, by hand, or by
// a concurrent run with other options) are all converted again. It works
// the same for every format, whose bytes it leaves alone. A stamp is a
// file of its own rather than a line in one manifest per folder so that
// concurrent runs into one OUT (xargs -P) cannot lose each other's; it is
// written after its output and not atomically, since a missing, torn or
// stale stamp fails the check and only costs a conversion.
type stamp struct {
	Input   string `json:"input_sha256"`
	Options string `json:"options"`
	Bytes   int64  `json:"output_bytes"`
	CRC     uint32 `json:"output_crc32c"`
}

// stampPath is where the stamp of output out goes.
func stampPath(out string) string {
	dir, base := filepath.Split(out)
	return filepath.Join(dir, "."+base+".stamp")
}

// inputSum is the hash of an input's bytes that stamps record.
func inputSum(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// castagnoli is the table of CRC-32C, the checksum of stamps.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// writeStamp records that out holds size bytes of checksum crc, made from
// an input of hash sum with options. A stamp that cannot be written (a
// name at the system's limit) only means a conversion next time, so its
// error is dropped.
func writeStamp(out, sum, options string, size int64, crc uint32) {
	b, err := json.Marshal(stamp{Input: sum, Options: options, Bytes: size, CRC: crc})
	if err != nil {
		return
	}
	_ = os.WriteFile(stampPath(out), append(b, '\n'), 0o644)
}

// upToDate reports whether out is what converting an input of hash sum
// with options gives, by its stamp.
func upToDate(out, sum, options string) bool {
	b, err := os.ReadFile(stampPath(out))
	if err != nil {
		return false
	}
	var s stamp
	if json.Unmarshal(b, &s) != nil || s.Input != sum || s.Options != options {
		return false
	}
	f, err := os.Open(out)
	if err != nil {
		return false
	}
	defer f.Close()
	h := crc32.New(castagnoli)
	n, err := io.Copy(h, f)
	return err == nil && n == s.Bytes && h.Sum32() == s.CRC
}
