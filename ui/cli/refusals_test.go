package cli_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/store"
	"avtal/ui/agreements"
	"avtal/ui/calendar"
	"avtal/ui/cli"
	"avtal/ui/common"
	"avtal/ui/i18n"
	slapane "avtal/ui/sla"
	"avtal/ui/tuitest"
)

// The tests here drive the same bad input through the program (cli.Main)
// and through the pane that takes it, on one register, and expect the same
// refusal: each is one model rule that the store runs where it writes, so
// the CLI and the panes only map their inputs and word the refusal.

// refusedByCLI runs the program on st's register in lang and fails the test
// unless it exits 1 with the one line want on stderr.
func refusedByCLI(t *testing.T, st *store.Store, lang i18n.Lang, want string, args ...string) {
	t.Helper()
	var out, errOut bytes.Buffer
	args = append([]string{"--db", st.Path(), "--lang", string(lang)}, args...)
	code := cli.Main(args, &out, &errOut, func(string) string { return "" }, st.Clock())
	if code != cli.ExitFail || errOut.String() != want+"\n" {
		t.Errorf("avtal %s: exit %d, %q; want exit 1 and %q", strings.Join(args, " "), code, errOut.String(), want)
	}
}

// pane is a pane with forms, as the tests drive it.
type pane interface {
	common.Pane
	Capturing() bool
}

// drive hands keys to p, running the commands they start until nothing is left.
func drive(t *testing.T, p pane, keys ...string) {
	t.Helper()
	for _, k := range keys {
		tuitest.Drain(t, p.Update, p.Update(tuitest.Key(k)))
	}
}

// refusedByForm fails the test unless p's form is still open and shows
// want as a message of its own, in a box of the view.
func refusedByForm(t *testing.T, p pane, what, want string) {
	t.Helper()
	view := p.View()
	if p.Capturing() {
		for _, line := range strings.Split(view, "\n") {
			for _, cell := range strings.Split(line, "│") {
				if strings.TrimSpace(cell) == want {
					return
				}
			}
		}
	}
	t.Errorf("%s: form open %v, want %q shown:\n%s", what, p.Capturing(), want, view)
}

