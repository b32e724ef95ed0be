package ics

import (
	"strings"
	"testing"

	"avtal/model"
)

// FuzzICS writes a deadline with arbitrary text and checks that a real
// iCalendar parser reads the file back, that every line keeps the physical
// rules, and that the summary survives the round trip.
func FuzzICS(f *testing.F) {
	f.Add("Termination notice", "centuri-saas", "3.2", "36 months from start 2024-04-01 ends 2027-03-31")
	f.Add("Uppsägning – åäö, ÅÄÖ; \\ sista dag", "kommun-ärende", "7.6 b", "rad ett\nrad två\r\n")
	f.Add(strings.Repeat("é", 80), strings.Repeat("x", 70), "", strings.Repeat(`\,;`, 40))
	f.Add("\x00\x7f\r\x1b[31m", "\xff\xfe", "\\", "\t")
	f.Fuzz(func(t *testing.T, title, agreement, clause, explanation string) {
		d := model.Deadline{Kind: model.DLTermination, Date: day("2026-09-30"), ActBy: day("2026-09-30"),
			AgreementID: agreement, Clause: clause, Title: title, Explanation: explanation}
		b := Marshal([]model.Deadline{d}, Options{Stamp: stamp, Name: title})
		checkLines(t, b)
		events := parse(t, b).Events()
		if len(events) != 1 {
			t.Fatalf("%d events", len(events))
		}
		// What the parser reads back is the summary after escaping removed
		// what TEXT cannot hold: control characters and invalid UTF-8.
		want := Summary(d)
		want = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(strings.ToValidUTF8(want, "\uFFFD"))
		want = strings.Map(func(r rune) rune {
			if r < ' ' && r != '\t' && r != '\n' || r == 0x7f {
				return ' '
			}
			return r
		}, want)
		if got := events[0].GetProperty("SUMMARY").Value; got != want {
			t.Fatalf("SUMMARY read back as %q, want %q", got, want)
		}
		if events[0].Id() != UID(d) {
			t.Fatalf("UID read back as %q", events[0].Id())
		}
	})
}
