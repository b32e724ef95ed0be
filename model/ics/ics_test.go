package ics

import (
	"bufio"
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ical "github.com/arran4/golang-ical"

	"avtal/model"
)

func day(s string) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

var stamp = time.Date(2026, 11, 24, 8, 30, 0, 0, time.UTC)

// sample holds the Centuri price notice (2026-08-30 is a Sunday, act by Friday
// 2026-08-28), a termination notice with a long Swedish title full of
// characters TEXT must escape, and a deadline already done.
func sample() []model.Deadline {
	return []model.Deadline{
		{Kind: model.DLPriceNotice, Date: day("2026-08-30"), ActBy: day("2026-08-28"), AgreementID: "centuri-saas", Clause: "7.6",
			Title: "Price increase notice", Explanation: "36 months from start 2024-04-01 ends 2027-03-31; 6 months before = 2026-09-30; 1 month before = 2026-08-30"},
		{Kind: model.DLTermination, Date: day("2026-09-30"), ActBy: day("2026-09-30"), AgreementID: "kommunens-ärendesystem", Clause: "3.2; b",
			Title:       "Uppsägning, senast – åäö ÅÄÖ é ü; förlängs annars automatiskt med tolv månader i taget \\ se bilaga 2, punkt 4",
			Explanation: "första raden\nandra raden\r\ntredje, med komma; semikolon och \\ snedstreck"},
		{Kind: model.DLCreditClaim, Date: day("2026-12-30"), ActBy: day("2026-12-30"), AgreementID: "pureservice", Title: "SLA credit claim", Done: true},
	}
}

func parse(t *testing.T, b []byte) *ical.Calendar {
	t.Helper()
	cal, err := ical.ParseCalendar(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("does not parse: %v\n%s", err, b)
	}
	return cal
}

func TestMarshalParses(t *testing.T) {
	ds := sample()
	cal := parse(t, Marshal(ds, Options{Stamp: stamp, Name: "Avtal, deadlines"}))
	events := cal.Events()
	if len(events) != len(ds) {
		t.Fatalf("%d events, want %d", len(events), len(ds))
	}
	// Alarms: a termination notice reminds at 90/30/7/0 days, a price notice at
	// the other kinds' 30/7/0; a deadline already done reminds of nothing.
	wantAlarms := []int{3, 4, 0}
	wantStart := []string{"20260828", "20260930", "20261230"}
	for i, e := range events {
		d := ds[i]
		if e.Id() != UID(d) {
			t.Errorf("event %d: UID %q, want %q", i, e.Id(), UID(d))
		}
		if p := e.GetProperty(ical.ComponentPropertyDtStart); p == nil || p.Value != wantStart[i] || p.ICalParameters["VALUE"][0] != "DATE" {
			t.Errorf("event %d: DTSTART %+v, want the act-by day %s as a DATE", i, p, wantStart[i])
		}
		if got := e.GetProperty(ical.ComponentPropertyDtstamp).Value; got != "20261124T083000Z" {
			t.Errorf("event %d: DTSTAMP %s", i, got)
		}
		if got := e.GetProperty(ical.ComponentPropertySummary).Value; got != Summary(d) {
			t.Errorf("event %d: SUMMARY read back as %q, want %q", i, got, Summary(d))
		}
		if got, want := e.GetProperty(ical.ComponentPropertyDescription).Value, strings.ReplaceAll(description(d), "\r\n", "\n"); got != want {
			t.Errorf("event %d: DESCRIPTION read back as %q, want %q", i, got, want)
		}
		if n := len(e.Alarms()); n != wantAlarms[i] {
			t.Errorf("event %d: %d alarms, want %d", i, n, wantAlarms[i])
		}
	}
	if got := cal.CalendarProperties; len(got) == 0 {
		t.Error("no calendar properties")
	}
	var triggers []string
	for _, a := range events[1].Alarms() {
		triggers = append(triggers, a.GetProperty(ical.ComponentPropertyTrigger).Value)
	}
	// 09:00 on the day, and n days before at 09:00 = n−1 days 15 hours before midnight.
	if got := strings.Join(triggers, " "); got != "-P89DT15H -P29DT15H -P6DT15H PT9H" {
		t.Errorf("termination triggers %s", got)
	}
}

func TestLines(t *testing.T) {
	// Pad the long title so that a two-byte letter straddles the 75th octet
	// in at least one of the runs.
	for pad := range 4 {
		ds := sample()
		ds[1].Title = strings.Repeat("x", pad) + ds[1].Title + strings.Repeat("ö", 40)
		checkLines(t, Marshal(ds, Options{Stamp: stamp}))
	}
}

