package sshd

import (
	"context"
	"os"
	"path/filepath"

	"avtal/store"
)

// demoStore makes a visitor's own register: a new database in a fresh
// temporary folder, filled with the sample register. The caller closes the
// store and removes the folder when the session ends.
func (srv *Server) demoStore(ctx context.Context, who string) (*store.Store, string, error) {
	dir, err := os.MkdirTemp(srv.tempRoot, "avtal-demo-")
	if err != nil {
		return nil, "", err
	}
	var st *store.Store
	ready := false
	defer func() { // also when seeding panics
		if !ready {
			if st != nil {
				st.Close()
			}
			os.RemoveAll(dir)
		}
	}()
	if st, err = store.Open(ctx, filepath.Join(dir, "avtal.db"), store.WithUser(who), store.WithClock(srv.now)); err != nil {
		return nil, "", err
	}
	if err := srv.cfg.Seed(ctx, st); err != nil {
		return nil, "", err
	}
	ready = true
	return st, dir, nil
}

// dropStore closes and removes a demo session's register; the shared
// register stays open for the others.
func (s *session) dropStore() {
	if s.tempDir != "" {
		s.store.Close()
		os.RemoveAll(s.tempDir)
	}
}
