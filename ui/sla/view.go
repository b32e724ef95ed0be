package sla

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"avtal/model"
	"avtal/model/slacredit"
	"avtal/ui/session"
)

// wideWidth is the width from which the terms and the history get a
// column of their own.
const wideWidth = 140

// claimColumnWidth is the list width from which each incident shows its
// own claim deadline.
const claimColumnWidth = 90

// layout is where the parts of the pane go at its size. It depends on the
// size alone, so paging knows how many incident rows are visible.
type layout struct {
	wide           bool
	claimColumn    bool // the incident list shows each incident's claim deadline
	leftW, rightW  int  // inner widths of the boxes; rightW is 0 when narrow
	innerH         int
	termLines      int  // narrow: lines of terms shown, 0 to 3
	legend         bool // the line explaining the timeline's characters
	history        bool // narrow: the one-line history
	listRows       int
	fullW          int // inner width of a box across the whole pane
	frameW, frameH int
}

func (m *Model) layout() layout {
	fw, fh := m.c.Styles.Pane.GetFrameSize()
	l := layout{innerH: max(0, m.height-fh), fullW: max(0, m.width-fw), frameW: fw, frameH: fh, legend: true}
	// Always: the month line, three result lines, the timeline and its
	// axis, and the list's header.
	const always = 1 + 3 + 2 + 1
	if m.width >= wideWidth {
		left := m.width * 3 / 5
		l.wide, l.leftW, l.rightW = true, left-fw, m.width-left-fw
		l.claimColumn = l.leftW >= claimColumnWidth
		l.listRows = max(1, l.innerH-always-1)
		return l
	}
	l.leftW, l.termLines, l.history = l.fullW, 3, true
	l.claimColumn = l.leftW >= claimColumnWidth
	fixed := func() int {
		n := always + l.termLines
		if l.legend {
			n++
		}
		if l.history {
			n += 2
		}
		return n
	}
	// What goes first when the pane is short: the legend, the history, then the terms.
	for _, drop := range []func(){func() { l.legend = false }, func() { l.history = false }, func() { l.termLines = 1 }, func() { l.termLines = 0 }} {
		if l.innerH-fixed() >= 3 {
			break
		}
		drop()
	}
	l.listRows = max(1, l.innerH-fixed())
	return l
}

// listRows is how many incidents are visible at once.
func (m *Model) listRows() int { return m.layout().listRows }

// SetSize records the pane's size; drawn rows and bars are redrawn for it.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.rows.SetHeight(m.listRows())
	m.rows.Invalidate()
}

// View draws the pane.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	st, l := m.c.Styles, m.layout()
	if !m.loaded() {
		return m.message(l, "", m.c.T("loading"))
	}
	a := m.current()
	switch {
	case a == nil:
		return m.message(l, "", m.c.T("sla.empty.none"))
	case m.form != nil:
		// The form draws its inputs one cell wider than asked, for the cursor.
		return st.Box(session.Clip(m.form.ViewIn(l.fullW-1, l.innerH), l.fullW, l.innerH), l.fullW, l.innerH, true, "")
	case a.SLA == nil:
		return m.message(l, m.title(a), m.c.T("sla.empty.terms"))
	}
	words := describeTerms(m.c, a.SLA)
	d := m.data()
	left := []string{m.header()}
	if !l.wide {
		left = append(left, m.compactTerms(words, l)...)
	}
	left = append(left, m.body(a, d, l, len(left))...)
	if !l.wide && l.history && d != nil && d.err == nil {
		left = append(left, m.historyLine(d, l.leftW)...)
	}
	main := st.Box(session.Clip(strings.Join(left, "\n"), l.leftW, l.innerH), l.leftW, l.innerH, true, m.title(a))
	if !l.wide {
		return main
	}
	return session.Beside(main, m.sideBox(words, d, l))
}

// sideBox is the column of terms and history, kept with the month once
// drawn: it changes with the month and the size, never with the cursor.
func (m *Model) sideBox(w termWords, d *monthData, l layout) string {
	if d != nil && d.side != "" && d.sideW == l.rightW && d.sideH == l.innerH {
		return d.side
	}
	box := m.c.Styles.Box(session.Clip(m.side(w, d, l), l.rightW, l.innerH), l.rightW, l.innerH, false, "")
	if d != nil {
		d.side, d.sideW, d.sideH = box, l.rightW, l.innerH
	}
	return box
}

// message shows one text, wrapped, in a box across the pane.
func (m *Model) message(l layout, title, text string) string {
	text = m.c.Styles.Empty.Width(l.fullW).Render(text)
	return m.c.Styles.Box(session.Clip(text, l.fullW, l.innerH), l.fullW, l.innerH, true, title)
}

