package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"avtal/model"
	"avtal/model/extract"
	"avtal/store"
	"avtal/ui/session"
)

// clauseItem is one clause in `avtal clauses --json`.
type clauseItem struct {
	ID       int64  `json:"id"`
	Document string `json:"document"`
	// Number is the clause number as printed in the document ("8.6.3", "B.1").
	Number  string `json:"number"`
	Heading string `json:"heading"`
	Body    string `json:"body"`
	// Depth is how deep the clause sits in its document's tree (0 at the
	// top) and Parent the number of the clause it sits under.
	Depth      int         `json:"depth"`
	Parent     string      `json:"parent,omitempty"`
	Superseded bool        `json:"superseded,omitempty"`
	Tags       []string    `json:"tags"`
	Notes      []noteItem  `json:"notes"`
	AmendedBy  []amendItem `json:"amended_by"`
}

type noteItem struct {
	ID      int64  `json:"id"` // for avtal note edit and note delete
	Text    string `json:"text"`
	Risk    string `json:"risk"`
	Created string `json:"created"`
	Author  string `json:"author"`
	// WrittenOn is set on a note carried from an earlier version of the
	// document: the version it was written on; ClauseChanged says the
	// clause's words changed since.
	WrittenOn     string `json:"written_on,omitempty"`
	ClauseChanged bool   `json:"clause_changed,omitempty"`
}

type amendItem struct {
	By        string `json:"by"`
	Kind      string `json:"kind"`
	Text      string `json:"text"`
	Target    string `json:"target"`
	Confirmed bool   `json:"confirmed"`
}

// agreementClauses is `avtal clauses ID`: the clause tree of an agreement.
func agreementClauses(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "")
	old := fs.Bool("old", false, "")
	full := fs.Bool("full", false, "")
	return func(ctx context.Context, env *Env, pos []string) error {
		if len(pos) != 1 {
			return &UsageError{Msg: env.Lang.T("cli.needs_id", "clauses")}
		}
		docs, err := env.Store.Clauses(ctx, pos[0], *old)
		if err != nil {
			return clauseErr(env, err, pos[0])
		}
		items := []clauseItem{}
		for _, d := range docs {
			for i, c := range d.Details {
				items = append(items, newClauseItem(d, i, c))
			}
		}
		if *asJSON {
			return writeJSON(env.Stdout, items)
		}
		if len(items) == 0 {
			fmt.Fprintln(env.Stdout, env.Lang.T("cli.no_clauses", pos[0]))
			return nil
		}
		doc := ""
		for _, it := range items {
			if it.Document != doc {
				doc = it.Document
				head := doc
				if it.Superseded {
					head += " " + env.Lang.T("clauses.old_version")
				}
				fmt.Fprintln(env.Stdout, session.Sanitize(head))
			}
			writeClauseLine(env, it, *full)
		}
		return nil
	}
}

func newClauseItem(d store.DocumentClauses, i int, c store.ClauseDetail) clauseItem {
	it := clauseItem{ID: c.ID, Document: c.Document, Number: c.Number, Heading: c.Heading, Body: c.Body,
		Superseded: c.Superseded, Tags: c.Tags, Notes: []noteItem{}, AmendedBy: []amendItem{}}
	if it.Tags == nil {
		it.Tags = []string{}
	}
	for p := d.Clauses[i].Parent; p >= 0; p = d.Clauses[p].Parent {
		if it.Depth == 0 {
			it.Parent = d.Clauses[p].Number
		}
		it.Depth++
	}
	for _, n := range c.Notes {
		it.Notes = append(it.Notes, noteOf(n))
	}
	for _, a := range c.Amendments {
		it.AmendedBy = append(it.AmendedBy, amendItem{By: a.By, Kind: a.Kind, Text: a.Text, Target: a.Target, Confirmed: a.Confirmed})
	}
	return it
}

