package agreements

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"avtal/assets"
	"avtal/model/extract"
	"avtal/store"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// drift is the small service agreement the import's tests share (see
// model/docimport/testdata): 14 clauses and 7 proposals.
func drift(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../model/docimport/testdata/drift.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// local opens a pane in the local workbench, which may import files.
func local(t *testing.T, w, h int) *pane {
	return openPane(t, nil, w, h, func(c *session.State) { c.LocalFiles = true })
}

// keys sends keys by name: "enter", "esc", "down", or runes.
func (p *pane) keys(keys ...string) {
	p.t.Helper()
	for _, k := range keys {
		p.run(p.m.Update(tuitest.Key(k)))
	}
}

func (p *pane) typeText(text string) {
	for _, r := range text {
		p.run(p.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}))
	}
}

func (p *pane) lastStatus() string {
	if len(p.status) == 0 {
		return ""
	}
	return p.status[len(p.status)-1]
}

// file writes text to a new file called name and returns its path.
func (p *pane) file(name, text string) string {
	path := filepath.Join(p.t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		p.t.Fatal(err)
	}
	return path
}

// importFile opens the form, types path (and an agreement id), and submits.
func (p *pane) importFile(path, agreementID string) {
	p.keys("i")
	p.typeText(path)
	p.keys("enter") // to the agreement field
	p.typeText(agreementID)
	p.keys("enter") // submit
}

func (p *pane) count() int {
	n, err := p.st.Count(context.Background())
	if err != nil {
		p.t.Fatal(err)
	}
	return n
}

// view returns the pane's view after checking that it fits the pane.
func (p *pane) view() string {
	p.t.Helper()
	v := p.m.View()
	if w, h := lipgloss.Width(v), lipgloss.Height(v); w > p.m.width || h > p.m.height {
		p.t.Fatalf("view is %d×%d, the pane %d×%d:\n%s", w, h, p.m.width, p.m.height, v)
	}
	return v
}

