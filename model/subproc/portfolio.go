package subproc

import (
	"cmp"
	"slices"
	"strings"

	"avtal/model"
)

// Use is one agreement's use of a sub-processor.
type Use struct {
	AgreementID    string             `json:"agreement_id"`
	AgreementTitle string             `json:"agreement_title"`
	Supplier       string             `json:"supplier"`
	Sub            model.SubProcessor `json:"subprocessor"`
	Region         Region             `json:"region"`
	Flags          []Flag             `json:"flags,omitempty"`
}

// Group is one sub-processor across the portfolio with every agreement that
// depends on it, so a reviewer sees concentration (who depends on Microsoft).
type Group struct {
	Name       string   `json:"name"`                  // the name most uses give
	OrgNumbers []string `json:"org_numbers,omitempty"` // as written, distinct
	Countries  []string `json:"countries,omitempty"`   // distinct codes
	Regions    []Region `json:"regions,omitempty"`     // distinct regions
	Agreements []string `json:"agreements"`            // distinct agreement ids; len is the concentration
	Uses       []Use    `json:"uses"`
	Flags      []Flag   `json:"flags,omitempty"`
}

// GroupFilter keeps the uses whose region and status are among those
// given; an empty list keeps all.
type GroupFilter struct {
	Regions  []Region          `json:"regions,omitempty"`
	Statuses []model.SubStatus `json:"statuses,omitempty"`
}

// Apply returns the groups with only the matching uses, leaving out groups
// with none and recounting agreements, countries and flags.
func (f GroupFilter) Apply(groups []Group) []Group {
	var uses []Use
	for _, g := range groups {
		for _, u := range g.Uses {
			if (len(f.Regions) == 0 || oneOf(u.Region, f.Regions)) && (len(f.Statuses) == 0 || oneOf(u.Sub.Status, f.Statuses)) {
				uses = append(uses, u)
			}
		}
	}
	return groupUses(uses)
}

// groupUses joins uses that share a name key or an organisation number
// and summarises each group.
func groupUses(uses []Use) []Group {
	clusters := cluster(len(uses), func(i int) []string { return identityKeys(uses[i].Sub.Name, uses[i].Sub.OrgNumber) })
	groups := make([]Group, 0, len(clusters))
	for _, idx := range clusters {
		members := make([]Use, len(idx))
		for j, i := range idx {
			members[j] = uses[i]
		}
		groups = append(groups, summarise(members))
	}
	slices.SortStableFunc(groups, func(a, b Group) int {
		return byConcentration(len(a.Agreements), len(b.Agreements), a.Name, b.Name)
	})
	return groups
}

// byConcentration orders the most-depended-on sub-processor first, then
// by name.
func byConcentration(agreementsA, agreementsB int, nameA, nameB string) int {
	if c := cmp.Compare(agreementsB, agreementsA); c != 0 {
		return c
	}
	return cmp.Compare(strings.ToLower(nameA), strings.ToLower(nameB))
}

// summarise builds a group from its uses.
func summarise(uses []Use) Group {
	g := Group{Uses: uses}
	names := map[string]int{}
	for _, u := range uses {
		names[u.Sub.Name]++
		if names[u.Sub.Name] > names[g.Name] {
			g.Name = u.Sub.Name
		}
		g.OrgNumbers = appendNew(g.OrgNumbers, u.Sub.OrgNumber)
		g.Countries = appendNew(g.Countries, u.Sub.Country)
		g.Regions = appendNew(g.Regions, u.Region)
		g.Agreements = appendNew(g.Agreements, u.AgreementID)
		g.Flags = append(g.Flags, u.Flags...)
	}
	return g
}

// appendNew appends v unless it is empty or already present.
func appendNew[T comparable](list []T, v T) []T {
	var zero T
	if v == zero || oneOf(v, list) {
		return list
	}
	return append(list, v)
}
