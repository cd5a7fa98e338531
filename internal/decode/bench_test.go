package decode

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"
)

func benchDecode(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(data, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeUTF8(b *testing.B) {
	benchDecode(b, []byte(readReference(b)))
}

func BenchmarkDecodeUTF8CRLF(b *testing.B) {
	benchDecode(b, []byte(strings.ReplaceAll(readReference(b), "\n", "\r\n")))
}

func BenchmarkDecodeBig5(b *testing.B) {
	data, _ := encodeLossy(b, readReference(b), traditionalchinese.Big5)
	benchDecode(b, data)
}

func BenchmarkDecodeUTF16(b *testing.B) {
	benchDecode(b, append([]byte{0xFF, 0xFE}, utf16Bytes(readReference(b), false)...))
}

func BenchmarkDecodeUTF8Large(b *testing.B) {
	benchDecode(b, []byte(largeText(b, "\n")))
}

func BenchmarkDecodeUTF8LargeCRLF(b *testing.B) {
	benchDecode(b, []byte(largeText(b, "\r\n")))
}
