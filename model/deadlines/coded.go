package deadlines

import (
	"encoding/binary"
	"errors"
	"strings"
	"sync"

	"avtal/model"
)

// The coded form of a deadline's words is one text for both languages: its
// title, act-by reason and explanation written with the fixed words and
// periods as codes, which Word turns into the words of either language.
// The store keeps deadlines in this form, computed once, and hands them
// out so: a face words those it shows (the calendar's selected one, the
// CLI's rows as they are written), not every deadline it reads. One
// computation instead of one per language, and fewer bytes (a phrase is
// 2). Dates are written as they read, so wording them is copying.
//
// A code is the byte mark, which UTF-8 text never holds, and the code's
// byte after it:
const mark = 0xff

const (
	codeMark   = iota // the byte mark itself, in text that had one
	codePeriod        // a period: uvarint N and the unit (codedUnits)
	codeBoth          // English then Swedish text, each uvarint length and bytes
	codePhrase        // codePhrase+i: phrase i of phrases.fields
)

// Coded is the pseudo-language of the coded form: deadlines computed in it
// (Compute, Append, All) have their texts coded and Coded set, and
// phrasesOf and words give codes for it.
const Coded = model.Lang(len(phrasesIn))

// codedPhrases are the phrases of the coded form, each its code.
var codedPhrases = func() phrases {
	var p phrases
	for i, f := range p.fields() {
		*f = string([]byte{mark, byte(codePhrase + i)})
	}
	return p
}()

// phraseWords lists the phrases of each language by code.
var phraseWords = func() (out [len(phrasesIn)][]string) {
	for lang := range phrasesIn {
		for _, f := range phrasesIn[lang].fields() {
			out[lang] = append(out[lang], *f)
		}
	}
	return out
}()

// phrasesOf returns lang's phrases, or the coded form's.
func phrasesOf(lang model.Lang) *phrases {
	if lang == Coded {
		return &codedPhrases
	}
	return &phrasesIn[lang]
}

// codedUnits are the units a period's code names by number (1 and on); any
// other follows a 0 as its length and name.
var codedUnits = [...]model.Unit{model.Days, model.Weeks, model.Months, model.Years, model.WorkDays}

// appendPeriodCode appends p's code to b.
func appendPeriodCode(b []byte, p model.Period) []byte {
	if p.IsZero() {
		return b // written as no words, as Period.In writes it
	}
	b = binary.AppendUvarint(append(b, mark, codePeriod), uint64(p.N))
	for i, u := range codedUnits {
		if u == p.Unit {
			return append(b, byte(i+1))
		}
	}
	return append(binary.AppendUvarint(append(b, 0), uint64(len(p.Unit))), p.Unit...)
}

// escape returns text of the register's (a title, an event's reference) as
// the coded form holds it: every mark byte coded.
func escape(s string) string {
	if strings.IndexByte(s, mark) < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\xff", "\xff\x00")
}

// both codes two texts of one meaning, English and Swedish.
func both(en, sv string) string {
	b := binary.AppendUvarint([]byte{mark, codeBoth}, uint64(len(en)))
	b = binary.AppendUvarint(append(b, en...), uint64(len(sv)))
	return string(append(b, sv...))
}

// ErrDamaged is a coded text that cannot be read back.
var ErrDamaged = errors.New("a deadline's kept words are damaged")

// Word words d's title, act-by reason and explanation in lang when they
// are in the coded form (d.Coded), those that hold codes in one string:
// what it makes of a deadline computed in Coded is what computing it in
// lang says. A deadline already in words is left as it is, and so is one
// whose coded texts cannot be read (ErrDamaged).
func Word(d *model.Deadline, lang model.Lang) error {
	if !d.Coded || lang == Coded {
		return nil
	}
	texts := [...]*string{&d.Title, &d.ActByReason, &d.Explanation}
	size := 0
	for _, s := range texts {
		if holdsCodes(*s) {
			size += 3*len(*s) + 16 // a phrase's words are up to 18 times its code
		}
	}
	if size > 0 {
		var b strings.Builder
		b.Grow(size)
		var ends [len(texts)]int
		for i, s := range texts {
			if holdsCodes(*s) && !WriteWorded(&b, *s, lang) {
				return ErrDamaged
			}
			ends[i] = b.Len()
		}
		words, start := b.String(), 0
		for i, s := range texts {
			if holdsCodes(*s) {
				*s = words[start:ends[i]]
			}
			start = ends[i]
		}
	}
	d.Coded = false
	return nil
}

