package store

import (
	"context"
	"encoding/json"

	"avtal/model"
	"avtal/model/subproc"
)

// SubTallies counts the sub-processor entries of the whole register in one
// GROUP BY over the subprocessors_tally index: by name, org number,
// country, status and own transfer basis. Entries in thirdCountries that
// state no basis of their own are also split by the transfer basis their
// agreement's DPA names, which is read only for them.
func (s *Store) SubTallies(ctx context.Context, thirdCountries []string) ([]subproc.Tally, error) {
	codes, _ := json.Marshal(thirdCountries)
	rows, err := s.read.QueryContext(ctx, `SELECT s.name, s.org_number, s.country, s.status, s.transfer_basis,
			CASE WHEN s.transfer_basis = '' AND s.country IN (SELECT value FROM json_each(?))
				THEN (SELECT coalesce(json_extract(a.data, '$.subprocessor_policy.transfer_basis'), '') FROM agreements a WHERE a.id = s.agreement_id)
				ELSE '' END AS policy_basis,
			count(*), count(DISTINCT s.agreement_id)
		FROM subprocessors s
		GROUP BY s.name, s.org_number, s.country, s.status, s.transfer_basis, policy_basis`, string(codes))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []subproc.Tally
	for rows.Next() {
		var t subproc.Tally
		if err := rows.Scan(&t.Sub.Name, &t.Sub.OrgNumber, &t.Sub.Country, &t.Sub.Status, &t.Sub.TransferBasis,
			&t.PolicyBasis, &t.Entries, &t.Agreements); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// UseQuery selects sub-processor entries across the register; an empty
// list selects all.
type UseQuery struct {
	Names     []string // exact names, as a Summary lists them
	Countries []string
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
			s.name, s.org_number, s.country, s.purpose, s.clause, s.status, s.transfer_basis, s.since
		FROM subprocessors s JOIN agreements a ON a.id = s.agreement_id
		WHERE (s.agreement_id, s.position) > (?, ?)`
	args := []any{after.AgreementID, after.Position}
	// Only the filters in use go into the query, so the planner can use
	// the name index.
	for _, f := range []struct {
		column string
		values any
		n      int
	}{{"s.name", q.Names, len(q.Names)}, {"s.country", q.Countries, len(q.Countries)}, {"s.status", q.Statuses, len(q.Statuses)}} {
		if f.n > 0 {
			list, _ := json.Marshal(f.values)
			query += " AND " + f.column + " IN (SELECT value FROM json_each(?))"
			args = append(args, string(list))
		}
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
			&sp.Name, &sp.OrgNumber, &sp.Country, &sp.Purpose, &sp.Clause, &sp.Status, &sp.TransferBasis, &since); err != nil {
			return nil, err
		}
		if err := sp.Since.UnmarshalText([]byte(since)); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}
