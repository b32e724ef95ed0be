package calendar

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/store"
	"avtal/ui/session"
)

// openDetail writes the explanation of the selected deadline, wrapped to
// the agenda's width, once: View only joins the lines.
func (m *Model) openDetail() {
	d := m.selected()
	if d == nil {
		m.focus, m.detailText = agendaFocus, nil
		return
	}
	st := m.c.Styles
	w := max(10, m.layout.agendaInnerW)
	dec := m.data.decisions[d.Key()]
	facts := [][2]string{
		{"cal.detail.kind", session.Sanitize(m.c.Lang.DeadlineKind(*d))},
		{"cal.detail.agreement", m.data.title(d.AgreementID) + " (" + d.AgreementID + ")"},
		{"cal.detail.clause", session.Sanitize(d.Clause)},
		{"cal.detail.date", m.longDate(d.Date)},
		{"cal.detail.act_by", m.longDate(d.ActBy) + " · " + m.distance(d.ActBy)},
		{"cal.detail.why", session.Sanitize(d.Explanation)},
		{"cal.detail.sample", session.Sanitize(m.c.Lang.FieldNames(d.Sample))},
		{"cal.detail.state", m.state(d, dec)},
		{"cal.detail.comment", session.Sanitize(dec.Comment)},
	}
	labelW := 0
	for _, f := range facts {
		labelW = max(labelW, ansi.StringWidth(m.c.T(f[0]))+2)
	}
	labelW = min(labelW, w/3)
	var lines []string
	for _, l := range wrap(m.title(d), w) {
		lines = append(lines, st.Title.Render(l))
	}
	lines = append(lines, "")
	for _, f := range facts {
		if f[1] == "" {
			continue
		}
		label := cell(m.c.T(f[0]), labelW-1) + " "
		for i, part := range wrap(f[1], w-labelW) {
			if i > 0 {
				label = strings.Repeat(" ", labelW)
			}
			lines = append(lines, st.Label.Render(label)+part)
		}
	}
	lines = append(lines, "")
	for _, l := range wrap(m.c.T("cal.detail.hint"), w) {
		lines = append(lines, st.Dim.Render(l))
	}
	m.detailText = lines
}

// title is the deadline's own title, or its kind in the session's language
// when its rule names none (the engine's default title is English).
func (m *Model) title(d *model.Deadline) string {
	if d.Title == deadlines.DefaultTitle(d.Kind) {
		return m.c.T("dl." + string(d.Kind))
	}
	return session.Sanitize(d.Title)
}

// wrap breaks text into lines of at most w cells at spaces only, so dates
// and ids keep their hyphens on one line; a word longer than a line is cut.
func wrap(s string, w int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if ansi.StringWidth(word) > w {
			if line != "" {
				lines = append(lines, line)
			}
			parts := strings.Split(ansi.Hardwrap(word, w, false), "\n")
			lines, line = append(lines, parts[:len(parts)-1]...), parts[len(parts)-1]
			continue
		}
		switch {
		case line == "":
			line = word
		case ansi.StringWidth(line)+1+ansi.StringWidth(word) <= w:
			line += " " + word
		default:
			lines, line = append(lines, line), word
		}
	}
	return append(lines, line)
}

// distance says how far off a day is from today in words.
func (m *Model) distance(day model.Date) string {
	switch n := m.data.today.DaysUntil(day); {
	case n == 0:
		return m.c.T("cal.today")
	case n > 0:
		return m.c.T("cal.in_days", model.Period{N: n, Unit: model.Days})
	default:
		return m.c.T("cal.days_ago", model.Period{N: -n, Unit: model.Days})
	}
}

// state says where a deadline stands: done (on a day), snoozed, missed,
// overdue or open.
func (m *Model) state(d *model.Deadline, dec store.Decision) string {
	today := m.data.today
	switch {
	case d.Done && !dec.DoneOn.IsZero():
		return m.c.T("cal.done_on", dec.DoneOn)
	case d.Done:
		return m.c.T("cal.done")
	case m.data.snoozed(d):
		return m.c.T("cal.snoozed_until", dec.SnoozedUntil)
	case d.Kind == model.DLTermination && d.Date.Before(today):
		return m.c.T("cal.missed")
	case deadlines.NeedsAction(d.Kind) && d.ActBy.Before(today):
		return m.c.T("cal.overdue")
	}
	return m.c.T("cal.open")
}
