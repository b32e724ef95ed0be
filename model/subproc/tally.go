package subproc

import (
	"slices"

	"avtal/model"
)

// Tally counts identical sub-processor entries across a register: the same
// name, org number, country, region, status and own transfer basis, under
// agreements whose DPAs name the same transfer basis. It is what one GROUP
// BY over the register returns, so the portfolio of thousands of
// agreements is summed without loading them.
type Tally struct {
	// Sub holds the fields the entries share; purpose, clause and since
	// differ between agreements and are not set.
	Sub model.SubProcessor `json:"subprocessor"`
	// PolicyBasis is the transfer basis the agreements' DPAs name; it only
	// matters (and is only set) when Sub needs a basis and states none.
	PolicyBasis string `json:"policy_basis,omitempty"`
	Entries     int    `json:"entries"`
	Agreements  int    `json:"agreements"`
	Region      Region `json:"region"`          // set by Summarise
	Flags       []Flag `json:"flags,omitempty"` // set by Summarise; AgreementID is ""
}

// Summary is one sub-processor across the portfolio, summed from tallies.
type Summary struct {
	Name       string   `json:"name"`  // the name most agreements give
	Names      []string `json:"names"` // every spelling, to look up who uses it
	OrgNumbers []string `json:"org_numbers,omitempty"`
	Countries  []string `json:"countries,omitempty"`
	Regions    []Region `json:"regions,omitempty"`
	// Agreements is how many agreements list it: the concentration. An
	// agreement listing it twice with different details counts twice.
	Agreements int `json:"agreements"`
	// Statuses counts the agreements per status.
	Statuses map[model.SubStatus]int `json:"statuses"`
	// Flagged is how many agreements' entries carry a warning or critical flag.
	Flagged int     `json:"flagged"`
	Tallies []Tally `json:"tallies"`
}

// ThirdCountries returns the codes outside the EU/EEA: the countries for
// which a transfer basis matters, and so the DPA's basis is worth reading.
func ThirdCountries() []string {
	var codes []string
	for _, c := range countries {
		if !c.Region.InEEA() {
			codes = append(codes, c.Code)
		}
	}
	return codes
}

// Summarise groups tallies into sub-processors the way Portfolio groups
// uses (same name ignoring case and legal form, or same org number), keeps
// the tallies the filter matches, and orders the result most-depended-on
// first, then by name. Each kept tally gets its region and flags.
func Summarise(tallies []Tally, f GroupFilter) []Summary {
	var kept []Tally
	for _, t := range tallies {
		t.Region = SubRegion(t.Sub)
		if (len(f.Regions) > 0 && !oneOf(t.Region, f.Regions)) || (len(f.Statuses) > 0 && !oneOf(t.Sub.Status, f.Statuses)) {
			continue
		}
		t.Flags = nil
		if t.Sub.Status != model.SubRemoved {
			t.Flags = subFlags("", &model.SubPolicy{TransferBasis: t.PolicyBasis}, t.Sub)
		}
		kept = append(kept, t)
	}
	clusters := cluster(len(kept), func(i int) []string { return identityKeys(kept[i].Sub.Name, kept[i].Sub.OrgNumber) })
	out := make([]Summary, 0, len(clusters))
	for _, idx := range clusters {
		s := Summary{Statuses: map[model.SubStatus]int{}}
		names := map[string]int{}
		for _, i := range idx {
			t := kept[i]
			s.Tallies = append(s.Tallies, t)
			names[t.Sub.Name] += t.Agreements
			s.Names = appendNew(s.Names, t.Sub.Name)
			s.OrgNumbers = appendNew(s.OrgNumbers, t.Sub.OrgNumber)
			s.Countries = appendNew(s.Countries, t.Sub.Country)
			s.Regions = appendNew(s.Regions, t.Region)
			s.Agreements += t.Agreements
			s.Statuses[t.Sub.Status] += t.Agreements
			if slices.ContainsFunc(t.Flags, func(f Flag) bool { return f.Severity != SeverityInfo }) {
				s.Flagged += t.Agreements
			}
		}
		for _, n := range s.Names { // first spelling wins a tie
			if names[n] > names[s.Name] {
				s.Name = n
			}
		}
		out = append(out, s)
	}
	slices.SortStableFunc(out, func(a, b Summary) int { return byConcentration(a.Agreements, b.Agreements, a.Name, b.Name) })
	return out
}
