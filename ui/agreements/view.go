package agreements

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/importfile"
	"avtal/ui/session"
)

// columns are the widths of the list's columns; zero hides a column.
type columns struct{ supplier, title, kind, status, end, next int }

// Column widths the list gives way to before it hides a column.
const (
	minSupplier = 10
	maxSupplier = 18
	minKind     = 8
	minTitle    = 12
	goodTitle   = 24 // the title grows to this before the others grow
)

// columns shares the row among the columns by priority. The status (a
// draft must never look active) and the cancel-by date always show at
// their full width, then the period end, the title and the supplier at
// their least, then the kind. What is left goes to the title up to a
// readable width, then to the kind and the supplier, and the rest again
// to the title.
func (m *Model) columns() columns {
	c := columns{status: m.fitWidth(0, m.labels("status.", model.Statuses)...), next: m.fitWidth(len("2006-01-02"), "col.next", "list.any_time")}
	left := m.rowW() - (c.status + 1) - (c.next + 1)
	if end := m.fitWidth(len("2006-01-02"), "col.period_end", "list.indefinite"); left-(end+1) >= minTitle+minSupplier+2 {
		c.end, left = end, left-(end+1)
	}
	if left < minTitle+minSupplier+2 {
		// Too narrow for a whole supplier: the title keeps what there is.
		c.supplier = min(minSupplier, max(0, left-minTitle-2))
		c.title = max(1, left-c.supplier-2)
		return c
	}
	c.title, c.supplier = minTitle, minSupplier
	extra := left - (minTitle + minSupplier + 2)
	if extra >= minKind+1 {
		c.kind, extra = minKind, extra-(minKind+1)
	}
	grow := func(w *int, upTo int) {
		n := min(extra, max(0, upTo-*w))
		*w += n
		extra -= n
	}
	grow(&c.title, goodTitle)
	if c.kind > 0 {
		grow(&c.kind, m.fitWidth(0, m.labels("kind.", model.Kinds)...))
	}
	grow(&c.supplier, maxSupplier)
	c.title += extra
	return c
}

// labels returns the catalogue keys of values under prefix.
func (m *Model) labels(prefix string, values any) []string {
	var keys []string
	switch vs := values.(type) {
	case []model.Status:
		for _, v := range vs {
			keys = append(keys, prefix+string(v))
		}
	case []model.Kind:
		for _, v := range vs {
			keys = append(keys, prefix+string(v))
		}
	}
	return keys
}

// rowW is the width of a row of the list, right of the cursor column.
func (m *Model) rowW() int { return m.listW - session.CursorW }

// fitWidth is the width of a column whose cells are at least least wide
// (a date), or the widest of the given texts in the session's language, so
// headers and words are not cut.
func (m *Model) fitWidth(least int, keys ...string) int {
	w := least
	for _, k := range keys {
		w = max(w, ansi.StringWidth(m.c.T(k)))
	}
	return w
}

func cell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s))) + " "
}

func (m *Model) header() string {
	c := m.columns()
	// The column the list is sorted by is marked (sorts gives the order).
	title := func(name string, by store.ListSort) string {
		if sorts[m.list.Sort()] == by && by != store.OwnOrder {
			return m.c.T(name) + " ↓"
		}
		return m.c.T(name)
	}
	line := cell(title("col.supplier", store.BySupplier), c.supplier) + cell(title("col.title", store.ByTitle), c.title) +
		cell(m.c.T("col.kind"), c.kind) + cell(title("col.status", store.ByStatus), c.status) +
		cell(title("col.period_end", store.ByEnd), c.end) + cell(title("col.next", store.ByCancelBy), c.next)
	return m.c.Styles.Unmarked(m.c.Styles.Header.Render(ansi.Truncate(line, m.rowW(), "")))
}

