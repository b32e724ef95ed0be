package subproc

import (
	"encoding/csv"
	"io"

	"avtal/model"
)

// RowsOf returns a register's sub-processors as list rows, leaving out the
// removed ones (they are no longer on the list).
func RowsOf(subs []model.SubProcessor) []Row {
	rows := make([]Row, 0, len(subs))
	for _, s := range subs {
		if s.Status != model.SubRemoved {
			rows = append(rows, Row{Name: s.Name, OrgNumber: s.OrgNumber, Country: s.Country, Region: s.Region, Purpose: s.Purpose})
		}
	}
	return rows
}

// WriteCSV writes rows as comma-separated values under the header
// name,org_number,country,region,purpose: the format ParseList reads, so an
// exported register can be compared with a supplier's list or read back.
// Cells that would start a formula are guarded (see SafeRecord).
func WriteCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(columnNames[:]); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(SafeRecord(r.Name, r.OrgNumber, r.Country, r.Region, r.Purpose)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