func (m *Model) title(a *model.Agreement) string {
	return m.c.T("sla.title", session.Sanitize(a.Title))
}

// header names the month shown and, when no agreement is in scope, which
// of the agreements with SLA terms this is.
func (m *Model) header() string {
	st := m.c.Styles
	line := st.Highlight.Render("‹ " + monthName(m.c, m.month.Year, int(m.month.Month)) + " ›")
	if m.scopeID == "" {
		line += "  " + st.Dim.Render(m.c.T("sla.pick", m.choices.position(), m.choices.total))
	}
	return line
}

// compactTerms are the terms in at most l.termLines lines, each cut to the width.
func (m *Model) compactTerms(w termWords, l layout) []string {
	credit := w.credit
	if w.cap != "" {
		credit += " · " + w.cap
	}
	claim := w.claim
	if len(w.exclusions) > 0 {
		claim += " · " + m.c.T("sla.terms.exclusions", strings.Join(w.exclusions, ", "))
	}
	lines := []string{w.window + " · " + w.target, credit, claim}
	for i := range lines {
		lines[i] = m.c.Styles.Dim.Render(ansi.Truncate(lines[i], l.leftW, "…"))
	}
	return lines[:l.termLines]
}

// body is the month's result, its timeline and its incidents, below above
// lines of the box.
func (m *Model) body(a *model.Agreement, d *monthData, l layout, above int) []string {
	st := m.c.Styles
	switch {
	case d == nil:
		return []string{st.Dim.Render(m.c.T("sla.loading"))}
	case d.err != nil:
		return []string{st.Danger.Render(m.c.Lang.FieldErrors(d.err).Error())}
	}
	lines := m.result(a, d)
	loc := m.zone()
	span := m.month.Span(loc)
	if d.barWidth != l.leftW {
		d.bar, d.barWidth = drawCells(st, timeline(d, span, l.leftW)), l.leftW
	}
	lines = append(lines, d.bar, st.Dim.Render(axis(m.month, span, loc, l.leftW)))
	if l.legend {
		legend := m.c.T("sla.legend")
		if ansi.StringWidth(legend) > l.leftW {
			legend = m.c.T("sla.legend_short")
		}
		lines = append(lines, st.Dim.Render(legend))
	}
	return append(lines, m.incidentList(d, l, above+len(lines))...)
}

// result is three lines: the uptime against the target, the credit, and the claim.
func (m *Model) result(a *model.Agreement, d *monthData) []string {
	st, r := m.c.Styles, &d.report
	target := st.OK.Render(m.c.T("sla.target_met", m.c.Lang.Pct(r.TargetPct)))
	if r.BelowTarget {
		target = st.Danger.Render(m.c.T("sla.target_missed", m.c.Lang.Pct(r.TargetPct)))
	}
	uptimeLine := st.Highlight.Render(m.c.T("sla.uptime", m.c.Lang.Decimal(r.Uptime()))) + " — " + target + " · " +
		m.c.T("sla.downtime", grouped(r.DowntimeMinutes), grouped(r.WindowMinutes))

	fee, basis, hasFee := m.fee(a)
	money := func(x model.Amount) string {
		return strings.TrimSpace(x.Grouped() + " " + session.Sanitize(a.Fee.Currency))
	}
	// The details in brackets: how the fee was found (unless stated per
	// month), the tier reached and the cap.
	var details []string
	if basis != string(slacredit.FeeMonthly) {
		details = append(details, m.c.T("sla.fee."+basis))
	}
	if r.Tier != nil {
		details = append(details, m.c.T("sla.tier_below", m.c.Lang.Pct(r.Tier.Below)))
	}
	switch {
	case r.Capped:
		details = append(details, m.c.T("sla.capped", r.CapAmount.Grouped()))
	case r.CapAmount > 0:
		details = append(details, m.c.T("sla.cap", r.CapAmount.Grouped()))
	}
	bracket := ""
	if len(details) > 0 {
		bracket = " (" + strings.Join(details, ", ") + ")"
	}
	var credit string
	switch {
	case r.Discretionary && r.BelowTarget:
		credit = st.Warn.Render(m.c.T("sla.discretionary"))
	case r.Discretionary:
		credit = st.Dim.Render(m.c.T("sla.terms.discretionary"))
	case !hasFee && r.Tier != nil:
		credit = m.c.T("sla.credit_pct", m.c.Lang.Pct(r.CreditPct), m.c.Lang.Pct(r.Tier.Below)) + " · " + st.Warn.Render(m.c.T("sla.no_fee"))
	case !hasFee:
		credit = st.Warn.Render(m.c.T("sla.no_fee"))
	case r.Tier == nil:
		credit = m.c.T("sla.no_tier", money(fee)) + bracket
	default:
		credit = st.Highlight.Render(m.c.T("sla.credit", money(r.CreditAmount))) + " " + m.c.T("sla.credit_of", m.c.Lang.Pct(r.CreditPct), money(fee)) + bracket
	}
	return []string{uptimeLine, credit, m.claim(r)}
}

