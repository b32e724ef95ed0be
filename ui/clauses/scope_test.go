package clauses

import (
	"slices"
	"strings"
	"testing"

	"avtal/ui/session"
)

// Over the sample register "skad" (skadestånd, damages) finds 7 clauses:
// Centuri's 10, 12.1, 12.3 and 12.4, SuperOffice's 4 and Pureservice's 2.7
// and D.
var damagesEverywhere = []string{"centuri-saas:10", "centuri-saas:12.1", "centuri-saas:12.3", "centuri-saas:12.4", "pureservice:2.7", "pureservice:D", "superoffice-dpa:4"}

// sortedResults are the hits shown, in name order.
func (p *pane) sortedResults() []string {
	r := p.results()
	slices.Sort(r)
	return r
}

func TestSearchKeepsToTheScope(t *testing.T) {
	p := sessionPane(t, 100, 30)
	p.scope("pureservice", "Pureservice tjänsteavtal")
	p.keys("/")
	p.viewHas("Search in Pureservice tjänsteavtal", "words in this agreement's clauses",
		"Type to search the clauses of Pureservice")
	p.typeText("skad")
	p.run(nil)
	if got := p.sortedResults(); !slices.Equal(got, []string{"pureservice:2.7", "pureservice:D"}) {
		t.Errorf("scoped to Pureservice: %v", got)
	}
	p.viewHas("2 clauses")
	// esc closes the search; esc again (the root's) widens the scope, and
	// the next search looks through every agreement.
	p.keys("esc")
	p.scope("", "")
	p.keys("/")
	p.viewHas("Type to search every clause", "words in any clause")
	p.typeText("skad")
	p.run(nil)
	if got := p.sortedResults(); !slices.Equal(got, damagesEverywhere) {
		t.Errorf("unscoped: %v, want %v", got, damagesEverywhere)
	}
	view := p.m.View()
	p.viewHas("7 clauses")
	if strings.Contains(view, "Search in") || strings.Contains(view, " only.") {
		t.Errorf("the unscoped search says it is limited:\n%s", view)
	}
}

// A scope that changes while the search is open (another pane, another
// session) searches again, and the answer for the old scope is dropped.
func TestOpenSearchFollowsTheScope(t *testing.T) {
	p := sessionPane(t, 100, 30)
	p.keys("/")
	p.typeText("skad")
	p.run(nil)
	tick := p.typeKey("e") // "skade": still in every damages clause
	stale := collect(p.m.Update(tick))
	p.scope("centuri-saas", "Centuri SaaS")
	for _, msg := range stale {
		p.run(p.m.Update(msg))
	}
	if got := p.sortedResults(); !slices.Equal(got, []string{"centuri-saas:10", "centuri-saas:12.1", "centuri-saas:12.3", "centuri-saas:12.4"}) {
		t.Errorf("after the scope moved to Centuri: %v", got)
	}
	p.viewHas("Search in Centuri SaaS")
	p.run(p.update(session.ScopeMsg{}))
	if got := p.sortedResults(); !slices.Equal(got, damagesEverywhere) {
		t.Errorf("after the scope widened: %v", got)
	}
}
