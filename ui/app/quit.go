package app

import (
	"os"
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/ui/session"
)

// Quitting after changes offers a backup, once a day: the day's backup file
// is the record that it was taken.

// backupOfferMsg says whether today's backup is still to be taken.
type backupOfferMsg struct{ path string }

// backupDoneMsg reports the backup taken on quit.
type backupDoneMsg struct {
	path string
	err  error
}

// quit ends the program, first offering a backup when the register changed
// in this session and none was taken today.
func (m *Model) quit() tea.Cmd {
	if m.c.BackupDir == "" || !m.dirty || m.declined {
		return tea.Quit
	}
	path := filepath.Join(m.c.BackupDir, "avtal-"+m.c.Now().Format("2006-01-02")+".db")
	return func() tea.Msg {
		if _, err := os.Stat(path); err == nil {
			return tea.QuitMsg{}
		}
		return backupOfferMsg{path: path}
	}
}

// answerBackup handles y / n while the offer is shown.
func (m *Model) answerBackup(msg tea.KeyMsg) tea.Cmd {
	path := m.offer
	switch {
	case session.Yes(msg), msg.Type == tea.KeyEnter: // enter takes the offer, the default
		m.offer = ""
		m.say(m.c.T("backup.running"), false) // stays until the backup is done
		m.statusOf = everyPane
		ctx, st := m.c.Ctx, m.c.Store
		return func() tea.Msg {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return backupDoneMsg{path, err}
			}
			return backupDoneMsg{path, st.Backup(ctx, path)}
		}
	case msg.String() == "n", msg.Type == tea.KeyEsc:
		m.offer, m.declined = "", true
		return tea.Quit
	}
	return nil
}

// backupDone quits after a good backup and stays with the error shown after
// a failed one, so nothing happens behind the user's back.
func (m *Model) backupDone(msg backupDoneMsg) tea.Cmd {
	if msg.err != nil {
		m.declined = true
		return m.say(m.c.T("backup.failed", msg.err), true)
	}
	return tea.Quit
}