// claim says by when the month's credit must be claimed and how many days are left.
func (m *Model) claim(r *slacredit.Report) string {
	st := m.c.Styles
	if r.ClaimBy.IsZero() {
		if r.BelowTarget {
			return st.Dim.Render(m.c.T("sla.terms.no_claim"))
		}
		return st.Dim.Render(m.c.T("sla.nothing_due"))
	}
	days := m.today().DaysUntil(r.ClaimActBy)
	var left string
	style := st.Value
	switch {
	case days > 1:
		left = m.c.T("sla.days_left", days)
	case days == 1:
		left = m.c.T("sla.day_left")
	case days == 0:
		left = m.c.T("sla.last_day")
	default:
		left = m.c.T("sla.overdue", model.Period{N: -days, Unit: model.Days})
	}
	switch {
	case days < 0:
		style = st.Danger
	case days <= 7:
		style = st.Warn
	}
	return style.Render(m.c.T("sla.claim", r.ClaimBy, r.ClaimActBy, left))
}

// incidentList is the incident list's header and its visible rows, padded
// to l.listRows; above is the number of lines of the box above it.
func (m *Model) incidentList(d *monthData, l layout, above int) []string {
	st := m.c.Styles
	var head string
	switch {
	case m.deleting != nil:
		head = st.Warn.Render(m.deleting.Text)
	case m.rows.Filter.Typing():
		head = st.Unmarked(m.rows.Filter.View(l.leftW - session.CursorW))
	case len(d.incidents) == 0:
		head = st.Dim.Render(m.c.T("sla.empty.month"))
	case m.rows.Filter.Active():
		head = st.Unmarked(st.Header.Render(ansi.Truncate(m.c.T("sla.incidents_filtered", len(m.shown(d)), len(d.incidents), session.Sanitize(m.rows.Filter.Query())), l.leftW-session.CursorW, "…")))
	default:
		head = st.Unmarked(st.Header.Render(ansi.Truncate(cell(m.c.T("sla.incidents", len(d.incidents)), whenW)+m.columnsHeader(l), l.leftW-session.CursorW, "")))
	}
	out := []string{head}
	shown := m.listIncidents(d)
	if len(shown) == 0 && m.rows.Filter.Active() {
		out = append(out, st.Unmarked(st.Dim.Render(ansi.Truncate(m.c.T("sla.no_match", session.Sanitize(m.rows.Filter.Query())), l.leftW-session.CursorW, "…"))))
	}
	m.rows.PlaceInBox(st, 0, 0, above+1, l.leftW-session.CursorW)
	render := func(i int) string { return m.row(d.incidents[shown[i]], d.results[shown[i]], l) }
	out = append(out, m.rows.Rows(st, l.leftW, render, nil)...)
	for len(out) < l.listRows+1 {
		out = append(out, "")
	}
	return out
}

// Column widths of the incident list.
const (
	whenW    = 28
	lengthW  = 8
	countedW = 9
	kindW    = 10
	claimW   = 13
)

func (m *Model) columnsHeader(l layout) string {
	t := m.c.T
	h := cell(t("sla.col.duration"), lengthW) + cell(t("sla.col.counted"), countedW) + cell(t("sla.col.kind"), kindW)
	if l.claimColumn {
		h += cell(t("sla.col.claim_by"), claimW)
	}
	return h + t("sla.col.note")
}

// row draws one incident, right of the cursor column: when, how long, what counted, its kind, the
// claim deadline (when there is room) and the note. Descriptions are sanitised.
func (m *Model) row(inc model.Incident, res slacredit.IncidentResult, l layout) string {
	counted := "—"
	if res.CountedMinutes > 0 {
		counted = grouped(res.CountedMinutes) + " min"
	}
	note := session.Sanitize(inc.Description)
	if inc.Excluded {
		note = strings.TrimSuffix(session.Sanitize(inc.ExcludeReason)+" · "+note, " · ")
	}
	mark := func(s string) string { return m.rows.Filter.Highlight(s, m.c.Styles.Highlight) }
	line := mark(cell(m.span(inc), whenW)) + cell(duration(inc.End.Sub(inc.Start)), lengthW) + cell(counted, countedW) + mark(cell(m.kindWord(inc), kindW))
	if l.claimColumn {
		claim := ""
		switch {
		case !inc.ClaimSent.IsZero():
			claim = m.c.T("sla.claim_sent", inc.ClaimSent)
		case res.Claim != nil:
			claim = res.Claim.By.String()
		}
		line += cell(claim, claimW)
	}
	return ansi.Truncate(line+mark(note), l.leftW-session.CursorW, "…")
}

