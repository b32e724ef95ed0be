// Package sshd serves the workbench over SSH (charmbracelet/wish): every
// session runs the same root model as the local app, with its own renderer,
// styles, keys and role; editors share one register and see each other's
// writes live, and demo visitors each get a throwaway copy of the sample
// register.
package sshd

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"time"

	"avtal/store"
	"avtal/ui/i18n"
)

// Defaults of avtal serve.
const (
	DefaultAddr        = "127.0.0.1:23234"
	DefaultMaxSessions = 50
	DefaultIdleTimeout = 30 * time.Minute
	hostKeyName        = "ssh_host_ed25519_key"
)

// Config is what a server runs with.
type Config struct {
	Addr string
	// HostKeyPath is the server's ed25519 key, created on first start.
	HostKeyPath string
	// AuthorizedKeysPath lists who may connect, with their roles; empty
	// means anyone (only allowed on a loopback address or in demo mode).
	AuthorizedKeysPath string
	// Demo gives every session its own fresh copy of the sample register.
	Demo        bool
	MaxSessions int
	// IdleTimeout ends a session after this long without a keystroke; zero
	// never does.
	IdleTimeout time.Duration
	// NoMouse leaves the mouse to the clients' terminals (text selection)
	// instead of clicks and the wheel in the workbench.
	NoMouse bool

	// Store is the shared register; nil in demo mode. The caller closes it
	// after Serve returns.
	Store *store.Store
	// Seed fills a demo session's empty register with the sample register.
	Seed func(context.Context, *store.Store) error
	// Lang is the language of sessions whose client sends no LANG.
	Lang i18n.Lang
	// Logger receives one structured record per connection event.
	Logger *slog.Logger
	// Out receives the lines printed at start (address, host key); may be nil.
	Out io.Writer
	// Now is the program's one clock: the sessions' today, the demo
	// registers' timestamps, and the durations of input limits and idling.
	Now func() time.Time
}

// DefaultHostKey is where the host key lives unless avtal serve is told
// otherwise: beside the register, in dataDir.
func DefaultHostKey(dataDir string) string { return filepath.Join(dataDir, hostKeyName) }
