package sshd

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"

	gossh "golang.org/x/crypto/ssh"

	"avtal/model"
)

// Role is what a session may do with the register.
type Role int

// The roles. Editor is the default of a key line that names none.
const (
	Editor Role = iota
	Viewer
)

// String is the role's name as written in the authorized-keys file.
func (r Role) String() string {
	if r == Viewer {
		return "viewer"
	}
	return "editor"
}

// parseRole reads a role name of the authorized-keys file.
func parseRole(s string) (Role, bool) {
	switch strings.ToLower(s) {
	case "editor":
		return Editor, true
	case "viewer":
		return Viewer, true
	}
	return Editor, false
}

// roleEnv is the variable an environment="…" option sets to give a key its role.
const roleEnv = "AVTAL_ROLE"

// keyEntry is one line of the authorized-keys file.
type keyEntry struct {
	role Role
	name string // the line's comment without the role word, e.g. anna@laptop
}

// ignoredOptions only take away what Avtal never offers (forwarding, agent,
// X11, rc files), so a line copied from ~/.ssh/authorized_keys may keep
// them. Any other option (from=, command=, expiry-time=, …) would promise a
// restriction this server does not enforce, so it is refused.
var ignoredOptions = map[string]bool{
	"restrict": true, "no-port-forwarding": true, "no-agent-forwarding": true,
	"no-x11-forwarding": true, "no-user-rc": true,
}

// parseAuthorizedKeys reads an OpenSSH authorized_keys file. A line gives
// its key a role with the option environment="AVTAL_ROLE=viewer", or with a
// word of its comment: role=viewer, or just viewer (editor likewise);
// without one the key is an editor. The option wins over the comment. A
// line it cannot take is a *model.Refusal, worded by the catalogue.
func parseAuthorizedKeys(path string, data []byte) (map[string]keyEntry, error) {
	entries := map[string]keyEntry{}
	for n, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, comment, options, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, model.Refuse("keys_line", "%s:%d: not a public key line: %v", path, n+1, err)
		}
		e, err := entryOf(comment, options)
		if err != nil {
			return nil, model.Refuse("keys_at", "%s:%d: %s", path, n+1, err)
		}
		if _, listed := entries[string(key.Marshal())]; !listed {
			entries[string(key.Marshal())] = e // the first line of a key wins, as in OpenSSH
		}
	}
	return entries, nil
}

func entryOf(comment string, options []string) (keyEntry, error) {
	e := keyEntry{role: Editor}
	var words []string
	for _, w := range strings.Fields(comment) {
		value, isRole := strings.CutPrefix(strings.ToLower(w), "role=")
		if r, ok := parseRole(value); ok {
			e.role = r
			continue
		}
		if isRole {
			return e, model.Refuse("keys_role", "unknown role %q (use editor or viewer)", value)
		}
		words = append(words, w)
	}
	e.name = strings.Join(words, " ")
	for _, opt := range options {
		name, value, _ := strings.Cut(opt, "=")
		name = strings.ToLower(name)
		switch {
		case ignoredOptions[name]:
		case name == "environment":
			env, err := strconv.Unquote(value)
			if err != nil {
				return e, model.Refuse("keys_quote", "option %s: the value must be quoted", opt)
			}
			if v, ok := strings.CutPrefix(env, roleEnv+"="); ok {
				r, ok := parseRole(v)
				if !ok {
					return e, model.Refuse("keys_option_role", "unknown role %q in %s (use editor or viewer)", v, opt)
				}
				e.role = r
			}
		default:
			return e, model.Refuse("keys_option", "option %q is not supported by avtal serve (it would not be enforced)", opt)
		}
	}
	return e, nil
}

// authorizedKeys is the allow-list. It is read again when the file changes,
// so adding a colleague needs no restart; a file that no longer parses is
// logged and the last good list stays in force, and a file that is gone lets
// no one in.
type authorizedKeys struct {
	path string
	log  *slog.Logger

	mu      sync.Mutex
	sum     [sha256.Size]byte // of the content last read
	entries map[string]keyEntry
}

// loadAuthorizedKeys reads path; an unreadable or malformed file stops the
// server from starting, naming the line.
func loadAuthorizedKeys(path string, log *slog.Logger) (*authorizedKeys, error) {
	a := &authorizedKeys{path: path, log: log}
	if _, err := a.reload(); err != nil {
		return nil, err
	}
	return a, nil
}

// reload reads the file and takes its list when the content changed (an
// edit that puts the modification time back is still seen), and reports
// whether it did. The caller holds mu, except in loadAuthorizedKeys.
func (a *authorizedKeys) reload() (bool, error) {
	data, err := os.ReadFile(a.path)
	if err != nil {
		if a.entries != nil && errors.Is(err, os.ErrNotExist) && len(a.entries) > 0 {
			a.entries, a.sum = map[string]keyEntry{}, [sha256.Size]byte{}
			return true, err // an *fs.PathError, naming the file
		}
		return false, err
	}
	sum := sha256.Sum256(data)
	if a.entries != nil && sum == a.sum {
		return false, nil
	}
	entries, err := parseAuthorizedKeys(a.path, data)
	if err != nil {
		return false, err
	}
	a.entries, a.sum = entries, sum
	return true, nil
}

// refresh reloads the list and reports whether it changed, logging a file
// that no longer parses (the last good list stays in force).
func (a *authorizedKeys) refresh() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	changed, err := a.reload()
	if err != nil {
		a.log.Error("authorized keys not reloaded; keeping the previous list", "err", err)
	}
	return changed
}

// current finds the line of key k in the list as last read, without
// reading the file again.
func (a *authorizedKeys) current(k gossh.PublicKey) (keyEntry, bool) {
	if k == nil {
		return keyEntry{}, false
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	e, ok := a.entries[string(k.Marshal())]
	return e, ok
}

// lookup finds the line of key k, if any.
func (a *authorizedKeys) lookup(k gossh.PublicKey) (keyEntry, bool) {
	a.refresh()
	a.mu.Lock()
	defer a.mu.Unlock()
	e, ok := a.entries[string(k.Marshal())]
	return e, ok
}
