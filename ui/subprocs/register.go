package subprocs

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"avtal/model"
	"avtal/model/subproc"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/session"
)

// entryKind is what a line of the register or overview list shows.
type entryKind int

const (
	entryHeading entryKind = iota // a section title
	entryText                     // a dim line: column names, the policy, a hint
	entryPolicy                   // the agreement's policy, selectable for its detail
	entrySub
	entryNotice
	entryFlag
)

// entry is one line of the register or overview: a kind and the index of
// what it shows, or the text of a heading or hint.
type entry struct {
	kind entryKind
	i    int
	text string
}

// register is one agreement's sub-processors, notices, flags and history.
type register struct {
	a       *model.Agreement
	notices []noticeView
	flags   []subproc.Flag
	history []store.SubChange
	all     []entry // every line
	entries []entry // the lines the filter keeps
}

func (m *Model) gotRegister(msg registerMsg) tea.Cmd {
	if ok, cmd := m.arrived(msg.seq, msg.err); !ok {
		return cmd
	}
	today := m.today()
	r := &register{a: msg.a, history: msg.history}
	notices := make([]subproc.Notice, len(msg.notices))
	for i, row := range msg.notices {
		r.notices = append(r.notices, viewNotice(row, msg.a.SubPolicy, today))
		notices[i] = row.Notice
	}
	r.flags = subproc.Check(msg.a, notices, subproc.CheckOptions{Today: today})
	r.all = r.build(m.c)
	r.entries = m.kept(r.all, r.notices, r.flags, nil)
	m.reg = r
	m.list.Reset(len(r.entries), m.skip)
	m.shown = -1
	return m.showDetail()
}

// build lays the register out: the policy, the sub-processors, the notices
// and the flags, each under its heading, with a hint where one is empty.
func (r *register) build(c *session.State) []entry {
	var es []entry
	text := func(k entryKind, s string) { es = append(es, entry{kind: k, text: s}) }
	if p := r.a.SubPolicy; p != nil {
		text(entryPolicy, c.Lang.SubPolicy(p))
		if p.ListURL != "" {
			text(entryText, c.T("subprocs.list_at", p.ListURL, c.Lang.OrNone(p.ListChecked.String())))
		}
	} else {
		text(entryText, c.T("subprocs.no_policy"))
	}
	text(entryHeading, c.T("subprocs.heading.subs", len(r.a.Subs)))
	if len(r.a.Subs) == 0 {
		hint := "subprocs.empty.subs"
		if r.a.SubPolicy != nil && r.a.SubPolicy.ListURL != "" {
			hint = "subprocs.empty.subs_elsewhere"
		}
		text(entryText, c.T(hint))
	} else {
		text(entryText, "columns:subs")
	}
	for i := range r.a.Subs {
		es = append(es, entry{kind: entrySub, i: i})
	}
	text(entryHeading, c.T("subprocs.heading.notices", len(r.notices)))
	if len(r.notices) == 0 {
		text(entryText, c.T("subprocs.empty.notices"))
	} else {
		text(entryText, "columns:notices")
	}
	for i := range r.notices {
		es = append(es, entry{kind: entryNotice, i: i})
	}
	text(entryHeading, c.T("subprocs.heading.flags", len(r.flags)))
	if len(r.flags) == 0 {
		text(entryText, c.T("subprocs.empty.flags"))
	}
	for i := range r.flags {
		es = append(es, entry{kind: entryFlag, i: i})
	}
	return es
}

// skip tells the list which lines the cursor passes over.
func (m *Model) skip(i int) bool {
	var es []entry
	switch m.mode {
	case modeRegister:
		if m.reg == nil {
			return true
		}
		es = m.reg.entries
	case modeOverview:
		if m.overview == nil {
			return true
		}
		es = m.overview.entries
	default:
		return i == 0 // the portfolio's column names
	}
	return es[i].kind == entryHeading || es[i].kind == entryText
}

// subColumns are the register's columns: name, org no, country, region,
// status, clause, purpose.
var subColumns = []col{{flex: true}, {w: 12, from: 90}, {w: 7}, {w: 13}, {w: 10}, {w: 12, from: 110}, {flex: true, from: 90}}

// noticeColumns: received, change, sub-processor, effective, object by,
// act by, days left, status. openColumns are the same with the agreement
// first, across all agreements.
var (
	noticeColumns = []col{{w: 10}, {w: 8}, {flex: true}, {w: 10, from: 100}, {w: 10}, {w: 10}, {w: 6}, {w: 13}}
	openColumns   = []col{{flex: true}, {w: 8}, {flex: true}, {w: 10, from: 120}, {w: 10}, {w: 10}, {w: 6}, {w: 13}}
)

