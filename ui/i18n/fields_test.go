package i18n

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/model/extract"
	"avtal/model/slacredit"
	"avtal/model/subproc"
	"avtal/model/yamlreg"
)

// TestFieldWordsTheModelsRefusals: a keyed refusal of the model reads in
// English as the model says it and in Swedish in the catalogue's words,
// and FieldErrors rewords it inside whatever wraps it.
func TestFieldWordsTheModelsRefusals(t *testing.T) {
	tests := []struct {
		assign string
		sv     string
	}{
		{"title=", "måste fyllas i"},
		{"fee.amount=-5", "får inte vara negativt"},
		{"kind=lease", `"lease" är inte något av `},
		{"start=2026-02-30", `"2026-02-30" är inget datum som finns, skrivet ÅÅÅÅ-MM-DD`},
		{"term.notice=soon", `"soon" är ingen period (t.ex. 6 månader, 4 veckor, 14 dagar)`},
		{"fee.amount=lots", `"lots" är inget belopp (t.ex. 10000 eller 10 000,50)`},
		{"term.indefinite=maybe", `"maybe" är inte sant eller falskt`},
		{"fee.per=weeks", `"weeks" är inte månader eller år`},
		{"term.renewal=24 hours", "en avtalstid räknas i dagar, veckor, månader eller år"},
		{"term.renewal=0 months", `"0 månader" måste vara längre än noll (utelämna den när det inte finns någon)`},
		{"term.initial=5000 years", `"5000 år" är längre än hundra år`},
		{"subprocessor_policy.objection_window=0 days", "måste vara längre än noll; lämna tomt när avtalet inte anger någon"},
		{"term.indefinite=true", "ett avtal som gäller tills vidare har ingen initial avtalstid"},
		{"colour=blue", "är inget fält som kan ändras (ett av "},
		{"title", "är inte FÄLT=VÄRDE (t.ex. term.notice=3 months)"},
	}
	for _, tt := range tests {
		a := model.Agreement{ID: "x", Title: "x", Kind: model.KindGeneralTerms, Status: model.StatusDraft,
			Supplier: model.Party{Name: "x"}, Term: model.Term{Initial: model.Period{N: 12, Unit: model.Months}}}
		_, err := a.Assign([]string{tt.assign})
		var fe *model.FieldError
		if !errors.As(err, &fe) || fe.Key == "" {
			t.Errorf("%s: %v, want a keyed refusal", tt.assign, err)
			continue
		}
		if got := EN.Field(fe); got != fe.Msg {
			t.Errorf("%s: en %q, the model says %q", tt.assign, got, fe.Msg)
		}
		if got := SV.Field(fe); !strings.HasPrefix(got, tt.sv) {
			t.Errorf("%s: sv %q, want %q…", tt.assign, got, tt.sv)
		}
		wrapped := fmt.Errorf("agreement x: %w", err)
		if got, want := SV.FieldErrors(wrapped).Error(), "agreement x: "+fe.Field+": "+SV.Field(fe); got != want {
			t.Errorf("%s: wrapped %q, want %q", tt.assign, got, want)
		}
	}
}

// TestFieldWordsEveryKeyedRefusal: the keyed refusals of sub-processor
// entries, notices and notes read in English as the model says them and
// have Swedish words of their own.
func TestFieldWordsEveryKeyedRefusal(t *testing.T) {
	received := model.MustDate(2026, 11, 24)
	_, _, long := model.CheckNote(strings.Repeat("x", model.MaxNoteLen+1), "")
	_, _, blank := model.CheckNote(" ", "")
	_, badRisk := model.CheckRisk("high")
	_, dup := model.PutSub([]model.SubProcessor{{Name: "Acme", Status: model.SubApproved}}, -1, model.SubProcessor{Name: "acme", Status: model.SubApproved})
	_, country := model.PutSub(nil, -1, model.SubProcessor{Name: "Acme", Country: "se", Status: model.SubApproved})
	_, status := model.PutSub(nil, -1, model.SubProcessor{Name: "Acme", Status: "paused"})
	notice := subproc.Notice{Received: received, Change: subproc.ChangeAdd, Sub: model.SubProcessor{Name: "Acme"}, Replaces: "Old"}
	for _, err := range []error{long, blank, badRisk, dup, country, status, notice.Validate(),
		subproc.CheckDecidedOn(received, received.AddDays(-1))} {
		var fe *model.FieldError
		if !errors.As(err, &fe) || fe.Key == "" {
			t.Errorf("%v: want a keyed refusal", err)
			continue
		}
		if got := EN.Field(fe); got != fe.Msg {
			t.Errorf("%s: en %q, the model says %q", fe.Key, got, fe.Msg)
		}
		if SV.Field(fe) == EN.Field(fe) {
			t.Errorf("%s: no Swedish words: %q", fe.Key, SV.Field(fe))
		}
	}
}

