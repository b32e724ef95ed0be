package subproc

import (
	"strings"
	"unicode"
)

// legalForms are company-form suffixes that do not tell two sub-processors
// apart ("Sinch AB" and "Sinch" are one), written as nameKey leaves them:
// lower case, without dots or slashes ("A/S" → "as", "B.V." → "bv").
var legalForms = map[string]bool{
	"ab": true, "publ": true, "hb": true, "kb": true, "as": true, "asa": true, "aps": true,
	"oy": true, "oyj": true, "ehf": true, "hf": true, "inc": true, "incorporated": true,
	"corp": true, "corporation": true, "co": true, "llc": true, "llp": true, "ltd": true,
	"limited": true, "plc": true, "gmbh": true, "ag": true, "se": true, "bv": true, "nv": true,
	"sa": true, "sas": true, "sarl": true, "srl": true, "spa": true, "sl": true,
}

// nameKey is the name two sub-processors are compared by: lower case,
// single spaces, no punctuation, trailing legal forms dropped
// ("Microsoft Sverige AS" → "microsoft sverige"). A name made only of
// legal forms is kept whole.
func nameKey(name string) string {
	cleaned := strings.Map(func(r rune) rune {
		switch {
		case r == '.' || r == '/' || r == '(' || r == ')':
			return -1
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return unicode.ToLower(r)
		}
		return ' '
	}, name)
	words := strings.Fields(cleaned)
	n := len(words)
	for n > 1 && legalForms[words[n-1]] {
		n--
	}
	return strings.Join(words[:n], " ")
}

// orgKey is an organisation number without spaces or dashes, upper case,
// so "556726-8106" and "5567268106" match.
func orgKey(org string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToUpper(r)
		}
		return -1
	}, org)
}
