// Package ics writes deadlines as an RFC 5545 iCalendar file, so they can be
// subscribed to or imported in any calendar program: one all-day event per
// deadline on its act-by day, with a reminder per lead time.
package ics

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"
	"strings"
	"time"

	"avtal/model"
	"avtal/model/deadlines"
)

// Options says how to write a calendar.
type Options struct {
	// Stamp is written as every event's DTSTAMP: when the calendar was made.
	// The caller passes it so that the same deadlines give the same file.
	Stamp time.Time
	// Name is the calendar's display name, or "" for none.
	Name string
	// Leads gives the reminder lead times per kind; nil means the defaults.
	Leads deadlines.LeadTimes
}

// Write writes the deadlines to out as one iCalendar object, event by
// event: a large register's five years are tens of megabytes.
func Write(out io.Writer, ds []model.Deadline, opt Options) error {
	w := writer{b: bufio.NewWriterSize(out, 64<<10)}
	w.line("BEGIN", "VCALENDAR")
	w.line("VERSION", "2.0")
	w.line("PRODID", "-//Avtal//Deadlines//EN")
	w.line("CALSCALE", "GREGORIAN")
	w.line("METHOD", "PUBLISH")
	if opt.Name != "" {
		w.line("X-WR-CALNAME", text(opt.Name))
	}
	leads := opt.Leads
	if leads == nil {
		leads = deadlines.DefaultLeadTimes()
	}
	stamp := opt.Stamp.UTC().Format("20060102T150405Z")
	for _, d := range ds {
		w.event(d, stamp, leads.For(d.Kind))
	}
	w.line("END", "VCALENDAR")
	return w.b.Flush()
}

// UID returns the identifier of a deadline's event. It is derived from the
// deadline's key only, so exporting again and re-importing updates the
// events already in a calendar instead of adding copies.
func UID(d model.Deadline) string {
	sum := sha256.Sum256([]byte(d.Key()))
	return hex.EncodeToString(sum[:16]) + "@avtal"
}

// Summary returns the one-line title of a deadline's event:
// "Termination notice – centuri-saas, clause 3.2".
func Summary(d model.Deadline) string {
	s := d.Title + " – " + d.AgreementID
	if d.Clause != "" {
		s += ", clause " + d.Clause
	}
	if d.Done {
		s = "Done: " + s
	}
	return s
}

// description lists what a deadline rests on, one fact a line.
func description(d model.Deadline) string {
	var b strings.Builder
	if d.Explanation != "" {
		b.WriteString(d.Explanation + "\n")
	}
	b.WriteString("Date: " + d.Date.String() + "\nAct by: " + d.ActBy.String() + "\nAgreement: " + d.AgreementID)
	if d.Clause != "" {
		b.WriteString("\nClause: " + d.Clause)
	}
	return b.String()
}

// event writes one all-day VEVENT on the act-by day. A deadline that is done
// keeps its event but has nothing left to remind of.
func (w *writer) event(d model.Deadline, stamp string, leads []int) {
	summary := text(Summary(d))
	w.line("BEGIN", "VEVENT")
	w.line("UID", UID(d))
	w.line("DTSTAMP", stamp)
	w.line("DTSTART;VALUE=DATE", dateValue(d.ActBy))
	w.line("DTEND;VALUE=DATE", dateValue(d.ActBy.AddDays(1)))
	w.line("SUMMARY", summary)
	w.line("DESCRIPTION", text(description(d)))
	w.line("CATEGORIES", text(string(d.Kind)))
	w.line("TRANSP", "TRANSPARENT")
	if !d.Done {
		for _, lead := range leads {
			w.line("BEGIN", "VALARM")
			w.line("ACTION", "DISPLAY")
			w.line("DESCRIPTION", summary)
			w.line("TRIGGER", trigger(lead))
			w.line("END", "VALARM")
		}
	}
	w.line("END", "VEVENT")
}

// trigger returns the alarm offset for a lead time in days, timed at 09:00
// rather than at midnight: an all-day event starts at 00:00 local time, so
// 7 days before at 09:00 is 6 days and 15 hours before the start.
func trigger(days int) string {
	if days <= 0 {
		return "PT9H"
	}
	return "-P" + strconv.Itoa(days-1) + "DT15H"
}

func dateValue(d model.Date) string {
	return strings.ReplaceAll(d.String(), "-", "")
}
