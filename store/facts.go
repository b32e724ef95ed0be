package store

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode/utf8"

	"avtal/model"
)

// engineFacts is the part of a stored agreement the deadline engine reads
// (and the title a calendar shows): the agreements table keeps it as JSON
// of its own (migration 5), half the text of the whole agreement.
type engineFacts struct {
	ID        string       `json:"id"`
	Title     string       `json:"title"`
	Signed    model.Date   `json:"signed"`
	Effective model.Date   `json:"effective"`
	Start     model.Date   `json:"start"`
	Term      model.Term   `json:"term"`
	Rules     []model.Rule `json:"rules"`
	Sample    []string     `json:"sample_values"`
}

// into sets a's engine facts to f.
func (f *engineFacts) into(a *model.Agreement) {
	a.ID, a.Title, a.Signed, a.Effective, a.Start, a.Term, a.Rules, a.Sample = f.ID, f.Title, f.Signed, f.Effective, f.Start, f.Term, f.Rules, f.Sample
}

// factsDecoder decodes the facts of many agreements. The column is JSON
// that SQLite writes itself, always in one shape: no spaces, keys written
// exactly, no escapes in ordinary text. Reading that shape directly costs
// a quarter of what encoding/json costs for it (BenchmarkFactsDecode), and
// a large register's deadlines mostly went to decoding. Anything else (an escape, a key it
// does not know, a null, a repeated key) is left to encoding/json, so
// the result is always what encoding/json gives (FuzzFacts checks it).
type factsDecoder struct {
	// rules holds the rules of every agreement decoded so far, one block
	// instead of a small list each.
	rules []model.Rule
	// shared holds the rule texts decoded so far: a register repeats its
	// titles and clause numbers, and each is kept once.
	shared map[string]string
	// noRules leaves the rules out, for what needs only the term: the
	// list's dates (deadlines.OutlookOn). They are two thirds of the text.
	noRules bool
}

// newFactsDecoder returns a decoder for the facts in texts, with room for
// their rules.
func newFactsDecoder(texts []string) *factsDecoder {
	rules := 0
	for _, t := range texts {
		rules += strings.Count(t, `{"kind":`) // how SQLite begins a rule; an estimate
	}
	return &factsDecoder{rules: make([]model.Rule, 0, rules), shared: map[string]string{}}
}

// newTermDecoder returns a decoder that leaves the rules out.
func newTermDecoder() *factsDecoder {
	return &factsDecoder{shared: map[string]string{}, noRules: true}
}

// decode decodes one agreement's facts. What it returns shares nothing
// with text.
func (d *factsDecoder) decode(text string) (engineFacts, error) {
	var f engineFacts
	r := factsReader{text: text, decoder: d}
	if r.facts(&f) {
		return f, nil
	}
	f = engineFacts{}
	err := json.Unmarshal([]byte(text), &f)
	if d.noRules {
		f.Rules = nil
	}
	return f, err
}

// factsReader reads one agreement's facts in the shape SQLite writes. Each
// method reports whether it read what it expected; false means the text is
// for encoding/json to decode.
type factsReader struct {
	text    string
	at      int
	decoder *factsDecoder
}

func (r *factsReader) facts(f *engineFacts) bool {
	ok := r.object(func(key string) bool {
		switch key {
		case "id":
			return r.ownString(&f.ID)
		case "title":
			return r.ownString(&f.Title)
		case "signed":
			return r.date(&f.Signed)
		case "effective":
			return r.date(&f.Effective)
		case "start":
			return r.date(&f.Start)
		case "term":
			return r.term(&f.Term)
		case "rules":
			if r.decoder.noRules {
				return r.skip()
			}
			return r.rules(&f.Rules)
		case "sample_values":
			return r.strings(&f.Sample)
		}
		return false
	})
	r.space()
	return ok && r.at == len(r.text)
}

func (r *factsReader) term(t *model.Term) bool {
	return r.object(func(key string) bool {
		switch key {
		case "indefinite":
			return r.bool(&t.Indefinite)
		case "initial":
			return r.period(&t.Initial)
		case "renewal":
			return r.period(&t.Renewal)
		case "notice":
			return r.period(&t.Notice)
		case "clause":
			return r.sharedString(&t.Clause)
		}
		return false
	})
}

// rules reads a list of rules into the decoder's block.
func (r *factsReader) rules(dst *[]model.Rule) bool {
	d := r.decoder
	from := len(d.rules)
	if !r.punct('[') {
		return false
	}
	if !r.punct(']') {
		for {
			d.rules = append(d.rules, model.Rule{})
			if !r.rule(&d.rules[len(d.rules)-1]) {
				return false
			}
			if r.punct(']') {
				break
			}
			if !r.punct(',') {
				return false
			}
		}
	}
	*dst = d.rules[from:len(d.rules):len(d.rules)]
	return true
}