// writeClauseLine prints a clause of the outline: number and heading
// indented by depth, then its tags, notes and amendments; with full, the
// body under it.
func writeClauseLine(env *Env, it clauseItem, full bool) {
	t := env.Lang.T
	indent := strings.Repeat("  ", it.Depth+1)
	line := indent + strings.TrimSpace(it.Number+" "+it.Heading)
	if len(it.Tags) > 0 {
		line += "  [" + strings.Join(it.Tags, ", ") + "]"
	}
	for _, a := range it.AmendedBy {
		k := "clauses.amended_by"
		if a.Kind == store.AmendRemoved {
			k = "clauses.removed_by"
		}
		line += "  (" + t(k, a.By) + ")"
	}
	if n := len(it.Notes); n > 0 {
		line += "  " + t("cli.note_count", n, t("risk."+gravest(it.Notes)))
	}
	fmt.Fprintln(env.Stdout, session.Sanitize(line))
	if full && strings.TrimSpace(it.Body) != "" {
		writeIndented(env.Stdout, indent+"    ", it.Body)
	}
	if full {
		for _, n := range it.Notes {
			origin := session.NoteOrigin(env.Lang, store.Note{WrittenOn: n.WrittenOn, Changed: n.ClauseChanged})
			if origin != "" {
				origin = " [" + origin + "]"
			}
			writeIndented(env.Stdout, indent+"    ", fmt.Sprintf("#%d %s %s (%s)%s: %s", n.ID, n.Created[:min(10, len(n.Created))], n.Author, t("risk."+n.Risk), origin, n.Text))
		}
	}
}

// gravest is the most worrying risk level among notes.
func gravest(notes []noteItem) string {
	risk := model.RiskOK
	for _, n := range notes {
		if n.Risk == model.RiskRisk || (n.Risk == model.RiskWatch && risk == model.RiskOK) {
			risk = n.Risk
		}
	}
	return risk
}

// writeIndented prints text, sanitized, each of its lines after prefix.
func writeIndented(w io.Writer, prefix, text string) {
	for _, l := range strings.Split(session.Sanitize(text), "\n") {
		fmt.Fprintln(w, prefix+l)
	}
}

// clauseErr turns the store's errors about the agreement id and its
// clauses into one line for a contract manager.
func clauseErr(env *Env, err error, id string) error {
	var ce *store.ClauseError
	switch {
	case errors.As(err, &ce) && len(ce.Documents) > 1:
		return errors.New(env.Lang.T("cli.clause_ambiguous", ce.Number, len(ce.Documents), ce.AgreementID, strings.Join(ce.Documents, ", ")))
	case errors.As(err, &ce):
		return errors.New(env.Lang.T("cli.clause_not_found", ce.Number, ce.AgreementID))
	case errors.Is(err, store.ErrNotFound):
		return errors.New(env.Lang.T("cli.not_found", id))
	}
	return err
}

// findClause resolves the ID and CLAUSE arguments of tag and note.
func findClause(ctx context.Context, env *Env, id, number, document string) (*store.ClauseDetail, error) {
	c, err := env.Store.FindClause(ctx, id, number, document)
	if err != nil {
		return nil, clauseErr(env, err, id)
	}
	return c, nil
}

func tagClause(fs *pflag.FlagSet) runFunc {
	remove := fs.Bool("remove", false, "")
	document := fs.String("document", "", "")
	return func(ctx context.Context, env *Env, pos []string) error {
		if len(pos) != 3 {
			return &UsageError{Msg: env.Lang.T("cli.needs_tag_args")}
		}
		c, err := findClause(ctx, env, pos[0], pos[1], *document)
		if err != nil {
			return err
		}
		// The store runs the rule (extract.CheckTagging) the pane's form runs.
		change, done := env.Store.AddTag, "cli.tagged"
		if *remove {
			change, done = env.Store.RemoveTag, "cli.untagged"
		}
		var refused *extract.TagError
		if err := change(ctx, c.ID, pos[2]); errors.As(err, &refused) {
			return fmt.Errorf("%s %s: %w", pos[0], c.Number, env.Lang.TagErrors(err))
		} else if err != nil {
			return err
		}
		tag, _ := extract.CheckTag(pos[2])
		fmt.Fprintln(env.Stdout, env.Lang.T(done, pos[0], c.Number, tag))
		return nil
	}
}

