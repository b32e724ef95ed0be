package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"avtal/model"
	"avtal/model/clausediff"
	"avtal/model/docimport"
	"avtal/model/docparse"
	"avtal/store"
	"avtal/ui/importfile"
)

// importJSON is `avtal import FILE --json` for a document.
type importJSON struct {
	AgreementID string          `json:"agreement_id"`
	Title       string          `json:"title"`
	Created     bool            `json:"created"`
	Documents   []importDocJSON `json:"documents"`
	Skipped     []docparse.Skip `json:"skipped"`
	// Unstructured says no clause structure was found: the text is one clause.
	Unstructured bool                 `json:"unstructured,omitempty"`
	Proposals    []store.ProposalRow  `json:"proposals"`
	Amendments   []store.AmendmentRow `json:"amendments"`
	// Diff is set for a new version: how each replaced document changed.
	Diff []diffJSON `json:"diff,omitempty"`
}

type importDocJSON struct {
	Name     string       `json:"name"`
	Kind     model.Kind   `json:"kind"`
	Version  string       `json:"version"`
	Clauses  int          `json:"clauses"`
	Replaces *versionJSON `json:"replaces"`
	// Carried is set for a new version: the tags and notes its clauses
	// took over, and the notes left on removed clauses of the old one.
	Carried *docimport.Carried `json:"carried,omitempty"`
}

type versionJSON struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type diffJSON struct {
	Document string   `json:"document"`
	Added    []string `json:"added"`
	Removed  []string `json:"removed"`
	Changed  []string `json:"changed"`
}

// maxSkipLines is how many skipped lines the plain output lists; --json has them all.
const maxSkipLines = 10

// importFileJSON is one file's result in `avtal import FILE... --json` of
// several documents: the file, and either what the import did (as for
// one file) or why nothing was imported from it.
type importFileJSON struct {
	File  string `json:"file"`
	Error string `json:"error,omitempty"`
	*importJSON
}

func importDocument(ctx context.Context, env *Env, path, agreementID string, asJSON bool) error {
	o, err := importfile.Import(ctx, env.Store, env.Lang, path, agreementID)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(env.Stdout, toImportJSON(o))
	}
	writeImport(env, o, "")
	return nil
}

// importDocuments imports several documents, each on its own (its own
// transaction, a new agreement each): a file that fails is named with its
// problem on stderr and leaves nothing behind, and the others still go in.
// The last line counts them; any failure makes the command fail.
func importDocuments(ctx context.Context, env *Env, files []string, asJSON bool) error {
	results := make([]importFileJSON, 0, len(files))
	var failed []string
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		o, err := importfile.Import(ctx, env.Store, env.Lang, f, "")
		if err != nil {
			failed = append(failed, f)
			results = append(results, importFileJSON{File: f, Error: errorText(env.Lang, err)})
			fmt.Fprintln(env.Stderr, "avtal import: "+errorText(env.Lang, err))
			continue
		}
		if asJSON {
			res := toImportJSON(o)
			results = append(results, importFileJSON{File: f, importJSON: &res})
		} else {
			writeImport(env, o, f+": ")
		}
	}
	if asJSON {
		if err := writeJSON(env.Stdout, results); err != nil {
			return err
		}
	}
	t := env.Lang.T
	if len(failed) > 0 {
		return errors.New(t("import.files_failed", len(files)-len(failed), len(files), strings.Join(failed, ", ")))
	}
	if !asJSON {
		fmt.Fprintln(env.Stdout, t("import.files_done", len(files)))
	}
	return nil
}

// writeImport writes what one document's import did, its first line after
// prefix (the file's name when there are several).
func writeImport(env *Env, o importfile.Outcome, prefix string) {
	t := env.Lang.T
	line := prefix + importfile.Summary(env.Lang, o)
	if len(o.Proposals) > 0 {
		line += t("import.review_cli", o.AgreementID)
	}
	fmt.Fprintln(env.Stdout, line)
	for _, d := range o.Documents {
		if d.Replaces == nil {
			continue
		}
		fmt.Fprintf(env.Stdout, "  %s %s → %s:", d.Name, versionText(d.Replaces.Version), versionText(d.Version))
		for _, k := range []clausediff.Kind{clausediff.Changed, clausediff.Added, clausediff.Removed} {
			if n := clausediff.Numbers(d.Diff, k); len(n) > 0 {
				fmt.Fprintf(env.Stdout, " %s %s;", t("import.diff."+string(k)), strings.Join(n, ", "))
			}
		}
		if len(d.Diff) == 0 {
			fmt.Fprint(env.Stdout, " "+t("import.diff.none"))
		}
		if c := d.Carried; c != nil && len(c.NotCarriedOn) > 0 {
			fmt.Fprint(env.Stdout, " "+t("import.left_on", versionText(d.Replaces.Version), strings.Join(c.NotCarriedOn, ", ")))
		}
		fmt.Fprintln(env.Stdout)
	}
	for i, s := range o.Skipped {
		if i == maxSkipLines {
			fmt.Fprintln(env.Stdout, "  "+t("import.skip.more", len(o.Skipped)-maxSkipLines))
			break
		}
		fmt.Fprintf(env.Stdout, "  %s %d: %s: %s\n", t("import.line"), s.Line, importfile.ReasonText(env.Lang, s.Reason), s.Text)
	}
}

// versionText shows an unnumbered first version as "1".
func versionText(v string) string {
	if v == "" {
		return "1"
	}
	return v
}

func toImportJSON(o importfile.Outcome) importJSON {
	out := importJSON{AgreementID: o.AgreementID, Title: o.Title, Created: o.Created, Documents: []importDocJSON{},
		Skipped: o.Skipped, Unstructured: o.Unstructured, Proposals: o.Proposals, Amendments: o.Amendments}
	if out.Skipped == nil {
		out.Skipped = []docparse.Skip{}
	}
	if out.Proposals == nil {
		out.Proposals = []store.ProposalRow{}
	}
	if out.Amendments == nil {
		out.Amendments = []store.AmendmentRow{}
	}
	for _, d := range o.Documents {
		doc := importDocJSON{Name: d.Name, Kind: d.Kind, Version: d.Version, Clauses: d.Clauses, Carried: d.Carried}
		if d.Replaces != nil {
			doc.Replaces = &versionJSON{Name: d.Replaces.Name, Version: d.Replaces.Version}
			out.Diff = append(out.Diff, diffJSON{Document: d.Name, Added: clausediff.Numbers(d.Diff, clausediff.Added),
				Removed: clausediff.Numbers(d.Diff, clausediff.Removed), Changed: clausediff.Numbers(d.Diff, clausediff.Changed)})
		}
		out.Documents = append(out.Documents, doc)
	}
	return out
}
