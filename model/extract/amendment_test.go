package extract

import (
	"strings"
	"testing"
)

func TestDetectAmendments(t *testing.T) {
	got := DetectAmendments(fixtureDocument)
	want := []struct {
		target string
		kind   AmendmentKind
		clause string // Clause(): the clause the target sits in
		starts string // the start of Text
	}{
		{"8.6.6", AmendRemoved, "8.6.6", "Klausul 8.6.6 utgår."},
		// striking quoted words changes the clause; the target is its item a
		{"8.8.2a", AmendChanged, "8.8.2", "I klausul 8.8.2a stryks orden"},
		{"8.9.2", AmendChanged, "8.9.2", "I klausul 8.9.2 ersätts"},
	}
	if len(got) != len(want) {
		t.Fatalf("DetectAmendments = %+v, want %d", got, len(want))
	}
	d := clauseByNumber("D")
	for i, w := range want {
		g := got[i]
		if g.Target != w.target || g.Kind != w.kind || g.Clause() != w.clause || g.ByClause != "D" || !strings.HasPrefix(g.Text, w.starts) {
			t.Errorf("[%d] = %+v, want %s %s in %s, text %q…", i, g, w.target, w.kind, w.clause, w.starts)
		}
		if g.Span.In(d.Body) != g.Text {
			t.Errorf("[%d] span covers %q, not the text %q", i, g.Span.In(d.Body), g.Text)
		}
	}
	if a := ForClause(got, "8.8.2"); len(a) != 1 || a[0].Target != "8.8.2a" {
		t.Errorf("ForClause(8.8.2) = %+v, want the amendment of item 8.8.2a", a)
	}
	if a := ForClause(got, "8.6"); len(a) != 0 {
		t.Errorf("ForClause(8.6) = %+v, want none: 8.6.6 is a child, not the clause", a)
	}
}

func TestFindAmendments(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "target kind"
	}{
		{"English, whole clause and quoted words",
			"Clause 12.3 is deleted in its entirety. In section 4.2 the words “thirty days” are replaced by “fourteen days”.",
			[]string{"12.3 removed", "4.2 changed"}},
		{"several targets in one sentence", "Punkterna 5.1 och 5.2 utgår.", []string{"5.1 removed", "5.2 removed"}},
		{"the whole clause is struck without a quotation", "Punkt 9 ska tas bort.", []string{"9 removed"}},
		{"a phrase struck with tas … bort is a change", "I punkt 3.2 tas meningen om förskott bort.", []string{"3.2 changed"}},
		{"a new wording", "Punkt 6.1 ska lyda: Avgiften betalas kvartalsvis.", []string{"6.1 changed"}},
		// the verb comes before the reference: a pointer, not an amendment
		{"a cross-reference", "Avgiften ändras enligt punkt 7.5 varje år.", nil},
		{"English cross-reference", "The fees are changed as set out in clause 7.5.", nil},
		// "utgången" (the end) is not "utgår"
		{"the end of a period", "Avtalet gäller till utgången av perioden enligt punkt 13.1.", nil},
		// a verb inside the quotation is not the instruction
		{"quoted verb", "I punkt 2.1 läggs orden «får inte tas bort» till.", []string{"2.1 changed"}},
		// words that hold "punkt" are no reference
		{"utgångspunkt", "Utgångspunkt 4 utgår.", nil},
		{"the amending clause itself is no target", "Punkt D ändras inte.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, a := range FindAmendments("X", tt.text) {
			got = append(got, a.Target+" "+string(a.Kind))
		}
		if strings.Join(got, ", ") != strings.Join(tt.want, ", ") {
			t.Errorf("%s: FindAmendments(%q) = %v, want %v", tt.name, tt.text, got, tt.want)
		}
	}
}

func TestAmendmentProposalConfidence(t *testing.T) {
	var conf []float64
	for _, p := range Propose(fixtureDocument) {
		if p.Kind == ProposeAmendment {
			conf = append(conf, p.Confidence)
			if p.Clause != "D" || p.Amendment == nil || p.Reason == "" {
				t.Errorf("amendment proposal %+v lacks its clause, amendment or reason", p)
			}
		}
	}
	// all three targets exist in the fixture (8.8.2a through its clause 8.8.2)
	if len(conf) != 3 || conf[0] != 0.8 || conf[1] != 0.8 || conf[2] != 0.8 {
		t.Errorf("confidences = %v, want 0.8 each", conf)
	}
	lone := FindAmendments("D", "Punkt 99.1 utgår.")[0].proposal(fixtureDocument)
	if lone.Confidence != 0.5 {
		t.Errorf("an amendment of a clause the document lacks has confidence %g, want 0.5", lone.Confidence)
	}
}
