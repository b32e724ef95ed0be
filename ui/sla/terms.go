package sla

import (
	"fmt"
	"strconv"
	"strings"

	"avtal/model"
	"avtal/model/slacredit"
	"avtal/ui/session"
)

// termWords are an SLA's terms in plain words, one phrase per subject, with
// the clause numbers they come from. Every phrase is sanitised: terms come
// from imported files.
type termWords struct {
	window, target, credit, cap, claim, source string
	exclusions                                 []string
}

// describeTerms puts terms into words in the session's language.
func describeTerms(c *session.State, t *model.SLATerms) termWords {
	w := termWords{window: windowWords(c, t.Window), target: c.T("sla.terms.target", c.Lang.Pct(t.TargetPct))}
	if t.Clause != "" {
		w.target += " (" + c.T("sla.terms.clause", t.Clause) + ")"
	}
	switch {
	case t.Discretionary:
		w.credit = c.T("sla.terms.discretionary")
	case len(t.Tiers) == 0:
		w.credit = c.T("sla.terms.no_tiers")
	default:
		tiers := make([]string, len(t.Tiers))
		for i, tier := range t.Tiers {
			tiers[i] = c.T("sla.terms.tier", c.Lang.Pct(tier.Below), c.Lang.Pct(tier.CreditPct))
		}
		w.credit = c.T("sla.terms.tiers", strings.Join(tiers, ", "))
	}
	if t.CapPct > 0 && !t.Discretionary {
		w.cap = c.T("sla.terms.cap", c.Lang.Pct(t.CapPct))
	}
	switch {
	case t.ClaimByMonthEnd && t.ClaimWindow.IsZero():
		w.claim = c.T("sla.terms.claim_next")
	case t.ClaimByMonthEnd:
		w.claim = c.T("sla.terms.claim_month", t.ClaimWindow)
	case !t.ClaimWindow.IsZero():
		w.claim = c.T("sla.terms.claim", t.ClaimWindow)
	default:
		w.claim = c.T("sla.terms.no_claim")
	}
	if t.ClaimClause != "" {
		w.claim += " (" + c.T("sla.terms.clause", t.ClaimClause) + ")"
	}
	for _, e := range t.Exclusions {
		w.exclusions = append(w.exclusions, session.Sanitize(e))
	}
	if t.Source != "" {
		w.source = c.T("sla.terms.source", session.Sanitize(t.Source))
	}
	w.window, w.target, w.claim = session.Sanitize(w.window), session.Sanitize(w.target), session.Sanitize(w.claim)
	return w
}

// windowWords says what time the SLA measures.
func windowWords(c *session.State, w model.Window) string {
	// "08–17 CET" in a Swedish agreement is read as Swedish local time,
	// summer time included; the pane says so.
	tz := w.TZ
	if tz == "" || tz == slacredit.DefaultTZ {
		tz = c.T("sla.terms.stockholm")
	}
	if w.Kind != model.WindowServiceHours {
		return c.T("sla.terms.24x7", tz)
	}
	holidays := ""
	if w.Holidays != "" {
		holidays = c.T("sla.terms.holidays")
		if w.Eves {
			holidays += c.T("sla.terms.eves")
		}
	}
	return c.T("sla.terms.hours", dayWords(c, w.Weekdays), w.From, w.To, holidays, tz)
}

// dayWords writes weekdays as runs: Mon–Fri, or Mon, Wed, Fri.
func dayWords(c *session.State, days []int) string {
	var parts []string
	for i := 0; i < len(days); {
		j := i
		for j+1 < len(days) && days[j+1] == days[j]+1 {
			j++
		}
		name := func(d int) string { return c.T("sla.day." + strconv.Itoa(d)) }
		if j-i >= 2 {
			parts = append(parts, name(days[i])+"–"+name(days[j]))
		} else {
			for k := i; k <= j; k++ {
				parts = append(parts, name(days[k]))
			}
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// pct writes a percentage without needless decimals: 99.5, 25, 99.99.

// monthName writes "November 2026".
func monthName(c *session.State, year int, month int) string {
	return fmt.Sprintf("%s %d", c.T("sla.month."+strconv.Itoa(month)), year)
}
