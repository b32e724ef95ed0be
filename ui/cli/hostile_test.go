package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ledongthuc/pdf"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/model/subproc"
	"avtal/ui/tuitest"
)

// hostileRegister imports tuitest.HostileYAML through `avtal import` and
// records, through the store, an incident, a change notice, an event and a
// clause note whose text carries escape sequences too; it also imports a
// document whose clauses do, and returns that agreement's id too.
func hostileRegister(t *testing.T) (*cliEnv, string) {
	t.Helper()
	ctx := context.Background()
	e := newCLI(t)
	e.ok(t, nil, "import", e.file(t, "hostile.yaml", []byte(tuitest.HostileYAML)))
	cet := time.FixedZone("CET", 3600)
	if _, err := e.st.AddIncident(ctx, &model.Incident{AgreementID: tuitest.HostileID, Start: time.Date(2026, 11, 10, 16, 0, 0, 0, cet),
		End: time.Date(2026, 11, 10, 19, 0, 0, 0, cet), Description: "Avbrott\x1b[2J\x1b]0;kapad\a"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.RecordNotice(ctx, tuitest.HostileID, subproc.Notice{Received: model.MustDate(2026, 11, 20), Change: subproc.ChangeAdd,
		Sub: model.SubProcessor{Name: "Ny\x1b[31m AB", Country: "SE", Purpose: "Lagring\x9b2J"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.RecordEvent(ctx, tuitest.HostileID, deadlines.Event{Name: deadlines.EventTermination, Date: model.MustDate(2026, 11, 1),
		Ref: "brev\x1b[1A", Note: "uppsagt\x07"}); err != nil {
		t.Fatal(err)
	}
	clause, err := e.st.FindClause(ctx, tuitest.HostileID, "9.1", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.AddNote(ctx, clause.ID, "Se upp\x1b]8;;http://evil.example\x1b\\här\x1b]8;;\x1b\\", "risk"); err != nil {
		t.Fatal(err)
	}
	doc := strings.NewReplacer("1.2 Den", "1.2 \x1b[2J\x1b[31mDen", "Avtalstid", "Avtals\x1b]0;kapad\x07tid").Replace(driftText(t))
	var out importOut
	e.ok(t, &out, "import", e.file(t, "escapes.txt", []byte(doc)), "--json")
	return e, out.AgreementID
}

// TestCommandsNeverWriteEscapes runs every command that prints register
// text over a register full of escape sequences: nothing it writes may act
// on the terminal.
func TestCommandsNeverWriteEscapes(t *testing.T) {
	e, imported := hostileRegister(t)
	id := tuitest.HostileID
	for _, args := range [][]string{
		{"list"},
		{"show", id},
		{"log"},
		{"log", id},
		{"clauses", id},
		{"clauses", id, "--full"},
		{"search", "uppsägning"},
		{"compare", "termination"},
		{"subprocessors"},
		{"subprocessors", id},
		{"sla", "incidents", id, "--month", "2026-11"},
		{"sla", "credit", "--agreement", id, "--month", "2026-11"},
		{"deadlines"},
		{"deadlines", "--agreement", id},
		{"proposals", imported, "--all"},
		{"clauses", imported, "--full"},
		{"show", "nope"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			e.run(args...)
			if e.code != ExitOK && args[1] != "nope" {
				t.Fatalf("exit %d: %s", e.code, e.stderrText)
			}
			if bad := tuitest.Unsafe(e.stdout); bad != "" {
				t.Errorf("stdout holds %s\n%s", bad, e.stdout)
			}
			if bad := tuitest.Unsafe(e.stderrText); bad != "" {
				t.Errorf("stderr holds %s\n%s", bad, e.stderrText)
			}
		})
	}
}

func TestSafeWriter(t *testing.T) {
	tests := []struct {
		name   string
		writes []string
		want   string
	}{
		{"plain lines pass", []string{"a\tb\n", "c\n"}, "a\tb\nc\n"},
		{"a sequence in a line", []string{"x\x1b[2Jy\n"}, "xy\n"},
		// Cut between two writes, the sequence still never reaches the terminal.
		{"a sequence cut between writes", []string{"x\x1b", "[2Jy\n"}, "xy\n"},
		{"a window title", []string{"a\x1b]0;kapad\x07b\n"}, "ab\n"},
		{"C1 CSI and DEL", []string{"a\u009b2Jb\x7f\n"}, "a2Jb\n"},
		{"a lone carriage return", []string{"ok\rFAKE\n"}, "okFAKE\n"},
		{"iCalendar line ends stay", []string{"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"}, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"},
		{"an unfinished last line", []string{"no newline\x1b[5m"}, "no newline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			w := &safeWriter{w: &out}
			for _, s := range tt.writes {
				if n, err := w.Write([]byte(s)); n != len(s) || err != nil {
					t.Fatalf("Write = %d, %v", n, err)
				}
			}
			w.Flush()
			if out.String() != tt.want {
				t.Errorf("got %q, want %q", out.String(), tt.want)
			}
		})
	}
}

// TestMachineOutputStaysValid checks that the output writer leaves JSON
// and iCalendar output of a hostile register well-formed.
func TestMachineOutputStaysValid(t *testing.T) {
	e, _ := hostileRegister(t)
	for _, args := range [][]string{{"list", "--json"}, {"show", tuitest.HostileID, "--json"}, {"log", "--json"}} {
		out := e.ok(t, nil, args...)
		if !json.Valid([]byte(out)) || tuitest.Unsafe(out) != "" {
			t.Errorf("avtal %s: valid JSON %v, unsafe %s", strings.Join(args, " "), json.Valid([]byte(out)), tuitest.Unsafe(out))
		}
	}
	var show struct {
		Agreement model.Agreement `json:"agreement"`
	}
	e.ok(t, &show, "show", tuitest.HostileID, "--json")
	// encoding/json writes ESC as \u001b: the data survives, escaped.
	if want := tuitest.Hostile(t).Title; show.Agreement.Title != want {
		t.Errorf("title through --json = %q, want %q", show.Agreement.Title, want)
	}
	ics := e.ok(t, nil, "deadlines", "--agreement", tuitest.HostileID, "--ics")
	if !strings.HasPrefix(ics, "BEGIN:VCALENDAR\r\n") || strings.Count(ics, "\n") != strings.Count(ics, "\r\n") || tuitest.Unsafe(strings.ReplaceAll(ics, "\r\n", "\n")) != "" {
		t.Errorf("--ics lost its CRLF line ends or holds escapes:\n%q", ics)
	}
}

// panicPDF is a well-formed PDF whose page sets a font with one operand
// where Tf takes two: the PDF library panics on it.
func panicPDF() []byte { return pdfWith("BT /F1 Tf (Villkor) Tj ET") }

// TestPanicPDFPanicsTheLibrary makes sure panicPDF still does what the
// hostile-file test counts on: without the reader's recover, it would
// take the program down.
func TestPanicPDFPanicsTheLibrary(t *testing.T) {
	data := panicPDF()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if recover() == nil {
			t.Error("the PDF library read the page without panicking; panicPDF no longer tests the recover")
		}
	}()
	r.Page(1).Content()
}

// nestedNumbering is a document numbered ever deeper, 1 to
// 1.1.1…(depth times), then many siblings at the deepest level.
func nestedNumbering(depth, siblings int) string {
	var b strings.Builder
	b.WriteString("VILLKOR MED DJUP NUMRERING\n\n")
	number := ""
	for d := 1; d <= depth; d++ {
		number = strings.TrimPrefix(number+".1", ".")
		fmt.Fprintf(&b, "%s Nivå %d gäller tills vidare.\n", number, d)
	}
	for s := 2; s <= siblings; s++ {
		fmt.Fprintf(&b, "%s.%d Punkt %d gäller tills vidare.\n", number, s, s)
	}
	return b.String()
}

// controlText is a document whose clauses hold every C0 control but NUL,
// DEL, C1 controls and escape sequences of every family (CSI, OSC with
// both terminators, DCS, APC, PM, SOS, 8-bit CSI), followed by padding
// clauses of plain text (without them, the share of control characters
// makes the file binary).
func controlText(padding int) string {
	var c0 strings.Builder
	for r := rune(1); r < 0x20; r++ {
		if r != '\n' && r != '\r' {
			c0.WriteRune(r)
		}
	}
	return "VILLKOR FÖR STYRTECKEN\n\n1. Avtalstid\n" +
		"1.1 Avtalet gäller" + c0.String() + " i tolv månader.\n" +
		"1.2 Uppsägning\x1b[2J\x1b[H\x1b[?1049h ska ske\x1b]0;kapad\x07 skriftligen\x1b]8;;http://evil.example\x1b\\ senast\x1b]8;;\x1b\\ tre månader före periodens slut.\n" +
		"2. Betalning\u009b31m\n" +
		"2.1 Fakturan\x1bP1;2|data\x1b\\ ska betalas\x1b_apc\x1b\\ inom\x1b^pm\x1b\\ trettio\x1bXsos\x1b\\ dagar.\x7f\u0085\u009d\n" +
		strings.Repeat("2.2 Betalning sker mot faktura och räknas från fakturadagen om inget annat har avtalats.\n", padding)
}

// TestImportHostileFiles feeds the import command files made to break it.
// Each is refused with one line on stderr naming the file, with nothing
// written, or imported with no control character or escape stored.
func TestImportHostileFiles(t *testing.T) {
	line := []byte("1.1 Parterna har kommit överens om att avtalet gäller tills vidare med tre månaders uppsägning.\n")
	huge := bytes.Repeat(line, 50<<20/len(line)) // 50 MB
	laughs := "id: bomb\ntitle: Bomb\nkind: general_terms\nstatus: active\nsupplier: {name: X}\nsample_values: &a [x, x, x, x, x, x, x, x, x]\n"
	for _, l := range "bcdefghi" {
		prev := string(l - 1)
		laughs += fmt.Sprintf("%c: &%c [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", l, l, prev, prev, prev, prev, prev, prev, prev, prev, prev)
	}
	hugeYAML := "id: huge\ntitle: Huge\nkind: general_terms\nstatus: active\nsupplier: {name: X}\ndocuments:\n  - name: Villkor\n    clauses:\n" +
		strings.Repeat("      - {number: \"1\", heading: Rubrik, body: Parterna har kommit överens om punkten och den gäller tills vidare.}\n", 50<<20/100)
	tests := []struct {
		name string
		data []byte
		// fail is what the one line on stderr says; "" means the file imports.
		fail string
		// clauses is how many clauses an import that succeeds must hold at
		// least, and keep a text one of them must hold.
		clauses int
		keep    string
	}{
		{name: "huge.txt", data: huge, fail: "too large (50 MB of text, more than the 4 MB a document may hold)"},
		{name: "panic.pdf", data: panicPDF(), fail: "damaged"},
		// Numbers deeper than the parser takes stay text in the clause
		// above them, none lost (see keep).
		{name: "nested.txt", data: []byte(nestedNumbering(200, 1000)), clauses: 1, keep: "Punkt 1000 gäller"},
		{name: "controls-dense.txt", data: []byte(controlText(0)), fail: "not text"},
		{name: "controls.txt", data: []byte(controlText(20)), clauses: 4, keep: "ska ske skriftligen senast tre månader"},
		{name: "empty.yaml", data: nil, fail: "empty.yaml"},
		{name: "binary.yaml", data: []byte("\x00\x01\x02\xff\xfe PK\x03\x04"), fail: "binary.yaml"},
		{name: "latin1.yaml", data: []byte("id: x\ntitle: Upps\xe4gning\n"), fail: "latin1.yaml"},
		{name: "utf16.yaml", data: utf16LE("id: x\ntitle: Avtal\n"), fail: "utf16.yaml"},
		{name: "laughs.yaml", data: []byte(laughs), fail: "laughs.yaml"},
		{name: "nested.yaml", data: []byte("id: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n"), fail: "nested.yaml"},
		{name: "huge.yaml", data: []byte(hugeYAML), fail: "too large (a register file holds at most 8 MB)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newCLI(t)
			path := e.file(t, tt.name, tt.data)
			began := time.Now()
			e.run("import", path)
			took := time.Since(began)
			a, _, c := e.rows(t)
			if tt.fail != "" {
				lines := strings.Split(strings.TrimSpace(e.stderrText), "\n")
				if e.code != ExitFail || len(lines) != 1 || !strings.Contains(lines[0], path) || !strings.Contains(lines[0], tt.fail) {
					t.Errorf("exit %d, stderr %q; want exit 1 and one line naming %s and saying %q", e.code, e.stderrText, path, tt.fail)
				}
				if a != 0 || e.stdout != "" {
					t.Errorf("a refused file wrote %d agreements; stdout %q", a, e.stdout)
				}
				t.Logf("refused in %v: %s", took.Round(time.Millisecond), strings.TrimSpace(e.stderrText))
				return
			}
			if e.code != ExitOK || a != 1 || c < tt.clauses {
				t.Fatalf("exit %d, %d agreements, %d clauses (want 1 and at least %d): %s", e.code, a, c, tt.clauses, e.stderrText)
			}
			ids, _ := e.st.IDs(context.Background())
			got, err := e.st.Agreement(context.Background(), ids[0])
			if err != nil {
				t.Fatal(err)
			}
			texts := []string{got.Title, got.Supplier.Name}
			for _, d := range got.Documents {
				texts = append(texts, d.Name)
				for _, cl := range d.Clauses {
					texts = append(texts, cl.Number, cl.Heading, cl.Body)
				}
			}
			for _, s := range texts {
				if bad := tuitest.Unsafe(s); bad != "" {
					t.Errorf("stored text holds %s: %q", bad, s)
				}
			}
			if all := strings.Join(texts, "\n"); !strings.Contains(all, tt.keep) {
				t.Errorf("no stored clause holds %q", tt.keep)
			}
			t.Logf("imported in %v: %d clauses", took.Round(time.Millisecond), c)
		})
	}
}
