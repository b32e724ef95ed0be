package subprocs

import (
	tea "github.com/charmbracelet/bubbletea"

	"avtal/model/subproc"
)

// overview is what needs doing across all agreements: the undecided
// notices and the flags of the agreements' policies (an invalid transfer
// basis, a list kept elsewhere and not checked), and the session's lines
// of them.
type overview struct {
	*overviewFacts
	all     []entry // every line
	entries []entry // the lines the filter keeps
}

// overviewFacts is what the overview shows, read from the register. The
// sessions of one register share it (session.Share), so it is never
// changed once loaded.
type overviewFacts struct {
	notices []noticeView
	flags   []subproc.Flag
	titles  map[string]string // agreement id → title, for the flags
}

func (m *Model) gotOverview(msg overviewMsg) tea.Cmd {
	if ok, cmd := m.arrived(msg.seq, msg.err); !ok {
		return cmd
	}
	o := &overview{overviewFacts: msg.facts}
	c := m.c
	text := func(k entryKind, s string) { o.all = append(o.all, entry{kind: k, text: s}) }
	text(entryHeading, c.T("subprocs.heading.open", len(o.notices)))
	if len(o.notices) == 0 {
		text(entryText, c.T("subprocs.empty.open"))
	} else {
		text(entryText, "columns:open")
	}
	for i := range o.notices {
		o.all = append(o.all, entry{kind: entryNotice, i: i})
	}
	text(entryHeading, c.T("subprocs.heading.policy_flags", len(o.flags)))
	if len(o.flags) == 0 {
		text(entryText, c.T("subprocs.empty.policy_flags"))
	}
	for i := range o.flags {
		o.all = append(o.all, entry{kind: entryFlag, i: i})
	}
	text(entryText, "")
	text(entryText, c.T("subprocs.overview_hint"))
	o.entries = m.kept(o.all, o.notices, o.flags, o.titles)
	m.overview = o
	m.list.Reset(len(o.entries), m.skip)
	m.shown = -1
	return m.showDetail()
}

// agreementOf returns the agreement of the overview line i.
func (o *overview) agreementOf(i int) (id, title string) {
	if o == nil {
		return "", ""
	}
	e, ok := selectedEntry(o.entries, i)
	switch {
	case !ok:
		return "", ""
	case e.kind == entryNotice:
		r := o.notices[e.i].row
		return r.AgreementID, r.AgreementTitle
	case e.kind == entryFlag:
		id := o.flags[e.i].AgreementID
		return id, o.titles[id]
	}
	return "", ""
}
