package gen

import (
	"slices"
	"strconv"
	"time"

	"avtal/model"
	"avtal/model/deadlines"
)

// subCounts is how many sub-processors a DPA names: most a handful, some
// none (the list lives elsewhere), a few a long list.
var subCounts = []option[int]{{8, 0}, {15, 1}, {20, 2}, {20, 3}, {15, 4}, {10, 5}, {7, 6}, {5, 8}}

// subProcessors draws distinct sub-processors from the pool, numbered as
// they are listed in appendix B.
func (b *builder) subProcessors(since model.Date) []model.SubProcessor {
	n := choose(b.r, subCounts)
	var subs []model.SubProcessor
	for tries := 0; len(subs) < n && tries < 8*n; tries++ {
		p := subPool.pick(b.r)
		if slices.ContainsFunc(subs, func(s model.SubProcessor) bool { return s.Name == p.name }) {
			continue
		}
		s := model.SubProcessor{Name: p.name, OrgNumber: p.org, Country: p.country, Purpose: p.purpose,
			Clause: "B." + strconv.Itoa(len(subs)+1), Status: model.SubApproved, Since: since}
		if p.third {
			s.TransferBasis = choose(b.r, transferBases)
		}
		subs = append(subs, s)
	}
	return subs
}

// notices records up to two sub-processor change notices received in the
// last 18 months. A notice from the last two months is still open: its
// sub-processor is proposed; an older one is approved since the notice.
func (b *builder) notices(a *model.Agreement) []deadlines.Event {
	if len(a.Subs) == 0 || a.Start.After(b.cfg.Today) {
		return nil
	}
	var events []deadlines.Event
	span := max(1, min(540, a.Start.DaysUntil(b.cfg.Today)))
	for range choose(b.r, []option[int]{{50, 0}, {35, 1}, {15, 2}}) {
		i := b.r.IntN(len(a.Subs))
		s := &a.Subs[i]
		received := b.cfg.Today.AddDays(-b.r.IntN(span))
		events = append(events, deadlines.Event{Name: eventNoticeReceived, Date: received, Ref: s.Name, Note: "New sub-processor: " + s.Purpose})
		s.Status, s.Since = model.SubApproved, received
		if received.DaysUntil(b.cfg.Today) < 60 {
			s.Status = model.SubProposed
		}
	}
	return events
}

var incidentTexts = [2][]string{
	{"Databasen svarade inte", "Nätverksstörning hos driftleverantören", "Inloggningen fungerade inte", "Planerad uppgradering",
		"Certifikat hade gått ut", "Överbelastning efter release", "Strömavbrott i datacentret", "Integrationen mot e-post låg nere"},
	{"Database not responding", "Network outage at the hosting provider", "Login failed", "Planned upgrade",
		"Expired certificate", "Overload after a release", "Power loss in the data centre", "E-mail integration down"},
}

// incidents draws a few outages in the two years before today: most short,
// some long, a fifth planned maintenance at night, a few excluded.
func (b *builder) incidents(a *model.Agreement) []model.Incident {
	r, today := b.r, b.cfg.Today
	span := min(max(a.Start.DaysUntil(today), 0), 730)
	if span == 0 {
		return nil
	}
	n := choose(r, []option[int]{{15, 0}, {25, 1}, {25, 2}, {15, 3}, {10, 4}, {6, 5}, {4, 6}})
	var out []model.Incident
	for range n {
		day := today.AddDays(-1 - r.IntN(span))
		in := model.Incident{AgreementID: a.ID, Description: incidentTexts[b.lang][r.IntN(len(incidentTexts[b.lang]))]}
		minutes := min(3*24*60, max(3, int(logNormal(r, 45, 1.0))))
		start := day.Time(time.UTC).Add(time.Duration(r.IntN(24*60)) * time.Minute)
		if chance(r, 20) {
			in.Planned = true
			start = day.Time(time.UTC).Add(22 * time.Hour)
			minutes = min(minutes, 240)
		}
		in.Start, in.End = start, start.Add(time.Duration(minutes)*time.Minute)
		if !in.Planned && chance(r, 8) && a.SLA != nil && len(a.SLA.Exclusions) > 0 {
			in.Excluded, in.ExcludeReason = true, a.SLA.Exclusions[r.IntN(len(a.SLA.Exclusions))]
		}
		if !in.Planned && chance(r, 70) {
			in.Reported = model.DateOf(in.Start).AddDays(r.IntN(3))
			if chance(r, 35) {
				in.ClaimSent = in.Reported.AddDays(between(r, 1, 20))
			}
		}
		out = append(out, in)
	}
	return out
}
