package cli

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/model"
	"avtal/ui/agreements"
	"avtal/ui/calendar"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// TestBadAgreementEditRefusedAlikeByCLIAndPane: an edit of an agreement's
// fields is one model command (model.Agreement.Assign, which the store runs
// inside its transaction), so `avtal set` and the agreements pane's edit
// form refuse the same value with the same words, naming the same field
// (for a value that only the whole agreement refuses, the field the model
// blames), and store nothing.
func TestBadAgreementEditRefusedAlikeByCLIAndPane(t *testing.T) {
	tests := []struct {
		field, value string
		blamed, want string
	}{
		{"term.renewal", "0 months", "term.renewal", `"0 months" must be longer than zero (leave it out when there is none)`},
		{"start", "2026-02-30", "start", model.CheckField("start", "2026-02-30").(*model.FieldError).Msg},
		{"term.notice", "soon", "term.notice", model.CheckField("term.notice", "soon").(*model.FieldError).Msg},
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

		var out, errOut bytes.Buffer
		env := &Env{Store: st, Lang: i18n.EN, Stdout: &out, Stderr: &errOut, Now: st.Clock()}
		code := Run(context.Background(), env, "set", []string{id, tt.field + "=" + tt.value})
		if want := "avtal set: " + tt.blamed + ": " + tt.want + "\n"; code != ExitFail || errOut.String() != want {
			t.Errorf("CLI set %s=%s: exit %d, %q; want exit 1 and %q", tt.field, tt.value, code, errOut.String(), want)
		}

		pane := agreements.New(tuitest.Session(st, i18n.EN))
		pane.SetSize(220, 60)
		drain := func(cmd tea.Cmd) { tuitest.Drain(t, pane.Update, cmd) }
		drain(pane.Init())
		drain(pane.Update(tuitest.Key("e")))
		for range editFormIndex(t, tt.field) {
			drain(pane.Update(tuitest.Key("tab")))
		}
		for _, k := range []string{"ctrl+u", tt.value, "ctrl+s"} {
			drain(pane.Update(tuitest.Key(k)))
		}
		if view := pane.View(); !pane.Capturing() || !hasLine(view, tt.want) {
			t.Errorf("pane %s=%s: form open %v, want %q under the field:\n%s", tt.field, tt.value, pane.Capturing(), tt.want, view)
		}

		after, err := st.Agreement(context.Background(), id)
		if err != nil || after.Term != before.Term || after.Start != before.Start || after.Fee != before.Fee || after.Title != before.Title || after.Supplier != before.Supplier {
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
// the same words in either language.
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

		var out, errOut bytes.Buffer
		env := &Env{Store: st, Lang: tt.lang, Stdout: &out, Stderr: &errOut, Now: st.Clock()}
		code := Run(context.Background(), env, "snooze", []string{"centuri-saas", "--kind", "indexation", "--date", "2027-01-01", "--until", today})
		if want := "avtal snooze: --until: " + tt.want + "\n"; code != ExitFail || errOut.String() != want {
			t.Errorf("%s CLI snooze --until %s: exit %d, %q; want exit 1 and %q", tt.lang, today, code, errOut.String(), want)
		}

		pane := calendar.New(tuitest.Session(st, tt.lang))
		pane.SetSize(120, 30)
		drain := func(cmd tea.Cmd) { tuitest.Drain(t, pane.Update, cmd) }
		drain(pane.Init())
		for _, k := range []string{"enter", "s", "ctrl+u", today, "enter"} {
			drain(pane.Update(tuitest.Key(k)))
		}
		// The form is drawn beside the month, so its words share a line with it.
		if view := pane.View(); !pane.Capturing() || !strings.Contains(view, " "+tt.want+" ") {
			t.Errorf("%s pane snooze until %s: form open %v, want %q under the field:\n%s", tt.lang, today, pane.Capturing(), tt.want, view)
		}
		if decided, err := st.Decisions(context.Background(), "centuri-saas"); err != nil || len(decided) != 0 {
			t.Errorf("%s: a refused snooze was stored: %v %v", tt.lang, decided, err)
		}
	}
}