// checkLines asserts the physical form RFC 5545 3.1 asks for: every line
// ends in CRLF, no line is longer than 75 octets, folds never split a UTF-8
// sequence or an escape, and the calendar begins and ends as it should.
func checkLines(t *testing.T, b []byte) {
	t.Helper()
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Fatal("the file does not end in CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
	if lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" {
		t.Fatalf("begins %q, ends %q", lines[0], lines[len(lines)-1])
	}
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Fatalf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Fatalf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
		if i+1 < len(lines) && strings.HasPrefix(lines[i+1], " ") && escapeOpen(l) {
			t.Fatalf("line %d folds inside an escape: %q", i+1, l)
		}
	}
}

// folded is one content line as the writer writes it.
func folded(name, value string) string {
	var b bytes.Buffer
	w := writer{b: bufio.NewWriter(&b)}
	w.line(name, value)
	w.b.Flush()
	return b.String()
}

func TestFoldAtBoundary(t *testing.T) {
	// "SUMMARY:" is 8 octets; 66 a's bring the line to 74, then "ö" (2 octets)
	// would end at 76, so the first line stops at 74 and "ö" starts the next.
	want := "SUMMARY:" + strings.Repeat("a", 66) + "\r\n öb\r\n"
	if got := folded("SUMMARY", strings.Repeat("a", 66)+"öb"); got != want {
		t.Errorf("folded %q, want %q", got, want)
	}
	// 66 a's then "\,": the backslash is octet 75 and its comma octet 76, so
	// the backslash moves to the next line together with its comma.
	want = "SUMMARY:" + strings.Repeat("a", 66) + "\r\n \\,x\r\n"
	if got := folded("SUMMARY", strings.Repeat("a", 66)+`\,x`); got != want {
		t.Errorf("folded %q, want %q", got, want)
	}
	// Exactly 75 octets: no fold.
	if got := folded("SUMMARY", strings.Repeat("a", 67)); got != "SUMMARY:"+strings.Repeat("a", 67)+"\r\n" {
		t.Errorf("a 75-octet line was folded: %q", got)
	}
}

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a,b;c\\d", `a\,b\;c\\d`},
		{"one\ntwo\r\nthree\rfour", `one\ntwo\nthree\nfour`},
		{"tab\there, bell\a", `tab` + "\t" + `here\, bell `},
		{"åäö – ÅÄÖ", "åäö – ÅÄÖ"},
		{"bad \xff byte", "bad \uFFFD byte"},
	}
	for _, tt := range tests {
		if got := text(tt.in); got != tt.want {
			t.Errorf("text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStableUIDs(t *testing.T) {
	a := Marshal(sample(), Options{Stamp: stamp})
	b := Marshal(sample(), Options{Stamp: stamp})
	if !bytes.Equal(a, b) {
		t.Fatal("the same deadlines and stamp must give the same file")
	}
	d := sample()[0]
	if !regexp.MustCompile(`^[0-9a-f]{32}@avtal$`).MatchString(UID(d)) {
		t.Errorf("UID %q", UID(d))
	}
	// Title, explanation and done do not change the event's identity; the
	// date, kind, agreement or clause do.
	same := d
	same.Title, same.Explanation, same.Done = "Other title", "other", true
	if UID(same) != UID(d) {
		t.Error("a changed title must update the event, not make a new one")
	}
	for _, change := range []func(*model.Deadline){
		func(x *model.Deadline) { x.Date = x.Date.AddDays(365) },
		func(x *model.Deadline) { x.Kind = model.DLTermination },
		func(x *model.Deadline) { x.AgreementID = "other" },
		func(x *model.Deadline) { x.Clause = "7.7" },
	} {
		other := d
		change(&other)
		if UID(other) == UID(d) {
			t.Errorf("%+v has the same UID as %+v", other, d)
		}
	}
}

func TestEmptyCalendar(t *testing.T) {
	b := Marshal(nil, Options{Stamp: stamp})
	want := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Avtal//Deadlines//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n"
	if string(b) != want {
		t.Errorf("empty calendar:\n%q", b)
	}
	parse(t, b)
}

// failing is a writer that refuses everything, like a full disk.
type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteReportsAFailedWrite(t *testing.T) {
	if err := Write(failing{}, sample(), Options{Stamp: stamp}); err == nil || err.Error() != "disk full" {
		t.Errorf("Write to a full disk: %v", err)
	}
}

// Marshal returns the deadlines as one iCalendar object.
func Marshal(ds []model.Deadline, opt Options) []byte {
	var b bytes.Buffer
	Write(&b, ds, opt) // a bytes.Buffer takes everything
	return b.Bytes()
}
