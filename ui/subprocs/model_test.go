package subprocs

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"avtal/model"
	"avtal/model/subproc"
	"avtal/ui/i18n"
	"avtal/ui/session"
)

func (p *pane) notices(id string) int {
	p.t.Helper()
	ns, err := p.st.Notices(context.Background(), id)
	if err != nil {
		p.t.Fatal(err)
	}
	return len(ns)
}

// clearField empties the focused form field.
func (p *pane) clearField() { p.keys("ctrl+u") }

func TestRecordNoticeShowsDeadline(t *testing.T) {
	p := newPane(t, i18n.EN, false, 100, 45)
	p.scope("centuri-saas", "Centuri SaaS")
	if v := p.view(); !strings.Contains(v, "FourEdge AB") || !strings.Contains(v, "556726-8106") || !strings.Contains(v, "None recorded. When the supplier announces a change, press n.") {
		t.Fatalf("Centuri's register:\n%s", v)
	}
	p.keys("n")
	if !p.m.Capturing() {
		t.Fatal("n did not open the notice form")
	}
	// Received 2026-12-01; Centuri lets the customer object within 14
	// days: 2026-12-01 + 14 days = 2026-12-15, a Tuesday, so act by the same day.
	p.clearField()
	p.typeText("2026-12-01")
	p.keys("tab", "tab")
	p.typeText("Backup Partner AB")
	p.keys("tab", "tab")
	p.typeText("Sverige")
	p.keys("ctrl+s")
	if p.m.Capturing() {
		t.Fatalf("the form stayed open:\n%s", p.view())
	}
	if got := p.lastStatus(); got != "Recorded the notice on Backup Partner AB: object by 2026-12-15, act by 2026-12-15." {
		t.Errorf("status = %q", got)
	}
	v := p.view()
	// 2026-11-24 to 2026-12-15 is 21 days.
	for _, want := range []string{"2026-12-01 add      Backup Partner AB", "2026-12-15 2026-12-15 21 d   open", "Backup Partner AB", "proposed"} {
		if !strings.Contains(v, want) {
			t.Errorf("the register does not show %q:\n%s", want, v)
		}
	}
	if n := p.notices("centuri-saas"); n != 1 {
		t.Errorf("%d notices stored, want 1", n)
	}

	// The notice's detail has the deadline, the silence rule and the clause.
	p.selectLine("Backup Partner AB   ")
	p.selectLine("2026-12-01 add")
	v = p.view()
	for _, want := range []string{"Object by", "2026-12-15 · 21 d", "Silence counts as", "Clause DPA 8.2", "Press v to record your decision."} {
		if !strings.Contains(v, want) {
			t.Errorf("the notice detail lacks %q:\n%s", want, v)
		}
	}

	// Accept it on 2026-12-10: the entry becomes approved from that day.
	p.keys("v")
	p.typeText("accept")
	p.keys("tab")
	p.clearField()
	p.typeText("2026-12-10")
	p.keys("ctrl+s")
	a, _ := p.st.Agreement(context.Background(), "centuri-saas")
	if len(a.Subs) != 2 || a.Subs[1].Status != model.SubApproved || a.Subs[1].Since.String() != "2026-12-10" {
		t.Errorf("after accepting: %+v", a.Subs)
	}
	if v := p.view(); !strings.Contains(v, "accepted") {
		t.Errorf("the notice is not shown as accepted:\n%s", v)
	}
}

func TestNoticeFormRefusesBadInput(t *testing.T) {
	p := newPane(t, i18n.EN, false, 80, 24)
	p.scope("centuri-saas", "Centuri SaaS")
	p.keys("n", "tab", "tab")
	p.typeText("Nowhere Ltd")
	p.keys("tab", "tab")
	p.typeText("XX")
	p.keys("ctrl+s")
	if !p.m.Capturing() {
		t.Fatal("a notice with country XX closed the form")
	}
	if v := p.view(); !strings.Contains(v, `"XX" is not an ISO 3166 country code`) {
		t.Errorf("no message under the country field:\n%s", v)
	}
	// A typo close to a name gets the code to write.
	for range 2 {
		p.keys("backspace")
	}
	p.typeText("Swedn")
	p.keys("ctrl+s")
	if v := p.view(); !strings.Contains(v, `"Swedn" is not an ISO code — write SE (Sweden)`) {
		t.Errorf("no suggestion for a typo:\n%s", v)
	}
	// An effective date before the notice arrived is refused on that field.
	p.clearField()
	p.typeText("SE")
	p.keys("tab", "tab", "tab", "tab")
	p.typeText("2026-11-01")
	p.keys("ctrl+s")
	if v := p.view(); !strings.Contains(v, "the change takes effect 2026-11-01, before the notice was") {
		t.Errorf("no message for an effective date before receipt:\n%s", v)
	}
	p.keys("esc", "y") // y: throw away what was typed
	if p.m.Capturing() || p.lastStatus() != "Nothing was saved." {
		t.Errorf("esc: capturing %v, status %q", p.m.Capturing(), p.lastStatus())
	}
	if n := p.notices("centuri-saas"); n != 0 {
		t.Errorf("%d notices stored after refused input, want 0", n)
	}
}

