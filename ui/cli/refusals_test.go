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
	"avtal/ui/clauses"
	"avtal/ui/cli"
	"avtal/ui/i18n"
	"avtal/ui/session"
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
	session.Pane
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
		{i18n.SV, "2026-02-30 10:00", "2026-03-01 10:00", false, "start", "2026-02-30T10:00 är inget datum som finns"},
		{i18n.SV, "2026-11-10 16:00", "i morgon", false, "end", `"i morgon" är inget datum med tid (skriv ÅÅÅÅ-MM-DDTTT:MM, t.ex. 2026-11-10T10:00)`},
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
		tuitest.Drain(t, p.Update, func() tea.Msg { return session.ScopeMsg{ID: "pureservice", Title: "pureservice"} })
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
// refuse the same value with the same words in either language (the
// model's refusals carry catalogue keys), naming the same field (for a
// value only the whole agreement refuses, the field the model blames), and
// store nothing.
func TestBadAgreementEditRefusedAlikeByCLIAndPane(t *testing.T) {
	tests := []struct {
		lang         i18n.Lang
		field, value string
		blamed, want string
	}{
		{i18n.EN, "term.renewal", "0 months", "term.renewal", `"0 months" must be longer than zero (leave it out when there is none)`},
		{i18n.SV, "term.renewal", "0 months", "term.renewal", `"0 månader" måste vara längre än noll (utelämna den när det inte finns någon)`},
		{i18n.EN, "start", "2026-02-30", "start", `"2026-02-30" is not a date that exists, written YYYY-MM-DD`},
		{i18n.SV, "start", "2026-02-30", "start", `"2026-02-30" är inget datum som finns, skrivet ÅÅÅÅ-MM-DD`},
		{i18n.EN, "term.notice", "soon", "term.notice", `"soon" is not a period (e.g. 6 months, 4 weeks, 14 days)`},
		{i18n.SV, "term.notice", "soon", "term.notice", `"soon" är ingen period (t.ex. 6 månader, 4 veckor, 14 dagar)`},
		{i18n.EN, "fee.amount", "-5", "fee.amount", "must not be negative"},
		{i18n.SV, "fee.amount", "-5", "fee.amount", "får inte vara negativt"},
		{i18n.EN, "term.indefinite", "true", "term.initial", "an indefinite agreement has no initial period"},
		{i18n.SV, "term.indefinite", "true", "term.initial", "ett avtal som gäller tills vidare har ingen initial avtalstid"},
		{i18n.EN, "title", "", "title", "must be filled in"}, // the form's words for a required field
		{i18n.SV, "supplier.name", " ", "supplier.name", "måste fyllas i"},
	}
	const id = "centuri-saas" // the first agreement of the sample, with an initial term
	for _, tt := range tests {
		st := tuitest.SampleStore(t)
		before, err := st.Agreement(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		refusedByCLI(t, st, tt.lang, "avtal set: "+tt.blamed+": "+tt.want, "set", id, tt.field+"="+tt.value)

		p := agreements.New(tuitest.Session(st, tt.lang))
		p.SetSize(220, 60)
		tuitest.Drain(t, p.Update, p.Init())
		drive(t, p, "e")
		for range editFormIndex(t, tt.field) {
			drive(t, p, "tab")
		}
		typed := tt.value
		if tt.field == "term.indefinite" {
			typed = map[i18n.Lang]string{i18n.EN: "y", i18n.SV: "j"}[tt.lang] // the picker's yes, ja
		}
		drive(t, p, "ctrl+u", typed, "ctrl+s")
		refusedByForm(t, p, string(tt.lang)+" edit form "+tt.field+"="+tt.value, tt.want)

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

// TestBadTaggingRefusedAlikeByCLIAndPane: putting a tag on a clause or
// taking one off is one model rule (extract.CheckTagging, run inside the
// store's transaction), so `avtal tag` and the clauses pane's tag and
// untag forms refuse the same tags with the same words in either
// language: the CLI names the clause, the pane keeps the form open with
// the words under the field. Nothing is stored.
func TestBadTaggingRefusedAlikeByCLIAndPane(t *testing.T) {
	tests := []struct {
		lang   i18n.Lang
		tag    string
		remove bool
		want   string
	}{
		{i18n.EN, "Limitation of liability", false, "the clause already has liability_cap"},
		{i18n.SV, "Ansvarsbegränsning", false, "klausulen har redan liability_cap"},
		{i18n.EN, "Bad Tag", false, `"Bad Tag" is not a tag: use a built-in tag, or letters and digits joined by - or _ (at most 40, e.g. exit-plan)`},
		{i18n.SV, "Bad Tag", false, `"Bad Tag" är inte en tagg: använd en inbyggd tagg, eller bokstäver och siffror förenade med - eller _ (högst 40, t.ex. exit-plan)`},
		{i18n.EN, "indemnity", true, "the clause has no tag indemnity"},
		{i18n.SV, "indemnity", true, "klausulen har ingen tagg indemnity"},
	}
	for _, tt := range tests {
		st := tuitest.SampleStore(t)
		ctx := context.Background()
		c, err := st.FindClause(ctx, "pureservice", "2.7", "")
		if err != nil {
			t.Fatal(err)
		}
		args := []string{"tag", "pureservice", "2.7", tt.tag}
		formKey, title := "t", "clauses.tag_title"
		if tt.remove {
			args, formKey, title = append(args, "--remove"), "T", "clauses.untag_title"
		}
		refusedByCLI(t, st, tt.lang, "avtal tag: pureservice 2.7: "+tt.want, args...)

		p := clauses.New(tuitest.Session(st, tt.lang))
		p.SetSize(320, 60)
		tuitest.Drain(t, p.Update, p.Init())
		tuitest.Drain(t, p.Update, func() tea.Msg { return session.ScopeMsg{ID: "pureservice", Title: "Pureservice"} })
		drive(t, p, "/", "Ansvarsbegränsningar", "enter", formKey, "ctrl+u", tt.tag, "enter")
		refusedByForm(t, p, string(tt.lang)+" clauses pane "+formKey+" "+tt.tag, tt.want)
		if title := tt.lang.T(title, "2.7 Ansvarsbegränsningar"); !strings.Contains(p.View(), title) {
			t.Errorf("%s: the form is not %q:\n%s", tt.lang, title, p.View())
		}

		if after, err := st.Clause(ctx, c.ID); err != nil || !slices.Equal(after.Tags, c.Tags) {
			t.Errorf("%s %s: a refused tagging changed the tags: %v → %v (%v)", tt.lang, tt.tag, c.Tags, after.Tags, err)
		}
	}
}

// TestBadNoteRefusedAlikeByCLIAndPane: a note is checked by one model rule
// (model.CheckNote, run inside the store's transaction), so `avtal note`
// and the clauses pane's note form refuse an empty or overlong note with
// the same words in either language, and store nothing.
func TestBadNoteRefusedAlikeByCLIAndPane(t *testing.T) {
	long := strings.Repeat("word ", 801) // 4004 characters, trimmed 4004
	tests := []struct {
		lang       i18n.Lang
		text, want string
	}{
		{i18n.EN, long, "a note may hold at most 4000 characters"},
		{i18n.SV, long, "en anteckning får vara högst 4000 tecken"},
		{i18n.EN, " ", "must be filled in"},
		{i18n.SV, " ", "måste fyllas i"},
	}
	for _, tt := range tests {
		st := tuitest.SampleStore(t)
		ctx := context.Background()
		c, err := st.FindClause(ctx, "pureservice", "2.7", "")
		if err != nil {
			t.Fatal(err)
		}
		refusedByCLI(t, st, tt.lang, "avtal note: text: "+tt.want, "note", "pureservice", "2.7", tt.text)

		p := clauses.New(tuitest.Session(st, tt.lang))
		p.SetSize(200, 60)
		tuitest.Drain(t, p.Update, p.Init())
		tuitest.Drain(t, p.Update, func() tea.Msg { return session.ScopeMsg{ID: "pureservice", Title: "Pureservice"} })
		drive(t, p, "/", "Ansvarsbegränsningar", "enter", "n", tt.text, "ctrl+s")
		refusedByForm(t, p, string(tt.lang)+" clauses pane note", tt.want)

		if after, err := st.Clause(ctx, c.ID); err != nil || len(after.Notes) != len(c.Notes) {
			t.Errorf("%s: a refused note was stored: %v → %v (%v)", tt.lang, c.Notes, after.Notes, err)
		}
	}
}
