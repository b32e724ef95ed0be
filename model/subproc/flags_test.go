package subproc

import (
	"strings"
	"testing"

	"avtal/model"
)

func sub(name, country, basis string) model.SubProcessor {
	return model.SubProcessor{Name: name, Country: country, TransferBasis: basis, Status: model.SubApproved}
}

func inRegion(name, region string) model.SubProcessor {
	return model.SubProcessor{Name: name, Region: region, Status: model.SubApproved}
}

func TestSubFlags(t *testing.T) {
	removed := sub("Gone Inc", "US", "")
	removed.Status = model.SubRemoved
	tests := []struct {
		name     string
		policy   *model.SubPolicy
		sub      model.SubProcessor
		key      string // "" for no flag
		severity Severity
		params   map[string]string
	}{
		{"EU", nil, sub("FourEdge AB", "SE", ""), "", "", nil},
		{"EEA", nil, sub("Fjord AS", "NO", ""), "", "", nil},
		{"US without basis", nil, sub("Acme Inc", "US", ""), KeyDPFMissing, SeverityWarning, nil},
		{"US with DPF", nil, sub("Acme Inc", "US", "EU-U.S. Data Privacy Framework"), KeyDPF, SeverityInfo, nil},
		{"US with DPF abbreviated", nil, sub("Acme Inc", "US", "DPF certified"), KeyDPF, SeverityInfo, nil},
		{"US with SCC", nil, sub("Acme Inc", "US", "SCC 2021/914"), KeyBasisStated, SeverityInfo, map[string]string{"basis": "SCC 2021/914"}},
		{"third country without basis", nil, sub("Initech", "IN", ""), KeyNoBasis, SeverityWarning, map[string]string{"country_name": "India"}},
		{"third country with basis", nil, sub("Initech", "IN", "standard contractual clauses"), KeyBasisStated, SeverityInfo, nil},
		{"agreement basis covers it", &model.SubPolicy{TransferBasis: "SCC"}, sub("Initech", "IN", ""), KeyBasisStated, SeverityInfo, map[string]string{"basis": "SCC"}},
		{"invalid agreement basis does not", &model.SubPolicy{TransferBasis: "Privacy Shield"}, sub("Initech", "IN", ""), KeyNoBasis, SeverityWarning, nil},
		{"adequacy", nil, sub("Hooli KK", "JP", ""), KeyAdequacy, SeverityInfo, map[string]string{"note": "the decision covers private-sector operators under the APPI"}},
		{"adequacy without limits", nil, sub("Umbrella AG", "CH", ""), KeyAdequacy, SeverityInfo, nil},
		{"own invalid basis", nil, sub("Old Co Inc", "US", "Safe Harbour"), KeyInvalidBasisSub, SeverityCritical, map[string]string{"basis": "Safe Harbor", "date": "2015-10-06"}},
		{"invalid basis even in the EU", nil, sub("Old Co AB", "SE", "privacy-shield"), KeyInvalidBasisSub, SeverityCritical, map[string]string{"date": "2020-07-16"}},
		{"no country", nil, sub("Mystery", "", ""), KeyCountryMissing, SeverityWarning, nil},
		{"bad country", nil, sub("Mystery", "XX", ""), KeyCountryUnknown, SeverityWarning, nil},
		// Sub-processors that name a region and no country (Pureservice's
		// Azure: the EEA) need no basis; any other region is a question.
		{"EEA region", nil, inRegion("Azure", "EEA"), "", "", nil},
		{"EU region", nil, inRegion("Azure", "EU"), "", "", nil},
		{"EEA region, EEA allowed", &model.SubPolicy{ProcessingRegion: "EES"}, inRegion("Azure", "EEA"), "", "", nil},
		{"EU region, EEA allowed", &model.SubPolicy{ProcessingRegion: "EEA"}, inRegion("Azure", "EU"), "", "", nil},
		{"EEA region, EU allowed", &model.SubPolicy{ProcessingRegion: "EU"}, inRegion("Azure", "EEA"), KeyRegionUnclear, SeverityWarning,
			map[string]string{"region": "EU", "sub_region": "EEA"}},
		{"EU region, one country allowed", &model.SubPolicy{ProcessingRegion: "SE"}, inRegion("Azure", "EU"), KeyRegionUnclear, SeverityWarning, nil},
		{"EU region, unreadable allowed region", &model.SubPolicy{ProcessingRegion: "Norden"}, inRegion("Azure", "EU"), "", "", nil},
		{"other region", nil, inRegion("Follow AB", "Worldwide"), KeyRegionUnknown, SeverityWarning, map[string]string{"sub_region": "Worldwide"}},
		{"country before region", nil, model.SubProcessor{Name: "Acme Inc", Country: "US", Region: "EEA", Status: model.SubApproved}, KeyDPFMissing, SeverityWarning, nil},
	}
	for _, tt := range tests {
		flags := subFlags("a", tt.policy, tt.sub)
		if tt.key == "" {
			if len(flags) != 0 {
				t.Errorf("%s: flags %+v, want none", tt.name, flags)
			}
			continue
		}
		if len(flags) != 1 || flags[0].Key != tt.key || flags[0].Severity != tt.severity || flags[0].Sub != tt.sub.Name {
			t.Errorf("%s: flags %+v, want one %s %s", tt.name, flags, tt.severity, tt.key)
			continue
		}
		for k, v := range tt.params {
			if flags[0].Params[k] != v {
				t.Errorf("%s: param %s = %q, want %q", tt.name, k, flags[0].Params[k], v)
			}
		}
	}
	// Check leaves removed sub-processors out.
	a := &model.Agreement{ID: "a", Subs: []model.SubProcessor{removed}}
	if flags := Check(a, nil, CheckOptions{}); len(flags) != 0 {
		t.Errorf("removed sub-processor flagged: %+v", flags)
	}
}

