package docread

import (
	"html"
	"regexp"
	"strconv"
	"strings"
)

var (
	// htmlTagRe finds the tags of HTML (and comments): an agreement saved
	// from a web page, or HTML inside Markdown.
	htmlTagRe = regexp.MustCompile(`(?s)<!--.*?-->|</?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>`)
	// knownTagRe recognises text that holds HTML: a tag HTML really has.
	knownTagRe  = regexp.MustCompile(`(?i)</?(?:p|div|span|a|b|i|em|strong|u|br|h[1-6]|ul|ol|li|table|tr|td|th|tbody|thead|sup|sub|font|img|hr|html|body|section|article|blockquote|code|pre)(?:\s[^<>]*)?/?>`)
	blankRunsRe = regexp.MustCompile(`\n(?:[ \t]*\n){2,}`)
	entityRe    = regexp.MustCompile(`&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});`)
)

// FromHTML turns HTML, a whole page or fragments inside Markdown, into the
// Markdown the clause parser reads: headings become "#" lines, list items
// "-" or "1." lines, table rows "| a | b |" lines, paragraphs and line
// breaks new lines; every other tag goes and its text stays. Scripts and
// styles go with their content. Text without HTML tags is returned as it is,
// with its character entities ("&nbsp;", "&amp;") decoded.
func FromHTML(s string) string {
	if !knownTagRe.MatchString(s) {
		return unescape(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	var lists []int // per open list: the next item number, 0 for a bullet list
	inRow, skipTo := false, ""
	text := func(t string) {
		t = unescape(t)
		if inRow {
			t = strings.Join(strings.Fields(t), " ")
		}
		b.WriteString(t)
	}
	last := 0
	for _, m := range htmlTagRe.FindAllStringSubmatchIndex(s, -1) {
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
		switch name {
		case "script", "style":
			if !closing {
				skipTo = name
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
			inRow = !closing
			b.WriteString("\n")
			if !closing {
				b.WriteString("|")
			}
		case "td", "th":
			if closing {
				b.WriteString(" |")
			} else {
				b.WriteString(" ")
			}
		case "br", "p", "div", "table", "tbody", "thead", "section", "article", "blockquote", "pre", "hr", "body", "html":
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
	return blankRunsRe.ReplaceAllString(b.String(), "\n\n")
}

func unescape(s string) string {
	if !strings.Contains(s, "&") || !entityRe.MatchString(s) {
		return s
	}
	return html.UnescapeString(s)
}
