package docimport

import (
	"testing"

	"avtal/model"
	"avtal/model/extract"
)

func TestNumberedByPosition(t *testing.T) {
	clauses := func(cs ...model.Clause) []model.Document { return []model.Document{{Clauses: cs}} }
	tests := []struct {
		name string
		text string
		docs []model.Document
		want bool
	}{
		{"headings without numbers (en)", "# Hosting partners\nWe use these.\n## Billing\nPay monthly.",
			clauses(model.Clause{Number: "1", Heading: "Hosting partners"}, model.Clause{Number: "1.1", Heading: "Billing"}), true},
		{"headings without numbers (sv)", "Avtalstid\nAvtalet gäller tills vidare.\n\nPriser\nEnligt prislista.",
			clauses(model.Clause{Number: "1", Heading: "Avtalstid"}, model.Clause{Number: "2", Heading: "Priser"}), true},
		{"numbered headings (da)", "1. Aftalens varighed\nAftalen løber.\n2. Priser\nSe prisliste.",
			clauses(model.Clause{Number: "1", Heading: "Aftalens varighed"}, model.Clause{Number: "2", Heading: "Priser"}), false},
		{"paragraph sign (no)", "§ 3 Oppsigelse\nTre måneder.",
			clauses(model.Clause{Number: "3", Heading: "Oppsigelse"}), false},
		{"number on the heading line of a sub-clause (fi)", "Hinnat\n2.1 Laskutus\nKuukausittain.",
			clauses(model.Clause{Number: "1", Heading: "Hinnat"}, model.Clause{Number: "2.1", Heading: "Laskutus"}), false},
		{"numbered paragraphs under unnumbered headings", "## Fees\n1.1. You pay monthly.",
			clauses(model.Clause{Number: "1", Heading: "Fees"}, model.Clause{Number: "1.1", Body: "You pay monthly."}), false},
		{"a digit in a heading is not its number", "Plan 12 options\nText.\n\nSupport\nText.",
			clauses(model.Clause{Number: "1", Heading: "Plan 12 options"}, model.Clause{Number: "2", Heading: "Support"}), true},
		{"no numbered clause at all", "Just text.", clauses(model.Clause{Body: "Just text."}), false},
		{"the number on a line of its own above the heading (en)", "SECTION 4\n\nRetention\nWe keep data a year.",
			clauses(model.Clause{Number: "4", Heading: "Retention"}), false},
		{"a number at the end of the paragraph above is not the heading's", "The price rises by 4 per cent.\nSupport\nText.",
			clauses(model.Clause{Number: "4", Heading: "Support"}), true},
		// an appendix shows its name on its heading line in any document
		{"headings without numbers and a named appendix (da)", "## Betaling\nInden 20 dage.\n## Bilag 1: Data\n### Sikkerhed\nKryptering.",
			clauses(model.Clause{Number: "1", Heading: "Betaling"}, model.Clause{Number: "Bilag 1", Heading: "Data"},
				model.Clause{Number: "Bilag 1.1", Heading: "Sikkerhed"}), true},
	}
	for _, tt := range tests {
		if got := numberedByPosition(tt.text, tt.docs); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCiteByHeading(t *testing.T) {
	clauses := []model.Clause{{Number: "1", Heading: "Hosting partners"}, {Number: "2", Heading: "Ending the service"}}
	ps := []extract.Proposal{
		{Kind: extract.ProposeSubProcessor, Clause: "1", Sub: &model.SubProcessor{Name: "Cloudy Inc", Clause: "1"}},
		{Kind: extract.ProposeRule, Clause: "2", Rule: &model.Rule{Kind: model.DLTermination, Clause: "2"}},
		{Kind: extract.ProposeTerm, Clause: "2", Term: &model.Term{Indefinite: true, Clause: "2"}},
		{Kind: extract.ProposeSupplier, Clause: "", Supplier: &model.Party{Name: "Example Ltd"}},
		{Kind: extract.ProposeAmendment, Clause: "2"},
	}
	cite(ps, clauses, true)
	want := []string{"Hosting partners", "Ending the service", "Ending the service", "", "2"}
	for i, p := range ps {
		if p.Clause != want[i] {
			t.Errorf("proposal %d cites %q, want %q", i, p.Clause, want[i])
		}
	}
	if ps[0].Sub.Clause != "Hosting partners" || ps[1].Rule.Clause != "Ending the service" || ps[2].Term.Clause != "Ending the service" {
		t.Errorf("inner citations %q %q %q", ps[0].Sub.Clause, ps[1].Rule.Clause, ps[2].Term.Clause)
	}
}

// A proposal found in a list item cites the numbered clause of the item,
// as a contract is cited; numbers read from the text stay numbers.
func TestCiteListItemsByTheirClause(t *testing.T) {
	clauses := []model.Clause{{Number: "6.9", Heading: "Acceptance"}, {Number: "6.9(b)"}, {Number: "13.3(a)(ii)"}}
	ps := []extract.Proposal{
		{Kind: extract.ProposeRule, Clause: "6.9(b)", Rule: &model.Rule{Kind: model.DLAcceptanceEnd, Clause: "6.9(b)"}},
		{Kind: extract.ProposeRule, Clause: "13.3(a)(ii)", Rule: &model.Rule{Kind: model.DLCurePeriod, Clause: "13.3(a)(ii)"}},
		{Kind: extract.ProposeRule, Clause: "Bilaga 1.7", Rule: &model.Rule{Kind: model.DLPayment, Clause: "Bilaga 1.7"}},
		{Kind: extract.ProposeAmendment, Clause: "6.9(b)"},
	}
	cite(ps, clauses, false)
	for i, want := range []string{"6.9", "13.3", "Bilaga 1.7", "6.9(b)"} {
		if ps[i].Clause != want || ps[i].Rule != nil && ps[i].Rule.Clause != want {
			t.Errorf("proposal %d cites %q, want %q", i, ps[i].Clause, want)
		}
	}
}

// TestCiteAppendixByItsName: in a text numbered by position an appendix
// keeps its name, which the text shows, while a clause under it, numbered
// by position, is cited by its heading.
func TestCiteAppendixByItsName(t *testing.T) {
	clauses := []model.Clause{{Number: "Bilag 2", Heading: "Underdatabehandlere"}, {Number: "Bilag 2.1", Heading: "Varsel"}}
	ps := []extract.Proposal{
		{Kind: extract.ProposeSubProcessor, Clause: "Bilag 2", Sub: &model.SubProcessor{Name: "Nordhav", Clause: "Bilag 2"}},
		{Kind: extract.ProposeRule, Clause: "Bilag 2.1", Rule: &model.Rule{Kind: model.DLAdvanceNotice, Clause: "Bilag 2.1"}},
	}
	cite(ps, clauses, true)
	if ps[0].Clause != "Bilag 2" || ps[0].Sub.Clause != "Bilag 2" || ps[1].Clause != "Varsel" {
		t.Errorf("cites %q %q %q, want Bilag 2 twice and Varsel", ps[0].Clause, ps[0].Sub.Clause, ps[1].Clause)
	}
}
