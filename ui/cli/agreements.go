package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/model/yamlreg"
	"avtal/store"
	"avtal/ui/importfile"
	"avtal/ui/session"
)

// listItem is one agreement in `avtal list --json`.
type listItem struct {
	ID       string       `json:"id"`
	Title    string       `json:"title"`
	Kind     model.Kind   `json:"kind"`
	Status   model.Status `json:"status"`
	Supplier string       `json:"supplier"`
	Parent   string       `json:"parent,omitempty"`
	termDates
}

func (it listItem) appendIndentedJSON(b []byte, prefix string) []byte {
	o := jsonObject{b: b, prefix: prefix}
	o.text("id", it.ID, false)
	o.text("title", it.Title, false)
	o.text("kind", string(it.Kind), false)
	o.text("status", string(it.Status), false)
	o.text("supplier", it.Supplier, false)
	o.text("parent", it.Parent, true)
	o.date("period_end", it.PeriodEnd)
	o.date("ends", it.Ends)
	o.date("notice_given", it.NoticeGiven)
	o.date("cancel_by", it.CancelBy)
	o.date("cancel_by_period_end", it.CancelByPeriodEnd)
	o.date("act_by", it.ActBy)
	o.texts("sample", it.Sample)
	return o.end()
}

// termDates are the computed term dates that list and show both give
// (deadlines.OutlookOn).
type termDates struct {
	PeriodEnd *model.Date `json:"period_end,omitempty"`
	// After a recorded termination: the last day it runs and when notice
	// was given; there is no cancel-by then.
	Ends        *model.Date `json:"ends,omitempty"`
	NoticeGiven *model.Date `json:"notice_given,omitempty"`
	CancelBy    *model.Date `json:"cancel_by,omitempty"`
	// CancelByPeriodEnd is the end of the period the cancel-by ends: the
	// next period's once the current one's cancel-by has passed.
	CancelByPeriodEnd *model.Date `json:"cancel_by_period_end,omitempty"`
	ActBy             *model.Date `json:"act_by,omitempty"`
	// Sample names the invented sample values these dates rest on.
	Sample []string `json:"sample,omitempty"`
}

// termFacts are the term dates of `avtal show`, with the current period's
// start and the cancel-by arithmetic.
type termFacts struct {
	PeriodStart *model.Date `json:"period_start,omitempty"`
	termDates
	Explanation string `json:"explanation,omitempty"`
	// DatesLack names the fields without which no term dates can be
	// counted (model.Agreement.DatesLack).
	DatesLack []string `json:"dates_lack,omitempty"`

	ending, cancelFor string // the two in words, for the text output
}

// computeTerm finds the term dates of `avtal show` on today, given the day
// notice of termination was given (zero when none), explained in the
// session's language.
func computeTerm(env *Env, a *model.Agreement, terminated, today model.Date) termFacts {
	o := deadlines.OutlookOn(a, terminated, today)
	f := termFacts{termDates: datesOf(o), Explanation: o.Explain(a, env.Lang.Model()), DatesLack: a.DatesLack(),
		ending: env.Lang.Ending(o), cancelFor: env.Lang.CancelFor(o)}
	if o.HasPeriod {
		f.PeriodStart = &o.Period.Start
	}
	return f
}

// datesOf are the term dates of an outlook.
func datesOf(o deadlines.Outlook) termDates {
	some := func(d model.Date) *model.Date {
		if d.IsZero() {
			return nil
		}
		return &d
	}
	f := termDates{Sample: o.Sample}
	if o.HasPeriod {
		f.PeriodEnd = &o.Period.End
	}
	f.Ends, f.NoticeGiven, f.CancelBy, f.ActBy = some(o.Ends), some(o.NoticeGiven), some(o.CancelBy), some(o.ActBy)
	if f.CancelBy != nil {
		f.CancelByPeriodEnd = &o.Cancels.End
	}
	return f
}

// listPage is how many agreements `avtal list` (and deadlines `avtal
// deadlines`) reads at a time; each page is written out while the next is
// read. A variable for the tests.
var listPage = 500

// listSorts are the columns `avtal list --sort` sorts by, as the
// register pane's s does.
var listSorts = map[string]store.ListSort{"supplier": store.BySupplier, "title": store.ByTitle, "status": store.ByStatus, "end": store.ByEnd, "cancel-by": store.ByCancelBy}

