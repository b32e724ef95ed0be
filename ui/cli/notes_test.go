package cli

import (
	"strings"
	"testing"
	"time"

	"avtal/ui/tuitest"
)

// A note added with `avtal note` is edited by its number (text, risk, or
// both; what is not given stays) and deleted; `clauses --full` and
// `--json` show the number; the audit log keeps before and after.
func TestNoteEditAndDelete(t *testing.T) {
	tuitest.EachDay(t, func(t *testing.T) {
		e := newSampleCLI(t)
		code, out, errOut := e.run("note", "pureservice", "8.9.2", "Ask", "for", "24", "hours", "--risk", "watch")
		if code != ExitOK || out != "noted on pureservice 8.9.2 (watch), note 1\n" {
			t.Fatalf("note: exit %d, %q %s", code, out, errOut)
		}
		if code, out, _ := e.run("clauses", "pureservice", "--full"); code != ExitOK || !strings.Contains(out, "#1 "+tuitest.Day(t).Format(time.DateOnly)) {
			t.Errorf("clauses --full lacks the number:\n%s", out)
		}
		var edited noteItem
		e.json(&edited, "note", "edit", "1", "--risk", "risk")
		if edited.ID != 1 || edited.Text != "Ask for 24 hours" || edited.Risk != "risk" {
			t.Errorf("edit of the risk alone: %+v", edited)
		}
		code, out, _ = e.run("note", "edit", "1", "Ask", "for", "48", "hours")
		if code != ExitOK || out != "note 1 saved (risk)\n" {
			t.Errorf("edit of the text: %d %q", code, out)
		}
		var items []struct {
			Number string     `json:"number"`
			Notes  []noteItem `json:"notes"`
		}
		e.json(&items, "clauses", "pureservice")
		for _, it := range items {
			if it.Number == "8.9.2" && (len(it.Notes) != 1 || it.Notes[0].ID != 1 || it.Notes[0].Text != "Ask for 48 hours" || it.Notes[0].Risk != "risk") {
				t.Errorf("8.9.2 notes %+v", it.Notes)
			}
		}
		var log []struct{ Action, Before, After string }
		e.json(&log, "log", "pureservice", "--limit", "1")
		if len(log) != 1 || log[0].Action != "edit_note" || !strings.Contains(log[0].Before, "Ask for 24 hours") || !strings.Contains(log[0].After, "Ask for 48 hours") {
			t.Errorf("audit of the edit %+v", log)
		}

		var res struct {
			Deleted noteItem `json:"deleted"`
		}
		if e.json(&res, "note", "delete", "1"); res.Deleted.ID != 1 || res.Deleted.Text != "Ask for 48 hours" {
			t.Errorf("delete --json: %+v", res)
		}
		for _, tt := range []struct {
			args []string
			code int
			err  string
		}{
			{[]string{"delete", "1"}, ExitFail, "no note 1"},
			{[]string{"edit", "1", "x"}, ExitFail, "no note 1"},
			{[]string{"edit", "1"}, ExitUsage, "note edit needs the note's number and a new TEXT or --risk"},
			{[]string{"edit", "1", "--risk", "high"}, ExitUsage, `risk "high"`},
			{[]string{"delete", "x"}, ExitUsage, `"x" is not a note number`},
			{[]string{"delete"}, ExitUsage, "note delete needs the note's number"},
		} {
			code, _, errOut := e.run("note", tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.err) {
				t.Errorf("note %v: exit %d, %q; want %d, %q", tt.args, code, errOut, tt.code, tt.err)
			}
		}
	})
}
