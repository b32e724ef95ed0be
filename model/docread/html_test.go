package docread

import (
	"strings"
	"testing"
)

// A page laid out in a table, the way web pages were written in the
// nineties: the cell holds paragraphs, rules and bold clause headings.
func TestFromHTMLOldPage(t *testing.T) {
	page := `<!doctype html public "-//W3C//DTD HTML 3.2 Final//EN">
<HTML><HEAD><TITLE>Rental page</TITLE></HEAD><BODY>
<table><tr><td><h3>Terms for renting a boat</h3></td></tr>
<tr><td>
<B>1. SCOPE</B>. The boat is rented by the day.
<P>
Fuel is not included.<BR>Life vests are.
<hr>
2. <B>PRICE. </B>The price is set
in the price list.
</td></tr></table>
<table><tr><td>Small boat</td><td>100 kr</td></tr></table>
</BODY></HTML>`
	got := FromHTML(page)
	for _, want := range []string{
		"### Terms for renting a boat\n",
		"\n1. SCOPE.  The boat is rented by the day.\n",
		"\nFuel is not included.\\\nLife vests are.\n",
		"\n2. PRICE.  The price is set\n",
		"| Small boat | 100 kr |",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("FromHTML lacks %q in:\n%s", want, got)
		}
	}
	for _, gone := range []string{"doctype", "Rental page"} {
		if strings.Contains(got, gone) {
			t.Errorf("FromHTML kept %q:\n%s", gone, got)
		}
	}
}

// A <br> is a hard break: the lines it parts stay one block, with no blank
// line between them even when the source breaks the line after the tag.
func TestFromHTMLLineBreakKeepsBlock(t *testing.T) {
	got := FromHTML("<p><b>Harbour Storage Ltd</b><br>\n12 Quay Lane, Galway<br/>Keeps backups</p><p>Next paragraph.</p>")
	want := "Harbour Storage Ltd\\\n12 Quay Lane, Galway\\\nKeeps backups\n\nNext paragraph."
	if strings.TrimSpace(got) != want {
		t.Errorf("FromHTML = %q, want %q", strings.TrimSpace(got), want)
	}
}