// kindWord names what an incident is: down, planned or excluded.
func (m *Model) kindWord(inc model.Incident) string {
	switch {
	case inc.Excluded:
		return m.c.T("sla.kind.excluded")
	case inc.Planned:
		return m.c.T("sla.kind.planned")
	}
	return m.c.T("sla.kind.down")
}

// span writes an incident's time on the SLA's clock: "2026-11-10 16:00–19:00",
// with the end's date when it ends on another day.
func (m *Model) span(inc model.Incident) string {
	loc := m.zone()
	s, e := inc.Start.In(loc), inc.End.In(loc)
	end := e.Format("15:04")
	if model.DateOf(s) != model.DateOf(e) {
		end = e.Format("01-02 15:04")
	}
	return s.Format(formTime) + "–" + end
}

// duration writes a length of time shortly: 3h 00m, 2d 4h, 45m.
func duration(d time.Duration) string {
	mins := int((d + time.Minute - 1) / time.Minute)
	switch {
	case mins >= 24*60:
		return fmt.Sprintf("%dd %dh", mins/(24*60), mins%(24*60)/60)
	case mins >= 60:
		return fmt.Sprintf("%dh %02dm", mins/60, mins%60)
	}
	return fmt.Sprintf("%dm", mins)
}

// historyLine is the narrow history: one row of bars with the target and
// the count of months below it, and the month names beneath.
func (m *Model) historyLine(d *monthData, width int) []string {
	cellW := 4
	if width < 12*cellW+24 {
		cellW = 3
	}
	chart := historyChart(m.c, d.history, d.report.TargetPct, 1, cellW)
	st := m.c.Styles
	return []string{
		ansi.Truncate(chart[0]+" "+st.Dim.Render(m.c.T("sla.history_target", m.c.Lang.Pct(d.report.TargetPct))), width, ""),
		ansi.Truncate(chart[1]+" "+st.Dim.Render(m.belowCount(d)), width, ""),
	}
}

// belowCount says in how many of the 12 months the target was missed.
func (m *Model) belowCount(d *monthData) string {
	n := 0
	for _, r := range d.history {
		if r.BelowTarget {
			n++
		}
	}
	return m.c.T("sla.history_below", n)
}

// side is the wide layout's second column: the terms in full and a taller history.
func (m *Model) side(w termWords, d *monthData, l layout) string {
	st := m.c.Styles
	wrap := st.Value.Width(l.rightW)
	parts := []string{w.window, w.target, w.credit}
	if w.cap != "" {
		parts = append(parts, w.cap)
	}
	parts = append(parts, w.claim)
	var lines []string
	for _, p := range parts {
		lines = append(lines, strings.Split(wrap.Render(p), "\n")...)
	}
	if len(w.exclusions) > 0 {
		lines = append(lines, st.Dim.Render(m.c.T("sla.terms.exclusions", "")))
		for _, e := range w.exclusions {
			lines = append(lines, strings.Split(st.Dim.Width(l.rightW).Render("• "+e), "\n")...)
		}
	}
	if w.source != "" {
		lines = append(lines, strings.Split(st.Dim.Width(l.rightW).Render(w.source), "\n")...)
	}
	if d == nil || d.err != nil {
		return strings.Join(lines, "\n")
	}
	// The chart takes what the terms leave, between 3 and 16 rows, and the
	// terms give way to it when the column is short.
	rows := min(16, max(3, l.innerH-len(lines)-3))
	// Twelve columns and the scale's 6 cells, each column 2 to 4 cells wide.
	chart := historyChart(m.c, d.history, d.report.TargetPct, rows, min(4, max(2, (l.rightW-6)/12)))
	head := st.Title.Render(m.c.T("sla.history")) + st.Dim.Render(" · "+m.c.T("sla.history_target", m.c.Lang.Pct(d.report.TargetPct))+" · "+m.belowCount(d))
	keep := max(0, l.innerH-len(chart)-2)
	lines = lines[:min(len(lines), keep)]
	lines = append(lines, "", head)
	return strings.Join(append(lines, chart...), "\n")
}

// cell pads or cuts s to w cells and adds a space.
func cell(s string, w int) string {
	s = ansi.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s))) + " "
}

// grouped writes a count of minutes with thousands grouped: "43 200".
func grouped(n int) string { return model.Amount(n * 100).Grouped() }