// TestFieldWordsRefusedPlaces: the refusals of a region or a country as a
// person writes it read in English as the model says them and have
// Swedish words, alone or as the refusal of a field.
func TestFieldWordsRefusedPlaces(t *testing.T) {
	refused := func(_ any, err error) error { return err }
	errs := []error{
		refused(model.ParseRegion(strings.Repeat("x", 61))),
		refused(model.ParseRegion("--")),
		refused(model.ParseRegion("se")),
		refused(model.ParseRegion("EEA; US")),
		model.CheckRegion("EES"),
		refused(subproc.ParseCountry("")),
		refused(subproc.ParseCountry("XX")),
		refused(subproc.ParseCountry("Swedn")),
		refused(subproc.ParseCountry("Atlantis")),
		refused(subproc.Lookup("QQ")),
	}
	checkKeyed(t, errs)
	sub := model.SubProcessor{Name: "Acme", Region: "EES", Status: model.SubApproved}
	var fe *model.FieldError
	if err := sub.Validate(); !errors.As(err, &fe) || fe.Key != "region_written" {
		t.Fatalf("region EES: %v, want the keyed refusal of region", err)
	}
	if got, want := SV.Field(fe), `"EES" skrivs EEA`; got != want {
		t.Errorf("region EES: sv %q, want %q", got, want)
	}
	notice := subproc.Notice{Received: model.MustDate(2026, 11, 24), Change: subproc.ChangeAdd, Sub: model.SubProcessor{Name: "Acme", Country: "QQ"}}
	if got, want := SV.FieldErrors(notice.Validate()).Error(), `subprocessor.country: "QQ" är ingen landskod enligt ISO 3166`; got != want {
		t.Errorf("notice country QQ: sv %q, want %q", got, want)
	}
}

// checkKeyed: each error is a keyed refusal (of a value or of a field)
// that reads in English as the model says it and has Swedish words.
func checkKeyed(t *testing.T, errs []error) {
	t.Helper()
	for _, err := range errs {
		var fe *model.FieldError
		var r *model.Refusal
		switch {
		case errors.As(err, &fe) && fe.Key != "":
			if got := EN.Field(fe); got != fe.Msg {
				t.Errorf("%s: en %q, the model says %q", fe.Key, got, fe.Msg)
			}
		case errors.As(err, &r) && r.Key != "":
			if got := EN.Refused(r); got != r.Msg {
				t.Errorf("%s: en %q, the model says %q", r.Key, got, r.Msg)
			}
		default:
			t.Errorf("%v: want a keyed refusal", err)
			continue
		}
		if got := EN.FieldErrors(err).Error(); got != err.Error() {
			t.Errorf("%v: en reworded as %q", err, got)
		}
		if sv := SV.FieldErrors(err).Error(); sv == err.Error() {
			t.Errorf("%v: no Swedish words", err)
		}
	}
}

