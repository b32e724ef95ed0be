package app

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/assets"
	"avtal/model"
	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

// A change made elsewhere reloads the pane in view at once; a hidden pane
// learns of it only when it comes into view, and then shows it.
func TestChangeReachesAHiddenPaneWhenItComesIntoView(t *testing.T) {
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	st := tuitest.Store(t, sample)
	m := New(tuitest.Session(st, i18n.EN))
	update := func(msg tea.Msg) tea.Cmd { _, cmd := m.Update(msg); return cmd }
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 35})
	tuitest.Drain(t, update, m.Init())
	tuitest.Drain(t, update, update(tuitest.Key("2")))

	// Another session renames an agreement.
	renamed := *sample[0]
	renamed.Title = "Renamed Elsewhere Agreement"
	if err := st.PutAgreements(context.Background(), []*model.Agreement{&renamed}, true); err != nil {
		t.Fatal(err)
	}
	tuitest.Drain(t, update, update(session.ChangedMsg{AgreementID: renamed.ID, Entity: "agreement"}))
	if strings.Contains(m.panes[0].View(), renamed.Title) {
		t.Error("the hidden Agreements pane reloaded; it should wait until it is shown")
	}

	tuitest.Drain(t, update, update(tuitest.Key("1")))
	if view := m.View(); !strings.Contains(view, renamed.Title) {
		t.Errorf("coming into view, the Agreements pane does not show the change:\n%s", view)
	}
	// Told once: switching away and back reloads nothing more.
	if m.pending[0] != nil {
		t.Error("the change is still pending after the pane was shown")
	}
}

// The calendar's start-up summary arrives when its computation ends; if
// the user has been told something since, the summary must not hide it.
func TestALateAnnouncementDoesNotHideWhatAnActionSaid(t *testing.T) {
	m := New(tuitest.Session(tuitest.Store(t, nil), i18n.EN))
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Update(session.AnnounceMsg{Text: "3 deadlines need action this week"})
	if !strings.Contains(m.View(), "3 deadlines need action this week") {
		t.Fatal("an announcement on a quiet status bar is not shown")
	}
	m.Update(session.StatusMsg{Text: "Files can only be imported locally"})
	m.Update(session.AnnounceMsg{Text: "2 missed windows"})
	if view := m.View(); !strings.Contains(view, "Files can only be imported locally") || strings.Contains(view, "2 missed windows") {
		t.Errorf("the late announcement replaced the action's message:\n%s", view)
	}
}
