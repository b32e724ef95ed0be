package agreements

import (
	"strings"
	"testing"

	"avtal/assets"
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