func noteClause(fs *pflag.FlagSet) runFunc {
	risk := fs.String("risk", model.RiskOK, "")
	document := fs.String("document", "", "")
	return func(ctx context.Context, env *Env, pos []string) error {
		if len(pos) < 3 {
			return &UsageError{Msg: env.Lang.T("cli.needs_note_args")}
		}
		level, err := model.CheckRisk(*risk)
		if err != nil {
			return &UsageError{Msg: env.Lang.T("cli.bad_risk", *risk)}
		}
		c, err := findClause(ctx, env, pos[0], pos[1], *document)
		if err != nil {
			return err
		}
		n, err := env.Store.AddNote(ctx, c.ID, strings.Join(pos[2:], " "), level)
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, env.Lang.T("cli.noted", pos[0], c.Number, env.Lang.T("risk."+level), n.ID))
		return nil
	}
}

// searchResult is `avtal search --json`.
type searchResult struct {
	Query string `json:"query"`
	// AgreementID is the agreement the search was limited to, "" for none.
	AgreementID string      `json:"agreement_id"`
	Results     []searchHit `json:"results"`
	Ignored     []string    `json:"ignored"`
	More        bool        `json:"more"`
}

// searchHit is one result: Rank is its place (1 = best), Score its BM25
// weight, Exact how many words it holds with the letters typed;
// Highlights are the byte spans of the matches in Snippet.
type searchHit struct {
	Rank        int            `json:"rank"`
	AgreementID string         `json:"agreement_id"`
	Agreement   string         `json:"agreement"`
	Document    string         `json:"document"`
	Number      string         `json:"number"`
	Heading     string         `json:"heading"`
	Snippet     string         `json:"snippet"`
	Highlights  []extract.Span `json:"highlights"`
	Score       float64        `json:"score"`
	Exact       int            `json:"exact"`
}

// searchPageSize is how many hits `avtal search` asks the store for at a
// time; each page is written out before the next is read.
const searchPageSize = 100

func search(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "")
	limit := fs.Int("limit", 20, "")
	agreement := fs.String("agreement", "", "")
	return func(ctx context.Context, env *Env, pos []string) error {
		if len(pos) == 0 || *limit < 1 {
			return &UsageError{Msg: env.Lang.T("cli.needs_query")}
		}
		out := &searchWriter{env: env, res: searchResult{Query: strings.Join(pos, " "), AgreementID: *agreement,
			Results: []searchHit{}, Ignored: []string{}}, limit: *limit}
		var after *store.SearchCursor
		for n := 0; ; {
			page, err := env.Store.SearchIn(ctx, *agreement, out.res.Query, min(*limit-n, searchPageSize), after)
			if errors.Is(err, store.ErrNotFound) {
				return errors.New(env.Lang.T("cli.not_found", *agreement))
			}
			if err != nil {
				return err
			}
			if after == nil {
				if len(page.Words) == 0 {
					return errors.New(env.Lang.T("cli.search_short", store.MinWordLen))
				}
				if err := out.begin(page.Ignored, *asJSON); err != nil {
					return err
				}
			}
			for _, h := range page.Hits {
				n++
				marks := h.Marks
				if marks == nil {
					marks = []extract.Span{}
				}
				out.add(searchHit{Rank: n, AgreementID: h.AgreementID, Agreement: h.Agreement, Document: h.Document,
					Number: h.Number, Heading: h.Heading, Snippet: h.Snippet, Highlights: marks, Score: h.Score, Exact: h.Exact})
			}
			if after = page.Next; after == nil || n >= *limit {
				return out.end(after != nil)
			}
			if err := out.flush(); err != nil {
				return err
			}
		}
	}
}

// searchWriter writes the hits of a search as its pages are read: the
// object of `avtal search --json`, or lines of text.
type searchWriter struct {
	env   *Env
	res   searchResult // all but the hits
	limit int
	hits  int
	json  *jsonArray
}

// begin starts the output once the first page said which words were left
// out.
func (w *searchWriter) begin(ignored []string, asJSON bool) error {
	if ignored != nil {
		w.res.Ignored = ignored
	}
	if !asJSON {
		return nil
	}
	head, _, err := jsonObjectAround(w.res, "results")
	if err != nil {
		return err
	}
	w.json = newJSONArray(w.env.Stdout)
	w.json.indent = "  "
	w.json.write(head)
	return nil
}

