package i18n

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/subproc"
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
	for _, err := range errs {
		var r *model.Refusal
		if !errors.As(err, &r) || r.Key == "" {
			t.Errorf("%v: want a keyed refusal", err)
			continue
		}
		if got := EN.FieldErrors(err).Error(); got != r.Msg {
			t.Errorf("%s: en %q, the model says %q", r.Key, got, r.Msg)
		}
		if SV.Refused(r) == EN.Refused(r) {
			t.Errorf("%s: no Swedish words: %q", r.Key, SV.Refused(r))
		}
	}
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