func list(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "")
	sortBy := fs.String("sort", "", "")
	return func(ctx context.Context, env *Env, _ []string) error {
		by, ok := listSorts[*sortBy]
		if !ok && *sortBy != "" {
			return &UsageError{Msg: env.Lang.T("cli.bad_list_sort", *sortBy)}
		}
		order := session.ListOrder(by, env.Lang)
		today := model.DateOf(env.Now())
		t := env.Lang.T
		out := newRowWriter(env.Stdout, *asJSON, []string{"ID", t("col.supplier"), t("col.title"), t("col.kind"),
			t("col.status"), t("col.period_end"), t("col.next")}, t("cli.empty_register"))
		err := env.Store.ListPagesBy(ctx, order, listPage, func(page []store.Listed) error {
			for _, r := range page {
				a := &r.Agreement
				o := deadlines.OutlookOn(a, r.Terminated, today)
				if *asJSON {
					out.item(listItem{ID: a.ID, Title: a.Title, Kind: a.Kind, Status: a.Status, Supplier: a.Supplier.Name,
						Parent: r.Parent, termDates: datesOf(o)})
					continue
				}
				// Sanitised here too, not only by the output writer, so
				// that the columns line up however hostile a title.
				title := session.Sanitize(a.Title)
				if r.Parent != "" && order.By == store.OwnOrder { // sorted by a column, a call-off is not drawn under its framework
					title = "└ " + title
				}
				out.row(a.ID, session.Sanitize(importfile.FieldValueWords(env.Lang, "supplier.name", a.Supplier.Name)), title, t("kind."+string(a.Kind)),
					t("status."+string(a.Status)), textOr(env.Lang.Ending(o), periodEnd(o)), textOr(env.Lang.CancelFor(o), "—"))
			}
			return out.flush()
		})
		if err != nil {
			return err
		}
		return out.close()
	}
}

func textOr(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

func dateOr(d *model.Date, none string) string {
	if d == nil {
		return none
	}
	return d.String()
}

// periodEnd is the end of the period an outlook's day is in, "—" when
// there is none.
func periodEnd(o deadlines.Outlook) string {
	if !o.HasPeriod {
		return "—"
	}
	return o.Period.End.String()
}

// showResult is `avtal show --json`.
type showResult struct {
	Agreement *model.Agreement `json:"agreement"`
	Term      termFacts        `json:"term_dates"`
	Related   []model.Relation `json:"related"`
}

func show(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "")
	return func(ctx context.Context, env *Env, pos []string) error {
		if len(pos) != 1 {
			return &UsageError{Msg: env.Lang.T("cli.needs_id", "show")}
		}
		a, err := env.Store.Agreement(ctx, pos[0])
		if errors.Is(err, store.ErrNotFound) {
			return errors.New(env.Lang.T("cli.not_found", pos[0]))
		}
		if err != nil {
			return err
		}
		related, err := env.Store.Related(ctx, a.ID)
		if err != nil {
			return err
		}
		terminated, err := env.Store.Terminated(ctx, a.ID)
		if err != nil {
			return err
		}
		res := showResult{Agreement: a, Term: computeTerm(env, a, terminated, model.DateOf(env.Now())), Related: related}
		if res.Related == nil {
			res.Related = []model.Relation{}
		}
		if *asJSON {
			return writeJSON(env.Stdout, res)
		}
		return writeShow(env, res)
	}
}

func writeShow(env *Env, r showResult) error {
	a, t := r.Agreement, env.Lang.T
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	row := func(label, value string) {
		if value != "" {
			fmt.Fprintf(tw, "%s\t%s\n", label, session.Sanitize(value))
		}
	}
	row("ID", a.ID)
	row(t("col.title"), a.Title)
	row(t("col.kind"), t("kind."+string(a.Kind)))
	row(t("col.status"), t("status."+string(a.Status)))
	row(t("detail.supplier"), importfile.PartyWords(env.Lang, a.Supplier))
	row(t("detail.customer"), importfile.PartyWords(env.Lang, a.Customer))
	row(t("detail.signed"), a.Signed.String())
	row(t("detail.effective"), a.Effective.String())
	row(t("detail.start"), a.Start.String())
	if a.Term.Indefinite {
		row(t("detail.term"), t("indefinite"))
	} else {
		row(t("detail.initial"), a.Term.Initial.In(env.Lang.Model()))
		row(t("detail.renewal"), a.Term.Renewal.In(env.Lang.Model()))
	}
	row(t("detail.notice"), a.Term.Notice.In(env.Lang.Model()))
	if r.Term.PeriodEnd != nil {
		row(t("detail.period"), r.Term.PeriodStart.String()+" – "+r.Term.PeriodEnd.String())
	}
	row(t("detail.ends"), r.Term.ending)
	if r.Term.CancelBy != nil {
		row(t("detail.cancel_by"), r.Term.cancelFor+" ("+t("detail.act_by", r.Term.ActBy.String())+"); "+r.Term.Explanation)
	}
	row(t("detail.dates"), env.Lang.DatesLack(a))
	row(t("detail.law"), importfile.FieldValueWords(env.Lang, "governing_law", a.Law))
	row(t("detail.venue"), importfile.FieldValueWords(env.Lang, "venue", a.Venue))
	if a.Fee.Amount > 0 {
		row(t("detail.fee"), t("detail.fee_per", a.Fee.Amount.Grouped(), a.Fee.Currency, t("per."+string(a.Fee.Per))))
	}
	row(t("detail.owner"), a.Owner)
	for _, rel := range a.Relations {
		row(t("rel."+string(rel.Kind)), rel.Target)
	}
	for _, rel := range r.Related {
		row(t("detail.related"), rel.Target+" ("+t("rel."+string(rel.Kind))+")")
	}
	if len(a.Precedence.Order) > 0 {
		row(t("detail.precedence"), strings.Join(a.Precedence.Order, " > "))
	}
	for _, d := range a.Documents {
		row(t("detail.documents"), d.Name+": "+env.Lang.Count("detail.clauses", len(d.Clauses)))
	}
	return tw.Flush()
}

