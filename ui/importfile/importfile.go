// Package importfile imports one agreement document (.txt, .md, .html, .docx or
// .pdf) into the register, for the CLI and the TUI alike: it reads the file
// within the size docread accepts, reads its clauses (model/docimport), stores
// them (store.ImportDocuments) while it analyses them, and says in the
// user's language what was done or what was wrong with the file.
package importfile

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"avtal/model"
	"avtal/model/clausediff"
	"avtal/model/docimport"
	"avtal/model/docparse"
	"avtal/model/docread"
	"avtal/store"
	"avtal/ui/i18n"
)

// Extensions are the document types Import reads.
var Extensions = []string{".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"}

// IsDocument reports whether path names a document Import reads (by its
// extension; the content decides the format in the end).
func IsDocument(path string) bool {
	return slices.Contains(Extensions, strings.ToLower(filepath.Ext(path)))
}

// Outcome is what an import of one file did.
type Outcome struct {
	File    string
	Skipped []docparse.Skip
	// Unstructured says the file showed no clauses: its text is one clause.
	Unstructured bool
	store.ImportResult
}

// Import reads the document at path and stores it: as a new draft agreement
// when agreementID is "", else as a new version of that agreement's
// documents. A file that cannot be read or holds no clauses fails with one
// message, in lang, naming the file and the problem; nothing is written then.
func Import(ctx context.Context, st *store.Store, lang i18n.Lang, path, agreementID string) (Outcome, error) {
	data, err := read(path)
	if err != nil {
		return Outcome{}, explain(lang, path, err)
	}
	plan, err := docimport.Read(path, data)
	if err != nil {
		return Outcome{}, explain(lang, path, err)
	}
	// The plan is analysed (tags, proposals) while the store writes its
	// clauses, and it is done when Import returns.
	analysed := plan.StartAnalysis()
	defer func() { <-analysed.Done() }()
	res, err := st.ImportDocuments(ctx, store.ImportRequest{AgreementID: agreementID, Source: filepath.Base(path), Plan: plan, Analysed: analysed})
	if errors.Is(err, store.ErrNotFound) {
		return Outcome{}, &Error{Msg: lang.T("cli.not_found", agreementID), Err: err}
	}
	if err != nil {
		return Outcome{}, fmt.Errorf("%s: %w", path, err)
	}
	return Outcome{File: path, Skipped: plan.Skipped, Unstructured: plan.Unstructured, ImportResult: res}, nil
}

// read returns the bytes of the file at path, refusing a folder and a file
// larger than docread accepts before reading it into memory.
func read(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, errIsDir
	}
	// Read into a buffer of the file's size (and room for the read that
	// finds its end), not one grown and copied as it fills.
	buf := bytes.NewBuffer(make([]byte, 0, min(info.Size(), docread.MaxInput+1)+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, docread.MaxInput+1)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if len(data) > docread.MaxInput {
		return nil, docread.ErrTooLarge
	}
	return data, nil
}

var errIsDir = errors.New("a folder")

// Error is a problem with an import put in the user's words; errors.Is
// still finds its cause (os.ErrNotExist, docread.ErrEmpty,
// store.ErrNotFound …).
type Error struct {
	Msg string
	Err error
}

func (e *Error) Error() string { return e.Msg }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// problems maps what can be wrong with a file to its message.
var problems = []i18n.Problem{
	{Err: os.ErrNotExist, Key: "import.err.missing"},
	{Err: os.ErrPermission, Key: "import.err.permission"},
	{Err: errIsDir, Key: "import.err.folder"},
	{Err: docread.ErrEmpty, Key: "import.err.empty"},
	{Err: docread.ErrBinary, Key: "import.err.binary"},
	{Err: docread.ErrNoText, Key: "import.err.no_text"},
	{Err: docread.ErrEncrypted, Key: "import.err.encrypted"},
	{Err: docread.ErrUnsupported, Key: "import.err.unsupported"},
	{Err: docread.ErrDamaged, Key: "import.err.damaged"},
	{Err: docread.ErrTooLarge, Key: "import.err.too_large"},
}

