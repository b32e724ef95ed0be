package clauses

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"avtal/model/extract"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/session"
)

func clauseKey(id int64) string { return "c:" + strconv.FormatInt(id, 10) }

// clauseText renders a clause for the viewer: heading, where it is from,
// the body with the durations, percentages, amounts and dates found in it
// highlighted, the amendments that touch it, its tags and its notes.
func (m *Model) clauseText(d *store.ClauseDetail) string {
	st := m.c.Styles
	w := max(1, m.viewer.Width)
	var b strings.Builder
	b.WriteString(st.Title.Width(w).Render(strings.TrimSpace(session.Sanitize(d.Number+" "+d.Heading))) + "\n")
	where := d.Agreement + " · " + d.Document
	if d.Document == d.Agreement { // a document imported alone is named as its agreement
		where = d.Agreement
	}
	b.WriteString(st.Dim.Width(w).Render(session.Sanitize(where)) + "\n")
	if d.Superseded {
		b.WriteString(st.Warn.Width(w).Render(m.c.T("clauses.old_version_note")) + "\n")
	}
	removed := false
	for _, a := range d.Amendments {
		removed = removed || a.Kind == store.AmendRemoved
	}
	if body := session.Sanitize(d.Body); strings.TrimSpace(body) != "" {
		base := st.Value
		if removed {
			base = st.Dim
		}
		b.WriteString("\n" + base.Width(w).Render(m.highlight(alignTables(body, w), d.Number, base)) + "\n")
	}
	if len(d.Amendments) > 0 {
		b.WriteString("\n")
	}
	for _, a := range d.Amendments {
		style, k := st.Warn, "clauses.amended_by"
		if a.Kind == store.AmendRemoved {
			style, k = st.Danger, "clauses.removed_by"
		}
		line := m.c.T(k, session.Sanitize(a.By))
		if !a.Confirmed {
			line += " " + m.c.T("clauses.unconfirmed")
		}
		if text := strings.TrimSpace(session.Sanitize(a.Text)); text != "" {
			line += ": " + text
		}
		b.WriteString(style.Width(w).Render(line) + "\n")
	}
	// The tags go under their header, wrapped to the viewer: beside it a
	// long list ran past the right edge.
	b.WriteString("\n" + st.Header.Render(m.c.T("clauses.tags", len(d.Tags))) + "\n")
	if len(d.Tags) == 0 {
		b.WriteString(st.Dim.Width(w).Render(m.c.T("clauses.no_tags")) + "\n")
	} else {
		b.WriteString(st.Value.Width(w).Render(m.tagList(d.Tags)) + "\n")
	}
	b.WriteString("\n" + st.Header.Render(m.c.T("clauses.notes", len(d.Notes))) + "\n")
	if len(d.Notes) == 0 {
		b.WriteString(st.Dim.Width(w).Render(m.c.T("clauses.no_notes")) + "\n")
	}
	for i, n := range d.Notes {
		date, _, _ := strings.Cut(n.Created, "T")
		head := m.riskStyle(n.Risk).Render(markNote+" "+m.c.T("risk."+n.Risk)) + " " +
			st.Dim.Render(date+" "+session.Sanitize(n.Author))
		if len(d.Notes) > 1 { // the number that editing or deleting asks for
			head = st.Label.Render(strconv.Itoa(i+1)+".") + " " + head
		}
		b.WriteString(head + "\n")
		if origin := session.NoteOrigin(m.c.Lang, n); origin != "" {
			style := st.Dim
			if n.Changed {
				style = st.Warn
			}
			b.WriteString(style.Width(w).PaddingLeft(2).Render(session.Sanitize(origin)) + "\n")
		}
		b.WriteString(st.Value.Width(w).PaddingLeft(2).Render(session.Sanitize(n.Text)) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// tagList names tags, a built-in one with its label in the session's language.
func (m *Model) tagList(tags []string) string {
	parts := make([]string, len(tags))
	for i, t := range tags {
		parts[i] = session.Sanitize(t)
		if tag, ok := extract.TagByID(t); ok {
			parts[i] += " (" + m.tagLabel(tag) + ")"
		}
	}
	return strings.Join(parts, ", ")
}

func (m *Model) tagLabel(t extract.Tag) string {
	if m.c.Lang == i18n.SV {
		return t.SV
	}
	return t.EN
}

// highlight styles what extract finds in a clause's text: durations,
// percentages, amounts, dates and credit tiers. Items may overlap (a tier
// holds a percentage); the first, longest one wins.
func (m *Model) highlight(text, number string, base lipgloss.Style) string {
	var b strings.Builder
	at := 0
	for _, it := range extract.Extract(text, number) {
		if it.Start < at {
			continue
		}
		b.WriteString(base.Render(text[at:it.Start]))
		b.WriteString(m.c.Styles.Highlight.Render(text[it.Start:it.End]))
		at = it.End
	}
	b.WriteString(base.Render(text[at:]))
	return b.String()
}

// agreementText is the viewer's page for an agreement row.
func (m *Model) agreementText(a *agreementNode) string {
	st := m.c.Styles
	w := max(1, m.viewer.Width)
	var b strings.Builder
	b.WriteString(st.Title.Width(w).Render(session.Sanitize(a.title)) + "\n" + st.Dim.Render(a.id) + "\n\n")
	if !a.loaded {
		b.WriteString(st.Dim.Width(w).Render(m.c.T("clauses.open_hint")))
		return b.String()
	}
	if len(a.docs) == 0 {
		b.WriteString(st.Dim.Width(w).Render(m.c.T("clauses.empty_agreement", a.id)))
	}
	for _, d := range a.docs {
		b.WriteString(fmt.Sprintf("%s  %s\n", session.Sanitize(d.Name), st.Dim.Render(m.c.T("clauses.count", len(d.Clauses)))))
	}
	return strings.TrimRight(b.String(), "\n")
}

// documentText is the viewer's page for a document row.
func (m *Model) documentText(a *agreementNode, d docTree) string {
	st := m.c.Styles
	w := max(1, m.viewer.Width)
	var b strings.Builder
	b.WriteString(st.Title.Width(w).Render(session.Sanitize(d.Name)) + "\n")
	b.WriteString(st.Dim.Width(w).Render(session.Sanitize(a.title)) + "\n\n")
	line := func(label, value string) {
		if value != "" {
			b.WriteString(st.Label.Render(label+": ") + st.Value.Render(session.Sanitize(value)) + "\n")
		}
	}
	if kind := "kind." + d.Kind; i18n.Has(kind) {
		line(m.c.T("clauses.doc_kind"), m.c.T(kind))
	} else {
		line(m.c.T("clauses.doc_kind"), d.Kind)
	}
	line(m.c.T("clauses.doc_version"), d.Version)
	date, _, _ := strings.Cut(d.ImportedAt, "T")
	line(m.c.T("clauses.doc_imported"), date)
	line(m.c.T("clauses.doc_clauses"), strconv.Itoa(len(d.Clauses)))
	if d.Superseded {
		b.WriteString("\n" + st.Warn.Width(w).Render(m.c.T("clauses.old_version_note")) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// alignTables lines up the cells of the tables in a clause body, runs of
// "| a | b |" rows as the importer stores them, into columns under a rule
// after the first row. A table wider than width is left as it is, to wrap.
func alignTables(body string, width int) string {
	lines := strings.Split(body, "\n")
	for start := 0; start < len(lines); start++ {
		end := start
		for end < len(lines) && isTableRow(lines[end]) {
			end++
		}
		if end-start >= 2 {
			alignRows(lines[start:end], width)
		}
		start = end
	}
	return strings.Join(lines, "\n")
}

func isTableRow(l string) bool {
	return len(l) >= 2 && strings.HasPrefix(l, "|") && strings.HasSuffix(l, "|")
}

// alignRows pads the cells of rows to their column's width, in place.
func alignRows(rows []string, width int) {
	cells := make([][]string, len(rows))
	var widths []int
	for i, r := range rows {
		cells[i] = strings.Split(strings.Trim(r, "|"), "|")
		for k, c := range cells[i] {
			c = strings.TrimSpace(c)
			cells[i][k] = c
			if k == len(widths) {
				widths = append(widths, 0)
			}
			widths[k] = max(widths[k], lipgloss.Width(c))
		}
	}
	total := 0
	for _, cw := range widths {
		total += cw + 3
	}
	if total > width {
		return
	}
	for i, row := range cells {
		var b strings.Builder
		for k, c := range row {
			if k > 0 {
				b.WriteString(" │ ")
			}
			b.WriteString(c + strings.Repeat(" ", widths[k]-lipgloss.Width(c)))
		}
		rows[i] = strings.TrimRight(b.String(), " ")
	}
}
