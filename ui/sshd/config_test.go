package sshd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHostKeyIsMadeOnceAndKeptPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys", "host")
	first, err := hostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("host key file: %v, mode %v; want 0600", err, info.Mode().Perm())
	}
	again, err := hostKey(path)
	if err != nil || !bytes.Equal(first.PublicKey().Marshal(), again.PublicKey().Marshal()) {
		t.Errorf("the second start has another host key (%v)", err)
	}
	if first.PublicKey().Type() != "ssh-ed25519" {
		t.Errorf("host key type %s, want ssh-ed25519", first.PublicKey().Type())
	}
	os.Chmod(path, 0o644)
	if _, err := hostKey(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("a host key readable by others: %v", err)
	}
}

func TestNewRefusesAnOpenServerOnTheNetwork(t *testing.T) {
	st := sharedStore(t)
	dir := t.TempDir()
	base := Config{HostKeyPath: filepath.Join(dir, "k"), Store: st, Now: runningClock()}
	for addr, ok := range map[string]bool{
		"0.0.0.0:0": false, ":0": false, "192.0.2.1:0": false,
		"127.0.0.1:0": true, "[::1]:0": true, "localhost:0": true,
	} {
		if !ok {
			cfg := base
			cfg.Addr = addr
			if _, err := New(cfg); err == nil || !strings.Contains(err.Error(), "--authorized-keys") {
				t.Errorf("%s without keys: %v", addr, err)
			}
		}
		if got := isLoopback(addr); got != ok {
			t.Errorf("isLoopback(%q) = %v", addr, got)
		}
	}
	// Demo mode may face the network: nothing real is served.
	cfg := Config{Addr: "0.0.0.0:0", HostKeyPath: base.HostKeyPath, Demo: true, Seed: seedSample, Now: runningClock()}
	srv, err := New(cfg)
	if err != nil {
		t.Fatalf("demo on the network: %v", err)
	}
	srv.ln.Close()
}
