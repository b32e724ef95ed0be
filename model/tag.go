package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTagLen bounds a tag; the longest built-in id is 22 characters.
const MaxTagLen = 40

// CheckTag returns the tag input spells, lower-cased, or an error saying
// what a tag may be: letters and digits joined by single - or _, at most
// MaxTagLen. A tag from a file passes the same check as one typed, so
// nothing but such a slug is ever stored or shown as a tag.
func CheckTag(input string) (string, error) {
	in := strings.ToLower(strings.TrimSpace(input))
	bad := in == "" || utf8.RuneCountInString(in) > MaxTagLen
	prev := '-'
	for _, r := range in {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
		case (r == '-' || r == '_') && prev != '-' && prev != '_':
		default:
			bad = true
		}
		prev = r
	}
	if bad || prev == '-' || prev == '_' {
		return "", Refuse("tag", "%q is not a tag: use letters and digits joined by - or _ (at most %d), e.g. exit-plan", in, MaxTagLen)
	}
	return in, nil
}