func TestImportThenReviewProposals(t *testing.T) {
	s := local(t, 100, 27)
	s.keys("i")
	if !s.m.Capturing() || !strings.Contains(s.view(), "Import an agreement document") {
		t.Fatalf("i should open the import form:\n%s", s.view())
	}
	s.typeText(s.file("drift.txt", drift(t)))
	s.keys("enter", "enter")
	want := "Imported DRIFTAVTAL FÖR NORRSKEN MOLN as norrsken-moln: 1 document, 14 clauses; 9 proposals to review"
	if !slices.Contains(s.status, want) {
		t.Fatalf("status %q, want %q", s.status, want)
	}
	// The review opens on what the import proposes, the first selected.
	v := s.view()
	for _, want := range []string{"Proposals for DRIFTAVTAL FÖR NORRSKEN MOLN", "6 months notice", "Payment 30 days after the invoice date",
		"< 99.5 % → 10 %; < 99 % → 25 %", "Fjällhallen Datacenter AB (SE)", "2.1 removed", "Avtalet sluts mellan Norrsken Drift AB"} {
		if !strings.Contains(v, want) {
			t.Errorf("review lacks %q:\n%s", want, v)
		}
	}
	if s.count() != 1 || !s.m.Capturing() {
		t.Fatalf("%d agreements; review open %v", s.count(), s.m.Capturing())
	}
	first := s.m.review.list[0]
	s.keys("a")
	if got := s.lastStatus(); got != "accepted proposal 1 (supplier)" || first.Kind != extract.ProposeSupplier {
		t.Errorf("status after a: %q", got)
	}
	// The decided proposal stays listed, to undo; the cursor moves on.
	if len(s.m.review.list) != 9 || s.m.review.list[0].Status != store.ProposalAccepted || s.m.review.rows.Cursor() != 1 {
		t.Errorf("after accepting: cursor %d, %+v", s.m.review.rows.Cursor(), s.m.review.list)
	}
	s.keys("down", "r")
	if got := s.lastStatus(); !strings.HasPrefix(got, "rejected proposal ") {
		t.Errorf("status after r: %q", got)
	}
	pending, _ := s.st.Proposals(context.Background(), "norrsken-moln", store.ProposalPending)
	if len(pending) != 7 || len(s.m.review.pending()) != 7 {
		t.Errorf("%d pending in the store, %d listed; want 7", len(pending), len(s.m.review.pending()))
	}
	a, _ := s.st.Agreement(context.Background(), "norrsken-moln")
	if a.Supplier.Name != "Norrsken Drift AB" || !a.Term.Initial.IsZero() || !a.Term.Renewal.IsZero() {
		t.Errorf("after accepting the supplier and rejecting the renewal: %+v, %+v", a.Supplier, a.Term)
	}
	// u takes the rejection back; the cursor had moved on.
	s.keys("u")
	if got := s.lastStatus(); !strings.Contains(got, "proposal 4 is not decided yet") {
		t.Errorf("status after u on a pending proposal: %q", got)
	}
	s.keys("up", "u")
	if got := s.lastStatus(); !strings.HasPrefix(got, "undid the decision on proposal 3") {
		t.Errorf("status after u: %q", got)
	}
	s.keys("esc")
	if s.m.Capturing() || !strings.Contains(s.view(), "DRIFTAVTAL FÖR NORRSKEN MOLN") {
		t.Errorf("esc should close the review and show the list:\n%s", s.view())
	}
	// P reviews the selected agreement again, on the first still pending.
	s.keys("P")
	if s.m.review == nil || len(s.m.review.pending()) != 8 || s.m.review.rows.Cursor() != 1 {
		t.Fatalf("P: %+v", s.m.review)
	}
	// s sorts the proposals by status (the accepted one last), keeping
	// the one selected; three more go back to their own order.
	sel := s.m.review.selectedID()
	s.keys("s")
	if r := s.m.review; r.list[len(r.list)-1].Status != store.ProposalAccepted || r.selectedID() != sel {
		t.Errorf("s: by status %+v, selected %d, want %d", r.list, r.selectedID(), sel)
	}
	s.keys("s", "s", "s")
	if r := s.m.review; r.list[0].ID != 1 || r.selectedID() != sel {
		t.Errorf("s cycles back to the proposals' order: %+v", r.list)
	}
	s.keys("a", "a", "a", "a", "a", "a", "a", "a")
	if !strings.Contains(s.view(), "Every proposal is decided") {
		t.Errorf("all decided:\n%s", s.view())
	}
}

// Closing the review after an import leaves the cursor on the agreement
// imported, wherever the list sorts it, not on the one selected before.
func TestImportedAgreementIsSelected(t *testing.T) {
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	s := openPane(t, sample, 100, 27, func(c *session.State) { c.LocalFiles = true })
	before := s.m.selectedID()
	s.importFile(s.file("drift.txt", drift(t)), "")
	s.keys("esc")
	if got := s.m.selectedID(); got != "norrsken-moln" || got == before {
		t.Errorf("selected %q after the import (was %q), want norrsken-moln", got, before)
	}
}

func TestImportNewVersionFromTheForm(t *testing.T) {
	s := local(t, 100, 27)
	s.importFile(s.file("v1.txt", drift(t)), "")
	s.keys("esc")
	// v2 shortens the notice in 1.2 to three months: a new rule to propose.
	v2 := strings.Replace(drift(t), "senast sex (6) månader", "senast tre (3) månader", 1)
	s.importFile(s.file("v2.txt", v2), "norrsken-moln")
	want := "Added a new version to DRIFTAVTAL FÖR NORRSKEN MOLN (norrsken-moln): 1 document, 14 clauses (1 changed, 0 added, 0 removed); 1 proposal to review"
	if got := s.lastStatus(); got != want {
		t.Errorf("status %q\nwant %q", got, want)
	}
	if s.count() != 1 {
		t.Errorf("%d agreements, want 1", s.count())
	}
}

