package i18n

import (
	"cmp"
	"maps"
	"strings"

	"avtal/model"
	"avtal/model/subproc"
)

// Named returns the message key in the language with its {name}
// placeholders filled from params, in one pass, so a value that looks like
// a placeholder stays as written.
func (l Lang) Named(key string, params map[string]string) string {
	pairs := make([]string, 0, 2*len(params))
	for k, v := range params {
		pairs = append(pairs, "{"+k+"}", v)
	}
	return strings.NewReplacer(pairs...).Replace(l.T(key))
}

// Flag returns a sub-processor flag in the language; a note (the limits of
// an adequacy decision, in English from the country table) follows a dash.
func (l Lang) Flag(f subproc.Flag) string {
	msg := l.Named("flag."+f.Key, l.flagPeriods(f.Params))
	if note := f.Params["note"]; note != "" {
		msg += " — " + note
	}
	return msg
}

// periodParams are the flag params that hold a period in its text form
// ("4 weeks").
var periodParams = []string{"required", "given"}

// flagPeriods returns params with its periods in words of the language, in
// a copy: the flag's own map stays as computed.
func (l Lang) flagPeriods(params map[string]string) map[string]string {
	out := params
	for _, k := range periodParams {
		p, err := model.ParsePeriod(params[k])
		if err != nil || p.IsZero() {
			continue
		}
		out = maps.Clone(out)
		out[k] = p.In(l.Model())
	}
	return out
}

// SubPolicy sums up an agreement's sub-processor policy in one line.
func (l Lang) SubPolicy(p *model.SubPolicy) string {
	var parts []string
	if !p.AdvanceNotice.IsZero() {
		parts = append(parts, l.T("subprocs.policy.advance", p.AdvanceNotice))
	}
	if !p.ObjectionWindow.IsZero() {
		parts = append(parts, l.T("subprocs.policy.window", p.ObjectionWindow))
	} else {
		parts = append(parts, l.T("subprocs.policy.no_window"))
	}
	if p.SilenceAccepts {
		parts = append(parts, l.T("subprocs.policy.silence"))
	}
	if !p.TerminationNotice.IsZero() {
		parts = append(parts, l.T("subprocs.policy.terminate", p.TerminationNotice))
	}
	if p.Clause != "" {
		parts = append(parts, l.T("detail.clause", p.Clause))
	}
	return strings.Join(parts, " · ")
}

// NoticeCheck says whether the supplier gave enough notice.
func (l Lang) NoticeCheck(check subproc.Sufficiency, given, required model.Period) string {
	switch check {
	case subproc.NoticeSufficient:
		return l.T("subprocs.notice_ok", given, required)
	case subproc.NoticeInsufficient:
		return l.T("subprocs.notice_short", given, required)
	}
	return l.T("subprocs.notice_" + string(check))
}

// Remedy says what the customer can do if it objects.
func (l Lang) Remedy(r subproc.Remedy) string {
	switch {
	case r.CustomerMayTerminate && !r.EndsAt.IsZero():
		return l.T("subprocs.remedy.terminate_ends", r.TerminationNotice, r.EndsAt)
	case r.CustomerMayTerminate:
		return l.T("subprocs.remedy.terminate", r.TerminationNotice)
	case r.SupplierMayTerminate:
		return l.T("subprocs.remedy.supplier")
	case r.Text != "":
		return r.Text
	}
	return l.T("subprocs.remedy.none")
}

// Change describes one difference between a supplier's list and the
// register in a line: "+ Acme Inc (US) hosting", "- FourEdge AB (SE)",
// "~ Mailgun: country SE → IE".
func (l Lang) Change(c subproc.Change) string {
	switch c.Kind {
	case subproc.DiffAdded:
		return strings.TrimSpace(l.T("subprocs.diff.added", c.Incoming.Name, cmp.Or(c.Incoming.Country, c.Incoming.Region), c.Incoming.Purpose))
	case subproc.DiffRemoved:
		return l.T("subprocs.diff.removed", c.Current.Name, cmp.Or(c.Current.Country, c.Current.Region))
	}
	was := map[string]string{"name": c.Current.Name, "org_number": c.Current.OrgNumber, "country": c.Current.Country, "region": c.Current.Region, "purpose": c.Current.Purpose}
	now := map[string]string{"name": c.Incoming.Name, "org_number": c.Incoming.OrgNumber, "country": c.Incoming.Country, "region": c.Incoming.Region, "purpose": c.Incoming.Purpose}
	parts := make([]string, len(c.Fields))
	for i, f := range c.Fields {
		parts[i] = l.T("subprocs.field."+f) + " " + l.OrNone(was[f]) + " → " + l.OrNone(now[f])
	}
	return l.T("subprocs.diff.changed", c.Current.Name, strings.Join(parts, "; "))
}

// OrNone returns s, or the word for "none" when s is empty.
func (l Lang) OrNone(s string) string {
	if s == "" {
		return l.T("none")
	}
	return s
}

// SeverityMark marks a flag's severity in plain text, so it reads without
// colour too: "!!" critical, "!" warning, "i" information.
func SeverityMark(s subproc.Severity) string {
	switch s {
	case subproc.SeverityCritical:
		return "!!"
	case subproc.SeverityWarning:
		return "!"
	}
	return "i"
}
