package agreements

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"avtal/model"
)

// sortRegister is bigRegister with the suppliers, and so the register's
// own order, in another order than the titles', and agreement a-0002 a
// call-off of framework a-0001.
func sortRegister() []*model.Agreement {
	list := bigRegister()
	for i, a := range list {
		a.Supplier.Name = fmt.Sprintf("Supplier %04d", (i*7+3)%len(list)) // 7 is prime to 2500: a permutation
	}
	list[0].Kind = model.KindFramework
	list[1].Kind = model.KindOrder
	list[1].Relations = []model.Relation{{Kind: model.RelCallOff, Target: list[0].ID}}
	return list
}

// titles walks the whole list down from the top and returns the titles in
// the order the cursor passes them.
func (p *pane) titles() []string {
	p.keys("home")
	var seen []string
	for {
		seen = append(seen, p.m.selected().Agreement.Title)
		before := p.m.base + p.m.list.Cursor()
		p.keys("down")
		if p.m.base+p.m.list.Cursor() == before {
			return seen
		}
	}
}

// position is the place of the selected agreement in the whole list.
func (p *pane) position() int { return p.m.base + p.m.list.Cursor() }

// s on a register many times longer than the window sorts all of it: the
// rows the cursor passes from the top to the bottom are in order, and the
// agreement selected before the sort stays selected, at its place in the
// sorted list. Sorted, the list is flat (the call-off in its own place,
// without its tree mark) and says so; a filter's matches are sorted too;
// back in the register's own order the tree returns.
func TestSortTheWholeRegister(t *testing.T) {
	p := newPane(t, sortRegister(), 100, 24)
	for range 40 {
		p.keys("pgdown")
	}
	keep := p.m.selectedID()
	var n int
	fmt.Sscanf(keep, "a-%d", &n)
	// The own order is by supplier: a-n's is (7(n−1)+3) mod 2500.
	if at, want := p.position(), (7*(n-1)+3)%registerSize; at != want {
		t.Fatalf("%s is at %d of the register, want %d", keep, at, want)
	}
	p.keys("s", "s") // supplier, then title
	if p.m.selectedID() != keep {
		t.Fatalf("sorting moved the cursor from %s to %s", keep, p.m.selectedID())
	}
	if at := p.position(); at != n-1 {
		t.Errorf("%s is at %d of the list sorted by title, want %d", keep, at, n-1)
	}
	if !strings.Contains(p.lastStatus(), "Sorted by Agreement: call-offs stand on their own") {
		t.Errorf("the status should say the sorted list is flat: %q", p.lastStatus())
	}
	if v := ansi.Strip(p.view()); !strings.Contains(v, "Agreement ↓") {
		t.Errorf("the header should mark the sort column:\n%s", v)
	}
	seen := p.titles()
	if len(seen) != registerSize || !slices.IsSorted(seen) {
		t.Fatalf("walking the sorted register saw %d titles, sorted %v", len(seen), slices.IsSorted(seen))
	}
	// The call-off a-0002 is second, not under a-0001, and has no tree mark.
	p.keys("home", "down")
	if r := p.m.selected(); r.Agreement.ID != "a-0002" || strings.Contains(p.m.renderRow(r), "└") {
		t.Errorf("row 1 sorted by title is %s, %q; want the call-off a-0002 without a tree mark", r.Agreement.ID, p.m.renderRow(r))
	}

	// A filter's matches are sorted the same way.
	p.keys("/")
	p.typeText("Supplier 00")
	p.keys("enter")
	var titles []string
	for _, r := range p.m.rows {
		titles = append(titles, r.Agreement.Title)
	}
	if len(titles) < 2 || !slices.IsSorted(titles) {
		t.Errorf("the filter's %d matches should be sorted by title: %v", len(titles), titles)
	}
	p.keys("esc")

	// Round to the register's own order: the selection stays, the tree is back.
	p.keys("end")
	keep = p.m.selectedID()
	fmt.Sscanf(keep, "a-%d", &n)
	for range 4 {
		p.keys("s")
	}
	if p.m.list.Sort() != 0 || p.m.selectedID() != keep {
		t.Fatalf("s should cycle back to the register's order (at %d) with %s selected (%s is)", p.m.list.Sort(), keep, p.m.selectedID())
	}
	if at, want := p.position(), (7*(n-1)+3)%registerSize; at != want {
		t.Errorf("back in the register's order %s is at %d, want %d", keep, at, want)
	}
	p.keys("home")
	for range 3 {
		p.keys("down") // a-0001 has supplier 0003; its call-off follows
	}
	if r := p.m.selected(); r.Agreement.ID != "a-0001" {
		t.Errorf("row 3 of the register is %s, want the framework a-0001", r.Agreement.ID)
	}
	p.keys("down")
	if r := p.m.selected(); r.Agreement.ID != "a-0002" || !strings.Contains(p.m.renderRow(r), "└") {
		t.Errorf("the call-off should be under its framework again: %s %q", r.Agreement.ID, p.m.renderRow(r))
	}
}