func (m *Model) subColumnNames() string {
	t, w := m.c.T, m.rowW()
	return cells(w, layout(w, subColumns), t("subprocs.col.name"), t("subprocs.col.org"), t("subprocs.col.country"),
		t("subprocs.col.region"), t("subprocs.col.status"), t("subprocs.col.clause"), t("subprocs.col.purpose"))
}

func (m *Model) noticeColumnNames(first string) string {
	t, w := m.c.T, m.rowW()
	return cells(w, layout(w, m.noticeColumns()), first, t("subprocs.col.change"), t("subprocs.col.name"),
		t("subprocs.col.effective"), t("subprocs.col.object_by"), t("subprocs.col.act_by"), t("subprocs.col.days_left"), t("subprocs.col.notice_status"))
}

// renderEntry writes one line of the register or the overview as plain text.
func (m *Model) renderEntry(e entry, notices []noticeView, flags []subproc.Flag) string {
	w := m.rowW()
	switch {
	case e.kind == entryText && e.text == "columns:subs":
		return m.subColumnNames()
	case e.kind == entryText && e.text == "columns:notices":
		return m.noticeColumnNames(m.c.T("subprocs.col.received"))
	case e.kind == entryText && e.text == "columns:open":
		return m.noticeColumnNames(m.c.T("subprocs.col.agreement"))
	case e.kind == entryHeading || e.kind == entryText || e.kind == entryPolicy:
		return cells(w, []int{w}, e.text)
	case e.kind == entrySub:
		s := m.reg.a.Subs[e.i]
		return cells(w, layout(w, subColumns), s.Name, s.OrgNumber, s.Country, m.c.Lang.Region(s),
			m.c.T("substatus."+string(s.Status)), s.Clause, s.Purpose)
	case e.kind == entryNotice:
		n := notices[e.i]
		first := n.row.Notice.Received.String()
		if m.mode == modeOverview {
			first = n.row.AgreementTitle
		}
		return cells(w, layout(w, m.noticeColumns()), first, m.c.T("change."+string(n.row.Notice.Change)), n.row.Notice.Sub.Name,
			m.c.Lang.OrNone(n.row.Notice.Effective.String()), m.c.Lang.OrNone(n.as.ObjectionBy.String()), m.c.Lang.OrNone(n.as.ActBy.String()),
			m.daysLeft(n), m.c.T("nstatus."+string(n.status)))
	}
	f := flags[e.i]
	if m.mode == modeOverview {
		return cells(w, layout(w, []col{{w: 2}, {w: 18}, {flex: true}}), i18n.SeverityMark(f.Severity), m.overview.titles[f.AgreementID], m.c.Lang.Flag(f))
	}
	return cells(w, layout(w, []col{{w: 2}, {flex: true}}), i18n.SeverityMark(f.Severity), m.c.Lang.Flag(f))
}

// noticeColumns are the notice columns of the current mode.
func (m *Model) noticeColumns() []col {
	if m.mode == modeOverview {
		return openColumns
	}
	return noticeColumns
}

// entryStyle colours a line: headings, hints, flags by severity, notices
// by urgency.
func (m *Model) entryStyle(e entry, notices []noticeView, flags []subproc.Flag) lipgloss.Style {
	st := m.c.Styles
	switch e.kind {
	case entryHeading:
		return st.Title
	case entryText:
		return st.Dim
	case entryFlag:
		return severityStyle(st, flags[e.i].Severity)
	case entryNotice:
		return m.noticeStyle(notices[e.i])
	}
	if s := m.reg.a.Subs[e.i]; s.Status == model.SubRemoved {
		return st.Dim
	} else if s.Status == model.SubObjected || s.Status == model.SubProposed {
		return st.Warn
	}
	return st.Row
}

// noticeStyle: an open notice is a warning in its last week and red once
// the act-by day has passed; a settled one is dim.
func (m *Model) noticeStyle(n noticeView) lipgloss.Style {
	st := m.c.Styles
	if n.status != subproc.StatusOpen {
		return st.Dim
	}
	if n.as.ActBy.IsZero() {
		return st.Row
	}
	switch left := m.today().DaysUntil(n.as.ActBy); {
	case left < 0:
		return st.Danger
	case left <= 7:
		return st.Warn
	}
	return st.Row
}

func severityStyle(st *session.Styles, s subproc.Severity) lipgloss.Style {
	switch s {
	case subproc.SeverityCritical:
		return st.Danger
	case subproc.SeverityWarning:
		return st.Warn
	}
	return st.Dim
}

