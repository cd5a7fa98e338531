package textutil

import (
	"os"
	"strings"
	"testing"
)

func BenchmarkCount(b *testing.B) {
	data, err := os.ReadFile("../../testdata/amazon-2023-q2.en-zh-Hant.txt")
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		for _, l := range lines {
			Count(l)
		}
	}
}
