package cli

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/subproc"
)

// An accepted notice decided by mistake is opened again with `notice
// undo`: its objection deadline is back among the deadlines and the added
// sub-processor is proposed again.
func TestNoticeUndo(t *testing.T) {
	e := newSampleCLI(t)
	var rec noticeResult
	e.json(&rec, "notice", "centuri-saas", "--received", "2026-11-24", "--add", "Backup Partner AB", "--country", "SE")
	// Centuri's DPA: object within 14 days of the notice, 2026-11-24 + 14
	// = Tuesday 2026-12-08.
	objection := func() []string {
		var items []item
		e.json(&items, "deadlines", "--agreement", "centuri-saas")
		return find(items, "subprocessor_objection")
	}
	if got := objection(); len(got) != 1 || got[0] != "2026-12-08 2026-12-08" {
		t.Fatalf("objection deadline of the open notice: %v", got)
	}
	if err := e.st.DecideNotice(context.Background(), rec.ID, subproc.Decision{Verdict: subproc.Accept, Date: model.MustDate(2026, 11, 24)}); err != nil {
		t.Fatal(err)
	}
	if got := objection(); len(got) != 0 {
		t.Fatalf("objection deadline of the accepted notice: %v", got)
	}

	var res noticeResult
	e.json(&res, "notice", "undo", strconv.FormatInt(rec.ID, 10))
	if res.ID != rec.ID || res.Status != subproc.StatusOpen || res.Notice.Decision != nil || res.ObjectionBy == nil || res.ObjectionBy.String() != "2026-12-08" {
		t.Errorf("undo --json: %+v", res)
	}
	if got := objection(); len(got) != 1 || got[0] != "2026-12-08 2026-12-08" {
		t.Errorf("objection deadline after the undo: %v", got)
	}
	a, _ := e.st.Agreement(context.Background(), "centuri-saas")
	if s := a.Subs[len(a.Subs)-1]; s.Name != "Backup Partner AB" || s.Status != model.SubProposed {
		t.Errorf("the added sub-processor after the undo: %+v", s)
	}
	var log []struct{ Entity, Action string }
	e.json(&log, "log", "centuri-saas", "--limit", "1")
	if len(log) != 1 || log[0].Entity != "sub_notice" || log[0].Action != "undo_decision" {
		t.Errorf("audit: %+v", log)
	}

	for _, tt := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"undo", strconv.FormatInt(rec.ID, 10)}, ExitFail, "has no decision to undo"},
		{[]string{"undo", "999"}, ExitFail, "no change notice 999"},
		{[]string{"undo", "x"}, ExitUsage, `"x" is not a notice number`},
		{[]string{"undo"}, ExitUsage, "notice undo needs the notice's number"},
	} {
		code, _, errOut := e.run("notice", tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.err) {
			t.Errorf("notice %v: exit %d, %q; want %d, %q", tt.args, code, errOut, tt.code, tt.err)
		}
	}
	code, out, _ := e.run("notice", "centuri-saas", "--received", "2026-11-24", "--remove", "Backup Partner AB")
	if code != ExitOK || !strings.Contains(out, "Recorded notice") {
		t.Errorf("recording still works beside undo: %d %q", code, out)
	}
}
