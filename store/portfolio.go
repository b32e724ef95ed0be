package store

import (
	"context"
	"encoding/json"

	"avtal/model"
	"avtal/model/subproc"
)

// SubTallies counts the sub-processor entries of the whole register in one
// GROUP BY over the subprocessors_tally index: by name, org number,
// country, region, status and own transfer basis. Entries in thirdCountries that
// state no basis of their own are then split by the transfer basis their
// agreement's DPA names, with a second query over those entries only
// (reading sub_policies, so no agreement is parsed).
func (s *Store) SubTallies(ctx context.Context, thirdCountries []string) ([]subproc.Tally, error) {
	type key struct{ name, org, country, region, status string }
	var out []subproc.Tally
	unbased := map[key]int{} // entries without a basis of their own → index in out
	err := s.scanTallies(ctx, `SELECT name, org_number, country, region, status, transfer_basis, count(*), count(DISTINCT agreement_id)
		FROM subprocessors GROUP BY name, org_number, country, region, status, transfer_basis`, nil, func(t subproc.Tally) {
		if t.Sub.TransferBasis == "" {
			unbased[key{t.Sub.Name, t.Sub.OrgNumber, t.Sub.Country, t.Sub.Region, string(t.Sub.Status)}] = len(out)
		}
		out = append(out, t)
	})
	if err != nil {
		return nil, err
	}
	codes, _ := json.Marshal(thirdCountries)
	err = s.scanTallies(ctx, `SELECT s.name, s.org_number, s.country, s.region, s.status, p.transfer_basis, count(*), count(DISTINCT s.agreement_id)
		FROM subprocessors s JOIN sub_policies p ON p.agreement_id = s.agreement_id
		WHERE s.transfer_basis = '' AND p.transfer_basis != '' AND s.country IN (SELECT value FROM json_each(?))
		GROUP BY s.name, s.org_number, s.country, s.region, s.status, p.transfer_basis`, []any{string(codes)}, func(t subproc.Tally) {
		// Each agreement has one policy, so the split counts add up to the
		// entry's: what is left states no basis anywhere.
		i, ok := unbased[key{t.Sub.Name, t.Sub.OrgNumber, t.Sub.Country, t.Sub.Region, string(t.Sub.Status)}]
		if !ok {
			return
		}
		out[i].Entries -= t.Entries
		out[i].Agreements -= t.Agreements
		t.PolicyBasis, t.Sub.TransferBasis = t.Sub.TransferBasis, ""
		out = append(out, t)
	})
	if err != nil {
		return nil, err
	}
	kept := out[:0]
	for _, t := range out {
		if t.Entries > 0 {
			kept = append(kept, t)
		}
	}
	return kept, nil
}

// scanTallies runs a counting query whose columns are name, org number,
// country, region, status, transfer basis, entries and agreements.
func (s *Store) scanTallies(ctx context.Context, query string, args []any, fn func(subproc.Tally)) error {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var t subproc.Tally
		if err := rows.Scan(&t.Sub.Name, &t.Sub.OrgNumber, &t.Sub.Country, &t.Sub.Region, &t.Sub.Status, &t.Sub.TransferBasis, &t.Entries, &t.Agreements); err != nil {
			return err
		}
		fn(t)
	}
	return rows.Err()
}

// UseQuery selects sub-processor entries across the register; an empty
// list selects all. Countries and Regions together select where entries
// are: an entry in one of the countries, or one that names no country and
// one of the regions ("" for neither).
type UseQuery struct {
	Names     []string // exact names, as a Summary lists them
	Countries []string
	Regions   []string
	Statuses  []model.SubStatus
}

// UseKey is where a page of uses starts: after this entry.
type UseKey struct {
	AgreementID string `json:"agreement_id"`
	Position    int    `json:"position"`
}

// SubUse is one agreement's entry for a sub-processor.
type SubUse struct {
	Key      UseKey             `json:"key"`
	Title    string             `json:"agreement_title"`
	Supplier string             `json:"supplier"`
	Sub      model.SubProcessor `json:"subprocessor"`
}

// SubUses returns up to limit entries matching q, in agreement id order,
// after the entry after (the zero key starts from the top): who depends on
// a sub-processor, a page at a time.
func (s *Store) SubUses(ctx context.Context, q UseQuery, after UseKey, limit int) ([]SubUse, error) {
	query := `SELECT s.agreement_id, s.position, a.title, a.supplier,
			s.name, s.org_number, s.country, s.region, s.purpose, s.clause, s.status, s.transfer_basis, s.since
		FROM subprocessors s JOIN agreements a ON a.id = s.agreement_id
		WHERE (s.agreement_id, s.position) > (?, ?)`
	args := []any{after.AgreementID, after.Position}
	// Only the filters in use go into the query, so the planner can use
	// the name index.
	for _, f := range []struct {
		column string
		values any
		n      int
	}{{"s.name", q.Names, len(q.Names)}, {"s.status", q.Statuses, len(q.Statuses)}} {
		if f.n > 0 {
			list, _ := json.Marshal(f.values)
			query += " AND " + f.column + " IN (SELECT value FROM json_each(?))"
			args = append(args, string(list))
		}
	}
	if len(q.Countries) > 0 || len(q.Regions) > 0 {
		countries, _ := json.Marshal(q.Countries)
		regions, _ := json.Marshal(q.Regions)
		query += ` AND (s.country IN (SELECT value FROM json_each(?))
			OR s.country = '' AND s.region IN (SELECT value FROM json_each(?)))`
		args = append(args, string(countries), string(regions))
	}
	rows, err := s.read.QueryContext(ctx, query+" ORDER BY s.agreement_id, s.position LIMIT ?", append(args, limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SubUse
	for rows.Next() {
		var u SubUse
		var since string
		sp := &u.Sub
		if err := rows.Scan(&u.Key.AgreementID, &u.Key.Position, &u.Title, &u.Supplier,
			&sp.Name, &sp.OrgNumber, &sp.Country, &sp.Region, &sp.Purpose, &sp.Clause, &sp.Status, &sp.TransferBasis, &since); err != nil {
			return nil, err
		}
		if err := sp.Since.UnmarshalText([]byte(since)); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}
