package subprocs

import (
	"context"
	"strings"
	"testing"

	"avtal/model"
	"avtal/ui/i18n"
)

func TestFilterTheRegisterAndActOnTheLineShown(t *testing.T) {
	p := newPane(t, i18n.EN, false, 160, 40)
	p.scope("pureservice", "Pureservice")
	p.addSub("Acme Support Oy", "Finland")
	before, _ := p.st.Agreement(context.Background(), "pureservice")
	if len(before.Subs) != 3 {
		t.Fatalf("%d sub-processors, want 3", len(before.Subs))
	}

	p.keys("/")
	if !p.m.Capturing() {
		t.Fatal("/ did not open the filter field")
	}
	p.typeText("finland")
	if v := p.view(); !strings.Contains(v, "/ finland") || !strings.Contains(v, "Acme Support Oy") || strings.Contains(v, "Microsoft") {
		t.Fatalf("the filter does not keep Acme alone:\n%s", v)
	}
	p.keys("enter")
	if p.m.Capturing() || !p.m.BelowTop() {
		t.Fatalf("enter: capturing %v, below top %v", p.m.Capturing(), p.m.BelowTop())
	}
	if v := p.view(); !strings.Contains(v, "1 matching “finland”") {
		t.Errorf("the title does not say it is filtered:\n%s", v)
	}
	// The policy line stays on top; the one sub-processor shown is the one d removes.
	p.selectLine("Acme")
	p.keys("d", "ctrl+s")
	after, _ := p.st.Agreement(context.Background(), "pureservice")
	for i, s := range after.Subs {
		want := before.Subs[i].Status
		if s.Name == "Acme Support Oy" {
			want = model.SubRemoved
		}
		if s.Status != want {
			t.Errorf("after d on the filtered line %s is %s, want %s", s.Name, s.Status, want)
		}
	}

	p.keys("esc")
	if p.m.BelowTop() || !strings.Contains(p.view(), "Microsoft") {
		t.Errorf("esc kept the filter:\n%s", p.view())
	}
}

func TestFilterThePortfolio(t *testing.T) {
	p := newPane(t, i18n.EN, false, 100, 30)
	p.keys("p", "/")
	p.typeText("MAILG")
	p.keys("enter")
	v := p.view()
	if !strings.Contains(v, "Portfolio · 1 · region: all · status: all · 1 matching “MAILG”") || !strings.Contains(v, "Mailgun") || strings.Contains(v, "FourEdge") {
		t.Fatalf("the portfolio is not filtered:\n%s", v)
	}
	if p.m.list.Selected() != 1 || p.m.port.groups[0].Name != "Mailgun (owned by Sinch AB)" {
		t.Errorf("selected line %d of %+v", p.m.list.Selected(), p.m.port.groups)
	}
	p.keys("/")
	p.typeText("nowhere")
	if v := p.view(); !strings.Contains(v, "/ MAILGnowhere") || !strings.Contains(v, "0 matching") {
		t.Errorf("a filter matching nothing hides the field or the count:\n%s", v)
	}
	p.keys("esc")
	if v := p.view(); p.m.Capturing() || p.m.BelowTop() || !strings.Contains(v, "FourEdge") {
		t.Errorf("esc while typing kept the filter:\n%s", v)
	}
}

// s sorts the register's sub-processors by name, leaving the headings and
// the policy where they are, and a click selects the line under the
// pointer; t is the portfolio's status filter.
func TestSortAndClickTheRegister(t *testing.T) {
	p := newPane(t, i18n.EN, false, 160, 40)
	p.scope("pureservice", "Pureservice")
	p.addSub("Aardvark Hosting AB", "Sweden")
	names := func() []string {
		var got []string
		for _, e := range p.m.reg.entries {
			if e.kind == entrySub {
				got = append(got, p.m.reg.a.Subs[e.i].Name)
			}
		}
		return got
	}
	own := strings.Join(names(), ", ")
	if strings.HasPrefix(own, "Aardvark") {
		t.Fatalf("the register's own order lists the new one last: %s", own)
	}
	p.keys("s")
	if got := names(); got[0] != "Aardvark Hosting AB" || p.lastStatus() != "Sorted by Sub-processor" {
		t.Errorf("s: %q, status %q", got, p.lastStatus())
	}
	p.keys("s")
	if got := strings.Join(names(), ", "); got != own {
		t.Errorf("s again: %s, want the own order %s", got, own)
	}
	for y, line := range strings.Split(p.view(), "\n") {
		if strings.Contains(line, "Aardvark") {
			p.run(p.m.Click(6, y))
			break
		}
	}
	if i := p.m.subIndex(); i < 0 || p.m.reg.a.Subs[i].Name != "Aardvark Hosting AB" {
		t.Errorf("a click on Aardvark selected sub-processor %d", i)
	}
	p.keys("p", "t")
	if p.m.port.status != 1 {
		t.Errorf("t in the portfolio cycles the status filter, got %d", p.m.port.status)
	}
}
