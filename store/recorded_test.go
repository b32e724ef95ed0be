package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"avtal/model"
	"avtal/model/deadlines"
)

// Recorded events list by date, delete by id with an audit entry holding
// what was deleted, and leave the deadline record once deleted.
func TestDeleteEvent(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	putAll(t, s, withEventRules("pureservice", "Pureservice AS"))
	record := func(name string, on model.Date, ref string) int64 {
		id, err := s.RecordEvent(ctx, "pureservice", deadlines.Event{Name: name, Date: on, Ref: ref})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	late := record("downtime", model.MustDate(2026, 12, 2), "")
	early := record("notice_received", model.MustDate(2026, 11, 2), "Mailgun")
	list, err := s.Events(ctx, "pureservice")
	want := []RecordedEvent{
		{ID: early, AgreementID: "pureservice", Name: "notice_received", Date: model.MustDate(2026, 11, 2), Ref: "Mailgun"},
		{ID: late, AgreementID: "pureservice", Name: "downtime", Date: model.MustDate(2026, 12, 2)},
	}
	if err != nil || !reflect.DeepEqual(list, want) {
		t.Fatalf("Events = %+v, %v\nwant %+v (by date)", list, err, want)
	}

	gone, err := s.DeleteEvent(ctx, late)
	if err != nil || gone != want[1] {
		t.Fatalf("DeleteEvent = %+v, %v", gone, err)
	}
	recs, err := s.Records(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := recs["pureservice"].Events; len(got) != 1 || got[0].Name != "notice_received" {
		t.Errorf("events the deadlines count from after the delete: %+v", got)
	}
	log, err := s.AuditLog(ctx, "pureservice", 1)
	if err != nil || len(log) != 1 || log[0].Entity != "event" || log[0].Action != "delete" || log[0].After != "" ||
		log[0].Before != fmt.Sprintf(`{"id":%d,"agreement_id":"pureservice","name":"downtime","date":"2026-12-02"}`, late) {
		t.Errorf("audit of the delete: %+v, %v", log, err)
	}
	if _, err := s.DeleteEvent(ctx, late); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting it again: %v, want ErrNotFound", err)
	}
}
