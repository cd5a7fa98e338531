package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/transcript-cli/transcript/internal/convert"
	"github.com/transcript-cli/transcript/internal/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

// refPath is the reference file as named in the outputs: relative to the
// repository root, as `make run` names it.
const refPath = "testdata/amazon-2023-q2.en-zh-Hant.txt"

var (
	refOnce sync.Once
	refT    *model.Transcript
	refErr  error
)

// reference converts the reference file once per test binary.
func reference(t testing.TB) *model.Transcript {
	t.Helper()
	refOnce.Do(func() {
		data, err := os.ReadFile(filepath.Join("..", "..", refPath))
		if err != nil {
			refErr = err
			return
		}
		refT, refErr = convert.Convert(refPath, data, convert.Options{})
	})
	if refErr != nil {
		t.Fatal(refErr)
	}
	return refT
}

func TestMain(m *testing.M) {
	// Golden files must not change with the build's version.
	toolVersion = func() string { return "test" }
	os.Exit(m.Run())
}

// needTool finds an external consumer; without it the test skips, except
// under CI=true, where the consumer test must run.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s not found, and CI=true requires it: %v", name, err)
		}
		t.Skipf("%s not found: %v", name, err)
	}
	return p
}

func render(t *testing.T, name string, ts ...*model.Transcript) []byte {
	t.Helper()
	f, err := Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	sw := NewStream(&buf, f, Options{})
	for _, tr := range ts {
		if err := sw.Write(tr); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGolden renders the reference in every registered format (the
// command line's TestGolden holds its output to the same files).
func TestGolden(t *testing.T) {
	ref := reference(t)
	for _, format := range Formats() {
		f := format.Name
		t.Run(f, func(t *testing.T) {
			got := render(t, f, ref)
			path := filepath.Join("..", "..", "testdata", "golden", "amazon"+format.Ext)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s output differs from %s (run go test -update and review the diff)", f, path)
			}
		})
	}
}

func TestRegistry(t *testing.T) {
	exts := map[string]string{}
	for _, f := range Formats() {
		if f.Write == nil || f.Ext == "" || f.Description == "" {
			t.Errorf("format %s is incomplete", f.Name)
		}
		if other, ok := exts[f.Ext]; ok {
			t.Errorf("formats %s and %s share the extension %s", f.Name, other, f.Ext)
		}
		exts[f.Ext] = f.Name
	}
}

// str is a *string literal.
func s(v string) *string { return &v }
func n(v int) *int       { return &v }

// synthetic is a small transcript with the awkward cases: characters to
// escape, a missing and an orphan translation, a turn without speaker.
func synthetic() *model.Transcript {
	zh := "zh-Hans"
	return &model.Transcript{
		SchemaVersion: 1,
		Source:        model.Source{Path: "a&b <c>.txt", SHA256: strings.Repeat("0", 64), Encoding: "utf-8", Layout: "plain"},
		Languages:     model.Languages{Original: "en", Translation: &zh},
		Summary:       []string{}, Notices: []string{}, Preamble: []model.Paragraph{}, Unparsed: []model.Line{},
		Warnings:     []model.Warning{model.NewWarning(5, model.MissingTranslation, "no translation")},
		Participants: []model.Participant{{Name: `Q & A "Desk" <x>`, Role: model.RoleExecutive, Turns: []int{0}}},
		QA:           []model.Exchange{},
		Headings:     []model.Line{},
		Markup:       []model.Line{},
		Turns: []model.Turn{
			{Index: 0, Header: s(`Q & A "Desk" <x>`), Speaker: s(`Q & A "Desk" <x>`), Line: 1, Role: model.RoleExecutive, Section: s(model.SectionPrepared), Participant: n(0), Paragraphs: []model.Paragraph{
				{EN: s("Tom & Jerry's <b>\"bold\"</b>\ttab\nnew \\ line\x01\x0b\uFFFE end"), ZH: s("湯姆&傑瑞 <b>「粗」</b>"), Status: model.Paired, Line: 3, ENLine: n(3), ZHLine: n(4), Numbers: []model.NumberMatch{}},
				{EN: s("Only English."), Status: model.MissingTranslation, Line: 5, ENLine: n(5)},
				{ZH: s("只有中文。"), Status: model.OrphanTranslation, Line: 6, ZHLine: n(6)},
			}},
			{Index: 1, Line: 7, Role: model.RoleUnknown, Section: s(model.SectionPrepared), Paragraphs: []model.Paragraph{
				{EN: s("No speaker here."), ZH: s("這裡沒有發言人。"), Status: model.Paired, Line: 7, ENLine: n(7), ZHLine: n(8), Numbers: []model.NumberMatch{}},
			}},
		},
	}
}

func TestJSONLWithJQ(t *testing.T) {
	jq := needTool(t, "jq")
	out := render(t, "jsonl", reference(t), synthetic())
	run := func(args ...string) string {
		cmd := exec.Command(jq, args...)
		cmd.Stdin = bytes.NewReader(out)
		b, err := cmd.Output()
		if err != nil {
			t.Fatalf("jq %v: %v", args, err)
		}
		return strings.TrimSpace(string(b))
	}
	if got := run("-s", `[.[] | select(.file == "`+refPath+`")] | length`); got != "87" {
		t.Errorf("reference paragraphs = %s, want 87", got)
	}
	if got := run("-s", `[.[] | select(.file == "`+refPath+`") | .turn] | unique | length`); got != "26" {
		t.Errorf("reference turns = %s, want 26", got)
	}
	if got := run("-r", `select(.turn == 2 and .paragraph == 0) | .speaker`); got != "Andrew R. Jassy" {
		t.Errorf("speaker of turn 2 = %q", got)
	}
	if got := run("-c", `select(.status != "paired") | [.status, .en, .zh]`); got != `["missing_translation","Only English.",null]`+"\n"+`["orphan_translation",null,"只有中文。"]` {
		t.Errorf("unpaired rows = %s", got)
	}
	// Every row has every key, so table readers see one shape.
	if got := run("-s", `map(keys_unsorted) | unique | length`); got != "1" {
		t.Errorf("rows have %s different key sets", got)
	}
	if got := run("-sr", `.[0] | keys_unsorted | join(",")`); got != strings.Join(rowColumns, ",") {
		t.Errorf("keys = %s, want %s", got, strings.Join(rowColumns, ","))
	}
}

// tmxDoc is what the tests read back from TMX.
type tmxDoc struct {
	XMLName xml.Name `xml:"tmx"`
	Version string   `xml:"version,attr"`
	Header  struct {
		Attrs []xml.Attr `xml:",any,attr"`
		Notes []string   `xml:"note"`
	} `xml:"header"`
	TUs []struct {
		ID    string `xml:"tuid,attr"`
		Props []struct {
			Type  string `xml:"type,attr"`
			Value string `xml:",chardata"`
		} `xml:"prop"`
		TUVs []struct {
			Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
			Seg  string `xml:"seg"`
		} `xml:"tuv"`
	} `xml:"body>tu"`
}

func parseTMX(t *testing.T, b []byte) tmxDoc {
	t.Helper()
	var d tmxDoc
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = true
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("TMX does not parse: %v", err)
	}
	return d
}

func TestTMXReadBack(t *testing.T) {
	ref := reference(t)
	d := parseTMX(t, render(t, "tmx", ref))
	if d.Version != "1.4" {
		t.Errorf("version = %q", d.Version)
	}
	attrs := map[string]string{}
	for _, a := range d.Header.Attrs {
		attrs[a.Name.Local] = a.Value
	}
	for k, v := range map[string]string{"creationtool": "transcript", "creationtoolversion": "test", "segtype": "paragraph",
		"o-tmf": "transcript", "adminlang": "en", "srclang": "en", "datatype": "plaintext"} {
		if attrs[k] != v {
			t.Errorf("header %s = %q, want %q", k, attrs[k], v)
		}
	}
	if len(d.TUs) != 87 {
		t.Fatalf("%d units, want 87", len(d.TUs))
	}
	first := ref.Turns[0].Paragraphs[0]
	tu := d.TUs[0]
	if len(tu.TUVs) != 2 || tu.TUVs[0].Lang != "en" || tu.TUVs[0].Seg != *first.EN || tu.TUVs[1].Lang != "zh-Hant" || tu.TUVs[1].Seg != *first.ZH {
		t.Errorf("first unit = %+v", tu.TUVs)
	}
	if tu.Props[1].Type != "x-speaker" || tu.Props[1].Value != "Operator" {
		t.Errorf("first unit props = %+v", tu.Props)
	}
	if len(d.Header.Notes) != 1 || !strings.Contains(d.Header.Notes[0], ": 0 unpaired") {
		t.Errorf("notes = %q", d.Header.Notes)
	}
}

func TestTMXEscaping(t *testing.T) {
	syn := synthetic()
	d := parseTMX(t, render(t, "tmx", syn))
	if len(d.TUs) != 2 {
		t.Fatalf("%d units, want 2 (unpaired left out)", len(d.TUs))
	}
	// The forbidden characters (U+0001, U+000B, U+FFFE) become U+FFFD; the
	// rest comes back as it was.
	want := "Tom & Jerry's <b>\"bold\"</b>\ttab\nnew \\ line\uFFFD\uFFFD\uFFFD end"
	if got := d.TUs[0].TUVs[0].Seg; got != want {
		t.Errorf("seg = %q, want %q", got, want)
	}
	if got := d.TUs[0].TUVs[1].Lang; got != "zh-Hans" {
		t.Errorf("lang = %q", got)
	}
	if got := d.TUs[0].ID; got != "a&b <c>.txt#0.0" {
		t.Errorf("tuid = %q", got)
	}
	if got := d.TUs[0].Props[1].Value; got != `Q & A "Desk" <x>` {
		t.Errorf("speaker prop = %q", got)
	}
	if len(d.Header.Notes) != 1 || d.Header.Notes[0] != "a&b <c>.txt: 2 unpaired paragraph(s) left out" {
		t.Errorf("notes = %q", d.Header.Notes)
	}
	// The speakerless turn has no x-speaker prop.
	for _, p := range d.TUs[1].Props {
		if p.Type == "x-speaker" {
			t.Errorf("speakerless unit has speaker %q", p.Value)
		}
	}
}

func TestTMXMergesStream(t *testing.T) {
	d := parseTMX(t, render(t, "tmx", reference(t), synthetic()))
	if len(d.TUs) != 89 || len(d.Header.Notes) != 2 {
		t.Errorf("%d units and %d notes, want 89 and 2", len(d.TUs), len(d.Header.Notes))
	}
}

// translateToolkitScript reads a TMX with translate-toolkit and prints
// what the test checks.
const translateToolkitScript = `
import json, sys
from translate.storage.tmx import tmxfile
with open(sys.argv[1], "rb") as f:
    store = tmxfile(f, "en", sys.argv[2])
units = [u for u in store.units]
print(json.dumps({"count": len(units), "first": [units[0].source, units[0].target],
                  "escaped": [units[-2].source, units[-2].target],
                  "last": [units[-1].source, units[-1].target]}, ensure_ascii=False))
`

// translateToolkit is the python3 that imports translate-toolkit: the
// test skips without one, and fails under CI=true.
func translateToolkit(t *testing.T) string {
	t.Helper()
	// Debian installs translate-toolkit for its own python3, not for
	// whatever python3 comes first on PATH.
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		needTool(t, "/nonexistent/python3")
	}
	if err := exec.Command(py, "-c", "from translate.storage.tmx import tmxfile").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("translate-toolkit not importable by %s, and CI=true requires it (apt-get install -y translate-toolkit): %v", py, err)
		}
		t.Skipf("translate-toolkit not importable by %s: %v", py, err)
	}
	return py
}

