package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/subproc"
)

func TestSubTalliesAndUses(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	acme := model.SubProcessor{Name: "Acme Inc", Country: "US", Status: model.SubApproved}
	var list []*model.Agreement
	// a1..a3 name standard contractual clauses in their DPA, a4 names
	// nothing; a5 lists Acme as removed.
	for i := 1; i <= 5; i++ {
		a := sampleAgreement(fmt.Sprintf("a%d", i), "Supplier AB")
		a.Subs = append(a.Subs, acme)
		if i <= 3 {
			a.SubPolicy = &model.SubPolicy{TransferBasis: "EU SCC"}
		}
		if i == 5 {
			a.Subs[1].Status = model.SubRemoved
		}
		list = append(list, a)
	}
	if err := s.PutAgreements(ctx, list, false); err != nil {
		t.Fatal(err)
	}
	tallies, err := s.SubTallies(ctx, subproc.ThirdCountries())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, tl := range tallies {
		got[fmt.Sprintf("%s|%s|%s", tl.Sub.Name, tl.Sub.Status, tl.PolicyBasis)] = tl.Agreements
	}
	// FourEdge (SE) is in every agreement and needs no basis, so its count
	// is not split; Acme splits 3 (SCC) + 1 (none) + 1 removed.
	want := map[string]int{
		"FourEdge AB|approved|":    5,
		"Acme Inc|approved|EU SCC": 3,
		"Acme Inc|approved|":       1,
		"Acme Inc|removed|":        1,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("tallies = %v, want %v", got, want)
	}

	// Who uses Acme, two at a time: a1 a2 | a3 a4 | a5.
	var ids []string
	for after := (UseKey{}); ; {
		page, err := s.SubUses(ctx, UseQuery{Names: []string{"Acme Inc"}}, after, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, u := range page {
			ids = append(ids, u.Key.AgreementID)
		}
		after = page[len(page)-1].Key
	}
	if strings.Join(ids, " ") != "a1 a2 a3 a4 a5" {
		t.Errorf("uses of Acme = %v", ids)
	}
	approved, err := s.SubUses(ctx, UseQuery{Names: []string{"Acme Inc"}, Statuses: []model.SubStatus{model.SubApproved}, Countries: []string{"US"}}, UseKey{}, 10)
	if err != nil || len(approved) != 4 || approved[0].Title != "Supplier AB SaaS" || approved[0].Sub.Country != "US" {
		t.Errorf("approved uses in the US = %+v, %v", approved, err)
	}
	all, _ := s.SubUses(ctx, UseQuery{}, UseKey{}, 100)
	if len(all) != 10 {
		t.Errorf("every entry: %d, want 10", len(all))
	}
}

// The queries that run against the whole register must use their indexes.
func TestPortfolioQueriesUseIndexes(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	// query → what its plan must contain
	plans := map[string]string{
		`SELECT name, org_number, country, status, transfer_basis, count(*), count(DISTINCT agreement_id)
			FROM subprocessors GROUP BY name, org_number, country, status, transfer_basis`: "COVERING INDEX subprocessors_tally",
		"SELECT id FROM sub_notices n WHERE n.verdict = '' ORDER BY n.received, n.id": "INDEX sub_notices_open",
		`SELECT s.agreement_id FROM subprocessors s JOIN agreements a ON a.id = s.agreement_id
			WHERE (s.agreement_id, s.position) > ('', 0) AND s.name IN (SELECT value FROM json_each('["Acme"]'))
			ORDER BY s.agreement_id, s.position LIMIT 10`: "(name=?)",
	}
	for q, want := range plans {
		rows, err := s.read.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			rows.Scan(&id, &parent, &unused, &detail)
			plan = append(plan, detail)
		}
		rows.Close()
		if !strings.Contains(strings.Join(plan, "; "), want) {
			t.Errorf("the plan of %s lacks %s: %v", q, want, plan)
		}
	}
}