// daysLeft is the time to act on an open notice: "12 d", "today", or
// "late" after the act-by day.
func (m *Model) daysLeft(n noticeView) string {
	if n.status != subproc.StatusOpen || n.as.ActBy.IsZero() {
		return m.c.T("none")
	}
	switch d := m.today().DaysUntil(n.as.ActBy); {
	case d < 0:
		return m.c.T("subprocs.late")
	case d == 0:
		return m.c.T("subprocs.today")
	default:
		return m.c.T("subprocs.days", d)
	}
}

// subDetail describes a register entry: its fields, region, flags and
// history.
func (m *Model) subDetail(s model.SubProcessor) string {
	d := newDetail(m.c, m.detail.Width)
	t := m.c.T
	d.title(s.Name)
	d.field(t("subprocs.col.org"), s.OrgNumber)
	country := s.Country
	if name := m.countryName(s.Country); name != "" {
		c, _ := subproc.Lookup(s.Country)
		country = c.Code + " " + name + " · " + t("region."+string(c.Region))
	}
	d.field(t("subprocs.col.country"), m.c.Lang.OrNone(country))
	if s.Country == "" {
		d.field(t("subprocs.col.region"), m.c.Lang.Region(s))
	} else if s.Region != "" {
		d.field(t("subprocs.col.region"), s.Region)
	}
	d.field(t("subprocs.col.purpose"), s.Purpose)
	d.field(t("subprocs.col.clause"), s.Clause)
	status := t("substatus." + string(s.Status))
	if !s.Since.IsZero() {
		status = t("subprocs.since", status, s.Since)
	}
	d.field(t("subprocs.col.status"), status)
	d.field(t("subprocs.basis"), s.TransferBasis)
	for _, f := range m.reg.flags {
		if f.Sub == s.Name {
			d.b.WriteString("\n")
			d.para(i18n.SeverityMark(f.Severity)+" "+m.c.Lang.Flag(f), severityStyle(m.c.Styles, f.Severity).Render)
		}
	}
	var hist []string
	for _, h := range m.reg.history {
		if strings.EqualFold(h.Name, s.Name) || (h.Before != nil && strings.EqualFold(h.Before.Name, s.Name)) {
			hist = append(hist, m.historyLine(h))
		}
	}
	if len(hist) > 0 {
		d.section(t("subprocs.history"))
		for _, h := range hist {
			d.para(h, m.c.Styles.Value.Render)
		}
	}
	return d.String()
}

// countryName names a country code in the session's language, or "" for
// a code it does not know.
func (m *Model) countryName(code string) string {
	c, err := subproc.Lookup(code)
	switch {
	case err != nil:
		return ""
	case m.c.Lang == "sv":
		return c.NameSV
	}
	return c.NameEN
}

// historyLine tells one change: "2026-12-10 changed status: proposed →
// approved (notice 3)".
func (m *Model) historyLine(h store.SubChange) string {
	t := m.c.T
	line := h.Date.String() + " " + t("subprocs.hist."+h.Action)
	if h.Before != nil {
		var parts []string
		for _, f := range h.Fields {
			value := func(s model.SubProcessor) string {
				if f == "status" {
					return t("substatus." + string(s.Status))
				}
				return m.c.Lang.OrNone(subField(s, f))
			}
			parts = append(parts, t("subprocs.field."+f)+" "+value(*h.Before)+" → "+value(h.After))
		}
		line += ": " + strings.Join(parts, "; ")
	}
	if h.NoticeID != 0 {
		line += " " + t("subprocs.by_notice", h.NoticeID)
	}
	return line
}

// subField is one field of an entry as text, by the name history uses.
func subField(s model.SubProcessor, field string) string {
	switch field {
	case "name":
		return s.Name
	case "org_number":
		return s.OrgNumber
	case "country":
		return s.Country
	case "purpose":
		return s.Purpose
	case "clause":
		return s.Clause
	case "transfer_basis":
		return s.TransferBasis
	}
	return s.Since.String()
}