func TestViewerIsRefused(t *testing.T) {
	p := newPane(t, i18n.EN, true, 80, 24)
	p.scope("centuri-saas", "Centuri SaaS")
	for _, k := range []string{"n", "a", "i"} {
		p.keys(k)
		if p.m.Capturing() {
			t.Fatalf("%s opened a form for a viewer", k)
		}
		if got := p.lastStatus(); !strings.HasPrefix(got, "error: ") {
			t.Errorf("%s: status %q, want the refusal", k, got)
		}
	}
	if n := p.notices("centuri-saas"); n != 0 {
		t.Errorf("a viewer stored %d notices", n)
	}
}

func TestAddEditRemoveSubProcessor(t *testing.T) {
	p := newPane(t, i18n.SV, false, 160, 40)
	p.scope("pureservice", "Pureservice")
	p.addSub("Acme Support Oy", "Finland", "", "support\x1b[31m tooling") // an escape sequence never reaches the screen
	a, _ := p.st.Agreement(context.Background(), "pureservice")
	if len(a.Subs) != 3 || a.Subs[2].Country != "FI" || a.Subs[2].Status != model.SubApproved {
		t.Fatalf("after adding: %+v", a.Subs)
	}
	if got := p.lastStatus(); got != "La till Acme Support Oy." {
		t.Errorf("status %q", got)
	}
	p.selectLine("Acme Support Oy")
	v := p.view()
	if strings.Contains(v, "\x1b[31m") || !strings.Contains(v, "support[31m tooling") {
		t.Errorf("the purpose is not shown sanitized:\n%q", v)
	}
	// Adding the same name again is refused on the name field.
	p.keys("a")
	p.typeText("acme support oy")
	p.keys("ctrl+s")
	if !p.m.Capturing() || !strings.Contains(p.view(), "finns redan i registret") {
		t.Errorf("a duplicate name was not refused:\n%s", p.view())
	}
	p.keys("esc", "y")

	p.selectLine("Acme Support Oy")
	p.keys("e", "tab", "tab")
	p.clearField()
	p.typeText("SE")
	p.keys("ctrl+s")
	p.selectLine("Acme Support Oy")
	p.keys("d", "ctrl+s")
	a, _ = p.st.Agreement(context.Background(), "pureservice")
	if got := a.Subs[2]; got.Country != "SE" || got.Status != model.SubRemoved {
		t.Errorf("after edit and removal: %+v", got)
	}
	p.selectLine("Acme Support Oy")
	v = p.view()
	for _, want := range []string{"Historik", "2026-11-24 tillagd", "2026-11-24 ändrad: land FI → SE", "2026-11-24 borttagen: status godkänd → borttagen"} {
		if !strings.Contains(v, want) {
			t.Errorf("the history lacks %q:\n%s", want, v)
		}
	}
}

func TestCompareListsTurnsDiffIntoNotices(t *testing.T) {
	p := newPane(t, i18n.EN, false, 100, 30)
	p.scope("centuri-saas", "Centuri SaaS")
	p.keys("i", "tab", "tab")
	// Pasted with semicolons, as from a Swedish spreadsheet: FourEdge moves
	// to Norway, a new US host appears.
	paste := "namn;organisationsnummer;land;ändamål\nFourEdge AB;556726-8106;Norge;Drift av datacenter (driftpartner)\nCloudCo Inc;;USA;backup\n"
	p.run(p.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(paste), Paste: true}))
	p.keys("ctrl+s")
	v := p.view()
	for _, want := range []string{"~ FourEdge AB: country SE → NO", "+ CloudCo Inc (US) backup", "enter records these 2 change(s) as notices received 2026-11-24"} {
		if !strings.Contains(v, want) {
			t.Errorf("the comparison lacks %q:\n%s", want, v)
		}
	}
	p.keys("enter")
	if p.m.Capturing() {
		t.Fatalf("the comparison stayed open:\n%s", p.view())
	}
	if n := p.notices("centuri-saas"); n != 2 {
		t.Errorf("%d notices recorded, want 2", n)
	}
	if v := p.view(); !strings.Contains(v, "CloudCo Inc") || !strings.Contains(v, "replace") {
		t.Errorf("the notices are not listed:\n%s", v)
	}
}

