package store

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"avtal/model"
)

func TestSubEditsKeepHistory(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if err := s.PutAgreement(ctx, sampleAgreement("centuri-saas", "Centuri AB"), false); err != nil {
		t.Fatal(err)
	}
	day := model.MustDate(2026, 11, 24)
	acme := model.SubProcessor{Name: "Acme Backup AB", Country: "SE", Purpose: "backup", Status: model.SubApproved, Since: day}
	if err := s.AddSub(ctx, "centuri-saas", acme, day); err != nil {
		t.Fatal(err)
	}
	var fe *model.FieldError
	if err := s.AddSub(ctx, "centuri-saas", model.SubProcessor{Name: "acme backup ab", Status: model.SubApproved}, day); !errors.As(err, &fe) || fe.Key != "sub_exists" {
		t.Errorf("second add of the same name: %v, want model.CheckSubName's refusal", err)
	}
	moved := acme
	moved.Country = "NO"
	if err := s.EditSub(ctx, "centuri-saas", "Acme Backup AB", moved, day.AddDays(1)); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveSub(ctx, "centuri-saas", "FourEdge AB", day.AddDays(2)); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveSub(ctx, "centuri-saas", "Nobody", day); !errors.Is(err, ErrNotFound) {
		t.Errorf("removing an unknown entry: %v, want ErrNotFound", err)
	}
	if err := s.AddSub(ctx, "no-such", acme, day); !errors.Is(err, ErrNotFound) {
		t.Errorf("adding to an unknown agreement: %v, want ErrNotFound", err)
	}
	bad := acme
	bad.Name, bad.Status = "Bad Status AB", "maybe"
	if err := s.AddSub(ctx, "centuri-saas", bad, day); err == nil {
		t.Error("an entry with status \"maybe\" was stored")
	}

	a, err := s.Agreement(ctx, "centuri-saas")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Subs) != 2 || a.Subs[0].Status != model.SubRemoved || !reflect.DeepEqual(a.Subs[1], moved) {
		t.Fatalf("register after the edits: %+v", a.Subs)
	}
	hist, err := s.SubHistory(ctx, "centuri-saas")
	if err != nil {
		t.Fatal(err)
	}
	type step struct {
		name, action string
		fields       []string
		date         model.Date
	}
	want := []step{
		{"Acme Backup AB", SubAdded, nil, day},
		{"Acme Backup AB", SubChanged, []string{"country"}, day.AddDays(1)},
		{"FourEdge AB", SubRemoved, []string{"status"}, day.AddDays(2)},
	}
	if len(hist) != len(want) {
		t.Fatalf("history has %d entries, want %d: %+v", len(hist), len(want), hist)
	}
	for i, w := range want {
		h := hist[i]
		if h.Name != w.name || h.Action != w.action || !slices.Equal(h.Fields, w.fields) || !h.Date.Equal(w.date) || h.NoticeID != 0 || h.RecordedBy != "local" {
			t.Errorf("history %d = %+v, want %+v", i, h, w)
		}
	}
	if hist[1].Before == nil || hist[1].Before.Country != "SE" || hist[1].After.Country != "NO" {
		t.Errorf("the change does not keep before and after: %+v", hist[1])
	}
	log, err := s.AuditLog(ctx, "centuri-saas", 10)
	if err != nil {
		t.Fatal(err)
	}
	// Newest first: remove, edit, add, then the import.
	if len(log) != 4 || log[0].Action != "remove" || log[1].Action != "edit" || log[2].Action != "add" || log[0].Entity != "subprocessors" {
		t.Errorf("audit log: %+v", log)
	}
}

func TestSetListChecked(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	so := sampleAgreement("superoffice-dpa", "SuperOffice Sweden AB")
	so.SubPolicy = &model.SubPolicy{ListURL: "https://example.test/subprocessors", ListChecked: model.MustDate(2025, 1, 15), Clause: "3.7"}
	if err := s.PutAgreements(ctx, []*model.Agreement{so, sampleAgreement("centuri-saas", "Centuri AB")}, false); err != nil {
		t.Fatal(err)
	}
	day := model.MustDate(2026, 11, 24)
	if err := s.SetListChecked(ctx, "superoffice-dpa", day); err != nil {
		t.Fatal(err)
	}
	a, err := s.Agreement(ctx, "superoffice-dpa")
	if err != nil {
		t.Fatal(err)
	}
	if !a.SubPolicy.ListChecked.Equal(day) || a.SubPolicy.Clause != "3.7" || len(a.Subs) != 1 || len(a.Documents) != 2 {
		t.Errorf("after the check: policy %+v, %d subs, %d documents", a.SubPolicy, len(a.Subs), len(a.Documents))
	}
	if err := s.SetListChecked(ctx, "centuri-saas", day); err == nil {
		t.Error("an agreement without a list address accepted a check date")
	}
	if err := s.SetListChecked(ctx, "nope", day); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown agreement: %v", err)
	}
	if log, _ := s.AuditLog(ctx, "superoffice-dpa", 1); len(log) != 1 || log[0].Action != "list_checked" {
		t.Errorf("audit: %+v", log)
	}
	policies, err := s.SubPolicies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(policies) != 1 || policies[0].AgreementID != "superoffice-dpa" || !policies[0].Policy.ListChecked.Equal(day) {
		t.Errorf("SubPolicies = %+v", policies)
	}
	// A re-import without a policy drops it from the policies too.
	so.SubPolicy = nil
	if err := s.PutAgreement(ctx, so, true); err != nil {
		t.Fatal(err)
	}
	if policies, _ := s.SubPolicies(ctx); len(policies) != 0 {
		t.Errorf("a removed policy is still listed: %+v", policies)
	}
}