// noticeDetail describes a notice with everything computed for it.
func (m *Model) noticeDetail(n noticeView) string {
	d := newDetail(m.c, m.detail.Width)
	t := m.c.T
	nt := n.row.Notice
	head := t("change."+string(nt.Change)) + " " + nt.Sub.Name
	if nt.Sub.Country != "" {
		head += " (" + nt.Sub.Country + ")"
	}
	d.title(head)
	if m.mode == modeOverview {
		d.field(t("subprocs.col.agreement"), n.row.AgreementTitle)
	}
	d.field(t("subprocs.replaces"), nt.Replaces)
	d.field(t("subprocs.col.received"), nt.Received.String())
	d.field(t("subprocs.col.effective"), m.c.Lang.OrNone(nt.Effective.String()))
	objection := t("subprocs.no_deadline")
	if !n.as.ObjectionBy.IsZero() {
		objection = n.as.ObjectionBy.String()
		if !n.as.ActBy.Equal(n.as.ObjectionBy) {
			objection += " · " + t("detail.act_by", n.as.ActBy)
		}
		if n.status == subproc.StatusOpen {
			objection += " · " + m.daysLeft(n)
		}
	}
	d.field(t("subprocs.col.object_by"), objection)
	d.field(t("subprocs.earliest"), n.as.EarliestEffective.String())
	d.field(t("subprocs.sufficient"), m.c.Lang.NoticeCheck(n.as.SufficientNotice, n.as.Given, n.as.Required))
	d.field(t("subprocs.remedy"), m.c.Lang.Remedy(n.as.Remedy))
	d.field(t("subprocs.col.notice_status"), t("nstatus."+string(n.status)))
	if dec := nt.Decision; dec != nil {
		d.field(t("subprocs.decision"), strings.TrimSuffix(t("verdict."+string(dec.Verdict))+" "+dec.Date.String()+" · "+dec.Comment, " · "))
	}
	d.field(t("subprocs.col.purpose"), nt.Sub.Purpose)
	d.b.WriteString("\n")
	d.para(n.as.Explain(m.c.Lang.Model()), m.c.Styles.Dim.Render)
	if n.status == subproc.StatusOpen && m.mode == modeRegister {
		d.b.WriteString("\n")
		d.para(t("subprocs.decide_hint"), m.c.Styles.Dim.Render)
	}
	return d.String()
}

// policyDetail shows everything the agreement says about changing
// sub-processors.
func (m *Model) policyDetail(p *model.SubPolicy) string {
	d := newDetail(m.c, m.detail.Width)
	t := m.c.T
	d.title(t("subprocs.policy"))
	lang := m.c.Lang.Model()
	d.field(t("subprocs.policy.advance_label"), p.AdvanceNotice.In(lang))
	d.field(t("subprocs.policy.window_label"), m.c.Lang.OrNone(p.ObjectionWindow.In(lang)))
	if p.SilenceAccepts {
		d.field(t("subprocs.policy.silence_label"), t("yes"))
	}
	d.field(t("subprocs.policy.terminate_label"), p.TerminationNotice.In(lang))
	if p.SupplierMayTerminate {
		d.field(t("subprocs.remedy"), t("subprocs.remedy.supplier"))
	}
	d.field(t("subprocs.policy.on_objection"), p.OnObjection)
	d.field(t("subprocs.col.clause"), p.Clause)
	d.field(t("subprocs.policy.list_url"), p.ListURL)
	if p.ListURL != "" {
		d.field(t("subprocs.policy.list_checked"), m.c.Lang.OrNone(p.ListChecked.String()))
	}
	d.field(t("subprocs.basis"), p.TransferBasis)
	d.field(t("subprocs.policy.region"), p.ProcessingRegion)
	if p.ListURL != "" {
		d.b.WriteString("\n")
		d.para(t("subprocs.policy.list_hint"), m.c.Styles.Dim.Render)
	}
	return d.String()
}

// flagDetail shows a whole flag.
func (m *Model) flagDetail(f subproc.Flag, agreement string) string {
	d := newDetail(m.c, m.detail.Width)
	d.title(m.c.T("severity." + string(f.Severity)))
	d.field(m.c.T("subprocs.col.agreement"), agreement)
	d.para(m.c.Lang.Flag(f), severityStyle(m.c.Styles, f.Severity).Render)
	return d.String()
}

// selectedEntry returns the register or overview entry under the cursor.
func selectedEntry(es []entry, i int) (entry, bool) {
	if i < 0 || i >= len(es) {
		return entry{}, false
	}
	return es[i], true
}

// subIndex is the register entry under the cursor, or -1.
func (m *Model) subIndex() int { return m.selectedOf(entrySub) }

// noticeIndex is the notice under the cursor, or -1.
func (m *Model) noticeIndex() int { return m.selectedOf(entryNotice) }

// selectedOf is the index of what the register line under the cursor
// shows when it is of kind k, or -1.
func (m *Model) selectedOf(k entryKind) int {
	if m.mode != modeRegister || m.reg == nil {
		return -1
	}
	if e, ok := selectedEntry(m.reg.entries, m.list.Selected()); ok && e.kind == k {
		return e.i
	}
	return -1
}
