package docparse

import (
	"testing"

	"avtal/model"
)

// Items of a clear list become sub-clauses; anything that only looks like
// an item stays in its clause's text.
func TestListItemsBecomeSubClauses(t *testing.T) {
	tests := []struct {
		name, text, numbers string
		bodies              map[string]string
	}{
		{
			name:    "lettered list",
			text:    "1. Ansvar\nLeverantören ska:\n(a) hålla tjänsten uppe;\n(b) rapportera fel; och\n(c) rätta fel inom rimlig tid.\n2. Pris\nPriset står i prislistan.\n",
			numbers: "1 1(a) 1(b) 1(c) 2",
			bodies:  map[string]string{"1": "Leverantören ska:", "1(b)": "rapportera fel; och"},
		},
		{
			name:    "roman items inside a lettered one",
			text:    "1. Ansvar\nKunden får:\n(a) använda tjänsten för att\n(i) lagra filer,\n(ii) dela filer; och\n(b) ge sina anställda konton.\n2. Pris\nPriset står i prislistan.\n",
			numbers: "1 1(a) 1(a)(i) 1(a)(ii) 1(b) 2",
			bodies:  map[string]string{"1(a)": "använda tjänsten för att", "1(a)(ii)": "dela filer; och"},
		},
		{
			name:    "the ninth letter continues the letters",
			text:    "1. Rättigheter\nDe registrerade har rätt till\na) ett\nb) två\nc) tre\nd) fyra\ne) fem\nf) sex\ng) sju\nh) åtta\ni) nio\nj) tio\n",
			numbers: "1 1(a) 1(b) 1(c) 1(d) 1(e) 1(f) 1(g) 1(h) 1(i) 1(j)",
		},
		{
			name:    "a single (a) in prose",
			text:    "1. Ansvar\nParten ansvarar inte för\n(a) skador som beror på kunden.\n2. Pris\nPriset står i prislistan.\n",
			numbers: "1 2",
		},
		{
			name:    "a list that does not start at a",
			text:    "1. Ansvar\nParten ansvarar för skador enligt (a) ovan och\n(b) skador på egendom, och\n(c) förlorad data.\n",
			numbers: "1",
		},
		{
			name:    "a second list from (a) stays in the first's last item",
			text:    "1. Ansvar\nLeverantören ska:\n(a) hålla tjänsten uppe;\n(b) rätta fel.\nKunden ska:\n(a) betala;\n(b) anmäla fel.\n",
			numbers: "1 1(a) 1(b)",
			bodies:  map[string]string{"1(b)": "rätta fel.\nKunden ska:\n(a) betala;\n(b) anmäla fel."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Parse("x.txt", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			d := res.Documents[0]
			if got := numbers(d); got != tt.numbers {
				t.Errorf("numbers %q, want %q", got, tt.numbers)
			}
			if err := d.Validate(); err != nil {
				t.Error(err)
			}
			clauses := clauseMap(d)
			for n, want := range tt.bodies {
				if got := clauses[n].Body; got != want {
					t.Errorf("%s: body %q, want %q", n, got, want)
				}
			}
			parents := ParentIndex(d.Clauses)
			for i, c := range d.Clauses {
				if want := model.ParentNumber(c.Number); want != "" && (parents[i] < 0 || d.Clauses[parents[i]].Number != want) {
					t.Errorf("%s sits under %d, want %s", c.Number, parents[i], want)
				}
			}
		})
	}
}

// A document whose top-level sections are lettered numbers the clauses
// under each by its letter, so numbers that restart never collide.
func TestLetteredSections(t *testing.T) {
	text := "ANSLUTNINGSVILLKOR\n\nA. Allmänt\n1. Villkoren gäller anslutning till tjänsten.\n2. Villkoren gäller tills vidare.\n\nB. Betalning\n1. Avgiften betalas kvartalsvis.\n2. Fakturan betalas inom 30 dagar.\n"
	res, err := Parse("x.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	d := res.Documents[0]
	if got, want := numbers(d), "A A.1 A.2 B B.1 B.2"; got != want {
		t.Errorf("numbers %q, want %q", got, want)
	}
	if c := clauseMap(d)["B"]; c.Heading != "Betalning" {
		t.Errorf("B: heading %q", c.Heading)
	}
	parents := ParentIndex(d.Clauses)
	if d.Clauses[parents[4]].Number != "B" {
		t.Errorf("B.1 sits under %q", d.Clauses[parents[4]].Number)
	}
	// Letters after numbered clauses are items of a clause, not sections.
	res, _ = Parse("x.txt", "1. Säkerhet\nLeverantören skyddar data:\nA. Fysiskt skydd\nB. Behörigheter\n")
	if got := numbers(res.Documents[0]); got != "1" {
		t.Errorf("numbers %q, want 1", got)
	}
}