// TestFieldWordsRefusedSLATerms: the refusals of SLA terms, from the
// model's check of stored terms and from the parsers of what a person
// types, read in English as the model says them and have Swedish words.
func TestFieldWordsRefusedSLATerms(t *testing.T) {
	refused := func(_ any, err error) error { return err }
	window := func(w model.Window) error { return (&model.SLATerms{Window: w}).Validate() }
	hours := model.Window{Kind: model.WindowServiceHours, From: "08:00", To: "17:00", Weekdays: []int{1}}
	month, _ := slacredit.ParseMonth("2026-11")
	spansOf := func(w model.Window) error { _, err := slacredit.WindowSpans(w, month); return err }
	monthlyFee := func(f model.Fee) error { _, _, err := slacredit.MonthlyFee(f); return err }
	withHours := func(change func(*model.Window)) model.Window { w := hours; change(&w); return w }
	errs := []error{
		(&model.SLATerms{TargetPct: 101}).Validate(),
		(&model.SLATerms{CapPct: -1}).Validate(),
		(&model.SLATerms{Tiers: []model.CreditTier{{Below: 0, CreditPct: 5}}}).Validate(),
		(&model.SLATerms{Tiers: []model.CreditTier{{Below: 99, CreditPct: 5}, {Below: 99, CreditPct: 6}}}).Validate(),
		(&model.SLATerms{Tiers: []model.CreditTier{{Below: 99, CreditPct: 25}, {Below: 95, CreditPct: 10}}}).Validate(),
		window(withHours(func(w *model.Window) { w.From = "8" })),
		window(withHours(func(w *model.Window) { w.Weekdays = []int{8} })),
		window(model.Window{Kind: "sometimes"}),
		window(model.Window{Kind: model.Window24x7, TZ: "Mars/Olympus"}),
		spansOf(withHours(func(w *model.Window) { w.To = "07:00" })),
		spansOf(withHours(func(w *model.Window) { w.Weekdays = nil })),
		spansOf(withHours(func(w *model.Window) { w.Holidays = "NO" })),
		monthlyFee(model.Fee{}),
		monthlyFee(model.Fee{Amount: 100, Per: model.Weeks}),
		refused(slacredit.ParseMonth("2026-13")),
		refused(slacredit.ParseTiers(" ")),
		refused(slacredit.ParseTiers("99.5")),
		refused(slacredit.ParseTiers("101:5")),
		refused(slacredit.ParseTiers("99:101")),
		refused(slacredit.ParseTiers("99:5,99:5")),
		refused(slacredit.ParseTiers("99:25,95:10")),
		refused(slacredit.ParseWindow("24x7 mon-fri")),
		refused(slacredit.ParseWindow("mon-fri")),
		refused(slacredit.ParseWindow("mon-fri 08:00-17:00 holidays=NO")),
		refused(slacredit.ParseWindow("mon-fri 08:00-17:00 eves=maybe")),
		refused(slacredit.ParseWindow("mon-fri 08:00-17:00 tz=Mars/Olympus")),
		refused(slacredit.ParseWindow("mon-fri 08:00-17:00 colour=red")),
		refused(slacredit.ParseWindow("mon-fri 08:00")),
		refused(slacredit.ParseWindow("mon-fri 08:00-7")),
		refused(slacredit.ParseWindow("mon-fri 17:00-08:00")),
		refused(slacredit.ParseWindow("moon 08:00-17:00")),
		refused(slacredit.ParseFee("ten")),
		refused(model.ParsePeriod("soon")),
		refused(model.ParsePeriod("99999999999999999999 days")),
		refused(model.ParsePeriod("3 fortnights")),
		refused(model.ParseDate("2026-02-30")),
		refused(model.ParseDate("30/2")),
		refused(model.ParseDate("0999-01-01")),
		refused(model.NewDate(2026, 2, 30)),
		refused(model.NewDate(999, 1, 1)),
	}
	checkKeyed(t, errs)
	// A refusal inside a refusal is worded too: no English is left.
	_, err := slacredit.ParseWindow("mon-fri 08:00-7")
	if got, want := SV.FieldErrors(err).Error(), `mätfönstret "mon-fri 08:00-7": tiderna "08:00-7": "7" är ingen tid på dygnet (skriv TT:MM)`; got != want {
		t.Errorf("nested: sv %q, want %q", got, want)
	}
}