// explain turns a problem with the file at path into one line naming the
// file. What a reader found out beyond the problem ("not a zip archive")
// follows in brackets, in lang too.
func explain(lang i18n.Lang, path string, err error) error {
	msg, ok := lang.Word(err, problems, path)
	if !ok {
		return fmt.Errorf("%s: %w", path, err)
	}
	var d *docread.Detail
	if errors.As(err, &d) {
		msg += " (" + lang.T("import.detail."+d.Key, d.Args...) + ")"
	}
	return &Error{Msg: msg, Err: err}
}

// Summary says in one line what the import did: "Imported Centuri SaaS as
// centuri-saas: 4 documents, 245 clauses; skipped 12 lines (page header or
// footer 5, before the first clause 7); 13 proposals to review".
func Summary(lang i18n.Lang, o Outcome) string {
	var b strings.Builder
	if o.Created {
		b.WriteString(lang.T("import.created", o.Title, o.AgreementID))
	} else {
		b.WriteString(lang.T("import.versioned", o.Title, o.AgreementID))
	}
	b.WriteString(lang.T("import.counts", lang.Count("import.documents", len(o.Documents)), lang.Count("detail.clauses", o.Clauses())))
	var diff []clausediff.Change
	for _, d := range o.Documents {
		diff = append(diff, d.Diff...)
	}
	if replaced := slices.ContainsFunc(o.Documents, func(d store.ImportedDocument) bool { return d.Replaces != nil }); replaced {
		b.WriteString(lang.T("import.diff", len(clausediff.Numbers(diff, clausediff.Changed)),
			len(clausediff.Numbers(diff, clausediff.Added)), len(clausediff.Numbers(diff, clausediff.Removed))))
		b.WriteString(carriedText(lang, o.Documents))
	}
	if o.Unstructured {
		b.WriteString(lang.T("import.unstructured"))
	}
	if len(o.Skipped) > 0 {
		b.WriteString(lang.T("import.skipped", lang.Count("import.lines", len(o.Skipped)), skipReasons(lang, o.Skipped)))
	}
	if len(o.Proposals) > 0 {
		b.WriteString(lang.T("import.proposals", lang.Count("import.proposal_count", len(o.Proposals))))
	}
	return b.String()
}

// carriedText says what the new versions took over from the old ones:
// "; carried 3 tags and 2 notes (1 on a changed clause); 1 note left on
// the old version"; "" when the old versions had neither.
func carriedText(lang i18n.Lang, docs []store.ImportedDocument) string {
	var sum docimport.Carried
	for _, d := range docs {
		if c := d.Carried; c != nil {
			sum.Tags, sum.Notes, sum.ChangedNotes, sum.NotCarried = sum.Tags+c.Tags, sum.Notes+c.Notes,
				sum.ChangedNotes+c.ChangedNotes, sum.NotCarried+c.NotCarried
		}
	}
	var out string
	if sum.Tags+sum.Notes > 0 {
		out = lang.T("import.carried", sum.Tags, sum.Notes)
	}
	if sum.ChangedNotes > 0 {
		out += lang.T("import.carried_changed", sum.ChangedNotes)
	}
	if sum.NotCarried > 0 {
		out += lang.T("import.not_carried", sum.NotCarried)
	}
	return out
}

// skipReasons counts the skipped lines by reason: "page header or footer 5,
// before the first clause 7".
func skipReasons(lang i18n.Lang, skipped []docparse.Skip) string {
	var order []docparse.Reason
	counts := map[docparse.Reason]int{}
	for _, s := range skipped {
		if counts[s.Reason] == 0 {
			order = append(order, s.Reason)
		}
		counts[s.Reason]++
	}
	parts := make([]string, len(order))
	for i, r := range order {
		parts[i] = fmt.Sprintf("%s %d", ReasonText(lang, r), counts[r])
	}
	return strings.Join(parts, ", ")
}

// reasonKeys are the catalogue keys of the reasons docparse skips a line.
var reasonKeys = map[docparse.Reason]string{
	docparse.SkipFurniture: "import.skip.furniture",
	docparse.SkipContents:  "import.skip.contents",
}

// ReasonText says why a line was skipped, in lang.
func ReasonText(lang i18n.Lang, r docparse.Reason) string {
	if k, ok := reasonKeys[r]; ok {
		return lang.T(k)
	}
	return string(r)
}

// Which names a proposal by its kind and, when it has one, its clause:
// "deadline rule, clause 1.2", or "supplier" for one found in a preamble.
func Which(lang i18n.Lang, p store.ProposalRow) string {
	kind := lang.T("proposal." + string(p.Kind))
	if p.Clause == "" {
		return kind
	}
	return lang.T("proposals.which", kind, p.Clause)
}

