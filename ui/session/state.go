// Package session holds what every pane of one session shares: size, styles,
// keys, language, the store, the clock and who is at the keyboard. Each SSH
// session builds its own, so nothing here is global.
package session

import (
	"context"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charmbracelet/lipgloss"

	"avtal/model/deadlines"
	"avtal/store"
	"avtal/ui/i18n"
)

// State is one session's shared context, passed explicitly to every pane.
type State struct {
	// Ctx ends with the session: the user quits, the SSH connection
	// closes, the server shuts down. Every command a pane starts reads and
	// computes under it (writes under WriteCtx), so nothing goes on working
	// for a session that is gone. New sets one that never ends; whoever
	// runs the session sets its own.
	Ctx           context.Context
	Width, Height int
	Styles        *Styles
	Keys          *KeyMap
	Lang          i18n.Lang
	Store         *store.Store
	Renderer      *lipgloss.Renderer
	Now           func() time.Time
	// access is who is at the keyboard and whether they may write (see
	// SetAccess).
	access atomic.Pointer[access]
	// Leads are the reminder lead times per deadline kind (defaults unless
	// configured with AVTAL_LEAD_TIMES).
	Leads deadlines.LeadTimes
	// BackupDir, when set, is where the TUI offers a daily backup on quit
	// after changes (local sessions only).
	BackupDir string
	// LocalFiles is set for the local workbench, whose user may import files
	// from this machine; never for an SSH session, whose user must not read
	// the server's files.
	LocalFiles bool
	// Shared holds the results every session of the register may share
	// (the SSH server gives all its sessions one).
	Shared *Shared
	// StatusLife is how long a message stays in the status bar when no key
	// is pressed: long enough to read, short enough not to pass for news.
	// 0 keeps it until the next key (tests, which run commands in turn).
	StatusLife time.Duration
	// Notify, when set, tells the other sessions sharing the register about
	// a write (the SSH server sets it; locally it is nil). Use Changed.
	Notify func(ChangedMsg)
}

// New builds a session context rendering through r.
func New(r *lipgloss.Renderer, st *store.Store, lang i18n.Lang, now func() time.Time) *State {
	return &State{
		Ctx:        context.Background(),
		Styles:     NewStyles(r),
		Keys:       NewKeyMap(lang),
		Lang:       lang,
		Leads:      deadlines.DefaultLeadTimes(),
		Store:      st,
		Renderer:   r,
		Now:        now,
		Shared:     &Shared{},
		StatusLife: 6 * time.Second,
	}
}

// Changed tells the other sessions sharing the register that something
// changed (the SSH server sets Notify; locally it is nil) and returns the
// message for this session's own panes.
func (c *State) Changed(agreementID, entity string) tea.Cmd {
	msg := ChangedMsg{AgreementID: agreementID, Entity: entity}
	if c.Notify != nil {
		c.Notify(msg)
	}
	return func() tea.Msg { return msg }
}

// WriteCtx is the context of a write the user asked for: the session's
// values without its end, so a note saved just before quitting is still
// stored, and the SSH server's shutdown, which waits for the writer, sees
// it committed.
func (c *State) WriteCtx() context.Context { return context.WithoutCancel(c.Ctx) }

// T translates a catalogue key into the session's language.
func (c *State) T(key string, args ...any) string { return c.Lang.T(key, args...) }
