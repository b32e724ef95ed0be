package subproc

import (
	"slices"
	"testing"

	"avtal/model"
)

func register() []model.SubProcessor {
	fe := withOrg(sub("FourEdge AB", "SE", ""), "556726-8106")
	fe.Purpose = "Data-centre operations"
	ms := sub("Microsoft Sverige AS", "SE", "")
	ms.Purpose = "Hosting"
	sinch := sub("Sinch AB", "SE", "")
	sinch.Purpose = "E-mail"
	return []model.SubProcessor{fe, ms, sinch, withStatus(sub("Old Host AS", "NO", ""), model.SubRemoved)}
}

func TestDiff(t *testing.T) {
	incoming := []Row{
		{Name: "FourEdge Datacenter AB", OrgNumber: "5567268106", Country: "SE"}, // same org number, new name, purpose not stated
		{Name: "Microsoft Sverige AB", Country: "IE", Purpose: "hosting"},        // moved to Ireland; purpose differs only in case
		{Name: "Acme Inc", Country: "US", Purpose: "Support"},                    // new
		{Name: "Old Host", Country: "NO"},                                        // removed in the register, back on the list
	}
	changes := Diff(register(), incoming)
	type summary struct {
		kind   DiffKind
		name   string
		fields []string
	}
	want := []summary{
		{DiffChanged, "FourEdge Datacenter AB", []string{"name"}},
		{DiffChanged, "Microsoft Sverige AB", []string{"country"}},
		{DiffAdded, "Acme Inc", nil},
		{DiffAdded, "Old Host", nil},
		{DiffRemoved, "Sinch AB", nil},
	}
	if len(changes) != len(want) {
		t.Fatalf("got %d changes, want %d: %+v", len(changes), len(want), changes)
	}
	for i, w := range want {
		c := changes[i]
		var name string
		if c.Incoming != nil {
			name = c.Incoming.Name
		} else {
			name = c.Current.Name
		}
		if c.Kind != w.kind || name != w.name || !slices.Equal(c.Fields, w.fields) {
			t.Errorf("change %d = %s %s %v, want %s %s %v", i, c.Kind, name, c.Fields, w.kind, w.name, w.fields)
		}
	}
	if changes[1].Current.Name != "Microsoft Sverige AS" {
		t.Errorf("Microsoft paired with %+v", changes[1].Current)
	}
}

func TestDiffFields(t *testing.T) {
	cur := []model.SubProcessor{withOrg(sub("Sinch AB", "SE", ""), "556000-0001")}
	cur[0].Purpose = "E-mail"
	tests := []struct {
		row  Row
		want []string
	}{
		{Row{Name: "Sinch", Country: "SE"}, nil},
		{Row{Name: "Sinch AB", OrgNumber: "556000-0001", Country: "SE", Purpose: " e-mail "}, nil},
		{Row{Name: "Sinch AB", OrgNumber: "556000-0002", Country: "SE"}, []string{"org_number"}},
		{Row{Name: "Sinch AB", Country: "DE", Purpose: "SMS"}, []string{"country", "purpose"}},
	}
	for _, tt := range tests {
		changes := Diff(cur, []Row{tt.row})
		var got []string
		if len(changes) == 1 && changes[0].Kind == DiffChanged {
			got = changes[0].Fields
		} else if len(changes) != 0 {
			t.Errorf("%+v: changes %+v", tt.row, changes)
			continue
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%+v: fields %v, want %v", tt.row, got, tt.want)
		}
	}
}

// The same name twice (one entity in two countries) pairs by country.
func TestDiffDuplicateNames(t *testing.T) {
	cur := []model.SubProcessor{sub("Mailgun", "SE", ""), sub("Mailgun", "US", "")}
	changes := Diff(cur, []Row{{Name: "Mailgun", Country: "US"}})
	if len(changes) != 1 || changes[0].Kind != DiffRemoved || changes[0].Current.Country != "SE" {
		t.Errorf("changes = %+v, want only the Swedish Mailgun removed", changes)
	}
}

func TestNotices(t *testing.T) {
	incoming := []Row{
		{Name: "Microsoft Sverige AB", Country: "IE"},
		{Name: "Acme Inc", Country: "US", Purpose: "Support"},
		{Name: "FourEdge AB", Country: "SE"},
	}
	notices := Notices(Diff(register(), incoming), date("2026-12-01"))
	if len(notices) != 3 {
		t.Fatalf("notices = %+v", notices)
	}
	for _, n := range notices {
		if err := n.Validate(); err != nil {
			t.Errorf("notice %+v: %v", n, err)
		}
		if n.Received.String() != "2026-12-01" {
			t.Errorf("received = %s", n.Received)
		}
	}
	rep, add, rem := notices[0], notices[1], notices[2]
	// The replacement keeps the register's purpose, since the list states none.
	if rep.Change != ChangeReplace || rep.Replaces != "Microsoft Sverige AS" || rep.Sub.Name != "Microsoft Sverige AB" ||
		rep.Sub.Country != "IE" || rep.Sub.Purpose != "Hosting" || rep.Sub.Status != model.SubProposed {
		t.Errorf("replace notice = %+v", rep)
	}
	if add.Change != ChangeAdd || add.Sub.Name != "Acme Inc" || add.Sub.Purpose != "Support" || add.Sub.Status != model.SubProposed {
		t.Errorf("add notice = %+v", add)
	}
	if rem.Change != ChangeRemove || rem.Sub.Name != "Sinch AB" {
		t.Errorf("remove notice = %+v", rem)
	}
}

// A list that places an entry by country where the register names only
// its region changes both; the replace notice carries the list's place.
func TestDiffRegion(t *testing.T) {
	cur := []model.SubProcessor{{Name: "Azure", Region: model.RegionEEA, Purpose: "Hosting", Status: model.SubApproved}}
	if changes := Diff(cur, []Row{{Name: "Azure", Region: "EEA"}}); len(changes) != 0 {
		t.Errorf("same region: %+v", changes)
	}
	changes := Diff(cur, []Row{{Name: "Azure", Country: "IE"}})
	if len(changes) != 1 || !slices.Equal(changes[0].Fields, []string{"country", "region"}) {
		t.Fatalf("changes = %+v, want country and region", changes)
	}
	n := Notices(changes, date("2026-12-01"))
	if n[0].Change != ChangeReplace || n[0].Sub.Country != "IE" || n[0].Sub.Region != "" || n[0].Sub.Purpose != "Hosting" {
		t.Errorf("notice = %+v", n[0])
	}
}
