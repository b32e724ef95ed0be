package form

import (
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"avtal/model"
	"avtal/ui/i18n"
	"avtal/ui/session"
)

func newForm() *Form {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	c := session.New(r, nil, i18n.EN, time.Now)
	dateCheck := func(s string) error { _, err := model.ParseDate(s); return err }
	return New(c, "New incident",
		Field{Key: "start", Label: "Start", Required: true, Check: dateCheck},
		Field{Key: "note", Label: "Note"},
	)
}

func typeText(f *Form, s string) {
	for _, r := range s {
		f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func TestFormRefusesInvalidInputUntilFixed(t *testing.T) {
	f := newForm()
	typeText(f, "2026-02-30")
	if res, _ := f.Update(tea.KeyMsg{Type: tea.KeyCtrlS}); res != Editing {
		t.Fatalf("saving an impossible date gave %v, want the form kept open", res)
	}
	if view := f.View(60); !strings.Contains(view, "not a date that exists") {
		t.Errorf("the field's message is not shown:\n%s", view)
	}
	for range len("2026-02-30") {
		f.Update(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	typeText(f, "2026-02-28")
	f.Update(tea.KeyMsg{Type: tea.KeyTab})
	typeText(f, " planned ")
	if res, _ := f.Update(tea.KeyMsg{Type: tea.KeyEnter}); res != Submitted {
		t.Fatalf("enter on the last valid field gave %v, want Submitted", res)
	}
	if v := f.Values(); v["start"] != "2026-02-28" || v["note"] != "planned" {
		t.Errorf("values %v", v)
	}
}

func TestFormRequiredAndCancel(t *testing.T) {
	f := newForm()
	if res, _ := f.Update(tea.KeyMsg{Type: tea.KeyCtrlS}); res != Editing || !strings.Contains(f.View(60), "must be filled in") {
		t.Errorf("an empty required field must block saving and say so")
	}
	if res, _ := f.Update(tea.KeyMsg{Type: tea.KeyEsc}); res != Cancelled {
		t.Errorf("esc gave %v, want Cancelled", res)
	}
}

// Without colour a hint is bracketed, so "no" as a hint never reads as the
// answer "no" typed in; with colour it is dimmed and shown as written.
func TestPlaceholderReadsAsAHint(t *testing.T) {
	for _, tt := range []struct {
		profile termenv.Profile
		want    string
	}{
		{termenv.Ascii, "Planned  (no)"},
		{termenv.TrueColor, "Planned  no "},
	} {
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(tt.profile)
		f := New(session.New(r, nil, i18n.EN, time.Now), "Incident",
			Field{Key: "start", Label: "Start"},
			Field{Key: "planned", Label: "Planned", Placeholder: "no"})
		if view := ansi.Strip(f.View(60)); !strings.Contains(view, tt.want) {
			t.Errorf("profile %v: want %q in\n%s", tt.profile, tt.want, view)
		}
	}
}

// A value already in a field is as good as selected when the field gets
// the focus: typing replaces it, backspace clears it, and a movement key
// keeps it for editing.
func TestPrefilledValueIsReplacedByTyping(t *testing.T) {
	for _, tt := range []struct {
		name string
		keys []tea.KeyMsg
		want string
	}{
		{"typing", []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune("24")}}, "24 months"},
		{"backspace", []tea.KeyMsg{{Type: tea.KeyBackspace}, {Type: tea.KeyRunes, Runes: []rune("6 months")}}, "6 months"},
		{"moving first", []tea.KeyMsg{{Type: tea.KeyLeft}, {Type: tea.KeyRunes, Runes: []rune("x")}}, "12 monthxs"},
	} {
		r := lipgloss.NewRenderer(io.Discard)
		f := New(session.New(r, nil, i18n.EN, time.Now), "Term",
			Field{Key: "initial", Label: "Initial", Value: "12 months"})
		for _, k := range tt.keys {
			f.Update(k)
		}
		if tt.name == "typing" {
			typeText(f, " months")
		}
		if got := f.Values()["initial"]; got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// esc closes an untouched form at once, and asks first when something was
// typed: y throws it away, any other key goes back to the form as it was.
func TestEscAsksBeforeThrowingAwayTypedText(t *testing.T) {
	f := newForm()
	if res, _ := f.Update(tea.KeyMsg{Type: tea.KeyEsc}); res != Cancelled {
		t.Fatalf("esc on an untouched form gave %v", res)
	}
	f = newForm()
	typeText(f, "2026-")
	if res, _ := f.Update(tea.KeyMsg{Type: tea.KeyEsc}); res != Editing || !strings.Contains(f.View(80), "Throw away what you typed?") {
		t.Fatalf("esc after typing gave %v without asking:\n%s", res, f.View(80))
	}
	if res, _ := f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("n")}); res != Editing || f.Values()["start"] != "2026-" {
		t.Fatalf("n gave %v, values %v; want the form back as typed", res, f.Values())
	}
	f.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if res, _ := f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")}); res != Cancelled {
		t.Errorf("y gave %v, want Cancelled", res)
	}
}

// A field with choices is a picker: →/space and ← step through them, a
// letter goes to the next starting with it, and other typing is ignored;
// a field not required may be left empty.
func TestPicker(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	f := New(session.New(r, nil, i18n.EN, time.Now), "Notice",
		Field{Key: "change", Label: "Change", Required: true, Value: "REPLACE", Choices: []string{"add", "replace", "remove"}},
		Field{Key: "risk", Label: "Risk", Choices: []string{"ok", "watch", "risk"}})
	if got := f.Values()["change"]; got != "replace" {
		t.Fatalf("the value given picks its choice: %q", got)
	}
	for _, tt := range []struct {
		key  tea.KeyMsg
		want string
	}{
		{tea.KeyMsg{Type: tea.KeyRight}, "remove"},
		{tea.KeyMsg{Type: tea.KeySpace}, "add"},
		{tea.KeyMsg{Type: tea.KeyLeft}, "remove"},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("a")}, "add"},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("r")}, "replace"},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("r")}, "remove"},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x")}, "remove"},
		{tea.KeyMsg{Type: tea.KeyBackspace}, "remove"},
	} {
		f.Update(tt.key)
		if got := f.Values()["change"]; got != tt.want {
			t.Errorf("after %q: %q, want %q", tt.key, got, tt.want)
		}
	}
	if !strings.Contains(ansi.Strip(f.View(80)), "◂ remove ▸") {
		t.Errorf("the focused picker shows its value between arrows:\n%s", f.View(80))
	}
	f.Update(tea.KeyMsg{Type: tea.KeyTab})
	if got := f.Values()["risk"]; got != "" {
		t.Errorf("a picker given no value starts empty: %q", got)
	}
	f.Update(tea.KeyMsg{Type: tea.KeyLeft})
	if got := f.Values()["risk"]; got != "risk" {
		t.Errorf("← from empty goes to the last choice: %q", got)
	}
}

