package export

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// chromium runs headless Chromium on a page with the flags that keep it
// from reaching the network or a profile.
func chromium(t *testing.T, bin, page string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--hide-scrollbars", "--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(append(base, args...), "file://"+page)...)
	cmd.Dir = t.TempDir()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.String())
	}
	return out
}

// TestHTMLInChromium renders the reference page in a real browser: its
// text must hold every speaker, and its screenshot must be a page, not a
// blank.
func TestHTMLInChromium(t *testing.T) {
	bin := needTool(t, "chromium")
	ref := reference(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "amazon.html")
	if err := os.WriteFile(page, render(t, "html", ref), 0o644); err != nil {
		t.Fatal(err)
	}

	dom := string(chromium(t, bin, page, "--dump-dom"))
	for _, turn := range ref.Turns {
		if !strings.Contains(dom, *turn.Speaker) {
			t.Errorf("rendered page lacks speaker %q", *turn.Speaker)
		}
	}
	if !strings.Contains(dom, "Contents") || !strings.Contains(dom, *ref.Turns[2].Paragraphs[0].ZH) {
		t.Error("rendered page lacks the contents or the Chinese text")
	}

	shot := filepath.Join(dir, "out.png")
	chromium(t, bin, page, "--screenshot="+shot, "--window-size=1280,2000")
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 2000 {
		t.Errorf("screenshot is %dx%d, want 1280x2000", b.Dx(), b.Dy())
	}
	if n := colours(img); n < 16 {
		t.Errorf("screenshot has %d colours: the page looks blank", n)
	}
}

// colours counts the distinct colours of an image (anti-aliased text
// gives many; a blank page one).
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return len(seen)
}