// WordedTitle returns d's title in lang's words, as Word words it: what a
// list shows of a deadline of your own, without wording the rest.
func WordedTitle(d *model.Deadline, lang model.Lang) string {
	if !d.Coded || !holdsCodes(d.Title) {
		return d.Title
	}
	var b strings.Builder
	if !WriteWorded(&b, d.Title, lang) {
		return d.Title
	}
	return b.String()
}

// holdsCodes reports whether s, a text of the coded form, holds codes:
// one that does not reads the same in every language.
func holdsCodes(s string) bool { return strings.IndexByte(s, mark) >= 0 }

// WriteWorded writes s, a text of the coded form, in lang's words to b;
// ok is false when s is not one.
func WriteWorded(b *strings.Builder, s string, lang model.Lang) (ok bool) {
	for {
		i := strings.IndexByte(s, mark)
		if i < 0 {
			b.WriteString(s)
			return true
		}
		b.WriteString(s[:i])
		if i+1 == len(s) {
			return false
		}
		code, rest := s[i+1], s[i+2:]
		switch {
		case code == codeMark:
			b.WriteByte(mark)
		case code == codePeriod:
			var p model.Period
			var unit int
			if p, unit, rest, ok = readPeriod(rest); !ok {
				return false
			}
			if unit > 0 && p.N <= commonPeriods {
				b.WriteString(unitWords()[lang][unit-1][p.N])
			} else {
				b.WriteString(words(p, lang))
			}
		case code == codeBoth:
			var en, sv string
			var ok2 bool
			en, rest, ok = CutText(rest)
			sv, rest, ok2 = CutText(rest)
			if !ok || !ok2 {
				return false
			}
			if lang == model.Swedish {
				en = sv
			}
			b.WriteString(en)
		case int(code-codePhrase) < len(phraseWords[lang]):
			b.WriteString(phraseWords[lang][code-codePhrase])
		default:
			return false
		}
		s = rest
	}
}

// readPeriod reads a period's code after its code byte, and its unit's
// number (codedUnits[unit-1], 0 for a unit of its own).
func readPeriod(s string) (p model.Period, unit int, rest string, ok bool) {
	n, w := Uvarint(s)
	if w == 0 || w == len(s) {
		return p, 0, s, false
	}
	p.N, unit, s = int(n), int(s[w]), s[w+1:]
	switch {
	case unit == 0:
		var name string
		if name, s, ok = CutText(s); !ok {
			return p, 0, s, false
		}
		p.Unit = model.Unit(name)
	case unit <= len(codedUnits):
		p.Unit = codedUnits[unit-1]
	default:
		return p, 0, s, false
	}
	return p, unit, s, true
}

// unitWords are each language's words of the common periods by unit
// (codedUnits) and number: wording a period's code looks them up without
// hashing the period. Made when first asked for, as commonWords.
var unitWords = sync.OnceValue(func() (out *[len(phrasesIn)][len(codedUnits)][commonPeriods + 1]string) {
	out = new([len(phrasesIn)][len(codedUnits)][commonPeriods + 1]string)
	for lang := range out {
		for u, unit := range codedUnits {
			for n := 1; n <= commonPeriods; n++ {
				out[lang][u][n] = words(model.Period{N: n, Unit: unit}, model.Lang(lang))
			}
		}
	}
	return out
})

// Uvarint is binary.Uvarint reading a string (the coded form and the
// store's kept entries are strings of lengths and texts).
func Uvarint(s string) (uint64, int) {
	var x uint64
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		c := s[i]
		x |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			return x, i + 1
		}
	}
	return 0, 0
}

// CutText reads a length and that many bytes off the front of s.
func CutText(s string) (text, rest string, ok bool) {
	n, w := Uvarint(s)
	if w == 0 || uint64(len(s)-w) < n {
		return "", s, false
	}
	return s[w : w+int(n)], s[w+int(n):], true
}