// Describe says in a few words what accepting a proposal would add:
// "Termination notice 6 months before the cancel-by date", "< 99.5 % →
// 10 %; < 99 % → 25 %" ("Pro: < 99.9 % → 10 %" for one plan of several), "Exempel AB (SE)", "8.6.6 removed", "36 months,
// renews by 12 months, 3 months notice", "Moln AB, org. no. 556000-0000",
// "Signed: 2024-01-01" — periods and words in the language.
func Describe(lang i18n.Lang, p store.ProposalRow) string {
	switch {
	case p.Rule != nil:
		return RuleWords(lang, *p.Rule)
	case len(p.Tiers) > 0:
		parts := make([]string, len(p.Tiers))
		for i, t := range p.Tiers {
			parts[i] = fmt.Sprintf("< %g %% → %g %%", t.Below, t.CreditPct)
		}
		if p.Plan != "" {
			return p.Plan + ": " + strings.Join(parts, "; ")
		}
		return strings.Join(parts, "; ")
	case p.Sub != nil:
		where := cmp.Or(p.Sub.Country, p.Sub.Region)
		if where == "" {
			return p.Sub.Name
		}
		return p.Sub.Name + " (" + where + ")"
	case p.Amendment != nil:
		return lang.T("proposal.amendment."+string(p.Amendment.Kind), p.Amendment.Target)
	case p.Term != nil:
		return TermWords(lang, *p.Term)
	case p.Supplier != nil:
		if p.Supplier.OrgNumber == "" {
			return p.Supplier.Name
		}
		return lang.T("proposals.supplier_org", p.Supplier.Name, p.Supplier.OrgNumber)
	case p.Field != nil:
		return lang.T("proposals.field", lang.T("field."+p.Field.Name), FieldValueWords(lang, p.Field.Name, p.Field.Value))
	}
	return p.Reason
}

// RuleWords says a deadline rule in words: "Termination notice 1 month
// before the cancel-by date", "Breach notification due 48 hours after the
// supplier learns of a breach".
func RuleWords(lang i18n.Lang, r model.Rule) string {
	kind := lang.T("dl." + string(r.Kind))
	switch {
	case r.Anchor == model.AnchorYearly:
		return lang.T("proposals.rule_yearly", kind, r.On)
	case r.Offset.IsZero():
		return lang.T("proposals.rule_at", kind, anchorWords(lang, r))
	case r.Before:
		return lang.T("proposals.rule_before", kind, r.Offset, anchorWords(lang, r))
	}
	return lang.T("proposals.rule_after", kind, r.Offset, anchorWords(lang, r))
}

// anchorWords says what a rule counts from; an event without words of its
// own is named as recorded.
func anchorWords(lang i18n.Lang, r model.Rule) string {
	if e := r.Anchor.Event(); e != "" {
		if k := "anchor.event." + e; i18n.Has(k) {
			return lang.T(k)
		}
		return lang.T("anchor.event", strings.ReplaceAll(e, "_", " "))
	}
	if r.Anchor == model.AnchorDate {
		return lang.T("anchor.date", r.On)
	}
	return lang.T("anchor." + string(r.Anchor))
}

// TermWords says a term in words: "36 months, renews by 12 months,
// 3 months notice", "until further notice, 1 month notice".
func TermWords(lang i18n.Lang, t model.Term) string {
	var parts []string
	switch {
	case t.Indefinite:
		parts = append(parts, lang.T("proposals.term_indefinite"))
	case !t.Initial.IsZero():
		parts = append(parts, lang.T("proposals.term_initial", t.Initial))
	}
	if !t.Renewal.IsZero() {
		parts = append(parts, lang.T("proposals.term_renewal", t.Renewal))
	}
	if !t.Notice.IsZero() {
		parts = append(parts, lang.T("proposals.term_notice", t.Notice))
	}
	return strings.Join(parts, ", ")
}

// FieldValueWords writes a field's value in the language where it has
// words of its own (a kind, a status), else as it is.
func FieldValueWords(lang i18n.Lang, field, value string) string {
	if k := field + "." + value; (field == "kind" || field == "status") && i18n.Has(k) {
		return lang.T(k)
	}
	return value
}
