package importfile

import (
	"os"
	"path/filepath"
	"testing"
)

// A file dragged onto the terminal arrives quoted, escaped or as a URL;
// each is read as the file it names.
func TestPastedPathIsTheFileItNames(t *testing.T) {
	home, _ := os.UserHomeDir()
	for in, want := range map[string]string{
		"'/srv/avtal/ett avtal.pdf'":        "/srv/avtal/ett avtal.pdf",
		`"/srv/avtal/ett avtal.pdf"`:        "/srv/avtal/ett avtal.pdf",
		`/srv/avtal/ett\ avtal\ \(2\).pdf`:  "/srv/avtal/ett avtal (2).pdf",
		"file:///srv/avtal/ett%20avtal.pdf": "/srv/avtal/ett avtal.pdf",
		"  /srv/avtal/villkor.md ":          "/srv/avtal/villkor.md",
		"~/avtal/villkor.md":                filepath.Join(home, "avtal/villkor.md"),
		"/srv/avtal/'citat' i namnet.txt":   "/srv/avtal/'citat' i namnet.txt",
	} {
		if got := PastedPath(in); got != want {
			t.Errorf("PastedPath(%q) = %q, want %q", in, got, want)
		}
	}
}
