package sshd

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"

	"avtal/model"
)

// hostKey reads the server's private key from path, or creates an ed25519
// key there (mode 0600) the first time, so clients see the same host key on
// every start. A key others can read is refused, as OpenSSH does.
func hostKey(path string) (gossh.Signer, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		data, err = newHostKey(path)
	}
	if err != nil {
		return nil, err // an *fs.PathError, naming the file
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		return nil, model.Refuse("host_key_mode", "host key %s can be read by others (mode %04o); run chmod 600 %s", path, perm, path)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, model.Refuse("host_key_text", "host key %s is not a private key: %v", path, err)
	}
	return signer, nil
}

// newHostKey writes a fresh ed25519 key in OpenSSH format. O_EXCL keeps two
// servers starting at once from overwriting each other's key.
func newHostKey(path string) ([]byte, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "avtal host key")
	if err != nil {
		return nil, err
	}
	data := pem.EncodeToMemory(block)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	return data, f.Close()
}
