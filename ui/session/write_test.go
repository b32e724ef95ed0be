package session

import (
	"errors"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"avtal/ui/i18n"
)

func TestCanWriteRefusesViewersInTheirLanguage(t *testing.T) {
	c := New(lipgloss.NewRenderer(nil), nil, i18n.SV, nil)
	if err := c.CanWrite(); err != nil {
		t.Errorf("an editor may not write: %v", err)
	}
	c.SetAccess("", true)
	err := c.CanWrite()
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("a viewer's CanWrite = %v, want ErrReadOnly", err)
	}
	if want := i18n.SV.T("write.read_only"); err.Error() != want || want == "write.read_only" {
		t.Errorf("the refusal reads %q, want the Swedish catalogue text", err)
	}
}

func TestChangedNotifiesOtherSessions(t *testing.T) {
	c := New(lipgloss.NewRenderer(nil), nil, i18n.EN, nil)
	msg := ChangedMsg{AgreementID: "inera-npo", Entity: "note"}
	if got := c.Changed("inera-npo", "note")(); got != msg {
		t.Errorf("without Notify: %v", got)
	}
	var told []ChangedMsg
	c.Notify = func(m ChangedMsg) { told = append(told, m) }
	if got := c.Changed("inera-npo", "note")(); got != msg || len(told) != 1 || told[0] != msg {
		t.Errorf("Changed returned %v and told %v; want %v both", got, told, msg)
	}
}
