package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"avtal/ui/cli"
	"avtal/ui/tuitest"
)

// englishWords are words an English refusal uses and a Swedish one does
// not: one of them in a refusal under --lang sv is a message that did not
// go through the catalogue.
var englishWords = regexp.MustCompile(`(?i)\b(invalid|must|expected|cannot|is not|not a|no such|does not|failed|want|directory|the file|row|column|header|line \d)\b`)

// TestEveryCommandRefusesInSwedish: every command, given a representative
// bad input under --lang sv, refuses it (exit 1 or 2) in Swedish words
// alone: the model's refusals, the files the command reads or writes, and
// the libraries' complaints all go through the catalogue.
func TestEveryCommandRefusesInSwedish(t *testing.T) {
	st := tuitest.SampleStore(t)
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	missing := filepath.Join(dir, "saknas")
	badID := write("felaktigt-id.yaml", "id: Fel Id\ntitle: x\n")
	badKind := write("fel-typ.yaml", "id: ok-id\ntitle: x\nkind: hyra\n")
	unknownField := write("okant-falt.yaml", "id: ok-id\nfarg: bla\n")
	broken := write("trasig.yaml", "id: [\n")
	empty := write("tom.yaml", "")
	list := write("lista.csv", "namn;land\nAcme;Sverje\n")
	oneColumn := write("en-kolumn.csv", "namn\nAcme\n")
	notDB := write("inte-en-databas.db", "hej")
	badKeys := write("nycklar", "inte en nyckel\n")
	looseKey := write("vardnyckel", "hemlig")
	if err := os.Chmod(looseKey, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := [][]string{
		{"list", "--sort", "pris"},
		{"show", "saknas"},
		{"import", missing},
		{"import", badID},
		{"import", badKind},
		{"import", unknownField},
		{"import", broken},
		{"import", empty},
		{"proposals", "pureservice", "godta", "1"},
		{"set", "pureservice", "term.indefinite=kanske"},
		{"set", "pureservice", "start=2026-02-30"},
		{"edit", "saknas"},
		{"export", "--yaml", notDB},
		{"demo", "--replace=kanske"},
		{"backup", filepath.Join(missing, "kopia.db")},
		{"restore", missing},
		{"restore", notDB},
		{"log", "pureservice", "--limit", "tio"},
		{"deadlines", "--from", "2026-02-30"},
		{"event", "pureservice", "driftstopp", "2026-02-30"},
		{"event", "list", "saknas"},
		{"event", "delete", "9999"},
		{"done", "pureservice", "nyckel"},
		{"snooze", "pureservice", "termination_notice", "--until", "2026-02-30"},
		{"sla", "kredit"},
		{"sla", "credit", "--month", "2026-11", "--fee", "100", "--downtime", "2026-11-10T10:00"},
		{"sla", "credit", "--month", "2026-11", "--fee", "100", "--downtime", "2026-11-10T10:00/2026-11-10T09:00"},
		{"sla", "credit", "--month", "2026-11", "--fee", "100", "--downtime", "2026-11-10T10:00/2026-11-10T10:00"},
		{"sla", "credit", "--month", "2026-11", "--fee", "100", "--downtime", "2026-03-29T02:30/2026-03-29T04:00"},
		{"sla", "credit", "--month", "2026-11", "--fee", "100", "--planned", "2026-10-25T02:30/2026-10-25T04:00"},
		{"sla", "credit", "--month", "2026-11", "--fee", "100", "--downtime", "2026-11-10T10:00+5/2026-11-10T12:00"},
		{"sla", "credit", "--month", "2026-11", "--fee", "100", "--downtime", "2026-11-10T25:00/2026-11-10T26:00"},
		{"sla", "credit", "--month", "2026-11", "--fee", "100", "--tiers", "99"},
		{"sla", "incidents", "saknas"},
		{"sla", "add", "pureservice", "--start", "i morgon", "--end", "2026-11-10T10:00"},
		{"sla", "add", "pureservice", "--start", "2026-02-30T10:00", "--end", "2026-11-10T10:00"},
		{"gen", "--agreements", "5"},
		{"clauses", "saknas"},
		{"search", "ab"},
		{"tag", "pureservice", "99.99", "exit-plan"},
		{"note", "pureservice", "2.7", " "},
		{"note", "edit", "9999", "text"},
		{"note", "delete", "9999"},
		{"compare", "Ingen Tagg"},
		{"serve", "--max-sessions", "0"},
		{"serve", "--authorized-keys", missing},
		{"serve", "--authorized-keys", badKeys},
		{"serve", "--host-key", looseKey, "--authorized-keys", badKeys},
		{"subprocessors", "--region", "mars"},
		{"subprocessors", "import", "pureservice", list},
		{"subprocessors", "import", "pureservice", oneColumn},
		{"subprocessors", "import", "pureservice", missing},
		{"subprocessors", "export", "saknas"},
		{"notice", "pureservice", "--received", "2026-11-01", "--add", "Acme", "--country", "Sverje"},
		{"notice", "pureservice", "--received", "2026-11-01", "--add", "Acme", "--effective", "snart"},
		{"notice", "undo", "9999"},
		{"version", "extra"},
		{"completion", "tcsh"},
		{"man", "extra"},
	}
	for _, args := range tests {
		var out, errOut bytes.Buffer
		full := append([]string{"--db", st.Path(), "--lang", "sv"}, args...)
		code := cli.Main(full, &out, &errOut, func(string) string { return "" }, st.Clock())
		said := errOut.String()
		switch {
		case code == cli.ExitOK:
			t.Errorf("avtal %s: exit 0, want a refusal", strings.Join(args, " "))
		case englishWords.MatchString(strings.ReplaceAll(said, dir, "")):
			t.Errorf("avtal %s: English under --lang sv: %q", strings.Join(args, " "), englishWords.FindString(said))
			t.Log(said)
		}
	}
}

// TestARegisterInAMissingFolderIsRefusedInSwedish: the register --db names
// is refused in the session's language when its folder does not exist (the
// refusal of opening it is reported as the program's, not the command's).
func TestARegisterInAMissingFolderIsRefusedInSwedish(t *testing.T) {
	folder := filepath.Join(t.TempDir(), "saknas")
	var out, errOut bytes.Buffer
	now := func() time.Time { return time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC) }
	code := cli.Main([]string{"--db", filepath.Join(folder, "avtal.db"), "--lang", "sv", "list"}, &out, &errOut, func(string) string { return "" }, now)
	if want := "avtal: " + folder + " är ingen mapp som finns\n"; code != cli.ExitFail || errOut.String() != want {
		t.Errorf("exit %d, said %q, want exit %d and %q", code, errOut.String(), cli.ExitFail, want)
	}
}
