package cli

import (
	"strings"
	"testing"

	"avtal/ui/i18n"
)

// `avtal log` says what happened in the session's words, while --json
// keeps the stored codes for scripts.
func TestLogSaysWhatHappenedInWords(t *testing.T) {
	e := newSampleCLI(t)
	if code, _, errOut := e.run("note", "pureservice", "8.9.2", "Check", "the", "hours", "--risk", "watch"); code != ExitOK {
		t.Fatalf("note: %d %s", code, errOut)
	}
	for lang, want := range map[i18n.Lang]string{i18n.EN: "wrote a note on clause", i18n.SV: "skrev en anteckning på klausul"} {
		code, out, errOut := e.runIn(lang, "log", "pureservice", "--limit", "1")
		if code != ExitOK || !strings.Contains(out, want+"  pureservice") || strings.Contains(out, "note clause") {
			t.Errorf("%s: exit %d, %q %s", lang, code, out, errOut)
		}
	}
	var log []struct{ Action, Entity string }
	if e.json(&log, "log", "pureservice", "--limit", "1"); len(log) != 1 || log[0].Action != "note" || log[0].Entity != "clause" {
		t.Errorf("--json keeps the codes: %+v", log)
	}
}