// TestFieldWordsRefusedTimes: every refusal of a time or a downtime as a
// person writes it reads in English as the model says it and in Swedish
// through and through, the refusal of one end inside the downtime's too.
// 2026-03-29 02:30 is skipped in Stockholm, 2026-10-25 02:30 happens twice.
func TestFieldWordsRefusedTimes(t *testing.T) {
	stockholm, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	refused := func(_ any, err error) error { return err }
	checkKeyed(t, []error{
		refused(slacredit.ParseTime("tomorrow", stockholm)),
		refused(slacredit.ParseTime("2026-02-30 10:00", stockholm)),
		refused(slacredit.ParseTime("2026-11-10 25:00", stockholm)),
		refused(slacredit.ParseTime("2026-11-10T10:00+5", stockholm)),
		refused(slacredit.ParseTime("2026-03-29 02:30", stockholm)),
		refused(slacredit.ParseTime("2026-10-25 02:30", stockholm)),
		refused(slacredit.ParseDowntime("2026-11-10T10:00", stockholm)),
		refused(slacredit.ParseDowntime("2026-11-10T10:00/2026-11-10T09:00", stockholm)),
		refused(slacredit.ParseDowntime("2026-11-10T10:00/2026-11-10T10:00", stockholm)),
	})
	_, err = slacredit.ParseDowntime("2026-10-25T02:30/2026-10-25T04:00", stockholm)
	want := "början: 2026-10-25T02:30 inträffar två gånger i Europe/Stockholm (klockan ställs tillbaka): lägg till förskjutningen, 2026-10-25T02:30+02:00 för den första eller 2026-10-25T02:30+01:00 för den andra"
	if got := SV.FieldErrors(err).Error(); got != want {
		t.Errorf("nested: sv %q, want %q", got, want)
	}
}