// A required picker given no value waits for a choice instead of taking
// the first: a decision must not default to "accept".
func TestRequiredPickerIsChosen(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	f := New(session.New(r, nil, i18n.EN, time.Now), "Decide",
		Field{Key: "verdict", Label: "Decision", Required: true, Choices: []string{"accept", "object"}})
	if res, _ := f.Update(tea.KeyMsg{Type: tea.KeyCtrlS}); res != Editing || !strings.Contains(f.View(60), "must be filled in") {
		t.Fatalf("saving with no choice gave %v:\n%s", res, f.View(60))
	}
	f.Update(tea.KeyMsg{Type: tea.KeyRight})
	if got := f.Values()["verdict"]; got != "accept" {
		t.Errorf("→ from nothing goes to the first choice: %q", got)
	}
}

// Suggestions complete what is typed: tab takes the one shown, tab again
// moves on; a value no suggestion starts with is kept as typed.
func TestSuggestionsComplete(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	f := New(session.New(r, nil, i18n.EN, time.Now), "Deadline",
		Field{Key: "agreement", Label: "Agreement", Suggestions: []string{"centuri-saas", "cleura-volymavtal"}},
		Field{Key: "title", Label: "Title"})
	typeText(f, "cle")
	if !strings.Contains(strings.ReplaceAll(ansi.Strip(f.View(60)), plainCursor, ""), "cleura-volymavtal") {
		t.Errorf("the suggestion should show after the typed text:\n%s", f.View(60))
	}
	f.Update(tea.KeyMsg{Type: tea.KeyTab})
	if got := f.Values()["agreement"]; got != "cleura-volymavtal" || f.focus != 0 {
		t.Fatalf("tab should complete and stay: %q, focus %d", got, f.focus)
	}
	f.Update(tea.KeyMsg{Type: tea.KeyTab})
	if f.focus != 1 {
		t.Errorf("tab on a complete value should move on, focus %d", f.focus)
	}
	f.Update(tea.KeyMsg{Type: tea.KeyShiftTab})
	f.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
	typeText(f, "nope")
	f.Update(tea.KeyMsg{Type: tea.KeyTab})
	if got := f.Values()["agreement"]; got != "nope" || f.focus != 1 {
		t.Errorf("with nothing to complete tab moves on: %q, focus %d", got, f.focus)
	}
}

