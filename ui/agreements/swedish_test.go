package agreements

import (
	"context"
	"strings"
	"testing"

	"avtal/assets"
	"avtal/model"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/session"
)

// TestSwedishDetailIsSwedish shows the Swedish detail of every agreement in
// the sample register and finds no English period or sentence word in
// what Avtal writes. The summaries are the register's own free text, in
// the language they were written in, and the sample-value warning lists
// field names as the register file writes them, so both are left out.
func TestSwedishDetailIsSwedish(t *testing.T) {
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range sample {
		a.Summary, a.Sample = "", nil
	}
	p := openPane(t, sample, 240, 80, func(c *session.State) { c.Lang = i18n.SV })
	english := []string{"month", "week", "business day", " days", "year", "before", " after ", "renewal", " ends ", "from start"}
	var all strings.Builder
	for range sample {
		v := p.m.View()
		all.WriteString(v)
		for _, w := range english {
			if strings.Contains(v, w) {
				t.Errorf("the Swedish detail shows %q:\n%s", w, v)
			}
		}
		p.press(down, 1)
	}
	// Centuri (36 months from 2024-04-01, renewals of 12, notice 6) on
	// 2026-11-24: its next cancel-by is the first renewal's, 2028-03-31 − 6
	// months = 2027-09-30, which says the period it ends; Inera NPÖ runs until further notice with 3 months'.
	for _, want := range []string{"36 månader (punkt 13.1)", "Förlängning      12 månader", "Uppsägningstid   6 månader",
		"2027-09-30 (perioden som slutar 2028-03-31)  förlängning 1 (12 månader) från 2027-04-01", "Uppsägningstid   3 månader"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("no Swedish detail shows %q", want)
		}
	}
}

// The Swedish edit form writes the term's periods in Swedish, as the
// review above it does, and "until further notice" as ja; saving it
// untouched changes nothing, and a period typed in Swedish is read.
func TestSwedishEditFormIsSwedish(t *testing.T) {
	sample, err := assets.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	p := openPane(t, sample, 100, 40, func(c *session.State) { c.Lang = i18n.SV })
	p.keys("e") // Centuri: 36 months, renewals of 12, notice 6
	v := p.view()
	for _, want := range []string{"36 månader", "12 månader", "6 månader"} {
		if !strings.Contains(v, want) {
			t.Errorf("the form lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "months") {
		t.Errorf("the Swedish form shows English periods:\n%s", v)
	}
	before := len(auditLog(t, p))
	p.keys("ctrl+s")
	if p.m.editing != nil || len(auditLog(t, p)) != before {
		t.Errorf("saving the untouched form wrote %d changes", len(auditLog(t, p))-before)
	}
	p.keys("e")
	p.focusField("term.indefinite")
	if v := p.view(); !strings.Contains(v, "ja") || strings.Contains(v, "true") {
		t.Errorf("until further notice should offer ja:\n%s", v)
	}
	p.keys("shift+tab", "ctrl+u")
	p.typeText("3 månader")
	p.keys("ctrl+s")
	a, _ := p.st.Agreement(context.Background(), "centuri-saas")
	if a.Term.Notice != (model.Period{N: 3, Unit: model.Months}) || p.m.editing != nil {
		t.Errorf("notice %v after typing 3 månader; form open %v", a.Term.Notice, p.m.editing != nil)
	}
}

func auditLog(t *testing.T, p *pane) []store.AuditEntry {
	t.Helper()
	log, err := p.st.AuditLog(context.Background(), "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// The values the importer stores in English words of its own — a country
// whose law governs, arbitration, a supplier it could not name — are
// shown in Swedish in the review, the form, the list and the detail, and
// a form saved as shown stores them as they were.
func TestSwedishReviewWordsTheImportersValues(t *testing.T) {
	p := openPane(t, nil, 100, 70, func(c *session.State) { c.Lang = i18n.SV; c.LocalFiles = true })
	text := "VILLKOR FÖR TJÄNSTEN\n\n1. Lag\nVillkoren ska tillämpas och tolkas enligt svensk lag.\n\n2. Tvist\nEn tvist avgörs slutligt genom skiljeförfarande.\n"
	p.importFile(p.file("villkor.txt", text), "")
	if p.m.review == nil {
		t.Fatal("the review does not open after an import")
	}
	english := []string{"(unknown)", "Sweden", "arbitration"}
	check := func(where string) {
		t.Helper()
		v := p.view()
		for _, w := range english {
			if strings.Contains(v, w) {
				t.Errorf("the Swedish %s shows %q:\n%s", where, w, v)
			}
		}
		for _, w := range []string{"(okänd)", "Sverige", "skiljeförfarande"} {
			if !strings.Contains(v, w) {
				t.Errorf("the Swedish %s lacks %q:\n%s", where, w, v)
			}
		}
	}
	check("review")
	p.keys("e")
	check("edit form")
	p.keys("ctrl+s", "esc")
	a, _ := p.st.Agreement(context.Background(), p.m.selectedID())
	if a.Supplier.Name != "(unknown)" || a.Law != "Sweden" || a.Venue != "arbitration" {
		t.Errorf("saved as shown: supplier %q, law %q, venue %q", a.Supplier.Name, a.Law, a.Venue)
	}
	check("detail")
	if v := p.view(); !strings.Contains(v, "godtog förslag av") || strings.Contains(v, "accepted proposal") {
		t.Errorf("the Swedish history is not Swedish:\n%s", v)
	}
}

// At 80 columns the review's hint and what the dates lack are whole, in
// both languages.
func TestReviewHintFitsAt80Columns(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.SV} {
		p := openPane(t, nil, 80, 21, func(c *session.State) { c.Lang = lang; c.LocalFiles = true })
		p.importFile(p.file("drift.txt", drift(t)), "")
		v := p.view()
		for _, line := range strings.Split(v, "\n") {
			if strings.HasPrefix(line, "│ * ") && strings.Contains(line, "…") {
				t.Errorf("%s: the hint is cut: %q", lang, line)
			}
		}
		if want := lang.T("dates.lack", lang.T("field.start")); !strings.Contains(v, want) {
			t.Errorf("%s: no %q:\n%s", lang, want, v)
		}
	}
}
