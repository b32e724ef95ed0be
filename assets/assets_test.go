package assets

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"avtal/model"
	"avtal/model/yamlreg"
)

// sample decodes the embedded register once per test, keyed by id.
func sample(t *testing.T) map[string]*model.Agreement {
	t.Helper()
	as, err := Agreements()
	if err != nil {
		t.Fatal(err)
	}
	byID := make(map[string]*model.Agreement, len(as))
	for _, a := range as {
		byID[a.ID] = a
	}
	return byID
}

func TestEveryFileDecodesUnderItsID(t *testing.T) {
	files, err := Register()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range files {
		a, err := yamlreg.Decode(f.Name, f.Data)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if want := strings.TrimSuffix(f.Name, ".yaml"); a.ID != want {
			t.Errorf("%s holds id %q, want %q", f.Name, a.ID, want)
		}
		ids = append(ids, a.ID)
	}
	// The five reference agreements the issue names must all be there.
	for _, id := range []string{"cleura-volymavtal", "pureservice", "inera-kundavtal-2", "centuri-saas", "superoffice-dpa"} {
		if !slices.Contains(ids, id) {
			t.Errorf("sample register lacks %s (has %v)", id, ids)
		}
	}
}

func TestRoundTripIsIdentical(t *testing.T) {
	for id, a := range sample(t) {
		data, err := yamlreg.Encode(a)
		if err != nil {
			t.Fatalf("%s: encode: %v", id, err)
		}
		back, err := yamlreg.Decode(id+".yaml", data)
		if err != nil {
			t.Fatalf("%s: decode of encoded YAML: %v\n%s", id, err, data)
		}
		if !reflect.DeepEqual(a, back) {
			t.Errorf("%s: round trip changed the agreement\nbefore %+v\nafter  %+v", id, a, back)
		}
	}
}

func TestEveryRuleCitesAClause(t *testing.T) {
	for id, a := range sample(t) {
		for i, r := range a.Rules {
			if strings.TrimSpace(r.Clause) == "" || strings.TrimSpace(r.Title) == "" {
				t.Errorf("%s rules[%d] (%s): needs a clause and a title", id, i, r.Kind)
			}
		}
		if a.SubPolicy != nil && a.SubPolicy.Clause == "" {
			t.Errorf("%s: sub-processor policy cites no clause", id)
		}
		if a.SLA != nil && a.SLA.Clause == "" {
			t.Errorf("%s: SLA cites no clause", id)
		}
	}
}

func TestRelationsPointIntoTheRegister(t *testing.T) {
	all := sample(t)
	for id, a := range all {
		for _, r := range a.Relations {
			if all[r.Target] == nil {
				t.Errorf("%s: %s → %q, which is not in the sample register", id, r.Kind, r.Target)
			}
		}
	}
}

// TestSampleValuesNameFields keeps sample_values honest: each entry must be
// a path to a field the file really sets, so the UI can mark it.
func TestSampleValuesNameFields(t *testing.T) {
	files, err := Register()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		var doc map[string]any
		if err := yaml.Unmarshal(f.Data, &doc); err != nil {
			t.Fatal(err)
		}
		samples, _ := doc["sample_values"].([]any)
		for _, s := range samples {
			var node any = doc
			for _, key := range strings.Split(s.(string), ".") {
				m, _ := node.(map[string]any)
				node = m[key]
			}
			if node == nil {
				t.Errorf("%s: sample_values names %q, which the file does not set", f.Name, s)
			}
		}
		if c, _ := doc["customer"].(map[string]any); c["name"] == "Exempelkommunen" && !slices.Contains(samples, any("customer")) {
			t.Errorf("%s: the invented customer must be listed in sample_values", f.Name)
		}
	}
}

