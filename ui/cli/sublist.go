package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"avtal/model"
	"avtal/model/subproc"
	"avtal/store"
)

// compareResult is `avtal subprocessors import --json`.
type compareResult struct {
	AgreementID string           `json:"agreement_id"`
	File        string           `json:"file"`
	Rows        int              `json:"rows"`
	Changes     []subproc.Change `json:"changes"`
	Received    model.Date       `json:"received"`
	Applied     bool             `json:"applied"`
	NoticeIDs   []int64          `json:"notice_ids"`
}

// compareList compares a supplier's list (CSV or a pasted table in a file)
// with an agreement's register and, with --apply, records the differences
// as change notices received on --received (today by default). A list
// that does not parse writes nothing.
func compareList(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "")
	apply := fs.Bool("apply", false, "")
	receivedFlag := fs.String("received", "", "")
	return func(ctx context.Context, env *Env, pos []string) error {
		if len(pos) != 2 {
			return &UsageError{Msg: env.Lang.T("subcli.needs_id_file")}
		}
		id, file := pos[0], pos[1]
		received := model.DateOf(env.Now())
		if *receivedFlag != "" {
			var err error
			if received, err = model.ParseDate(*receivedFlag); err != nil {
				return fmt.Errorf("--received: %w", err)
			}
		}
		a, err := loadAgreement(ctx, env, id)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		rows, err := subproc.ParseList(string(data))
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		res := compareResult{AgreementID: a.ID, File: file, Rows: len(rows), Changes: subproc.Diff(a.Subs, rows), Received: received, NoticeIDs: []int64{}}
		if res.Changes == nil {
			res.Changes = []subproc.Change{}
		}
		if *apply && len(res.Changes) > 0 {
			if res.NoticeIDs, err = env.Store.RecordNotices(ctx, a.ID, subproc.Notices(res.Changes, received)); err != nil {
				return err
			}
			res.Applied = true
		}
		if *asJSON {
			return writeJSON(env.Stdout, res)
		}
		t := env.Lang.T
		for _, c := range res.Changes {
			fmt.Fprintln(env.Stdout, env.Lang.Change(c))
		}
		switch {
		case len(res.Changes) == 0:
			fmt.Fprintln(env.Stdout, t("subprocs.compare.same", res.Rows))
		case res.Applied:
			fmt.Fprintln(env.Stdout, t("subcli.applied", len(res.NoticeIDs), received))
		default:
			fmt.Fprintln(env.Stdout, t("subcli.apply_hint", len(res.Changes), received))
		}
		return nil
	}
}

// exportSubs writes a register (or every register, with an agreement_id
// column first) as the CSV that `subprocessors import` reads.
func exportSubs(fs *pflag.FlagSet) runFunc {
	fs.Bool("csv", true, "") // CSV is the only format; the flag says so in scripts
	return func(ctx context.Context, env *Env, pos []string) error {
		if len(pos) == 0 {
			return exportAll(ctx, env.Store, env.Stdout)
		}
		a, err := loadAgreement(ctx, env, pos[0])
		if err != nil {
			return err
		}
		return subproc.WriteCSV(env.Stdout, subproc.RowsOf(a.Subs))
	}
}

// exportAll writes every entry in use, a page at a time, each cell guarded
// against running as a formula like WriteCSV's.
func exportAll(ctx context.Context, st *store.Store, w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"agreement_id", "name", "org_number", "country", "region", "purpose"})
	inUse := []model.SubStatus{model.SubApproved, model.SubProposed, model.SubObjected}
	for after := (store.UseKey{}); ; {
		page, err := st.SubUses(ctx, store.UseQuery{Statuses: inUse}, after, 500)
		if err != nil {
			return err
		}
		if len(page) == 0 {
			break
		}
		for _, u := range page {
			cw.Write(subproc.SafeRecord(u.Key.AgreementID, u.Sub.Name, u.Sub.OrgNumber, u.Sub.Country, u.Sub.Region, u.Sub.Purpose))
		}
		after = page[len(page)-1].Key
	}
	cw.Flush()
	return cw.Error()
}