// renderRow formats one row once per width; the list keeps the text.
func (m *Model) renderRow(r *store.Row) string {
	a := &r.Agreement
	c := m.columns()
	title := a.Title
	if r.Depth > 0 && m.list.Sort() == 0 { // sorted, the list is flat
		title = strings.Repeat("  ", r.Depth-1) + "└ " + title
	}
	// An agreement until further notice has no period end and can be
	// cancelled any day, with its notice period.
	// After notice of termination the end column holds the last day it
	// runs and there is no cancel-by; the detail says more.
	o := deadlines.OutlookOn(a, r.Terminated, model.DateOf(m.c.Now()))
	end, next := m.c.T("list.indefinite"), m.c.T("list.any_time")
	if !a.Term.Indefinite {
		end, next = m.c.T("none"), m.c.T("none")
		if o.HasPeriod {
			end = o.Period.End.String()
		}
		if !o.CancelBy.IsZero() {
			next = o.CancelBy.String()
		}
	}
	if !o.Ends.IsZero() {
		end = o.Ends.String()
	}
	if a.Ended() || !o.Ends.IsZero() {
		next = m.c.T("none")
	}
	line := m.highlight(cell(session.Sanitize(importfile.FieldValueWords(m.c.Lang, "supplier.name", a.Supplier.Name)), c.supplier)) + m.highlight(cell(session.Sanitize(title), c.title)) + cell(m.c.T("kind."+string(a.Kind)), c.kind) +
		cell(m.c.T("status."+string(a.Status)), c.status) + cell(end, c.end) + cell(next, c.next)
	return ansi.Truncate(line, m.rowW(), "")
}

// View draws the list and the detail, or the open import form or review.
func (m *Model) View() string {
	st := m.c.Styles
	switch {
	case m.importForm != nil:
		frameW, frameH := st.Pane.GetFrameSize()
		w, h := max(0, m.width-frameW), max(0, m.height-frameH)
		note := st.Dim.Width(w).Render(m.c.T("import.tui.note"))
		return st.Box(m.importForm.View(w)+"\n"+note, w, h, true, "")
	case m.editing != nil && m.editing.correcting != nil:
		// What is corrected stays in sight: the proposal in words and its
		// evidence under the form.
		frameW, frameH := st.Pane.GetFrameSize()
		w, h := max(0, m.width-frameW), max(0, m.height-frameH)
		p := *m.editing.correcting
		about := st.Dim.Width(w).Render(session.Sanitize(importfile.Describe(m.c.Lang, p))) + "\n" +
			st.Value.Width(w).Render(session.Sanitize(p.Evidence))
		return st.Box(m.editing.form.View(w)+"\n\n"+about, w, h, true, "")
	case m.editing != nil:
		frameW, frameH := st.Pane.GetFrameSize()
		w, h := max(0, m.width-frameW), max(0, m.height-frameH)
		return st.Box(m.editing.form.ViewIn(w, h), w, h, true, "")
	case m.review != nil:
		return m.viewReview()
	}
	if !m.loaded {
		return st.Empty.Render(m.c.T("loading"))
	}
	if len(m.rows) == 0 && !m.list.Filter.Active() {
		return st.Empty.Width(m.width).Render(m.c.T("agreements.empty"))
	}
	var b strings.Builder
	if m.list.Filter.Typing() {
		b.WriteString(st.Unmarked(m.list.Filter.View(m.rowW())))
	} else {
		b.WriteString(m.header())
	}
	if len(m.rows) == 0 {
		b.WriteString("\n" + st.Unmarked(st.Dim.Render(ansi.Truncate(m.c.T("agreements.no_match", session.Sanitize(m.list.Filter.Query())), m.rowW(), "…"))))
	}
	m.list.PlaceInBox(st, 0, 0, 1, m.rowW())
	for _, row := range m.list.Rows(st, m.listW, func(i int) string { return m.renderRow(&m.rows[i]) }, nil) {
		b.WriteByte('\n')
		b.WriteString(row)
	}
	list := st.Box(b.String(), m.listW, m.listH+1, true, m.listTitle())
	detail := m.detail.Box(m.c)
	if m.wide {
		return session.Beside(list, detail)
	}
	return lipgloss.JoinVertical(lipgloss.Left, list, detail)
}