func TestCenturiTermAndDeadlines(t *testing.T) {
	a := sample(t)["centuri-saas"]
	if a.Start.String() != "2024-04-01" || a.Signed.String() != "2024-02-15" {
		t.Fatalf("start %s signed %s, want 2024-04-01 and 2024-02-15", a.Start, a.Signed)
	}
	// 36 months from 2024-04-01 runs to 2027-03-31 inclusive; 6 months
	// before that is 2026-09-30. The first 12-month renewal runs
	// 2027-04-01–2028-03-31 with cancel-by 2027-09-30.
	tests := []struct {
		k                  int
		start, end, cancel string
	}{
		{0, "2024-04-01", "2027-03-31", "2026-09-30"},
		{1, "2027-04-01", "2028-03-31", "2027-09-30"},
	}
	for _, tt := range tests {
		p, ok := a.Term.Period(a.Start, tt.k)
		if !ok || p.Start.String() != tt.start || p.End.String() != tt.end {
			t.Errorf("period %d = %s–%s (%v), want %s–%s", tt.k, p.Start, p.End, ok, tt.start, tt.end)
		}
		if got := a.Term.CancelBy(p).String(); got != tt.cancel {
			t.Errorf("period %d cancel-by %s, want %s", tt.k, got, tt.cancel)
		}
	}
	rules := map[model.DeadlineKind]model.Rule{}
	for _, r := range a.Rules {
		rules[r.Kind] = r
	}
	// 7.6: a price rise must be announced one month before the cancel-by
	// date: 2026-09-30 − 1 month = 2026-08-30.
	price := rules[model.DLPriceNotice]
	p0, _ := a.Term.Period(a.Start, 0)
	if price.Clause != "7.6" || price.Anchor != model.AnchorCancelBy || !price.Before ||
		price.Offset.AddTo(a.Term.CancelBy(p0), -1).String() != "2026-08-30" {
		t.Errorf("price-increase rule %+v, want 7.6, 1 month before cancel-by (2026-08-30)", price)
	}
	if ix := rules[model.DLIndexation]; ix.Clause != "7.5" || ix.Anchor != model.AnchorYearly || ix.On != "01-01" {
		t.Errorf("indexation rule %+v, want 7.5 yearly on 01-01", ix)
	}
	want := map[model.DeadlineKind]string{
		model.DLPayment:         "30 days",
		model.DLAcceptanceEnd:   "10 days",
		model.DLWarrantyEnd:     "6 months",
		model.DLNonSolicitEnd:   "6 months",
		model.DLConfidentialEnd: "3 years",
		model.DLClaims:          "6 months",
		model.DLTermsChange:     "1 month",
	}
	for kind, offset := range want {
		if got := rules[kind].Offset.String(); got != offset {
			t.Errorf("%s offset %q, want %q", kind, got, offset)
		}
	}
	if got := a.Precedence.Order; len(got) != 4 || got[0] != "Orderformulär" || !strings.HasPrefix(got[3], "Tjänstebeskrivning") {
		t.Errorf("precedence %v, want order form first and service description last", got)
	}
	if s := a.SLA; s == nil || !s.Discretionary || s.TargetPct != 99.5 || s.Window.Kind != model.WindowServiceHours ||
		!slices.Equal(s.Window.Weekdays, []int{1, 2, 3, 4, 5}) || s.Window.From != "08:00" || s.Window.To != "17:00" || s.Window.Holidays != "SE" {
		t.Errorf("SLA %+v, want discretionary 99.5 %% weekdays 08:00–17:00 without Swedish holidays", a.SLA)
	}
	if len(a.Subs) != 1 || a.Subs[0].Name != "FourEdge AB" || a.Subs[0].OrgNumber != "556726-8106" {
		t.Errorf("sub-processors %+v, want FourEdge AB 556726-8106", a.Subs)
	}
	// DPA 8.2: failing a solution, Centuri may terminate.
	if p := a.SubPolicy; p == nil || p.ObjectionWindow.String() != "14 days" || !p.SilenceAccepts || !p.SupplierMayTerminate {
		t.Errorf("sub-processor policy %+v, want 14 days, silence accepts, supplier may terminate", a.SubPolicy)
	}
}

