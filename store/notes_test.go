package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"avtal/model"
)

// A note's text and risk are edited (its author and date stay), and the
// clause's marker follows; a note is deleted; both are in the audit log
// with before and after; bad input and missing notes are refused.
func TestEditAndDeleteNote(t *testing.T) {
	s := openReview(t)
	ctx := context.Background()
	id := clauseID(t, s, "alfa", "", "3")
	n, err := s.AddNote(ctx, id, "Cap is low.", "ok")
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.EditNote(ctx, n.ID, "  Cap is far too low.  ", "risk")
	if err != nil || got != (Note{ID: n.ID, Text: "Cap is far too low.", Risk: model.RiskRisk, Created: n.Created, Author: n.Author}) {
		t.Fatalf("EditNote = %+v, %v", got, err)
	}
	if read, err := s.Note(ctx, n.ID); err != nil || read != got {
		t.Errorf("Note = %+v, %v", read, err)
	}
	c, _ := s.Clause(ctx, id)
	if len(c.Notes) != 1 || c.Notes[0] != got {
		t.Errorf("notes after the edit %+v", c.Notes)
	}
	docs, _ := s.ClauseTree(ctx, "alfa", false)
	for _, cl := range docs[0].Clauses {
		if cl.ID == id && (cl.Notes != 1 || cl.Risk != model.RiskRisk) {
			t.Errorf("marker after the edit: %d notes, risk %q", cl.Notes, cl.Risk)
		}
	}
	log, _ := s.AuditLog(ctx, "alfa", 1)
	if len(log) != 1 || log[0].Action != "edit_note" || !strings.Contains(log[0].Before, `"Text":"Cap is low."`) ||
		!strings.Contains(log[0].After, `"Text":"Cap is far too low."`) || !strings.Contains(log[0].After, `"number":"3"`) {
		t.Errorf("audit of the edit %+v", log)
	}
	for _, bad := range []struct{ text, risk, err string }{
		{"x", "high", `risk: "high" is not a risk level`},
		{"  ", "ok", "text: must be filled in"},
	} {
		if _, err := s.EditNote(ctx, n.ID, bad.text, bad.risk); err == nil || !strings.Contains(err.Error(), bad.err) {
			t.Errorf("EditNote(%q, %q) = %v, want %q", bad.text, bad.risk, err, bad.err)
		}
	}

	gone, err := s.DeleteNote(ctx, n.ID)
	if err != nil || gone != got {
		t.Fatalf("DeleteNote = %+v, %v", gone, err)
	}
	if c, _ := s.Clause(ctx, id); len(c.Notes) != 0 {
		t.Errorf("notes after the delete %+v", c.Notes)
	}
	log, _ = s.AuditLog(ctx, "alfa", 1)
	if len(log) != 1 || log[0].Action != "delete_note" || !strings.Contains(log[0].Before, `"Text":"Cap is far too low."`) || log[0].After != "" {
		t.Errorf("audit of the delete %+v", log)
	}
	if _, err := s.DeleteNote(ctx, n.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting it again: %v", err)
	}
	if _, err := s.Note(ctx, n.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("reading a deleted note: %v", err)
	}
	if _, err := s.EditNote(ctx, n.ID, "x", "ok"); !errors.Is(err, ErrNotFound) {
		t.Errorf("editing a deleted note: %v", err)
	}
}