func (w *searchWriter) add(h searchHit) {
	w.hits++
	if w.json != nil {
		w.json.add(h)
		return
	}
	out := w.env.Stdout
	fmt.Fprintln(out, session.Sanitize(fmt.Sprintf("%d. %s · %s · %s", h.Rank, h.AgreementID, h.Document,
		strings.TrimSpace(h.Number+" "+h.Heading))))
	if h.Snippet != "" {
		fmt.Fprintln(out, "   "+bracketed(h.Snippet, h.Highlights))
	}
}

// flush sends the page written so far on.
func (w *searchWriter) flush() error {
	if w.json != nil {
		return w.json.flush()
	}
	if s, ok := w.env.Stdout.(sender); ok {
		return s.Send()
	}
	return nil
}

// end writes what follows the hits: whether there are more, or that there
// were none.
func (w *searchWriter) end(more bool) error {
	w.res.More = more
	if w.json != nil {
		_, tail, err := jsonObjectAround(w.res, "results")
		if err != nil {
			return err
		}
		w.json.end()
		w.json.write(tail)
		return w.json.flush()
	}
	t, out := w.env.Lang.T, w.env.Stdout
	switch {
	case w.hits == 0 && w.res.AgreementID != "":
		fmt.Fprintln(out, t("cli.no_hits_in", w.res.AgreementID, w.res.Query))
	case w.hits == 0:
		fmt.Fprintln(out, t("clauses.no_hits", w.res.Query))
	case more:
		fmt.Fprintln(out, t("cli.more_hits", w.limit))
	}
	return nil
}

// bracketed writes the matches of a snippet in [brackets], sanitizing
// each piece (the spans index the raw text).
func bracketed(s string, marks []extract.Span) string {
	var b strings.Builder
	at := 0
	for _, m := range marks {
		b.WriteString(session.Sanitize(s[at:m.Start]) + "[" + session.Sanitize(s[m.Start:m.End]) + "]")
		at = m.End
	}
	return b.String() + session.Sanitize(s[at:])
}

// compareGroup is one agreement in `avtal compare --json`.
type compareGroup struct {
	AgreementID string          `json:"agreement_id"`
	Agreement   string          `json:"agreement"`
	Clauses     []compareClause `json:"clauses"`
}

type compareClause struct {
	Document string `json:"document"`
	Number   string `json:"number"`
	Heading  string `json:"heading"`
	Body     string `json:"body"`
}

func compare(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "")
	return func(ctx context.Context, env *Env, pos []string) error {
		if len(pos) != 1 {
			return &UsageError{Msg: env.Lang.T("cli.needs_compare_tag")}
		}
		tag, err := extract.CheckTag(pos[0])
		if err != nil {
			return env.Lang.TagErrors(err)
		}
		out := []compareGroup{}
		for after := ""; ; {
			groups, err := env.Store.Compare(ctx, tag, after, 100)
			if err != nil {
				return err
			}
			for _, g := range groups {
				cg := compareGroup{AgreementID: g.AgreementID, Agreement: g.Agreement}
				for _, c := range g.Clauses {
					cg.Clauses = append(cg.Clauses, compareClause{Document: c.Document, Number: c.Number, Heading: c.Heading, Body: c.Body})
				}
				out = append(out, cg)
				after = g.SortKey
			}
			if len(groups) < 100 {
				break
			}
		}
		if *asJSON {
			return writeJSON(env.Stdout, out)
		}
		if len(out) == 0 {
			fmt.Fprintln(env.Stdout, env.Lang.T("clauses.compare_empty", tag))
			return nil
		}
		for i, g := range out {
			if i > 0 {
				fmt.Fprintln(env.Stdout)
			}
			fmt.Fprintln(env.Stdout, session.Sanitize(g.Agreement+" ("+g.AgreementID+")"))
			for _, c := range g.Clauses {
				fmt.Fprintln(env.Stdout, session.Sanitize("  "+strings.TrimSpace(c.Number+" "+c.Heading)+" · "+c.Document))
				if strings.TrimSpace(c.Body) != "" {
					writeIndented(env.Stdout, "    ", c.Body)
				}
			}
		}
		return nil
	}
}