// TestBadIncidentRefusedAlikeByCLIAndPane: an incident is checked by one
// model rule (model.Incident.CheckRecord, run inside the store's
// transaction) and its times read by one parser (slacredit.ParseTime), so
// `avtal sla add` and the SLA pane's form refuse the same incident with the
// same words in either language: the CLI names the flag, the pane keeps
// the form open with the words under the field. Nothing is stored.
func TestBadIncidentRefusedAlikeByCLIAndPane(t *testing.T) {
	tests := []struct {
		lang             i18n.Lang
		start, end       string
		excludedNoReason bool
		flag, want       string
	}{
		{i18n.EN, "2026-11-10 16:00", "2026-11-10 15:00", false, "end", "2026-11-10 15:00 is not after the start 2026-11-10 16:00"},
		{i18n.SV, "2026-11-10T16:00", "2026-11-10 16:00", false, "end", "2026-11-10 16:00 är inte efter starten 2026-11-10 16:00"},
		{i18n.EN, "2026-11-10 16:00", "2026-11-10 17:00", true, "excluded", "say why the incident is excluded"},
		{i18n.SV, "2026-11-10 16:00", "2026-11-10 17:00", true, "excluded", "ange varför incidenten undantas"},
		{i18n.EN, "2026-02-30 10:00", "2026-03-01 10:00", false, "start", "2026-02-30T10:00 is not a date that exists"},
	}
	for _, tt := range tests {
		st := tuitest.SampleStore(t)
		args := []string{"sla", "add", "pureservice", "--start", tt.start, "--end", tt.end}
		if tt.excludedNoReason {
			args = append(args, "--excluded", "")
		}
		refusedByCLI(t, st, tt.lang, "avtal sla: --"+tt.flag+": "+tt.want, args...)

		p := slapane.New(tuitest.Session(st, tt.lang))
		p.SetSize(160, 40)
		tuitest.Drain(t, p.Update, p.Init())
		tuitest.Drain(t, p.Update, func() tea.Msg { return common.ScopeMsg{ID: "pureservice", Title: "pureservice"} })
		keys := []string{"a", tt.start, "tab", tt.end}
		if tt.excludedNoReason {
			keys = append(keys, "tab", "tab", map[i18n.Lang]string{i18n.EN: "y", i18n.SV: "j"}[tt.lang])
		}
		drive(t, p, append(keys, "ctrl+s")...)
		refusedByForm(t, p, string(tt.lang)+" SLA pane "+strings.Join(keys, " "), tt.want)

		if list, err := st.Incidents(context.Background(), "pureservice", time.Time{}, time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil || len(list) != 0 {
			t.Errorf("%s: refused incidents stored: %v %v", tt.lang, list, err)
		}
	}
}

// TestBadAgreementEditRefusedAlikeByCLIAndPane: an edit of an agreement's
// fields is one model command (model.Agreement.Assign, run inside the
// store's transaction), so `avtal set` and the agreements pane's edit form
// refuse the same value with the same words, naming the same field (for a
// value only the whole agreement refuses, the field the model blames), and
// store nothing.
func TestBadAgreementEditRefusedAlikeByCLIAndPane(t *testing.T) {
	msg := func(field, value string) string { return model.CheckField(field, value).(*model.FieldError).Msg }
	tests := []struct {
		field, value string
		blamed, want string
	}{
		{"term.renewal", "0 months", "term.renewal", `"0 months" must be longer than zero (leave it out when there is none)`},
		{"start", "2026-02-30", "start", msg("start", "2026-02-30")},
		{"term.notice", "soon", "term.notice", msg("term.notice", "soon")},
		{"fee.amount", "-5", "fee.amount", "must not be negative"},
		{"term.indefinite", "true", "term.initial", "an indefinite agreement has no initial period"},
		{"title", "", "title", "must be filled in"}, // the form's words for a required field
		{"supplier.name", " ", "supplier.name", "must be filled in"},
	}
	const id = "centuri-saas" // the first agreement of the sample, with an initial term
	for _, tt := range tests {
		st := tuitest.SampleStore(t)
		before, err := st.Agreement(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		refusedByCLI(t, st, i18n.EN, "avtal set: "+tt.blamed+": "+tt.want, "set", id, tt.field+"="+tt.value)

		p := agreements.New(tuitest.Session(st, i18n.EN))
		p.SetSize(220, 60)
		tuitest.Drain(t, p.Update, p.Init())
		drive(t, p, "e")
		for range editFormIndex(t, tt.field) {
			drive(t, p, "tab")
		}
		drive(t, p, "ctrl+u", tt.value, "ctrl+s")
		refusedByForm(t, p, "edit form "+tt.field+"="+tt.value, tt.want)

		after, err := st.Agreement(context.Background(), id)
		if err != nil || after.Term != before.Term || after.Start != before.Start || after.Fee != before.Fee ||
			after.Title != before.Title || after.Supplier != before.Supplier {
			t.Errorf("%s=%s: a refused edit changed the agreement: %+v → %+v (%v)", tt.field, tt.value, before, after, err)
		}
	}
}

// editFormIndex is the place of field in the agreements pane's edit form:
// model.Fields without the term's clause and the sub-processor policy.
func editFormIndex(t *testing.T, field string) int {
	shown := slices.DeleteFunc(slices.Clone(model.Fields), func(f string) bool {
		return f == "term.clause" || strings.HasPrefix(f, "subprocessor_policy.")
	})
	i := slices.Index(shown, field)
	if i < 0 {
		t.Fatalf("the edit form has no field %s", field)
	}
	return i
}

// TestPastSnoozeRefusedAlikeByCLIAndPane: a snooze must last past today
// (deadlines.CheckSnooze, which the store runs on every snooze), so
// `avtal snooze --until` and the calendar's snooze form refuse today with
// the same words in either language, and store nothing.
func TestPastSnoozeRefusedAlikeByCLIAndPane(t *testing.T) {
	for _, tt := range []struct {
		lang i18n.Lang
		want string
	}{
		{i18n.EN, "must be after today (2026-11-24)"},
		{i18n.SV, "måste vara efter i dag (2026-11-24)"},
	} {
		st := tuitest.SampleStore(t)
		today := model.DateOf(st.Clock()()).String()
		refusedByCLI(t, st, tt.lang, "avtal snooze: --until: "+tt.want,
			"snooze", "centuri-saas", "--kind", "indexation", "--date", "2027-01-01", "--until", today)

		p := calendar.New(tuitest.Session(st, tt.lang))
		p.SetSize(120, 30)
		tuitest.Drain(t, p.Update, p.Init())
		drive(t, p, "enter", "s", "ctrl+u", today, "enter")
		refusedByForm(t, p, string(tt.lang)+" calendar snooze until "+today, tt.want)

		if decided, err := st.Decisions(context.Background(), "centuri-saas"); err != nil || len(decided) != 0 {
			t.Errorf("%s: a refused snooze was stored: %v %v", tt.lang, decided, err)
		}
	}
}