func TestCompareListsReadsAFileOnlyLocally(t *testing.T) {
	// A list on this machine: the register's FourEdge AB plus SecretCo.
	path := filepath.Join(t.TempDir(), "list.csv")
	if err := os.WriteFile(path, []byte("name;country\nFourEdge AB;SE\nSecretCo;SE\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name        string
		local       bool
		field, show string // a label the form shows; what the comparison shows
	}{
		{"local workbench", true, "CSV file", "+ SecretCo (SE)"},
		// Over SSH the path is only text in the paste field, never opened.
		{"ssh session", false, "Paste the list (a header row", "row 1: the header has only one column"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := newPane(t, i18n.EN, false, 100, 30)
			p.m.c.LocalFiles = tt.local
			p.scope("centuri-saas", "Centuri SaaS")
			p.keys("i")
			if v := p.view(); !strings.Contains(v, tt.field) || strings.Contains(v, "CSV file") != tt.local {
				t.Errorf("the form lacks %q or offers a file path %v:\n%s", tt.field, !tt.local, v)
			}
			p.typeText(path)
			p.keys("ctrl+s")
			if v := p.view(); !strings.Contains(v, tt.show) || strings.Contains(v, "SecretCo") != tt.local {
				t.Errorf("after comparing, want %q and the file read %v:\n%s", tt.show, tt.local, v)
			}
		})
	}
}

// A list dragged onto the terminal arrives quoted; it is read all the same.
func TestCompareListsReadsADraggedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "the list.csv")
	if err := os.WriteFile(path, []byte("name;country\nFourEdge AB;SE\nSecretCo;SE\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p := newPane(t, i18n.EN, false, 100, 30)
	p.m.c.LocalFiles = true
	p.scope("centuri-saas", "Centuri SaaS")
	p.keys("i")
	p.typeText("'" + path + "'")
	p.keys("ctrl+s")
	if v := p.view(); !strings.Contains(v, "+ SecretCo (SE)") {
		t.Errorf("a quoted path was not read:\n%s", v)
	}
}

func TestCompareListsRefusesBadList(t *testing.T) {
	p := newPane(t, i18n.EN, false, 100, 30)
	p.scope("centuri-saas", "Centuri SaaS")
	p.keys("i", "tab", "tab")
	p.run(p.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("name,country\nAcme,Atlantis\n"), Paste: true}))
	p.keys("ctrl+s")
	if v := p.view(); !strings.Contains(v, `row 2, column country: "Atlantis" is not an ISO code or a country name`) {
		t.Errorf("no row and column in the message:\n%s", v)
	}
	p.keys("enter") // on the paste field enter is a new line, never a save
	p.keys("esc")
	if n := p.notices("centuri-saas"); n != 0 {
		t.Errorf("a bad list recorded %d notices", n)
	}
}

func TestPortfolioGroupsAndFilters(t *testing.T) {
	p := newPane(t, i18n.EN, false, 100, 30)
	p.keys("p")
	v := p.view()
	for _, want := range []string{"Portfolio · 3 · region: all · status: all", "FourEdge AB", "Mailgun (owned by Sinch AB)", "Microsoft Sverige AS (Azure)"} {
		if !strings.Contains(v, want) {
			t.Errorf("the portfolio lacks %q:\n%s", want, v)
		}
	}
	p.selectLine("Microsoft")
	if v := p.view(); !strings.Contains(v, "EEA") || !strings.Contains(v, "Pureservice tjänsteavtal") {
		t.Errorf("Microsoft's detail lacks its region or its agreement:\n%s", v)
	}
	p.keys("r") // EU/EEA: Microsoft and Mailgun name the EEA and no country
	if v := p.view(); !strings.Contains(v, "Portfolio · 3 · region: EU/EEA") || !strings.Contains(v, "Microsoft") {
		t.Errorf("region filter:\n%s", v)
	}
	p.keys("r", "r") // third countries: none
	if v := p.view(); !strings.Contains(v, "No sub-processor matches this filter. Press r or s to change it.") {
		t.Errorf("empty filter:\n%s", v)
	}
	p.keys("p")
	if v := p.view(); !strings.Contains(v, "Sub-processors · all agreements") || !strings.Contains(v, "Privacy Shield") {
		t.Errorf("p did not go back to the overview:\n%s", v)
	}
}

