package docimport

import (
	"strconv"
	"strings"
	"unicode"

	"avtal/model/extract"
)

// maxSlug leaves room under the 64 characters of an agreement id for a
// suffix that makes it unique ("-2").
const maxSlug = 40

// legalForms are company-form words left out of an id: "Centuri AB" is
// "centuri".
var legalForms = map[string]bool{"ab": true, "as": true, "asa": true, "oy": true, "oyj": true, "ltd": true,
	"limited": true, "inc": true, "llc": true, "gmbh": true, "ag": true, "plc": true, "bv": true, "aps": true}

// Slug makes an agreement id from a guessed title and supplier: lower-case
// ASCII words joined by dashes. When the title names the supplier, the id is
// the title from that name on ("Allmänna villkor för Centuri SaaS" by
// "Centuri AB" → "centuri-saas"); otherwise the supplier's first word and
// the title. Company forms are left out, and the id is cut at a word to at
// most 40 characters; it is "agreement" when nothing is left.
func Slug(title, supplier string) string {
	t, s := words(title), words(supplier)
	parts := t
	if len(s) > 0 {
		parts = append([]string{s[0]}, t...)
		for i, w := range t {
			if w == s[0] {
				parts = t[i:]
				break
			}
		}
	}
	id := ""
	for _, w := range parts {
		if legalForms[w] {
			continue
		}
		next := w
		if id != "" {
			next = id + "-" + w
		}
		if len(next) > maxSlug {
			if id == "" {
				id = w[:maxSlug]
			}
			break
		}
		id = next
	}
	if id == "" {
		return "agreement"
	}
	return id
}

// words splits s into folded, lower-case ASCII words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(extract.Fold(s)), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

// NextVersion names the version of a re-imported document: the version the
// new text states when it differs from the old one, else the old version
// with its last number counted up ("2.9" → "2.10", "" → "2", "rev" → "rev 2").
func NextVersion(old, stated string) string {
	if stated != "" && stated != old {
		return stated
	}
	if old == "" {
		return "2"
	}
	end := len(old)
	start := end
	for start > 0 && unicode.IsDigit(rune(old[start-1])) {
		start--
	}
	if start == end {
		return old + " 2"
	}
	n, err := strconv.Atoi(old[start:end])
	if err != nil {
		return old + " 2"
	}
	return old[:start] + strconv.Itoa(n+1)
}
