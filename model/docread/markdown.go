package docread

import (
	"regexp"
	"strings"
)

var (
	mdHeading  = regexp.MustCompile(`^ {0,3}#{1,6}(?:\s+|$)`)
	mdClosing  = regexp.MustCompile(`\s+#+\s*$`)
	mdRule     = regexp.MustCompile(`^ {0,3}(?:(?:[-*_=]\s*){3,}|` + "```" + `.*|~~~.*)$`)
	mdStrongOn = regexp.MustCompile(`^(\*\*|__)(.+)(\*\*|__)$`)
)

// StripMarkdown removes the Markdown markup that would hide a clause number
// from the parser: heading hashes ("## 8.6.3 Title"), a whole line set in
// bold, horizontal rules, setext underlines and code fences. Lines keep
// their places, so line numbers stay valid.
func StripMarkdown(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimRight(l, "\r")
		switch {
		case mdRule.MatchString(l):
			l = ""
		case mdHeading.MatchString(l):
			l = mdClosing.ReplaceAllString(mdHeading.ReplaceAllString(l, ""), "")
		}
		if m := mdStrongOn.FindStringSubmatch(strings.TrimSpace(l)); m != nil && m[1] == m[3] {
			l = m[2]
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}