func (r *factsReader) rule(rule *model.Rule) bool {
	return r.object(func(key string) bool {
		switch key {
		case "kind":
			return r.sharedString((*string)(&rule.Kind))
		case "anchor":
			return r.sharedString((*string)(&rule.Anchor))
		case "offset":
			return r.period(&rule.Offset)
		case "before":
			return r.bool(&rule.Before)
		case "on":
			return r.sharedString(&rule.On)
		case "clause":
			return r.sharedString(&rule.Clause)
		case "title":
			return r.sharedString(&rule.Title)
		case "note":
			return r.sharedString(&rule.Note)
		case "late_from":
			return r.sharedString(&rule.LateFrom)
		}
		return false
	})
}

// object reads an object whose every key field reads the value of. A key
// seen twice is left to encoding/json, which merges the two.
func (r *factsReader) object(field func(key string) bool) bool {
	if !r.punct('{') {
		return false
	}
	if r.punct('}') {
		return true
	}
	var seen [9]string // no object has more keys than a rule
	for n := 0; ; n++ {
		key, ok := r.quoted()
		if !ok || n == len(seen) || slices.Contains(seen[:n], key) || !r.punct(':') || !field(key) {
			return false
		}
		seen[n] = key
		if r.punct('}') {
			return true
		}
		if !r.punct(',') {
			return false
		}
	}
}

// quoted reads a string without escapes, in valid UTF-8; the result is part
// of the text read.
func (r *factsReader) quoted() (string, bool) {
	if !r.punct('"') {
		return "", false
	}
	ascii := true
	for i := r.at; i < len(r.text); i++ {
		switch c := r.text[i]; {
		case c == '"':
			s := r.text[r.at:i]
			if !ascii && !utf8.ValidString(s) {
				return "", false
			}
			r.at = i + 1
			return s, true
		case c == '\\' || c < 0x20:
			return "", false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return "", false
}

// ownString reads a string of this agreement's own (its id, its title).
func (r *factsReader) ownString(dst *string) bool {
	s, ok := r.quoted()
	*dst = strings.Clone(s)
	return ok
}

// sharedString reads a string that many agreements are likely to repeat.
func (r *factsReader) sharedString(dst *string) bool {
	s, ok := r.quoted()
	if !ok {
		return false
	}
	kept, seen := r.decoder.shared[s]
	if !seen {
		kept = strings.Clone(s)
		r.decoder.shared[kept] = kept
	}
	*dst = kept
	return true
}

// strings reads a list of strings a register is likely to repeat.
func (r *factsReader) strings(dst *[]string) bool {
	if !r.punct('[') {
		return false
	}
	out := []string{} // as encoding/json reads an empty list
	for !r.punct(']') {
		if len(out) > 0 && !r.punct(',') {
			return false
		}
		var s string
		if !r.sharedString(&s) {
			return false
		}
		out = append(out, s)
	}
	*dst = out
	return true
}

// date reads a date: one as SQLite keeps it (YYYY-MM-DD) by hand, as the
// kept deadlines' days are (parseDay; time.Parse was a tenth of reading
// the list), anything else as encoding/json would.
func (r *factsReader) date(dst *model.Date) bool {
	s, ok := r.quoted()
	if !ok {
		return false
	}
	if d, err := parseDay(s); err == nil {
		*dst = d
		return true
	}
	return dst.UnmarshalText([]byte(s)) == nil
}

func (r *factsReader) period(dst *model.Period) bool {
	s, ok := r.quoted()
	return ok && dst.UnmarshalText([]byte(s)) == nil
}

func (r *factsReader) bool(dst *bool) bool {
	r.space()
	for _, word := range [...]string{"true", "false"} {
		if strings.HasPrefix(r.text[r.at:], word) {
			r.at += len(word)
			*dst = word == "true"
			return true
		}
	}
	return false
}

// skip reads past a value without decoding it: up to the comma or the
// bracket after it. It does not check the value, only where it ends.
func (r *factsReader) skip() bool {
	r.space()
	start, depth := r.at, 0
	for ; r.at < len(r.text); r.at++ {
		switch r.text[r.at] {
		case '"':
			r.at = stringEnd(r.text, r.at+1)
		case '[', '{':
			depth++
		case ']', '}':
			if depth == 0 {
				return r.at > start
			}
			depth--
		case ',':
			if depth == 0 {
				return r.at > start
			}
		}
	}
	return false
}

// stringEnd returns where the string whose text begins at from ends: the
// quote that is not escaped, len(text) when there is none. The quotes are
// found a run of text at a time (strings.IndexByte): skipping the rules of
// each agreement a byte at a time was a third of decoding the list.
func stringEnd(text string, from int) int {
	for {
		i := strings.IndexByte(text[from:], '"')
		if i < 0 {
			return len(text)
		}
		end, escapes := from+i, 0
		for j := end - 1; j >= from && text[j] == '\\'; j-- {
			escapes++
		}
		if escapes%2 == 0 {
			return end
		}
		from = end + 1
	}
}

// punct reads c after any white space.
func (r *factsReader) punct(c byte) bool {
	r.space()
	if r.at < len(r.text) && r.text[r.at] == c {
		r.at++
		return true
	}
	return false
}

func (r *factsReader) space() {
	for r.at < len(r.text) {
		switch r.text[r.at] {
		case ' ', '\t', '\n', '\r':
			r.at++
		default:
			return
		}
	}
}
