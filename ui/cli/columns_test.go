package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"text/tabwriter"
)

// A table sent once — a list of one page — is laid out as text/tabwriter
// lays it out, characters beyond ASCII and empty cells included.
func TestColumnsOfOnePageAreTabwriters(t *testing.T) {
	rows := [][]string{
		{"ID", "Leverantör", "Avtal", ""},
		{"a-1", "Åhléns", "Städning – kontor", "2027-03-31"},
		{"b-22", "", "└ Avrop", "—"},
		{"c", "Önnestads Bageri AB", "x", "uppsagt"},
	}
	var want bytes.Buffer
	tw := tabwriter.NewWriter(&want, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		tw.Write([]byte(strings.Join(r, "\t") + "\n"))
	}
	tw.Flush()
	var got bytes.Buffer
	c := newColumns(&got)
	for _, r := range rows {
		c.row(r...)
	}
	if err := c.send(); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("got\n%s\nwant, as text/tabwriter\n%s", got.String(), want.String())
	}
}

// Rows after the first send are laid out as they come in the first page's
// widths and passed on at the next send; a wider cell widens its column
// from its row on.
func TestColumnsAfterTheFirstPage(t *testing.T) {
	var out bytes.Buffer
	c := newColumns(&out)
	c.row("ID", "Title", "End")
	c.row("a", "Short", "2027")
	c.send()
	first := out.String()
	c.row("b", "Tiny", "2028")
	c.send()
	if out.String() == first {
		t.Error("a row after the first page waited past a send")
	}
	c.row("c", "A much longer title", "2029")
	c.row("d", "Mid", "2030")
	c.send()
	want := "" +
		"ID  Title  End\n" +
		"a   Short  2027\n" +
		"b   Tiny   2028\n" +
		"c   A much longer title  2029\n" +
		"d   Mid                  2030\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}

// writes keeps each write it gets.
type writes []string

func (w *writes) Write(p []byte) (int, error) {
	*w = append(*w, string(p))
	return len(p), nil
}

// `avtal list` and `avtal deadlines` write each page as soon as it is
// read, the table's header with the first, not the whole at the end.
func TestListsArePassedOnPageByPage(t *testing.T) {
	defer func(n int) { listPage = n }(listPage)
	listPage = 3
	env := sampleEnv(t)
	for _, c := range []struct {
		name string
		args []string
	}{
		{"list", nil},
		{"list", []string{"--json"}},
		{"list", []string{"--sort", "cancel-by"}},
		{"deadlines", []string{"--from", "2026-01-01", "--to", "2027-12-31"}},
		{"deadlines", []string{"--json", "--from", "2026-01-01", "--to", "2028-12-31"}},
	} {
		var out writes
		env.Stdout = &out
		if code := runOn(context.Background(), env, c.name, c.args); code != ExitOK {
			t.Fatalf("%s %v: exit %d", c.name, c.args, code)
		}
		if len(out) < 3 {
			t.Errorf("%s %v: written in %d parts, want one a page: %q", c.name, c.args, len(out), out)
			continue
		}
		if !strings.HasSuffix(out[0], "\n") {
			t.Errorf("%s %v: the first page ends in the middle of a line: %q", c.name, c.args, out[0])
		}
		if len(c.args) == 0 && strings.Count(out[0], "\n") != 1+3 {
			t.Errorf("%s: the first part is not the header and a page: %q", c.name, out[0])
		}
	}
}
