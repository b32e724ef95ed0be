package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"avtal/store"
	"avtal/ui/app"
	"avtal/ui/common"
)

// backupDir is where the TUI offers its daily backup on quit: backups/ next
// to the database, or nowhere when AVTAL_BACKUP_ON_QUIT=off.
func backupDir(db string, getenv func(string) string) string {
	if strings.EqualFold(getenv("AVTAL_BACKUP_ON_QUIT"), "off") {
		return ""
	}
	return filepath.Join(filepath.Dir(db), "backups")
}

// runTUI runs the workbench on this terminal until the user quits. The
// session's context ends as the program does, so a load still running is
// cancelled before the caller closes the store.
func runTUI(ctx context.Context, st *store.Store, g globals, stderr io.Writer, backups string) int {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	c := common.New(lipgloss.DefaultRenderer(), st, g.lang, g.now)
	c.Ctx = ctx
	c.BackupDir = backups
	c.Leads = g.leads
	c.LocalFiles = true
	if _, err := app.NewProgram(app.New(c), tea.WithAltScreen()).Run(); err != nil {
		fmt.Fprintln(stderr, "avtal: "+err.Error())
		return ExitFail
	}
	return ExitOK
}