// TestFieldWordsNameTheCountryInTheLanguage: the hint for a country
// written nearly right names the country in the session's language.
func TestFieldWordsNameTheCountryInTheLanguage(t *testing.T) {
	_, err := subproc.ParseCountry("Swedn")
	for lang, want := range map[Lang]string{EN: `"Swedn" is not an ISO code — write SE (Sweden)`, SV: `"Swedn" är ingen ISO-kod — skriv SE (Sverige)`} {
		if got := lang.FieldErrors(err).Error(); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}

// TestFieldWordsRefusedYAML: what a YAML file gets wrong, in the format
// and in the agreement it holds, reads in English as the model says it
// and has Swedish words, the file and line kept.
func TestFieldWordsRefusedYAML(t *testing.T) {
	const head = "id: x\ntitle: X\nkind: general_terms\nstatus: draft\nsupplier: {name: X}\nterm: {initial: 12 months}\n"
	decode := func(text string) error { _, err := yamlreg.Decode("a.yaml", []byte(text)); return err }
	errs := []error{
		decode(""),
		decode("id: [\n"),
		decode(head + "colour: blue\n"),
		decode(head + "rules:\n  -\n"),
		decode(head + "signed: 2026-02-30\n"),
		decode(head + "relations: [{kind: part_of, target: x}]\n"),
		decode(head + "relations: [{kind: child_of, target: y}]\n"),
		decode(head + "documents: [{name: ' '}]\n"),
		decode(head + "documents: [{name: A, clauses: [{text: t}]}]\n"),
		decode(head + "documents: [{name: A, clauses: [{number: '1'}, {number: '1'}]}]\n"),
		decode(head + "documents: [{name: A, clauses: [{number: '1', tags: ['Exit Plan']}]}]\n"),
	}
	checkKeyed(t, errs)
	if got, want := SV.FieldErrors(errs[2]).Error(), "a.yaml:7: colour: okänt fält"; got != want {
		t.Errorf("unknown field: sv %q, want %q", got, want)
	}
}

// TestFieldWordsRefusedUndos: undoing an accepted proposal after the
// agreement changed there is refused in words of both languages.
func TestFieldWordsRefusedUndos(t *testing.T) {
	a := &model.Agreement{Title: "Nytt namn"}
	undo := func(p extract.Proposal, applied extract.Applied) error { return p.Undo(a, applied) }
	checkKeyed(t, []error{
		undo(extract.Proposal{}, extract.Applied{Fields: []model.Change{{Field: "title", After: "Gammalt namn"}}}),
		undo(extract.Proposal{Kind: extract.ProposeRule, Rule: &model.Rule{Kind: model.DeadlineKinds[0]}}, extract.Applied{}),
		undo(extract.Proposal{Kind: extract.ProposeSLATiers, Tiers: []model.CreditTier{{Below: 99, CreditPct: 5}}}, extract.Applied{}),
		undo(extract.Proposal{Kind: extract.ProposeSubProcessor, Sub: &model.SubProcessor{Name: "Acme"}}, extract.Applied{}),
	})
}

// TestFieldWordsRefusedNotices: every refusal of a notice's own fields
// reads in English as the model says it and has Swedish words.
func TestFieldWordsRefusedNotices(t *testing.T) {
	received := model.MustDate(2026, 11, 24)
	valid := func(change func(*subproc.Notice)) error {
		n := subproc.Notice{Received: received, Change: subproc.ChangeAdd, Sub: model.SubProcessor{Name: "Acme"}}
		change(&n)
		return n.Validate()
	}
	checkKeyed(t, []error{
		valid(func(n *subproc.Notice) { n.Received = model.Date{} }),
		valid(func(n *subproc.Notice) { n.Change = "swap" }),
		valid(func(n *subproc.Notice) { n.Sub.Name = " " }),
		valid(func(n *subproc.Notice) { n.Change = subproc.ChangeReplace }),
		valid(func(n *subproc.Notice) { n.Decision = &subproc.Decision{Verdict: "maybe", Date: received} }),
		valid(func(n *subproc.Notice) { n.Decision = &subproc.Decision{Verdict: subproc.Accept} }),
	})
}

// TestFieldWordsRefusedRules: the refusals of a deadline rule, of lead
// times and of an event read in English as the model says them and have
// Swedish words.
func TestFieldWordsRefusedRules(t *testing.T) {
	refused := func(_ any, err error) error { return err }
	rule := func(r model.Rule) error {
		if r.Kind == "" {
			r.Kind = model.DeadlineKinds[0]
		}
		return r.Validate()
	}
	a := &model.Agreement{ID: "x"}
	checkKeyed(t, []error{
		rule(model.Rule{Kind: "party"}),
		rule(model.Rule{Anchor: model.AnchorYearly, On: "13-01"}),
		rule(model.Rule{Anchor: model.AnchorYearly, On: "01-01", LateFrom: "07-40"}),
		rule(model.Rule{Anchor: model.AnchorDate, On: "2026-02-30"}),
		rule(model.Rule{Anchor: "sometime"}),
		rule(model.Rule{Anchor: model.AnchorStart, LateFrom: "07-01"}),
		rule(model.Rule{Anchor: model.AnchorStart, Offset: model.Period{N: -1, Unit: model.Days}}),
		refused(deadlines.ParseLeadTimes("termination=1")),
		refused(deadlines.ParseLeadTimes("termination_notice=soon")),
		refused(deadlines.CheckEvent(a, deadlines.Event{Name: "Down Time", Date: model.MustDate(2026, 12, 2)})),
		refused(deadlines.CheckEvent(a, deadlines.Event{Name: "downtime"})),
		refused(deadlines.CheckEvent(a, deadlines.Event{Name: "downtime", Date: model.MustDate(2026, 12, 2)})),
	})
}

// A list's delimiter is named in the language: a tab is "tabb" in Swedish,
// any other delimiter is shown in quotes.
func TestFieldWordsTheListsDelimiter(t *testing.T) {
	for _, tt := range []struct {
		list, sv string
	}{
		{"namn\tland\nHetzner\tDE\textra\n", "rad 2: 3 kolumner men rubrikraden har 2 — kontrollera avgränsaren (tabb) och citera värden som innehåller den"},
		{"namn;land\nHetzner;DE;extra\n", "rad 2: 3 kolumner men rubrikraden har 2 — kontrollera avgränsaren (';') och citera värden som innehåller den"},
	} {
		_, err := subproc.ParseList(tt.list)
		if err == nil {
			t.Fatalf("%q: no error", tt.list)
		}
		if got := SV.FieldErrors(err).Error(); got != tt.sv {
			t.Errorf("%q:\n got %q\nwant %q", tt.list, got, tt.sv)
		}
	}
}
