package app

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/assets"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// formKey turns a key name of the form scripts, or text to type, into a
// key press.
func formKey(s string) tea.KeyMsg {
	switch s {
	case "ctrl+s":
		return tea.KeyMsg{Type: tea.KeyCtrlS}
	case "ctrl+u": // clears the field up to the cursor, which a filled field has at its end
		return tea.KeyMsg{Type: tea.KeyCtrlU}
	}
	return keyPress(s)
}

// auditCount is how many writes the register has recorded: every write
// adds one audit entry in its own transaction, so an unchanged count means
// nothing was saved.
func auditCount(t *testing.T, st *store.Store) int {
	t.Helper()
	log, err := st.AuditLog(context.Background(), "", 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	return len(log)
}

// TestFormsRefuseBadInput drives the real workbench over the sample
// register through every pane's forms with input that must be refused:
// dates that do not exist, an end before its start, a negative fee, empty
// names and titles, a change effective before its notice came. Each is
// refused with the message under the field, the form stays open, and the
// register is unchanged. The last case is valid and must save, so the
// test would see a form that saves what it should have refused.
func TestFormsRefuseBadInput(t *testing.T) {
	const (
		noSuchDay  = "is not a date that exists"
		required   = "must be filled in"
		validStart = "2026-11-10 16:00"
	)
	tests := []struct {
		name string
		keys string // separated by |
		want string // the message shown in the form; "" = it saves
	}{
		{"incident start on 30 February", "5|a|2026-02-30 10:00|tab|2026-11-10 17:00|ctrl+s", "2026-02-30T10:00 " + noSuchDay},
		{"incident end before start", "5|a|" + validStart + "|tab|2026-11-10 15:00|ctrl+s", "2026-11-10 15:00 is not after the start 2026-11-10 16:00"},
		{"incident of no length", "5|a|" + validStart + "|tab|" + validStart + "|ctrl+s", "is not after the start"},
		{"incident without a start", "5|a|tab|2026-11-10 17:00|ctrl+s", required},
		{"incident reported on 30 February", "5|a|" + validStart + "|tab|2026-11-10 17:00|tab|tab|tab|tab|tab|2026-02-30|ctrl+s", noSuchDay},
		{"incident excluded without a reason", "5|a|" + validStart + "|tab|2026-11-10 17:00|tab|tab|yes|ctrl+s", "say why"},
		{"negative monthly fee", "5|f|-100|ctrl+s", "a fee must not be negative"},
		{"sub-processor without a name", "3|enter|a|tab|tab|SE|ctrl+s", required},
		{"sub-processor approved on 30 February", "3|enter|a|Nytt AB|tab|tab|SE|tab|tab|tab|tab|tab|tab|2026-02-30|ctrl+s", noSuchDay},
		{"notice received on 30 February", "3|enter|n|ctrl+u|2026-02-30|tab|tab|Nytt AB|tab|tab|SE|ctrl+s", noSuchDay},
		{"notice without a name", "3|enter|n|tab|tab|tab|tab|SE|ctrl+s", required},
		{"notice effective before it was received", "3|enter|n|tab|tab|Nytt AB|tab|tab|SE|tab|tab|tab|tab|2026-11-01|ctrl+s",
			"the change takes effect 2026-11-01, before the notice was received (2026-11-24)"},
		{"own deadline on 30 February", "4|a|ctrl+u|centuri-saas|tab|ctrl+u|2026-02-30|tab|Ring leverantören|ctrl+s", noSuchDay},
		{"own deadline without a title", "4|a|ctrl+u|centuri-saas|tab|ctrl+u|2026-12-01|ctrl+s", required},
		{"own deadline of an unknown agreement", "4|a|ctrl+u|finns-inte|tab|ctrl+u|2026-12-01|tab|Ring|ctrl+s", `no agreement "finns-inte" in the register`},
		{"event on 30 February", "4|e|ctrl+u|centuri-saas|tab|termination|tab|ctrl+u|2026-02-30|ctrl+s", noSuchDay},
		{"clause note without text", "2|enter|down|down|down|n|ctrl+s", required},
		{"a valid incident saves", "5|a|" + validStart + "|tab|2026-11-10 17:00|ctrl+s", ""},
	}
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := tuitest.Store(t, sample)
			m := New(tuitest.Session(st, i18n.EN))
			update := func(msg tea.Msg) tea.Cmd { _, cmd := m.Update(msg); return cmd }
			tuitest.Drain(t, update, m.Init())
			update(tea.WindowSizeMsg{Width: 120, Height: 40})
			before := auditCount(t, st)
			for _, k := range strings.Split(tt.keys, "|") {
				tuitest.Drain(t, update, func() tea.Msg { return formKey(k) })
			}
			after := m.View()
			saved := auditCount(t, st) - before
			if tt.want == "" {
				if saved != 1 || !strings.Contains(after, "saved") {
					t.Errorf("a valid form saved %d changes, want 1:\n%s", saved, after)
				}
				return
			}
			if saved != 0 {
				t.Errorf("refused input saved %d changes", saved)
			}
			if !strings.Contains(after, tt.want) {
				t.Errorf("the form does not say %q:\n%s", tt.want, after)
			}
			// The form stays open: its focused field is marked.
			if !strings.Contains(after, "› ") {
				t.Errorf("the form closed:\n%s", after)
			}
		})
	}
}