// showDetail renders the selected agreement into the detail viewport when it
// changed.
func (m *Model) showDetail() {
	id := m.selectedID()
	if id == m.detailID {
		return
	}
	d, ok := m.details[id]
	if !ok {
		m.detail.SetContent(m.c.Styles.Dim.Render(m.c.T("loading")))
		return
	}
	m.detailID = id
	m.detail.SetContent(m.detailText(d))
	m.detail.GotoTop()
}

// detailArrived shows a fetched detail if its agreement is still selected.
// Fetches follow a change, so for the agreement already shown it is news:
// drawn again where the reader had scrolled to.
func (m *Model) detailArrived(d detailMsg) {
	switch {
	case d.id != m.selectedID():
	case d.id != m.detailID:
		m.showDetail()
	default:
		y := m.detail.YOffset
		m.detail.SetContent(m.detailText(d))
		m.detail.SetYOffset(y)
	}
}

// detailText is renderDetail, drawn once for all the sessions of one look,
// language and day that show this read of the agreement.
func (m *Model) detailText(d detailMsg) string {
	key := drawnDetail{d.id, d.a, m.detail.Width, m.c.Styles.Look, m.c.Lang, model.DateOf(m.c.Now())}
	return m.c.Shared.Draw(key, func() string { return renderDetail(m.c, d, m.detail.Width) })
}

// drawnDetail is what an agreement's detail depends on: the read (shared
// by the sessions, so one pointer), the width, the look, the language and
// the day its deadlines are counted from.
type drawnDetail struct {
	id    string
	read  *model.Agreement
	width int
	look  session.Look
	lang  i18n.Lang
	today model.Date
}