// A web page saved as .html imports from the form as it does with `avtal
// import`: the form once refused every extension but .txt, .md, .docx, .pdf.
func TestImportHTMLFromTheForm(t *testing.T) {
	for _, name := range []string{"terms.html", "terms.HTM"} {
		s := local(t, 80, 21)
		page := "<html><head><title>Villkor</title></head><body><h1>Allmänna villkor för Exempeltjänsten</h1>" +
			"<h2>1. Avtalstid</h2><p>Avtalet gäller tills vidare.</p><h2>2. Betalning</h2><p>Faktura betalas inom trettio dagar.</p></body></html>"
		s.importFile(s.file(name, page), "")
		if s.count() != 1 || !strings.HasPrefix(s.lastStatus(), "Imported Allmänna villkor för Exempeltjänsten") {
			t.Errorf("%s: %d agreements, status %q:\n%s", name, s.count(), s.lastStatus(), s.view())
		}
	}
}

func TestImportFormShowsWhatIsWrong(t *testing.T) {
	tests := []struct {
		name, path, agreement, want string
		field                       string
	}{
		{name: "empty file", path: "empty.txt", want: "the file is empty", field: "path"},
		{name: "missing file", path: "missing.pdf", want: "there is no such file", field: "path"},
		{name: "not a document", path: "sheet.xlsx", want: "choose a .txt, .md, .html, .docx or .pdf file", field: "path"},
		{name: "unknown agreement", path: "drift.txt", agreement: "nope", want: `no agreement with id "nope"`, field: "agreement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := local(t, 80, 21)
			dir := filepath.Dir(s.file("empty.txt", ""))
			os.WriteFile(filepath.Join(dir, "drift.txt"), []byte(drift(t)), 0o644)
			s.importFile(filepath.Join(dir, tt.path), tt.agreement)
			v := s.view()
			if !s.m.Capturing() || !strings.Contains(ansi.Strip(v), tt.want) {
				t.Errorf("the form should stay open saying %q:\n%s", tt.want, v)
			}
			if s.count() != 0 {
				t.Errorf("%d agreements written", s.count())
			}
			s.keys("esc", "y") // y: throw away what was typed
			if s.m.Capturing() {
				t.Error("esc should close the form")
			}
		})
	}
}

func TestImportRefusedWhereItMayNotWrite(t *testing.T) {
	tests := []struct {
		name  string
		setup func(*session.State)
		want  string
	}{
		{"viewer", func(c *session.State) { c.SetAccess("", true) }, "error: "},
		{"ssh session", func(c *session.State) { c.LocalFiles = false }, "error: files can only be imported on the machine that holds the register"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openPane(t, nil, 80, 21, tt.setup)
			s.keys("i")
			if s.m.Capturing() || !strings.HasPrefix(s.lastStatus(), tt.want) {
				t.Errorf("form open %v, status %q; want refused with %q", s.m.Capturing(), s.lastStatus(), tt.want)
			}
		})
	}
}

func TestImportViewsFitEverySize(t *testing.T) {
	for _, size := range [][2]int{{57, 12}, {80, 21}, {100, 27}, {160, 42}} {
		s := local(t, size[0], size[1])
		s.keys("i")
		s.view()
		s.typeText(s.file("drift.txt", drift(t)))
		s.keys("enter", "enter")
		s.view() // the review
		for range 5 {
			s.keys("down")
			s.view()
		}
	}
}

func TestImportADraggedFileFromTheForm(t *testing.T) {
	s := local(t, 100, 27)
	path := s.file("ett avtal.txt", drift(t))
	s.importFile("'"+path+"'", "")
	if s.m.review == nil || s.count() != 1 {
		t.Fatalf("a quoted path was not imported: %v\n%s", s.status, s.view())
	}
}