func TestCheckAgreement(t *testing.T) {
	// SuperOffice's DPA still names Privacy Shield and keeps its list in a
	// privacy centre, last checked 2026-01-01. On 2026-06-01 that is
	// 31+28+31+30+31 = 151 days ago, more than 90.
	so := &model.Agreement{ID: "superoffice", SubPolicy: &model.SubPolicy{
		TransferBasis: "EU Privacy Shield or the EU standard contractual clauses",
		ListURL:       "https://example.com/privacy", ListChecked: date("2026-01-01"),
	}}
	flags := Check(so, nil, CheckOptions{Today: date("2026-06-01")})
	if len(flags) != 2 {
		t.Fatalf("flags = %+v, want invalid basis and stale list", flags)
	}
	if f := flags[0]; f.Kind != FlagInvalidBasis || f.Key != KeyInvalidBasis || f.Severity != SeverityCritical || f.Sub != "" ||
		f.Params["ruling"] != "Schrems II (C-311/18)" || f.Params["date"] != "2020-07-16" {
		t.Errorf("invalid basis flag = %+v", f)
	}
	if f := flags[1]; f.Kind != FlagStaleList || f.Key != KeyListStale || f.Params["days"] != "151" || f.Params["max_days"] != "90" {
		t.Errorf("list flag = %+v", f)
	}
	want := "The DPA names Privacy Shield as a transfer basis; the CJEU invalidated it in Schrems II (C-311/18) on 2020-07-16"
	if got := flags[0].Message(); got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
}

func TestListAge(t *testing.T) {
	tests := []struct {
		checked, today string
		maxAge         int
		key            string
	}{
		// 2026-03-03 → 2026-06-01: 28 + 30 + 31 + 1 = 90 days, not more than 90.
		{"2026-03-03", "2026-06-01", 0, ""},
		{"2026-03-02", "2026-06-01", 0, KeyListStale},  // 91 days
		{"2026-05-01", "2026-06-01", 30, KeyListStale}, // 31 days > 30
		{"2026-05-02", "2026-06-01", 30, ""},           // 30 days
		{"", "2026-06-01", 0, KeyListNeverChecked},
		{"", "", 0, KeyListNeverChecked},
		{"2020-01-01", "", 0, ""}, // no today: age unknown
	}
	for _, tt := range tests {
		p := &model.SubPolicy{ListURL: "https://example.com/list"}
		opt := CheckOptions{ListMaxAge: tt.maxAge}
		if tt.checked != "" {
			p.ListChecked = date(tt.checked)
		}
		if tt.today != "" {
			opt.Today = date(tt.today)
		}
		flags := Check(&model.Agreement{ID: "a", SubPolicy: p}, nil, opt)
		switch {
		case tt.key == "" && len(flags) != 0:
			t.Errorf("checked %s, today %s: flags %+v, want none", tt.checked, tt.today, flags)
		case tt.key != "" && (len(flags) != 1 || flags[0].Key != tt.key):
			t.Errorf("checked %s, today %s: flags %+v, want %s", tt.checked, tt.today, flags, tt.key)
		}
	}
	// A list inside the agreement is never stale.
	if flags := Check(&model.Agreement{ID: "a", SubPolicy: &model.SubPolicy{}}, nil, CheckOptions{Today: date("2026-06-01")}); len(flags) != 0 {
		t.Errorf("flags %+v for a list inside the agreement", flags)
	}
}