// renderDetail writes an agreement's facts as labelled lines. Every value
// from the register is sanitised: an imported file must not be able to
// send escape sequences to the terminal.
func renderDetail(c *session.State, d detailMsg, width int) string {
	a, related := d.a, d.related
	st := c.Styles
	var b strings.Builder
	const labelW = 15
	valueW := max(10, width-labelW-2)
	line := func(label, value string) {
		if value == "" {
			return
		}
		// Long values wrap under themselves instead of running off the pane.
		label, value = session.Sanitize(label), session.Sanitize(value)
		value = strings.TrimRight(st.Value.Width(valueW).Render(value), " ")
		value = strings.ReplaceAll(value, "\n", "\n"+strings.Repeat(" ", labelW+2))
		fmt.Fprintf(&b, "%s %s\n", st.Label.Render(cell(label, labelW)), value)
	}
	section := func(title string) { b.WriteString("\n" + st.Title.Render(title) + "\n") }

	b.WriteString(st.Title.Render(session.Sanitize(a.Title)) + "\n")
	b.WriteString(st.Dim.Render(fmt.Sprintf("%s · %s · %s", a.ID, c.T("kind."+string(a.Kind)), c.T("status."+string(a.Status)))) + "\n")
	if a.Summary != "" {
		b.WriteString("\n" + st.Value.Width(width).Render(session.Sanitize(a.Summary)) + "\n")
	}

	section(c.T("detail.parties"))
	line(c.T("detail.supplier"), importfile.PartyWords(c.Lang, a.Supplier))
	line(c.T("detail.customer"), importfile.PartyWords(c.Lang, a.Customer))

	section(c.T("detail.dates"))
	line(c.T("detail.signed"), a.Signed.String())
	line(c.T("detail.effective"), a.Effective.String())
	line(c.T("detail.start"), a.Start.String())
	line("", c.Lang.DatesLack(a)) // why the term shows no dates

	section(c.T("detail.term"))
	termLines(c, a, d.terminated, line)

	if a.Law != "" || a.Venue != "" || a.Fee.Amount > 0 || a.Owner != "" {
		section(c.T("detail.general"))
	}
	line(c.T("detail.law"), importfile.FieldValueWords(c.Lang, "governing_law", a.Law))
	line(c.T("detail.venue"), importfile.FieldValueWords(c.Lang, "venue", a.Venue))
	if a.Fee.Amount > 0 {
		line(c.T("detail.fee"), c.T("detail.fee_per", a.Fee.Amount.Grouped(), a.Fee.Currency, c.T("per."+string(a.Fee.Per))))
	}
	line(c.T("detail.owner"), a.Owner)

	if len(a.Relations)+len(related) > 0 {
		section(c.T("detail.related"))
		for _, r := range a.Relations {
			line(c.T("rel."+string(r.Kind)), r.Target)
		}
		for _, r := range related {
			line(c.T(inverse(r.Kind)), r.Target+" ("+r.Note+")")
		}
	}
	if len(a.Precedence.Order) > 0 {
		section(c.T("detail.precedence"))
		for i, d := range a.Precedence.Order {
			fmt.Fprintf(&b, "%d. %s\n", i+1, session.Sanitize(d))
		}
		for _, o := range a.Precedence.Overrides {
			b.WriteString(c.T("detail.overrides", session.Sanitize(o)) + "\n")
		}
	}
	if len(a.Documents) > 0 {
		section(c.T("detail.documents"))
		// A document's name is often longer than a label: it gets the line.
		for _, d := range a.Documents {
			b.WriteString(st.Value.Width(width).Render(session.Sanitize(d.Name)+" · "+c.Lang.Count("detail.clauses", len(d.Clauses))) + "\n")
		}
	}
	if len(d.history) > 0 {
		section(c.T("detail.history"))
		for _, e := range d.history {
			line(e.At[:min(len(e.At), 10)], c.T("detail.history_entry", c.Lang.AuditWhat(e.Action, e.Entity), e.Who))
		}
	}
	if len(a.Sample) > 0 {
		b.WriteString("\n" + st.Warn.Width(width).Render(c.T("detail.sample", strings.Join(a.Sample, ", "))) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

func termLines(c *session.State, a *model.Agreement, terminated model.Date, line func(string, string)) {
	t, lang := a.Term, c.Lang.Model()
	o := deadlines.OutlookOn(a, terminated, model.DateOf(c.Now()))
	if t.Indefinite {
		line(c.T("detail.term"), c.T("indefinite"))
		line(c.T("detail.notice"), t.Notice.In(lang))
		line(c.T("detail.ends"), c.Lang.Ending(o))
		return
	}
	clause := ""
	if t.Clause != "" {
		clause = " (" + c.T("detail.clause", t.Clause) + ")"
	}
	line(c.T("detail.initial"), t.Initial.In(lang)+clause)
	renewal := t.Renewal.In(lang)
	if !t.Renews() {
		renewal = c.T("detail.no_renewal")
	}
	line(c.T("detail.renewal"), renewal)
	line(c.T("detail.notice"), t.Notice.In(lang))
	if o.HasPeriod {
		line(c.T("detail.period"), o.Period.Start.String()+" – "+o.Period.End.String())
	}
	switch {
	case !o.Ends.IsZero():
		line(c.T("detail.ends"), c.Lang.Ending(o))
	case !o.CancelBy.IsZero():
		line(c.T("detail.cancel_by"), c.Lang.CancelFor(o)+"  "+c.Styles.Dim.Render(o.Explain(a, lang)))
	case !a.TermStart().IsZero() && !t.Initial.IsZero():
		line(c.T("detail.cancel_by"), c.T("detail.ended"))
	}
}

// inverse names a relation seen from its target: a framework has call-offs.
func inverse(k model.RelationKind) string {
	switch k {
	case model.RelCallOff:
		return "rel.has_call_off"
	case model.RelPartOf:
		return "rel.has_part"
	}
	return "rel.superseded_by"
}
