package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/assets"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/session"
	"avtal/ui/tuitest"
)

func pressKey(m *Model, keys string) tea.Msg {
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(keys)})
	if cmd == nil {
		return nil
	}
	return cmd()
}

func TestQuitOffersOneBackupADayAfterChanges(t *testing.T) {
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	c := tuitest.Session(tuitest.Store(t, sample), i18n.EN)
	c.BackupDir = filepath.Join(t.TempDir(), "backups")
	m := New(c)
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})

	// No change in this session: q quits at once.
	if _, ok := pressKey(m, "q").(tea.QuitMsg); !ok {
		t.Fatal("quitting without changes must not ask")
	}

	m.Update(session.ChangedMsg{AgreementID: "pureservice", Entity: "incident"})
	offer, ok := pressKey(m, "q").(backupOfferMsg)
	if !ok {
		t.Fatalf("after a change, q must offer a backup")
	}
	m.Update(offer)
	if view := m.View(); !strings.Contains(view, "Back up to") {
		t.Errorf("the offer is not shown:\n%s", view)
	}
	done, ok := pressKey(m, "y").(backupDoneMsg)
	if !ok || done.err != nil {
		t.Fatalf("y gave %#v, want a finished backup", done)
	}
	_, cmd := m.Update(done)
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("a good backup must end the program")
	}
	want := filepath.Join(c.BackupDir, "avtal-2026-11-24.db")
	if err := store.CheckBackup(context.Background(), want); err != nil {
		t.Errorf("the backup is not usable: %v", err)
	}

	// Same day, another change: the day's backup exists, so no question.
	m2 := New(c)
	m2.Update(session.ChangedMsg{})
	if _, ok := pressKey(m2, "q").(tea.QuitMsg); !ok {
		t.Error("a second quit on the same day must not ask again")
	}
}

func TestDecliningTheBackupQuitsWithoutOne(t *testing.T) {
	c := tuitest.Session(tuitest.Store(t, nil), i18n.SV)
	c.BackupDir = filepath.Join(t.TempDir(), "backups")
	m := New(c)
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Update(session.ChangedMsg{})
	offer := pressKey(m, "q").(backupOfferMsg)
	m.Update(offer)
	if !strings.Contains(m.View(), "Säkerhetskopiera") {
		t.Error("the offer must be in Swedish")
	}
	if _, ok := pressKey(m, "n").(tea.QuitMsg); !ok {
		t.Error("n must quit")
	}
	if _, err := os.Stat(c.BackupDir); !os.IsNotExist(err) {
		t.Error("declining must not write a backup")
	}
}
