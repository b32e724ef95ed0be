package docread

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// The patterns are compiled when first used, not when every program starts.
var (
	// htmlTagRe finds the tags of HTML (and comments and the doctype): an agreement saved
	// from a web page, or HTML inside Markdown.
	htmlTagRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<!--.*?-->|<![a-zA-Z][^<>]*>|</?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>`)
	})
	// knownTagRe recognises text that holds HTML: a tag HTML really has.
	knownTagRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)</?(?:p|div|span|a|b|i|em|strong|u|br|h[1-6]|ul|ol|li|table|tr|td|th|tbody|thead|sup|sub|font|img|hr|html|body|section|article|blockquote|code|pre)(?:\s[^<>]*)?/?>`)
	})
	blankRunsRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\n(?:[ \t]*\n){2,}`) })
	spaceRunRe  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s+`) })
	// A table row holding headings, rules or another table lays out a
	// page rather than holding data; so does a row of one cell holding
	// paragraphs.
	layoutTagRe  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)<(?:hr|h[1-6]|table)[\s>/]`) })
	blockTagRe   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)<(?:p|div|ul|ol|br)[\s>/]`) })
	cellTagRe    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)<t[dh][\s>]`) })
	headingTagRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)<h[1-6][\s>]`) })
	// leadNumberRe is a clause number at the start of a line, before a bold
	// heading: "2. <b>PRICES.</b> Text".
	leadNumberRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(?:\d{1,3}(?:\.\d{1,3})*\.?\s*)?$`) })
	// boldHeadRe is a line that a bold run heads a clause on: a number and
	// a title in capitals ("1. GENERAL", "2. <b>PRICES</b>").
	boldHeadRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*\d{1,3}(?:\.\d{1,3})*\.?\s*\p{Lu}`) })
	// bannerAttrRe is an element's id or class that names a cookie or
	// consent banner: the words a site puts over every page.
	bannerAttrRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\s(?:id|class)\s*=\s*["']?[^"'>]*(?:cookie|consent|gdpr)`)
	})
	entityRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});`)
	})
)

// FromHTML turns HTML, a whole page or fragments inside Markdown, into the
// Markdown the clause parser reads: headings become "#" lines, list items
// "-" or "1." lines, table rows "| a | b |" lines, paragraphs and line
// breaks new lines (a <br> a Markdown hard break, a backslash at the
// line's end); every other tag goes and its text stays. Scripts, styles
// and a site's navigation bars and cookie banners (see bannerEnd) go with
// their content. Text without HTML tags is returned as it is,
// with its character entities ("&nbsp;", "&amp;") decoded.
//
// Old pages lay out their text in a table: a row holding paragraphs or
// headings is read as text, not as a row of data. A bold run at the start
// of a line that holds a clause number and title ("<b>1. GENERAL.</b>
// Text") is set off from its text by two spaces, as a run-in heading. The
// page's <title> is left out when the page has headings of its own: the
// first of them names the agreement.
func FromHTML(s string) string {
	if !knownTagRe().MatchString(s) {
		return unescape(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	var lists []int // per open list: the next item number, 0 for a bullet list
	inRow, skipTo := false, ""
	boldStart := -1   // where a bold run that may head a clause starts in b
	boldHead := false // such a run just closed: set its text off
	titled := headingTagRe().MatchString(s)
	text := func(t string) {
		t = unescape(t)
		if inRow {
			t = spaceRunRe().ReplaceAllString(t, " ")
		}
		if boldHead && strings.TrimSpace(t) != "" {
			// "<b>1. GENERAL</b>. Text": the dot belongs to the heading.
			rest := strings.TrimLeft(t, " \t")
			for rest != "" && strings.ContainsRune(".:", rune(rest[0])) {
				b.WriteByte(rest[0])
				rest = rest[1:]
			}
			t, boldHead = "  "+strings.TrimLeft(rest, " \t\n"), false
			if rest == "" || rest[0] == '\n' {
				t = rest
			}
		}
		b.WriteString(t)
	}
	last, bannerTo := 0, 0
	for _, m := range htmlTagRe().FindAllStringSubmatchIndex(s, -1) {
		if m[0] < bannerTo {
			continue
		}
		tag := s[m[0]:m[1]]
		name := ""
		if m[2] >= 0 {
			name = strings.ToLower(s[m[2]:m[3]])
		}
		if skipTo != "" {
			if name == skipTo && strings.HasPrefix(tag, "</") {
				skipTo, last = "", m[1]
			}
			continue
		}
		text(s[last:m[0]])
		last = m[1]
		closing := strings.HasPrefix(tag, "</")
		if !closing && (name == "nav" || name != "" && bannerAttrRe().MatchString(tag)) {
			if end := bannerEnd(s, m[1], name); end > 0 {
				last, bannerTo = end, end
				continue
			}
		}
		switch name {
		case "script", "style":
			if !closing {
				skipTo = name
			}
		case "title":
			if !closing && titled {
				skipTo = name
			}
		case "b", "strong":
			cur := b.String()
			if !closing {
				boldStart = -1
				if leadNumberRe().MatchString(cur[strings.LastIndexByte(cur, '\n')+1:]) {
					boldStart = len(cur)
				}
			} else if boldStart >= 0 {
				line := cur[strings.LastIndexByte(cur, '\n')+1:]
				boldHead, boldStart = boldHeadRe().MatchString(line), -1
				if boldHead {
					b.Reset()
					b.WriteString(strings.TrimRight(cur, " \t"))
				}
			}
		case "h1", "h2", "h3", "h4", "h5", "h6":
			b.WriteString("\n\n")
			if !closing {
				b.WriteString(strings.Repeat("#", int(name[1]-'0')) + " ")
			}
		case "ul", "ol":
			if closing {
				lists = lists[:max(len(lists)-1, 0)]
			} else if name == "ol" {
				lists = append(lists, 1)
			} else {
				lists = append(lists, 0)
			}
			b.WriteString("\n")
		case "li":
			b.WriteString("\n")
			if !closing && len(lists) > 0 {
				b.WriteString(strings.Repeat("   ", len(lists)-1))
				if n := lists[len(lists)-1]; n > 0 {
					b.WriteString(strconv.Itoa(n) + ". ")
					lists[len(lists)-1]++
				} else {
					b.WriteString("- ")
				}
			} else if !closing {
				b.WriteString("- ")
			}
		case "tr":
			inRow = !closing && !layoutRow(rowAt(s[m[1]:]))
			b.WriteString("\n")
			if inRow {
				b.WriteString("|")
			}
		case "td", "th":
			switch {
			case !inRow:
				b.WriteString("\n")
			case closing:
				b.WriteString(" |")
			default:
				b.WriteString(" ")
			}
		case "br":
			if inRow {
				b.WriteString(" ")
				break
			}
			// A Markdown hard break: the next line goes on in the same
			// block (a name, its address, its purpose), so the line
			// break that follows the tag in the source is not a second one.
			b.WriteString("\\\n")
			if rest := strings.TrimLeft(s[m[1]:], " \t"); strings.HasPrefix(rest, "\n") {
				last = len(s) - len(rest) + 1
			}
		case "p", "div", "table", "tbody", "thead", "section", "article", "blockquote", "pre", "hr", "body", "html":
			if inRow {
				b.WriteString(" ")
			} else {
				b.WriteString("\n")
			}
		}
	}
	if skipTo == "" {
		text(s[last:])
	}
	return blankRunsRe().ReplaceAllString(b.String(), "\n\n")
}

// maxBannerWords is the most words a cookie banner has: an element named
// so that holds more (a cookie policy page) is read.
const maxBannerWords = 120

// bannerEnd returns where the element named name that opens just before
// s[from:] ends, when it is a cookie banner or a navigation bar: no
// heading in it and at most maxBannerWords words. Else, or when it never
// closes, it returns 0.
func bannerEnd(s string, from int, name string) int {
	depth := 1
	for _, m := range htmlTagRe().FindAllStringSubmatchIndex(s[from:], -1) {
		if m[2] < 0 || !strings.EqualFold(s[from+m[2]:from+m[3]], name) || strings.HasSuffix(s[from+m[0]:from+m[1]], "/>") {
			continue
		}
		if s[from+m[0]+1] != '/' {
			depth++
			continue
		}
		if depth--; depth > 0 {
			continue
		}
		inner := s[from : from+m[0]]
		if headingTagRe().MatchString(inner) || len(strings.Fields(htmlTagRe().ReplaceAllString(inner, " "))) > maxBannerWords {
			return 0
		}
		return from + m[1]
	}
	return 0
}

func layoutRow(row string) bool {
	return layoutTagRe().MatchString(row) || blockTagRe().MatchString(row) && len(cellTagRe().FindAllStringIndex(row, 2)) < 2
}

// rowAt returns the start of s up to the end of the table row it begins
// in: the next "<tr" or "</tr".
func rowAt(s string) string {
	if k := strings.Index(strings.ToLower(s), "<tr"); k >= 0 {
		s = s[:k]
	}
	if k := strings.Index(strings.ToLower(s), "</tr"); k >= 0 {
		s = s[:k]
	}
	return s
}

func unescape(s string) string {
	if !strings.Contains(s, "&") || !entityRe().MatchString(s) {
		return s
	}
	return html.UnescapeString(s)
}