func TestOverviewOpensAgreement(t *testing.T) {
	p := newPane(t, i18n.EN, false, 100, 30)
	p.selectLine("Privacy Shield")
	p.keys("enter") // the pane asks the root to scope; the harness hands the scope back
	if p.m.mode != modeRegister || p.m.scopeID != "superoffice-dpa" {
		t.Errorf("enter opened %q in mode %d", p.m.scopeID, p.m.mode)
	}
	if v := p.view(); !strings.Contains(v, "The sub-processor list at https://www.superoffice.se/integritetscenter/ was last") {
		t.Errorf("SuperOffice's register lacks the stale-list flag:\n%s", v)
	}
}

func TestViewFitsEverySize(t *testing.T) {
	p := newPane(t, i18n.SV, false, 80, 24)
	p.scope("superoffice-dpa", "SuperOffice CRM Online – personuppgiftsbiträdesavtal med ett mycket långt namn")
	states := []func(){
		func() {},
		func() { p.keys("n") },
		func() { p.keys("esc", "i") },
		func() { p.keys("esc", "p") },
		func() { p.keys("p", "p") },
	}
	for _, state := range states {
		state()
		for _, size := range [][2]int{{60, 12}, {80, 21}, {100, 27}, {160, 42}, {200, 60}} {
			p.m.SetSize(size[0], size[1])
			v := p.m.View()
			if w, h := lipgloss.Width(v), lipgloss.Height(v); w > size[0] || h > size[1] {
				t.Errorf("mode %d, modal %v: %d×%d view in %v:\n%s", p.m.mode, p.m.modal != nil, w, h, size, v)
			}
		}
	}
}

