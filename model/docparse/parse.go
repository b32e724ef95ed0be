// Package docparse finds the structure of an agreement in its text: the
// documents it holds (general terms, SLA, DPA … each numbered from 1 again),
// and in each the clauses with their numbers as printed ("8.6.3", "B.1"),
// headings and bodies. Page headers and footers and tables of contents are
// left out and reported. Bytes become text in model/docread.
package docparse

import (
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"avtal/model"
	"avtal/model/docread"
)

// Reason says why a line was left out of every clause.
type Reason string

// The reasons a line is skipped.
const (
	SkipFurniture Reason = "page header or footer"
	SkipContents  Reason = "table of contents"
)

// Skip is a line of the text that no clause holds.
type Skip struct {
	Line   int    `json:"line"` // 1-based
	Reason Reason `json:"reason"`
	Text   string `json:"text"` // the line, shortened
}

// Result is what Parse found in a text.
type Result struct {
	Title     string           `json:"title"`              // guessed; the user can edit it
	Supplier  string           `json:"supplier,omitempty"` // guessed company name, "" if none found
	Documents []model.Document `json:"documents"`
	Skipped   []Skip           `json:"skipped,omitempty"`
	// Unstructured says no clause was found: the whole text is one clause.
	Unstructured bool `json:"unstructured,omitempty"`
}

// Parse finds the documents and clauses in text, the content of the file
// called name (used for messages and as the last resort for a title). Text
// is cleaned with docread.Clean first, so control characters and terminal
// escapes never reach a clause. Parse fails, naming the file, when the text
// is empty or binary; a text without any structure becomes one clause. It
// runs in time linear in the length of the text.
func Parse(name, text string) (Result, error) {
	if err := docread.Check(text); err != nil {
		return Result{}, &docread.FileError{File: name, Err: err}
	}
	// The supplier is guessed from the whole text on another core while
	// the lines are read.
	supplier := make(chan string, 1)
	go func() { supplier <- guessSupplier(text) }()
	// A PDF's pages are set apart by a line holding docread.PageBreak: a
	// text with pages has running headers and footers even when its
	// headings make it read as Markdown. The break lines are left out
	// (keeping the line numbers), so that a sentence runs on over the end
	// of a page.
	unpaged, breaks := pageBreaks(text)
	lines, md := readLines(docread.Clean(unpaged))
	why, footers := furniture(lines, md && len(breaks) == 0)
	var skipped []Skip
	kept := lines[:0:0]
	for i, l := range lines {
		if why[i] != "" {
			skipped = append(skipped, skip(l, why[i]))
			continue
		}
		if breaks[i] {
			continue
		}
		kept = append(kept, l)
	}
	b := newBuilder(joinWraps(kept))
	b.run()
	if !b.anyNumber() {
		if md && plainHeadings(b.lines) {
			b = newBuilder(b.lines)
			b.run()
		}
		if b.clauseCount() == 0 {
			b = newBuilder(b.lines)
			b.headingsOnly()
		}
		b.numberByPosition()
	}
	res := Result{Title: b.guessTitle(footers, name), Supplier: <-supplier, Unstructured: b.clauseCount() == 0}
	res.Documents = b.documents(res.Title, footerVersion(footers))
	res.Skipped = append(skipped, b.skipped...)
	slices.SortStableFunc(res.Skipped, func(a, b Skip) int { return a.Line - b.Line })
	return res, nil
}

// pageBreaks empties the lines of text that are page breaks and returns
// their indexes.
func pageBreaks(text string) (string, map[int]bool) {
	if !strings.Contains(text, "\n"+docread.PageBreak+"\n") {
		return text, nil
	}
	raw := strings.Split(text, "\n")
	breaks := map[int]bool{}
	for i, r := range raw {
		if r == docread.PageBreak {
			raw[i], breaks[i] = "", true
		}
	}
	return strings.Join(raw, "\n"), breaks
}

func skip(l line, r Reason) Skip {
	t := l.text
	if utf8.RuneCountInString(t) > 80 {
		t = string([]rune(t)[:79]) + "…"
	}
	return Skip{Line: l.no, Reason: r, Text: t}
}

// fileTitle is the file name without directory and extension.
func fileTitle(name string) string {
	base := filepath.Base(name)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