func TestTMXWithTranslateToolkit(t *testing.T) {
	py := translateToolkit(t)
	ref := reference(t)
	syn := synthetic()
	syn.Languages.Translation = ref.Languages.Translation // one target language per store
	path := filepath.Join(t.TempDir(), "calls.tmx")
	if err := os.WriteFile(path, render(t, "tmx", ref, syn), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", translateToolkitScript, path, "zh-Hant").Output()
	if err != nil {
		t.Fatalf("translate-toolkit could not read the TMX: %v", err)
	}
	var got struct {
		Count   int
		First   []string
		Escaped []string
		Last    []string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	first := ref.Turns[0].Paragraphs[0]
	if got.Count != 89 {
		t.Errorf("translate-toolkit read %d units, want 89", got.Count)
	}
	if !reflect.DeepEqual(got.First, []string{*first.EN, *first.ZH}) {
		t.Errorf("first unit = %q", got.First)
	}
	if want := []string{"Tom & Jerry's <b>\"bold\"</b>\ttab\nnew \\ line\uFFFD\uFFFD\uFFFD end", "湯姆&傑瑞 <b>「粗」</b>"}; !reflect.DeepEqual(got.Escaped, want) {
		t.Errorf("escaped unit = %q, want %q", got.Escaped, want)
	}
	if want := []string{"No speaker here.", "這裡沒有發言人。"}; !reflect.DeepEqual(got.Last, want) {
		t.Errorf("last unit = %q, want %q", got.Last, want)
	}
}

func TestTSV(t *testing.T) {
	out := string(render(t, "tsv", synthetic()))
	want := "Tom & Jerry's <b>\"bold\"</b>\\ttab\\nnew \\\\ line\x01\x0b\uFFFE end\t湯姆&傑瑞 <b>「粗」</b>\n" +
		"No speaker here.\t這裡沒有發言人。\n"
	if out != want {
		t.Errorf("tsv =\n%q\nwant\n%q", out, want)
	}
	lines := strings.Split(strings.TrimSuffix(string(render(t, "tsv", reference(t))), "\n"), "\n")
	if len(lines) != 87 {
		t.Errorf("%d lines, want 87", len(lines))
	}
	for i, l := range lines {
		if strings.Count(l, "\t") != 1 {
			t.Errorf("line %d has %d tabs", i+1, strings.Count(l, "\t"))
		}
	}
}

func TestCSV(t *testing.T) {
	ref := reference(t)
	out := render(t, "csv", ref, synthetic())
	if bytes.HasPrefix(out, []byte("\uFEFF")) {
		t.Error("BOM without --bom")
	}
	recs, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(recs[0], rowColumns) {
		t.Errorf("header = %q", recs[0])
	}
	// One header for the stream, then every paragraph of both documents.
	if len(recs) != 1+87+4 {
		t.Errorf("%d records, want %d", len(recs), 1+87+4)
	}
	syn := recs[len(recs)-4]
	if syn[0] != "a&b <c>.txt" || syn[2] != `Q & A "Desk" <x>` || syn[7] != "Tom & Jerry's <b>\"bold\"</b>\ttab\nnew \\ line\x01\x0b\uFFFE end" { // the reader turns the CRLF of RFC 4180 back into LF
		t.Errorf("escaped record = %q", syn)
	}
	if orphan := recs[len(recs)-2]; orphan[7] != "" || orphan[9] != model.OrphanTranslation || orphan[11] != "" || orphan[12] != "6" {
		t.Errorf("orphan record = %q", orphan)
	}

	var buf bytes.Buffer
	if err := WriteDocument(&buf, csvFormat, ref, Options{BOM: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\uFEFFfile,turn,")) {
		t.Errorf("--bom output starts %q", buf.Bytes()[:16])
	}
}

func TestHTMLSingle(t *testing.T) {
	var buf bytes.Buffer
	sw := NewStream(&buf, htmlFormat, Options{})
	if err := sw.Write(synthetic()); err != nil {
		t.Fatal(err)
	}
	if err := sw.Write(synthetic()); err != ErrSingle {
		t.Errorf("second document: err = %v, want ErrSingle", err)
	}
}

func TestHTMLEscapingAndWarnings(t *testing.T) {
	out := string(render(t, "html", synthetic()))
	for _, want := range []string{
		`Q &amp; A &#34;Desk&#34; &lt;x&gt;`,
		`Tom &amp; Jerry&#39;s &lt;b&gt;&#34;bold&#34;&lt;/b&gt;`,
		`<div class="pair warn" id="p0-1">`,
		`<a href="#p0-1">line 5</a>`,
		`lang="zh-Hans"`,
		`(no speaker)`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	for _, bad := range []string{"<script", "<b>", "http://", "https://", "src="} {
		if strings.Contains(out, bad) {
			t.Errorf("page contains %s", bad)
		}
	}
}