func TestChoiceAcceptsCodesAndBothLanguages(t *testing.T) {
	p := newPane(t, i18n.EN, false, 80, 24)
	verdicts := []subproc.Verdict{subproc.Accept, subproc.Object}
	for in, want := range map[string]subproc.Verdict{"accept": subproc.Accept, " OBJECT ": subproc.Object, "godta": subproc.Accept, "Invänd": subproc.Object} {
		if got, err := choice(p.m.c, in, verdicts, "verdict."); err != nil || got != want {
			t.Errorf("choice(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := choice(p.m.c, "maybe", verdicts, "verdict."); err == nil || err.Error() != `"maybe" is not one of: accept, object` {
		t.Errorf("choice(maybe) error = %v", err)
	}
}

func TestListCheckedClearsTheStaleFlag(t *testing.T) {
	p := newPane(t, i18n.EN, false, 100, 30)
	p.scope("superoffice-dpa", "SuperOffice")
	if v := p.view(); !strings.Contains(v, "last checked 2025-01-15") || !strings.Contains(v, "Flags (2)") {
		t.Fatalf("SuperOffice before the check:\n%s", v)
	}
	p.keys("l", "ctrl+s")
	a, _ := p.st.Agreement(context.Background(), "superoffice-dpa")
	if got := a.SubPolicy.ListChecked.String(); got != "2026-11-24" {
		t.Errorf("list checked = %s, want 2026-11-24", got)
	}
	// Only the Privacy Shield flag is left.
	if v := p.view(); !strings.Contains(v, "Flags (1)") || !strings.Contains(v, "last checked 2026-11-24") {
		t.Errorf("after the check:\n%s", v)
	}
	p.scope("centuri-saas", "Centuri SaaS")
	p.keys("l")
	if p.m.Capturing() || p.lastStatus() != "This agreement keeps its list in the agreement itself; there is no address to check." {
		t.Errorf("l on an agreement without a list address: capturing %v, status %q", p.m.Capturing(), p.lastStatus())
	}
}

// An acceptance made by mistake is undone with u and a y: the notice is
// open again with its objection deadline, Backup Partner is proposed
// again, and the audit log says so. Any other answer keeps the decision;
// a viewer is refused; an open notice has nothing to undo.
func TestUndoDecision(t *testing.T) {
	p := newPane(t, i18n.EN, false, 100, 45)
	ctx := context.Background()
	id, err := p.st.RecordNotice(ctx, "centuri-saas", subproc.Notice{Received: model.MustDate(2026, 12, 1), Change: subproc.ChangeAdd,
		Sub: model.SubProcessor{Name: "Backup Partner AB", Country: "SE"}})
	if err != nil {
		t.Fatal(err)
	}
	p.scope("centuri-saas", "Centuri SaaS")
	p.selectLine("2026-12-01 add")
	p.keys("u")
	if got := p.lastStatus(); got != "This notice has no decision to undo." || p.m.Capturing() {
		t.Errorf("u on an open notice: %q", got)
	}
	if err := p.st.DecideNotice(ctx, id, subproc.Decision{Verdict: subproc.Accept, Date: model.MustDate(2026, 12, 10)}); err != nil {
		t.Fatal(err)
	}
	p.run(p.m.Update(session.ChangedMsg{AgreementID: "centuri-saas"}))
	p.selectLine("2026-12-01 add")
	p.keys("u")
	if got := p.lastStatus(); got != "Undo: accept Backup Partner AB (2026-12-10)? y/n" || !p.m.Capturing() {
		t.Fatalf("u on the accepted notice: %q, capturing %v", got, p.m.Capturing())
	}
	p.keys("n")
	if got := p.lastStatus(); got != "Nothing changed." || p.m.Capturing() {
		t.Errorf("after n: %q", got)
	}
	if open, _ := p.st.OpenNotices(ctx); len(open) != 0 {
		t.Fatalf("n undid the decision: %+v", open)
	}
	p.keys("u", "y")
	if got := p.lastStatus(); got != fmt.Sprintf("Notice %d (Backup Partner AB) is open again.", id) {
		t.Errorf("status %q", got)
	}
	// Received 2026-12-01, 14 days to object: 2026-12-15, 21 days after
	// 2026-11-24.
	if v := p.view(); !strings.Contains(v, "2026-12-15 2026-12-15 21 d   open") {
		t.Errorf("the notice is not open again:\n%s", v)
	}
	a, _ := p.st.Agreement(ctx, "centuri-saas")
	if s := a.Subs[len(a.Subs)-1]; s.Name != "Backup Partner AB" || s.Status != model.SubProposed {
		t.Errorf("Backup Partner after the undo: %+v", s)
	}
	log, _ := p.st.AuditLog(ctx, "centuri-saas", 1)
	if len(log) != 1 || log[0].Action != "undo_decision" {
		t.Errorf("audit %+v", log)
	}

	if err := p.st.DecideNotice(ctx, id, subproc.Decision{Verdict: subproc.Object, Date: model.MustDate(2026, 12, 10)}); err != nil {
		t.Fatal(err)
	}
	viewer := openPane(t, p.st, i18n.EN, true, 100, 45)
	viewer.scope("centuri-saas", "Centuri SaaS")
	viewer.selectLine("2026-12-01 add")
	viewer.keys("u")
	if got := viewer.lastStatus(); !strings.HasPrefix(got, "error: ") || viewer.m.Capturing() {
		t.Errorf("a viewer's u: %q", got)
	}
	if open, _ := p.st.OpenNotices(ctx); len(open) != 0 {
		t.Errorf("a viewer undid the objection: %+v", open)
	}
}

// TestRegionField adds an entry placed in a region, with the CLI's check:
// a country code is refused under the region field, "ees" is stored as the
// EEA, and the register and the detail show it.
func TestRegionField(t *testing.T) {
	p := newPane(t, i18n.EN, false, 160, 40)
	p.scope("centuri-saas", "Centuri SaaS")
	p.keys("a")
	p.typeText("Molnet AB")
	p.keys("tab", "tab", "tab") // org, country, region
	p.typeText("SE")
	p.keys("ctrl+s")
	if v := p.view(); !p.m.Capturing() || !strings.Contains(v, `"SE" is a country code`) {
		t.Fatalf("a country code as the region was not refused under the field:\n%s", v)
	}
	p.clearField()
	p.typeText("ees")
	p.keys("ctrl+s")
	a, _ := p.st.Agreement(context.Background(), "centuri-saas")
	if len(a.Subs) != 2 || a.Subs[1].Region != model.RegionEEA || a.Subs[1].Country != "" {
		t.Fatalf("after adding: %+v", a.Subs)
	}
	p.selectLine("Molnet AB")
	v := p.view()
	for _, want := range []string{"Region", "EEA", "the DPA allows SE only"} {
		if !strings.Contains(v, want) {
			t.Errorf("the register or the detail lacks %q:\n%s", want, v)
		}
	}
}
