package subproc

import (
	"slices"
	"testing"

	"avtal/model"
)

func withStatus(s model.SubProcessor, st model.SubStatus) model.SubProcessor {
	s.Status = st
	return s
}

func withOrg(s model.SubProcessor, org string) model.SubProcessor {
	s.OrgNumber = org
	return s
}

func portfolioFixture() []*model.Agreement {
	return []*model.Agreement{
		{ID: "pureservice", Title: "Pureservice", Subs: []model.SubProcessor{
			sub("Microsoft Sverige AS", "SE", ""),
			sub("Sinch AB", "SE", ""),
		}},
		{ID: "centuri", Title: "Centuri SaaS", Subs: []model.SubProcessor{
			withOrg(sub("FourEdge AB", "SE", ""), "556726-8106"),
			sub("microsoft  sverige ab", "SE", ""), // case, spacing and legal form differ
		}},
		{ID: "crm", Title: "CRM", Subs: []model.SubProcessor{
			withOrg(sub("FourEdge Datacenter", "SE", ""), "5567268106"), // same org number, other name
			withStatus(sub("Acme Inc", "US", ""), model.SubProposed),
			withStatus(sub("Old Host AS", "NO", ""), model.SubRemoved),
		}},
	}
}

func TestPortfolio(t *testing.T) {
	groups := Portfolio(portfolioFixture())
	type summary struct {
		name       string
		agreements []string
		flags      int
	}
	// Two agreements depend on FourEdge and on Microsoft; ties sort by name.
	want := []summary{
		{"FourEdge AB", []string{"centuri", "crm"}, 0},
		{"Microsoft Sverige AS", []string{"pureservice", "centuri"}, 0},
		{"Acme Inc", []string{"crm"}, 1},
		{"Old Host AS", []string{"crm"}, 0},
		{"Sinch AB", []string{"pureservice"}, 0},
	}
	if len(groups) != len(want) {
		t.Fatalf("got %d groups, want %d: %+v", len(groups), len(want), groups)
	}
	for i, w := range want {
		g := groups[i]
		if g.Name != w.name || !slices.Equal(g.Agreements, w.agreements) || len(g.Flags) != w.flags {
			t.Errorf("group %d = %s %v (%d flags), want %s %v (%d flags)", i, g.Name, g.Agreements, len(g.Flags), w.name, w.agreements, w.flags)
		}
	}
	fe := groups[0]
	if !slices.Equal(fe.OrgNumbers, []string{"556726-8106", "5567268106"}) || !slices.Equal(fe.Countries, []string{"SE"}) ||
		!slices.Equal(fe.Regions, []Region{RegionEU}) || len(fe.Uses) != 2 {
		t.Errorf("FourEdge group = %+v", fe)
	}
	if f := groups[2].Flags[0]; f.Key != KeyDPFMissing || f.AgreementID != "crm" {
		t.Errorf("Acme flag = %+v", f)
	}
}

// A name shared with one entry and an org number shared with another join
// all three.
func TestPortfolioTransitive(t *testing.T) {
	groups := Portfolio([]*model.Agreement{
		{ID: "a", Subs: []model.SubProcessor{withOrg(sub("Sinch AB", "SE", ""), "556000-0001")}},
		{ID: "b", Subs: []model.SubProcessor{withOrg(sub("Mailgun", "SE", ""), "5560000001")}},
		{ID: "c", Subs: []model.SubProcessor{sub("Mailgun Inc", "SE", "")}},
	})
	if len(groups) != 1 || len(groups[0].Agreements) != 3 {
		t.Fatalf("groups = %+v, want one group of three", groups)
	}
}

func TestGroupFilter(t *testing.T) {
	groups := Portfolio(portfolioFixture())
	names := func(gs []Group) []string {
		var n []string
		for _, g := range gs {
			n = append(n, g.Name)
		}
		return n
	}
	tests := []struct {
		name   string
		filter GroupFilter
		want   []string
	}{
		{"all", GroupFilter{}, []string{"FourEdge AB", "Microsoft Sverige AS", "Acme Inc", "Old Host AS", "Sinch AB"}},
		{"adequacy", GroupFilter{Regions: []Region{RegionAdequacy}}, []string{"Acme Inc"}},
		{"EEA outside the EU", GroupFilter{Regions: []Region{RegionEEA}}, []string{"Old Host AS"}},
		{"removed", GroupFilter{Statuses: []model.SubStatus{model.SubRemoved}}, []string{"Old Host AS"}},
		{"approved in the EU", GroupFilter{Regions: []Region{RegionEU}, Statuses: []model.SubStatus{model.SubApproved}},
			[]string{"FourEdge AB", "Microsoft Sverige AS", "Sinch AB"}},
		{"objected", GroupFilter{Statuses: []model.SubStatus{model.SubObjected}}, nil},
	}
	for _, tt := range tests {
		if got := names(tt.filter.Apply(groups)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestNameKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Microsoft Sverige AS", "microsoft sverige"},
		{"microsoft  sverige ab", "microsoft sverige"},
		{"ACME, Inc.", "acme"},
		{"Foo A/S", "foo"},
		{"Bar B.V.", "bar"},
		{"Volvo AB (publ)", "volvo"},
		{"AB", "ab"}, // nothing left but the legal form: keep it
		{"Mailgun (Sinch AB)", "mailgun sinch"},
	}
	for _, tt := range tests {
		if got := nameKey(tt.in); got != tt.want {
			t.Errorf("nameKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if orgKey("556726-8106") != orgKey("5567268106") || orgKey("929 782 216") != "929782216" {
		t.Error("orgKey does not ignore dashes and spaces")
	}
}

// Portfolio groups every sub-processor of every agreement. Two entries are
// one sub-processor when their names match ignoring case, spacing,
// punctuation and legal form ("Sinch AB" = "Sinch"), or when they have the
// same organisation number. Groups come most-depended-on first, then by name.
func Portfolio(agreements []*model.Agreement) []Group {
	var uses []Use
	for _, a := range agreements {
		for _, s := range a.Subs {
			u := Use{AgreementID: a.ID, AgreementTitle: a.Title, Supplier: a.Supplier.Name, Sub: s, Region: SubRegion(s)}
			if s.Status != model.SubRemoved {
				u.Flags = subFlags(a.ID, a.SubPolicy, s)
			}
			uses = append(uses, u)
		}
	}
	return groupUses(uses)
}
