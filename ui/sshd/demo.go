package sshd

import (
	"context"
	"os"
	"path/filepath"
	"time"

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
func (s *sshSession) dropStore() {
	if s.tempDir != "" {
		s.store.Close()
		os.RemoveAll(s.tempDir)
	}
}

// staleAfter is how old a demo folder must be before a starting server
// counts it as left behind: younger ones may be a session being set up.
const staleAfter = time.Minute

// cleanStaleDemos removes the demo registers a server killed before it
// could remove them left behind: folders of avtal-demo-* whose register no
// program has open (another demo server's sessions keep theirs).
func (srv *Server) cleanStaleDemos() {
	dirs, _ := filepath.Glob(filepath.Join(srv.tempRoot, "avtal-demo-*"))
	for _, dir := range dirs {
		info, err := os.Stat(dir)
		if err != nil || !info.IsDir() || srv.now().Sub(info.ModTime()) < staleAfter {
			continue
		}
		if busy, err := store.InUse(filepath.Join(dir, "avtal.db")); err != nil || busy {
			continue
		}
		if err := os.RemoveAll(dir); err == nil {
			srv.log.Info("removed a demo register left behind", "dir", dir)
		}
	}
}
