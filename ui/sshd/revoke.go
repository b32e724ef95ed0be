package sshd

import (
	"context"
	"time"
)

// keysPoll is how often a running server reads authorized_keys again, so a
// key removed or demoted there reaches the sessions already open.
const keysPoll = 2 * time.Second

// watchKeys applies changes of authorized_keys to the open sessions until
// ctx ends.
func (srv *Server) watchKeys(ctx context.Context) {
	tick := time.NewTicker(srv.keysPoll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if srv.keys.refresh() {
				srv.applyKeys()
			}
		}
	}
}

// applyKeys holds every open session to the list as it is now: a session
// whose key is gone is told and closed, one whose key changed role has the
// new role at once.
func (srv *Server) applyKeys() {
	srv.mu.Lock()
	live := make([]*sshSession, 0, len(srv.sessions))
	for s := range srv.sessions {
		live = append(live, s)
	}
	srv.mu.Unlock()
	for _, s := range live {
		e, ok := srv.keys.current(s.id.key)
		switch {
		case !ok:
			srv.log.Warn("session closed: key no longer authorized", "user", s.id.name, "fingerprint", s.id.fingerprint)
			s.end("sshd.bye.revoked")
		case s.changeRole(e.role):
			srv.log.Info("session role changed", "user", s.id.name, "fingerprint", s.id.fingerprint, "role", e.role.String())
		}
	}
}