func TestCheckNotices(t *testing.T) {
	a := &model.Agreement{ID: "pureservice", SubPolicy: pureservice, Subs: []model.SubProcessor{sub("Acme Inc", "US", "")}}
	short := notice("2026-12-01", "2026-12-15")                      // 2 weeks of 4
	newUS := Notice{Received: date("2026-12-01"), Change: ChangeAdd, // no effective date: no short-notice flag
		Sub: sub("Globex Corporation", "US", "")}
	again := Notice{Received: date("2026-12-01"), Change: ChangeAdd, Sub: sub("ACME, Inc.", "US", "")} // already listed
	gone := Notice{Received: date("2026-12-01"), Change: ChangeRemove, Sub: sub("Initech", "IN", ""), Effective: date("2026-12-02")}

	flags := Check(a, []Notice{short, newUS, again, gone}, CheckOptions{Today: date("2026-12-02")})
	var keys []string
	for _, f := range flags {
		keys = append(keys, f.Sub+" "+f.Key)
	}
	want := []string{"Acme Inc " + KeyDPFMissing, "NewCo AB " + KeyShortNotice, "Globex Corporation " + KeyDPFMissing}
	if strings.Join(keys, "|") != strings.Join(want, "|") {
		t.Fatalf("flags = %q, want %q", keys, want)
	}
	f := flags[1]
	for k, v := range map[string]string{"received": "2026-12-01", "effective": "2026-12-15", "required": "4 weeks", "earliest": "2026-12-29", "given": "2 weeks"} {
		if f.Params[k] != v {
			t.Errorf("short-notice param %s = %q, want %q", k, f.Params[k], v)
		}
	}
	wantMsg := "NewCo AB: notice received 2026-12-01 for a change on 2026-12-15; notice of 4 weeks required, so not before 2026-12-29"
	if f.Message() != wantMsg {
		t.Errorf("Message = %q, want %q", f.Message(), wantMsg)
	}
}

func TestMessageNote(t *testing.T) {
	f := subFlags("a", nil, sub("Maple Ltd", "CA", ""))[0]
	want := "Maple Ltd: Canada has an EU adequacy decision, no other transfer basis is needed — the decision covers commercial organisations subject to PIPEDA only"
	if f.Message() != want {
		t.Errorf("Message = %q, want %q", f.Message(), want)
	}
}

func TestIsDPF(t *testing.T) {
	for basis, want := range map[string]bool{
		"EU-US Data Privacy Framework": true, "DPF": true, "certified (dpf)": true,
		"PDPF": false, "SCC": false, "": false, "Privacy Shield": false,
	} {
		if isDPF(basis) != want {
			t.Errorf("isDPF(%q) = %v", basis, !want)
		}
	}
}

// TestTransferBasesAndRegion checks that only the bases of GDPR chapter V
// count, each where it applies, and that a sub-processor outside where the
// DPA allows processing is a red flag.
func TestTransferBasesAndRegion(t *testing.T) {
	// Pureservice's DPA allows the EEA only, and its transfer text is no basis.
	eeaOnly := &model.SubPolicy{TransferBasis: "None needed – processing stays in the EEA", ProcessingRegion: "EEA"}
	swedenOnly := &model.SubPolicy{ProcessingRegion: "SE"}
	tests := []struct {
		name   string
		policy *model.SubPolicy
		sub    model.SubProcessor
		want   []string // "severity key" of each flag, in order
	}{
		{"US under an EEA-only DPA, no real basis", eeaOnly, sub("Acme Inc", "US", ""),
			[]string{"critical region.outside", "warning transfer.basis_unknown"}},
		{"US under an EEA-only DPA, DPF", eeaOnly, sub("Acme Inc", "US", "EU-US Data Privacy Framework"),
			[]string{"critical region.outside", "info transfer.us_dpf"}},
		{"India with SCCs named by their decision", nil, sub("Initech", "IN", "Commission decision 2021/914"), []string{"info transfer.basis_stated"}},
		{"India with BCRs", nil, sub("Initech", "IN", "Binding Corporate Rules"), []string{"info transfer.basis_stated"}},
		{"India under art. 49", nil, sub("Initech", "IN", "art. 49(1)(a) explicit consent"), []string{"info transfer.basis_stated"}},
		// India has no adequacy decision, and the DPF is for the US only.
		{"India claiming adequacy", nil, sub("Initech", "IN", "adequacy decision"), []string{"warning transfer.basis_unknown"}},
		{"India claiming the DPF", nil, sub("Initech", "IN", "Data Privacy Framework"), []string{"warning transfer.basis_unknown"}},
		{"Japan citing its adequacy decision", nil, sub("Hooli KK", "JP", "adequacy decision (art. 45)"), []string{"info transfer.basis_stated"}},
		{"free text is no basis", nil, sub("Initech", "IN", "the supplier takes care of it"), []string{"warning transfer.basis_unknown"}},
		// "SCC" must be a word of its own, not part of another.
		{"no SCC inside a word", nil, sub("Initech", "IN", "Sccomplete plan"), []string{"warning transfer.basis_unknown"}},
		// Inside the EEA: only the region the DPA allows matters.
		{"Germany under a Sweden-only DPA", swedenOnly, sub("Daten GmbH", "DE", ""), []string{"critical region.outside"}},
		{"Norway under an EEA-only DPA", eeaOnly, sub("Fjord AS", "NO", ""), nil},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range subFlags("a", tt.policy, tt.sub) {
			got = append(got, string(f.Severity)+" "+f.Key)
		}
		if strings.Join(got, ", ") != strings.Join(tt.want, ", ") {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
