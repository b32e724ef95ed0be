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

// A cookie banner and a navigation bar are the site's, not the
// agreement's: they go with their words, nested elements and all, so that
// they never head the text before the first clause. An element named for
// cookies that holds headings or many words (a cookie policy) is read.
func TestFromHTMLBannersGo(t *testing.T) {
	policy := strings.Repeat("We store small files on your device. ", 20)
	tests := []struct {
		name, page string
		want, gone []string
	}{
		{"a banner of nested blocks",
			`<body><div class="site-cookie-notice"><div><p><b>Your choices</b></p><p>We set small files to count visits.</p></div><button>Allow</button></div><h1>Rental terms</h1><p>The boat is rented by the day.</p></body>`,
			[]string{"# Rental terms", "The boat is rented by the day."}, []string{"Your choices", "count visits", "Allow"}},
		{"a consent box named by its id, and a navigation bar",
			`<section id=consentBox><p>Agree to tracking?</p></section><nav><a href="/">Start</a> <a href="/shop">Shop</a></nav><h2>1. Scope</h2><p>Boats only.</p>`,
			[]string{"## 1. Scope", "Boats only."}, []string{"tracking", "Start", "Shop"}},
		{"a cookie policy is read",
			`<main class="cookie-policy"><h1>Cookie policy</h1><p>` + policy + `</p></main>`,
			[]string{"# Cookie policy", "We store small files"}, nil},
		{"a long element named for cookies is read",
			`<div class="cookies"><p>` + policy + `</p></div><p>Boats only.</p>`,
			[]string{"We store small files", "Boats only."}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FromHTML(tt.page)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("%q lacks %q", got, w)
				}
			}
			for _, g := range tt.gone {
				if strings.Contains(got, g) {
					t.Errorf("%q still holds %q", got, g)
				}
			}
		})
	}
}