// A picker with labels shows them, and a letter picks by label, while the
// value stays the stored one.
func TestPickerLabels(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	f := New(session.New(r, nil, i18n.SV, time.Now), "Avtal",
		Field{Key: "kind", Label: "Typ", Required: true, Value: "framework",
			Choices: []string{"general_terms", "framework"}, ChoiceLabels: []string{"allmänna villkor", "ramavtal"}})
	if v := ansi.Strip(f.View(80)); !strings.Contains(v, "◂ ramavtal ▸  allmänna villkor") {
		t.Errorf("the picker should show the labels:\n%s", v)
	}
	f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("a")})
	if got := f.Values()["kind"]; got != "general_terms" {
		t.Errorf("a picks allmänna villkor, whose value is general_terms: %q", got)
	}
}

// Without colour the focused field shows where typing goes, and a value
// typing will replace is bracketed; the other fields show their values.
func TestPlainTerminalShowsTheCursor(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	c := session.New(r, nil, i18n.EN, time.Now)
	f := New(c, "Plain", Field{Key: "name", Label: "Name", Value: "Acme"}, Field{Key: "city", Label: "City", Placeholder: "e.g. Umeå"})
	if v := f.View(60); !strings.Contains(v, "[Acme]"+plainCursor) {
		t.Errorf("the prefilled focused value is not marked:\n%s", v)
	}
	f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("B")})
	f.Update(tea.KeyMsg{Type: tea.KeyLeft})
	if v := f.View(60); !strings.Contains(v, plainCursor+"B") {
		t.Errorf("the cursor is not before B:\n%s", v)
	}
	f.Update(tea.KeyMsg{Type: tea.KeyTab})
	if v := f.View(60); !strings.Contains(v, plainCursor+"(e.g. Umeå)") || !strings.Contains(v, "B") {
		t.Errorf("the empty focused field shows no cursor:\n%s", v)
	}
}

// A form taller than its room shows the field being edited, and the
// question esc asks, however far down they are: at 80×24 an agreement's
// eighteen fields filled the pane, and the question fell below it.
func TestTallFormKeepsTheFocusAndTheQuestionInSight(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	c := session.New(r, nil, i18n.EN, time.Now)
	var fields []Field
	for i := range 20 {
		fields = append(fields, Field{Key: string(rune('a' + i)), Label: "Field " + string(rune('A'+i))})
	}
	f := New(c, "Edit the agreement", fields...)
	const height = 12
	view := func() string {
		v := f.ViewIn(60, height)
		if h := lipgloss.Height(v); h > height {
			t.Fatalf("%d lines, room for %d:\n%s", h, height, v)
		}
		return v
	}
	if v := view(); !strings.Contains(v, "Edit the agreement") || !strings.Contains(v, "› Field A") {
		t.Errorf("the top of the form should show first:\n%s", v)
	}
	for range 19 {
		f.Update(tea.KeyMsg{Type: tea.KeyTab})
	}
	typeText(f, "typed")
	if v := view(); !strings.Contains(v, "› Field T") || !strings.Contains(v, "typed") {
		t.Errorf("the last field, focused, is out of sight:\n%s", v)
	}
	f.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if v := view(); !strings.Contains(v, "Throw away what you typed?") || !strings.Contains(v, "› Field T") {
		t.Errorf("the question esc asks is out of sight:\n%s", v)
	}
	if v := f.ViewIn(60, 40); v != strings.TrimSuffix(f.View(60), "\n") {
		t.Errorf("a form with room is drawn whole:\n%s", v)
	}
}