// importResult is `avtal import --json` for YAML files.
type importResult struct {
	Imported []string `json:"imported"`
}

// importFiles imports YAML agreements, or documents (.txt, .md, .html, .docx,
// .pdf) each as a new agreement or, one with --agreement, as a new version.
func importFiles(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "")
	replace := fs.Bool("replace", false, "")
	agreement := fs.String("agreement", "", "")
	return func(ctx context.Context, env *Env, files []string) error {
		if len(files) == 0 {
			return &UsageError{Msg: env.Lang.T("cli.needs_file", "import")}
		}
		yamls := 0
		for _, f := range files {
			if isYAML(f) {
				yamls++
			}
		}
		switch {
		case yamls == 0 && len(files) > 1 && *agreement != "":
			return &UsageError{Msg: env.Lang.T("import.agreement_one_file")}
		case yamls == 0 && len(files) > 1:
			return importDocuments(ctx, env, files, *asJSON)
		case yamls == 0:
			return importDocument(ctx, env, files[0], *agreement, *asJSON)
		case yamls < len(files):
			return &UsageError{Msg: env.Lang.T("import.mixed")}
		case *agreement != "":
			return &UsageError{Msg: env.Lang.T("import.agreement_yaml")}
		}
		return importYAML(ctx, env, files, *replace, *asJSON)
	}
}

func isYAML(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".yaml" || ext == ".yml"
}

func importYAML(ctx context.Context, env *Env, files []string, replace, asJSON bool) error {
	var yamls []yamlreg.File
	for _, f := range files {
		data, err := readYAML(env.Lang, f)
		if err != nil {
			return err
		}
		yamls = append(yamls, yamlreg.File{Name: f, Data: data})
	}
	list, err := yamlreg.DecodeAll(yamls)
	if err != nil {
		return err
	}
	if err := env.Store.PutAgreements(ctx, list, replace); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return errors.New(env.Lang.T("cli.conflict", strings.TrimSuffix(err.Error(), ": "+store.ErrConflict.Error())))
		}
		return err
	}
	res := importResult{}
	for _, a := range list {
		res.Imported = append(res.Imported, a.ID)
	}
	if asJSON {
		return writeJSON(env.Stdout, res)
	}
	fmt.Fprintln(env.Stdout, env.Lang.T("cli.imported", len(res.Imported), strings.Join(res.Imported, ", ")))
	return nil
}

func export(fs *pflag.FlagSet) runFunc {
	dir := fs.String("yaml", "", "")
	return func(ctx context.Context, env *Env, _ []string) error {
		if *dir == "" {
			return &UsageError{Msg: env.Lang.T("cli.needs_dir")}
		}
		ids, err := env.Store.IDs(ctx)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(*dir, 0o755); err != nil {
			return err
		}
		for _, id := range ids {
			a, err := env.Store.Agreement(ctx, id)
			if err != nil {
				return err
			}
			data, err := yamlreg.Encode(a)
			if err != nil {
				return err
			}
			if err := writeFileAtomic(filepath.Join(*dir, id+".yaml"), data); err != nil {
				return err
			}
		}
		fmt.Fprintln(env.Stdout, env.Lang.T("cli.exported", len(ids), *dir))
		return nil
	}
}

// writeFileAtomic writes via a temporary file and a rename, so a crash never
// leaves half a file where a good one was.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".avtal-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
