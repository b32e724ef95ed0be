package cli

import (
	"context"
	"path/filepath"
	"runtime/debug"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"avtal/ui/app"
	"avtal/ui/session"
)

// backupDir is where the TUI offers its daily backup on quit: backups/ next
// to the database, or nowhere when AVTAL_BACKUP_ON_QUIT=off.
func backupDir(db string, getenv func(string) string) string {
	if strings.EqualFold(getenv("AVTAL_BACKUP_ON_QUIT"), "off") {
		return ""
	}
	return filepath.Join(filepath.Dir(db), "backups")
}

// tui is avtal without a command: the workbench on this terminal until the
// user quits. The session's context ends as the program does, so a load
// still running is cancelled before the store is closed.
func tui(ctx context.Context, env *Env, _ []string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	g := env.g
	c := session.New(lipgloss.DefaultRenderer(), env.Store, g.lang, g.now)
	c.Ctx = ctx
	c.BackupDir = g.backups
	c.Leads = g.leads
	c.LocalFiles = true
	opts := []tea.ProgramOption{tea.WithAltScreen()}
	if !g.noMouse {
		opts = append(opts, tea.WithMouseCellMotion())
	}
	// Start-up allocates tens of megabytes in a few hundred milliseconds
	// (the panes' first loads, the calendar's deadlines): collected at
	// Go's default the heap's growth from nothing costs five collections
	// before the calendar's first screen. Collected a quarter as often
	// until every pane has loaded, they cost one.
	gc := debug.SetGCPercent(startGC)
	defer debug.SetGCPercent(gc)
	m := app.New(c)
	m.OnStarted(func() { debug.SetGCPercent(gc) })
	_, err := app.NewProgram(m, opts...).Run()
	return err
}

// startGC is the garbage collector's percentage while the workbench starts.
const startGC = 400
