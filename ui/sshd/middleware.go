package sshd

import (
	"errors"
	"strings"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	gossh "golang.org/x/crypto/ssh"

	"avtal/ui/i18n"
	"avtal/ui/session"
)

// identityKey finds the session's identity in its ssh.Context.
var identityKey = &struct{ name string }{"avtal-identity"}

// maxNameLen bounds the name shown in the status bar and the logs.
const maxNameLen = 40

// identity is who is at the keyboard.
type identity struct {
	name        string // the key line's comment, else the SSH user name
	fingerprint string // SHA256:… of the key that authenticated; "" without one
	key         gossh.PublicKey
	role        Role
}

// audit is how the audit log names the writer.
func (id identity) audit() string {
	if id.fingerprint == "" {
		return "ssh:" + id.name
	}
	return "ssh:" + id.name + " " + id.fingerprint
}

// identify decides who the session belongs to, after authentication, from
// the key the client proved it holds (s.PublicKey()). The public-key
// callback only answers "is this key listed": it runs for every key a
// client offers, also keys it cannot sign with, so what it saw must not name
// the user (soft-serve CVE-2026-24058).
func (srv *Server) identify(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) {
		id := identity{name: cleanName(s.User()), role: Editor}
		k := s.PublicKey()
		if k != nil {
			id.fingerprint, id.key = gossh.FingerprintSHA256(k), k
		}
		if srv.keys != nil {
			e, ok := lookupKey(srv.keys, k)
			if !ok {
				srv.log.Warn("session refused: key not authorized", "fingerprint", id.fingerprint, "remote", s.RemoteAddr().String())
				wish.Fatalln(s, "permission denied")
				return
			}
			id.role = e.role
			if e.name != "" {
				id.name = cleanName(e.name)
			}
		}
		s.Context().SetValue(identityKey, id)
		next(s)
	}
}

func lookupKey(keys *authorizedKeys, k gossh.PublicKey) (keyEntry, bool) {
	if k == nil {
		return keyEntry{}, false
	}
	return keys.lookup(k)
}

// cleanName makes a client-chosen name safe and short enough to show.
func cleanName(s string) string {
	s = strings.Join(strings.Fields(session.Sanitize(s)), " ")
	if r := []rune(s); len(r) > maxNameLen {
		s = string(r[:maxNameLen-1]) + "…"
	}
	if s == "" {
		return "?"
	}
	return s
}

// requireTerminal lets only interactive sessions in: `ssh host cmd` and
// sessions without a pty get a short usage line and end at once instead of
// a workbench drawn into a pipe.
func (srv *Server) requireTerminal(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) {
		_, _, pty := s.Pty()
		if pty && len(s.Command()) == 0 {
			next(s)
			return
		}
		srv.log.Info("session refused: no terminal", "command", cleanName(s.RawCommand()), "pty", pty, "remote", s.RemoteAddr().String())
		wish.Fatalln(s, sessionLang(s, srv.cfg.Lang).T("sshd.usage"))
	}
}

// sessionLang is the client's language when it sent LANG or LC_ALL (OpenSSH
// does with SendEnv), else the server's.
func sessionLang(s ssh.Session, fallback i18n.Lang) i18n.Lang {
	env := map[string]string{}
	for _, kv := range s.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	if env["LC_ALL"] == "" && env["LANG"] == "" {
		return fallback
	}
	lang, _ := i18n.Detect("", func(k string) string { return env[k] })
	return lang
}

// serveSession runs one workbench session around the bubbletea middleware
// (next): it claims the connection's slot, prepares the session's register,
// and afterwards tells the visitor why the workbench closed and cleans up,
// also when the program panicked.
func (srv *Server) serveSession(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) {
		id, _ := s.Context().Value(identityKey).(identity)
		lang := sessionLang(s, srv.cfg.Lang)
		if slot := slotOf(s.Context()); slot != nil {
			if err := slot.begin(); err != nil {
				msg := lang.T("sshd.one_session")
				if errors.Is(err, errFull) {
					msg = lang.T("sshd.full", srv.cfg.MaxSessions)
					srv.log.Warn("session refused: max sessions reached", "remote", s.RemoteAddr().String(), "max", srv.cfg.MaxSessions)
				}
				wish.Fatalln(s, msg)
				return
			}
			defer slot.end()
		}
		sess, err := srv.open(s, id, lang)
		if err != nil {
			wish.Fatalln(s, err.Error())
			return
		}
		defer srv.close(sess)
		s.Context().SetValue(sessionKey, sess)
		next(s)
		if bye := sess.farewell(); bye != "" {
			wish.Println(s, bye)
		}
	}
}