func TestPureserviceSLAAndSubProcessors(t *testing.T) {
	a := sample(t)["pureservice"]
	if len(a.Subs) != 2 {
		t.Fatalf("%d sub-processors, want Microsoft (Azure) and Mailgun", len(a.Subs))
	}
	// Appendix B.1 places both in the EEA and names no country for either
	// (Sinch AB, Mailgun's owner, is Swedish; that is not where data goes).
	for _, s := range a.Subs {
		if s.Region != model.RegionEEA || s.Country != "" {
			t.Errorf("%s: country %q, region %q; want the EEA and no country", s.Name, s.Country, s.Region)
		}
	}
	s := a.SLA
	wantTiers := []model.CreditTier{{Below: 99.5, CreditPct: 25}, {Below: 99, CreditPct: 50}, {Below: 95, CreditPct: 100}}
	if s == nil || s.Window.Kind != model.Window24x7 || !slices.Equal(s.Tiers, wantTiers) || s.CapPct != 100 ||
		s.ClaimWindow.String() != "4 weeks" || s.Discretionary {
		t.Fatalf("SLA %+v, want 24x7, tiers %v, cap 100, claim within 4 weeks", s, wantTiers)
	}
	if p := a.SubPolicy; p == nil || p.AdvanceNotice.String() != "4 weeks" || p.Clause != "8.6.3" {
		t.Errorf("sub-processor policy %+v, want 4 weeks' notice under 8.6.3", a.SubPolicy)
	}
	var claim *model.Rule
	for i := range a.Rules {
		if a.Rules[i].Kind == model.DLCreditClaim {
			claim = &a.Rules[i]
		}
	}
	if claim == nil || claim.Anchor.Event() != "downtime" || claim.Offset.String() != "4 weeks" {
		t.Errorf("credit-claim rule %+v, want 4 weeks after event:downtime", claim)
	}
}

func TestIneraSubscriptionsHangUnderTheFramework(t *testing.T) {
	all := sample(t)
	if k := all["inera-kundavtal-2"]; k == nil || k.Kind != model.KindFramework || !k.Term.Indefinite {
		t.Fatalf("inera-kundavtal-2 = %+v, want an indefinite framework", k)
	}
	var subs []string
	for id, a := range all {
		if a.Kind == model.KindSubscription {
			if a.Parent() != "inera-kundavtal-2" {
				t.Errorf("%s: parent %q, want inera-kundavtal-2", id, a.Parent())
			}
			subs = append(subs, id)
		}
	}
	if len(subs) < 2 {
		t.Errorf("subscriptions %v, want at least two under Kundavtal 2", subs)
	}
	if dpa := all["inera-pub-1"]; dpa == nil || len(dpa.Relations) != 1 ||
		dpa.Relations[0] != (model.Relation{Kind: model.RelPartOf, Target: "inera-kundavtal-2", Note: dpa.Relations[0].Note}) {
		t.Errorf("inera-pub-1 should be part_of inera-kundavtal-2: %+v", dpa)
	}
}

func TestSuperOfficeAndCleuraFacts(t *testing.T) {
	all := sample(t)
	so := all["superoffice-dpa"]
	if so.Effective.String() != "2018-05-25" || so.Kind != model.KindDPA {
		t.Errorf("superoffice-dpa effective %s kind %s, want 2018-05-25 dpa", so.Effective, so.Kind)
	}
	p := so.SubPolicy
	if p == nil || p.AdvanceNotice.String() != "4 months" || p.ObjectionWindow.String() != "1 month" ||
		p.TerminationNotice.String() != "3 months" || p.ListURL == "" || p.ListChecked.IsZero() ||
		!strings.Contains(p.TransferBasis, "Privacy Shield") {
		t.Errorf("superoffice policy %+v, want 4 months / 1 month / 3 months, an external list and the stale Privacy Shield basis", p)
	}
	cl := all["cleura-volymavtal"]
	if cl.Kind != model.KindVolume || cl.Effective.String() != "2023-09-01" || !cl.Term.Indefinite {
		t.Errorf("cleura-volymavtal kind %s effective %s indefinite %v, want volume from 2023-09-01 until further notice",
			cl.Kind, cl.Effective, cl.Term.Indefinite)
	}
}
