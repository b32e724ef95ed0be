package extract

import (
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"avtal/model"
)

var (
	// orgNumberRe finds an organisation number after its label in any
	// language: "org.nr 559420-6665", "CVR: DK-44196972", "Y-tunnus 0313471-7",
	// "organisasjonsnummer 929 782 216", "CVR [DK12345678](link)", and in
	// a table, "| Company number | 01234567 |".
	orgNumberRe = sync.OnceValue(func() *regexp.Regexp { return buildOrgNumberRe() })
	selfWords   = sync.OnceValue(func() map[string]bool { return wordSet(func(l *language) []string { return l.party.selves }) })
	// commonNames are the roles and common nouns a text may define itself
	// as, which are no names: "Provider", "Virksomheden".
	commonNames = sync.OnceValue(func() map[string]bool {
		return wordSet(func(l *language) []string { return append(slices.Clip(l.party.roles), l.party.companies...) })
	})
	// quotedTerm is a term in quotes, as a definition in brackets gives it.
	quotedTerm = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`["“”«»]([^"“”«»\n]{1,40})["“”«»]`) })
	partyRoles = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.party.roles }) })
	// bareOrgNumberRe is an organisation number with no label right after
	// a company's name, in a shape only such numbers have: Norwegian
	// "922 409 676", Swedish "556000-1234", Finnish "1234567-8".
	bareOrgNumberRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^[ \t]*,?\s*\(?(\d{3} \d{3} \d{3}|\d{6}-\d{4}|\d{7}-\d)(?:[^\d-]|$)`)
	})
	articleWords = sync.OnceValue(func() map[string]bool { return wordSet(func(l *language) []string { return l.party.articles }) })
	hereafters   = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.party.hereinafter }) })
	providesCues = sync.OnceValue(func() []cue {
		return merged(func(l *language) []string { return slices.Concat(l.party.provides, l.party.providedBy) })
	})
	// providesWords and providedByWords are the same words as written, to
	// find in a sentence.
	providesWords   = sync.OnceValue(func() []string { return allWords(func(l *language) []string { return l.party.provides }) })
	providedByWords = sync.OnceValue(func() []string { return allWords(func(l *language) []string { return l.party.providedBy }) })
	// actVerbs are the verbs a party does things with, in every language.
	actVerbs    = sync.OnceValue(func() map[string]bool { return wordSet(func(l *language) []string { return l.party.acts }) })
	controllers = sync.OnceValue(func() []cue { return merged(func(l *language) []string { return l.party.controllers }) })
)

// allWords is the words pick gives for every language, in one list.
func allWords(pick func(*language) []string) []string {
	var out []string
	for _, l := range languages() {
		out = append(out, pick(l)...)
	}
	return out
}

func buildOrgNumberRe() *regexp.Regexp {
	var labels []string
	for _, l := range languages() {
		for _, w := range l.party.orgLabels {
			labels = append(labels, strings.ReplaceAll(regexp.QuoteMeta(w), " ", `\s*`))
		}
	}
	sort.Slice(labels, func(i, j int) bool { return len(labels[i]) > len(labels[j]) })
	// A country's code may open the number, with a dash or a space: "DK-44196972", "NO 940 192 226".
	return regexp.MustCompile(`(?i)(?:^|[^\pL])(?:` + strings.Join(labels, "|") + `)[\s:.*\[|]*((?:[A-Z]{2}[- ]?)?\d[\d -]{4,12}\d)`)
}

// supplierFinder looks for the supplier over the clauses of a document: a
// company named with its organisation number, the one in a supplier's
// role ("Leverantören", "Provider") first; else the party a sentence names
// beside the customer ("between Example Ltd and the Customer"); else the
// company with a legal form ("AB", "ApS", "Oy") whose name the text uses
// most. Clauses about sub-processors name other companies and are left out.
type supplierFinder struct {
	best     *Proposal
	bestRole bool
	self     *Proposal // the name the text defines as "we"
	// numbered is a company named with an organisation number right
	// after it, unlabelled: "Example AS 922 409 676 (\"Example\")".
	numbered *Proposal
	// called is the company named and then called by the supplier's
	// role: "Exempel Oy:n, jatkossa nimellä palveluntarjoaja".
	called *Proposal
	party  *Proposal
	// provider is the name a sentence opens with to say it supplies the
	// service: "Exempel provides the Service".
	provider  *Proposal
	formNames map[string]*formName
	order     []string
	text      strings.Builder // the clauses read, to count names in
	// acting counts the names that act as a party does, by first place;
	// opening is the text's first lines, headings and all, where a
	// document names whom it is about.
	acting   map[string]*actor
	actOrder []string
	opening  strings.Builder
}

// actor is a name that acts in the text: how often, and where first.
type actor struct {
	n      int
	clause string
	span   Span
	ev     string
}

// openingSize is how much of a text its opening lines are.
const openingSize = 400

type formName struct {
	name   string
	clause string
	span   Span
	ev     string
}

func (f *supplierFinder) clause(c *prepared) {
	f.text.WriteString(c.Body)
	f.text.WriteByte('\n')
	if f.opening.Len() < openingSize {
		f.opening.WriteString(c.Heading + "\n" + c.Body + "\n")
	}
	if anyCue(subCues(), c.heading) {
		return
	}
	for _, at := range actingNames(c.Body, c.toks) {
		name := at.In(c.Body)
		a := f.acting[name]
		if a == nil {
			if f.acting == nil {
				f.acting = map[string]*actor{}
			}
			a = &actor{clause: c.Number, span: at, ev: evidence(c.Body, lineAround(c.Body, at.Start))}
			f.acting[name] = a
			f.actOrder = append(f.actOrder, name)
		}
		a.n++
	}
	if f.self == nil {
		f.self = selfDefinition(c)
	}
	for i, s := range c.sents {
		if f.party != nil {
			break
		}
		if !mayNameParties(c.norms[i]) {
			continue
		}
		if name := partiesSupplier(s.In(c.Body)); name != "" {
			f.party = &Proposal{Kind: ProposeSupplier, Clause: c.Number, Span: s, Evidence: evidence(c.Body, s),
				Confidence: 0.6, Reason: "the party named beside the customer", Supplier: &model.Party{Name: name}}
		}
	}
	for i, s := range c.sents {
		if f.provider != nil {
			break
		}
		if anyCue(providesCues(), c.norms[i]) {
			if f.provider = providerIn(c.Body, s); f.provider != nil {
				f.provider.Clause = c.Number
			}
		}
	}
	for _, m := range orgNumbers(c.Body) {
		line := lineAround(c.Body, m[0])
		if anyCue(subCues(), normalize(line.In(c.Body))) {
			continue
		}
		name, span := nameBefore(c.Body, m[0])
		role := false
		labelAt := m[0]
		if r, size := utf8.DecodeRuneInString(c.Body[m[0]:]); !unicode.IsLetter(r) {
			labelAt += size
		}
		if cellStart := strings.LastIndexByte(c.Body[line.Start:labelAt], '|'); cellStart >= 0 &&
			strings.Trim(c.Body[line.Start+cellStart:labelAt], "| \t*") == "" {
			// The label opens a cell of a table: the name stands above.
			var customer bool
			if name, span, role, customer = cellName(c.Body, line, m[2]); customer {
				continue
			}
		}
		if name == "" {
			continue
		}
		number := strings.TrimSpace(c.Body[m[2]:m[3]])
		role = role || anyCue(partyRoles(), normalize(c.Body[max(0, span.Start-120):min(len(c.Body), m[1]+120)]))
		if f.best != nil && (f.bestRole || !role) {
			continue
		}
		end := m[1]
		if strings.HasPrefix(c.Body[end:], "]") {
			end++ // the number's link: "[DK12345678](…)"
		}
		f.best = &Proposal{Kind: ProposeSupplier, Clause: c.Number, Span: Span{span.Start, m[3]},
			Evidence: evidence(c.Body, Span{span.Start, end}), Confidence: 0.8,
			Reason: "a company named with its organisation number", Supplier: &model.Party{Name: name, OrgNumber: number}}
		f.bestRole = role
	}
	if f.formNames == nil {
		f.formNames = map[string]*formName{}
	}
	for _, l := range lineSpans(c.Body) {
		line := l.In(c.Body)
		if !mayHoldLegalForm(line) {
			continue // most lines name no company at all
		}
		toks := tokenize(line)
		if !holdsLegalForm(toks, line) || len(tableCells(line)) > 1 || anyCue(subCues(), normalize(line)) || copyrightLine(line) {
			// No company form, or a table of companies, a line about
			// sub-processors, a template's publisher: names others.
			continue
		}
		for i, t := range toks {
			if t.kind != tWord || !legalForms[line[t.start:t.end]] || i == 0 {
				continue
			}
			start := i
			if start > 1 && line[toks[i-1].start:toks[i-1].end] == "," && attached(toks, i-1) {
				start-- // "Example, Inc."
			}
			form := start
			for start > 0 && start > i-4 {
				// A domain first, as its last part may be in capitals too:
				// "Exempel.IO AS" is one name, not "IO AS".
				if d := domainStart(toks, start-1, line); d >= 0 {
					start = d
				} else if capitalised(toks[start-1].low, line[toks[start-1].start:toks[start-1].end]) {
					start--
				} else {
					break
				}
			}
			if start == form {
				continue
			}
			name := line[toks[start].start:t.end]
			if form < i && dottedForms[line[t.start:t.end]] && isPunct(toks, i+1, ".") && attached(toks, i+1) {
				name += "."
			}
			if _, ok := f.formNames[name]; !ok {
				f.formNames[name] = &formName{name: name, clause: c.Number,
					span: Span{l.Start + toks[start].start, l.Start + t.end}, ev: evidence(c.Body, l)}
				f.order = append(f.order, name)
			}
			if m := bareOrgNumberRe().FindStringSubmatchIndex(c.Body[l.Start+t.end:]); f.numbered == nil && m != nil {
				at := l.Start + t.end
				span := Span{l.Start + toks[start].start, at + m[3]}
				f.numbered = &Proposal{Kind: ProposeSupplier, Clause: c.Number, Span: span, Evidence: evidence(c.Body, span),
					Confidence: 0.7, Reason: "a company named with its organisation number",
					Supplier: &model.Party{Name: name, OrgNumber: c.Body[at+m[2] : at+m[3]]}}
			}
			if f.called == nil && (calledSupplier(line[t.end:]) || calledSupplier(roleLineAfter(c.Body, l.End))) {
				span := Span{l.Start + toks[start].start, l.Start + t.end}
				f.called = &Proposal{Kind: ProposeSupplier, Clause: c.Number, Span: span, Evidence: evidence(c.Body, l),
					Confidence: 0.7, Reason: "the company the text calls by the supplier's role", Supplier: &model.Party{Name: name}}
			}
		}
	}
}

// providerIn reads the supplier from a sentence of body that says who
// provides the service: one that opens with the name ("Exempel provides
// the Service to the Customer") or names it right after the words
// ("The Service is provided by Exempel", "Palvelun tarjoaa Exempel"). It
// finds a brand with no company form, stated as the supplier. A role ("The
// Supplier provides …"), "we" or the customer's side is no name, and
// neither is a name later in the sentence.
func providerIn(body string, s Span) *Proposal {
	sentence := s.In(body)
	low := strings.ToLower(sentence)
	if len(low) != len(sentence) {
		return nil // offsets would not hold
	}
	name, span := "", Span{}
	for _, w := range providesWords() {
		if at := strings.Index(low, " "+w); at >= 0 {
			name, span = trailingName(body, s.Start, s.Start+at)
			if strings.Trim(body[s.Start:span.Start], " \t\n*_\"“") != "" {
				return nil
			}
			break
		}
	}
	for _, w := range providedByWords() {
		if name != "" {
			break
		}
		at := strings.Index(low, w)
		if at < 0 || at > 0 && !strings.ContainsRune(" *_\"“", rune(low[at-1])) {
			continue
		}
		after := s.Start + at + len(w)
		name = partyName(strings.Fields(body[after:s.End]))
		if i := strings.Index(body[after:s.End], name); name != "" && i >= 0 {
			span = Span{after + i, after + i + len(name)}
		}
	}
	first, _, _ := strings.Cut(strings.ToLower(name), " ")
	if name == "" || span.End == 0 || leadWords[first] || commonNames()[strings.ToLower(name)] ||
		selfWords()[strings.ToLower(name)] || partyName(strings.Fields(name)) == "" {
		return nil
	}
	return &Proposal{Kind: ProposeSupplier, Span: span, Evidence: evidence(body, s), Confidence: 0.5,
		Reason: "the name the text says provides the service", Supplier: &model.Party{Name: name}}
}

// maxCellRowsUp is how many rows above its number a table gives a
// company's name in.
const maxCellRowsUp = 6

// cellName reads the company whose organisation number stands at byte
// offset at in a row of a table (line): the name with a company form in
// the same column of a row above, in a table with a column a party ("|
// Name | Exempel Ltd | Kund AB |" over "| Company number | 01234567 | … |")
// or with one a label and a value ("| Supplier | Exempel Ltd |" over "|
// Company number | 01234567 |"). role tells that the column's header or the
// name's label is the supplier's role; customer that either is the
// customer's side, whose number it is.
func cellName(body string, line Span, at int) (name string, span Span, role, customer bool) {
	col := strings.Count(strings.TrimLeft(body[line.Start:at], " \t"), "|") - 1
	rows := []Span{line}
	for len(rows) <= maxCellRowsUp && rows[len(rows)-1].Start > 0 {
		above := lineAround(body, rows[len(rows)-1].Start-1)
		if !strings.HasPrefix(strings.TrimSpace(above.In(body)), "|") {
			break
		}
		rows = append(rows, above)
	}
	says := func(cell string) {
		n := normalize(cell)
		role = role || anyCue(partyRoles(), n)
		for _, w := range strings.Fields(strings.ToLower(cell)) {
			customer = customer || partyWordSets().customers[strings.Trim(w, ".,:;*")]
		}
	}
	for _, r := range rows[1:] {
		row := r.In(body)
		cells := tableCells(row)
		if col < 1 || col >= len(cells) || !holdsLegalForm(tokenize(cells[col]), cells[col]) {
			continue
		}
		if header := tableCells(rows[len(rows)-1].In(body)); col < len(header) {
			says(header[col])
		}
		says(cells[0])
		from := r.Start + strings.Index(row, cells[col])
		name, span = trailingName(body, from, from+len(cells[col]))
		return name, span, role, customer
	}
	return "", Span{}, false, false
}

// calledSupplier reports whether the words right after a company's name
// call it by the supplier's role: ", nedan kallad Leverantören",
// ":n, jatkossa nimellä palveluntarjoaja", " (hereinafter the "Provider")".
// The role must follow within three words: "nedan kallad Kunden, och
// Leverantören" calls the company the customer.
func calledSupplier(after string) bool {
	words := strings.Fields(after)
	n := normalize(strings.Join(words[:min(len(words), 8)], " "))
	for _, h := range hereafters() {
		if i := strings.Index(n.text, h.needle); i >= 0 && !h.infix {
			rest := strings.Fields(n.text[i+len(h.needle):])
			if anyCue(partyRoles(), normalize(strings.Join(rest[:min(len(rest), 3)], " "))) {
				return true
			}
		}
	}
	return false
}

// roleLineAfter returns the next line of body after byte offset end that
// holds words, when it is short enough to be no more than the role a
// party's block ends with: "Exempel AB, Gatan 1, Stad" over "(nedan kallad
// Leverantören)", "- hereinafter referred to as the Processor -".
func roleLineAfter(body string, end int) string {
	for end < len(body) {
		next := strings.IndexByte(body[end+1:], '\n')
		line := body[end+1:]
		if next >= 0 {
			line = body[end+1 : end+1+next]
		}
		if words := strings.Fields(line); len(words) > 0 {
			if len(words) > 8 {
				return ""
			}
			return line
		}
		if next < 0 {
			break
		}
		end += 1 + next
	}
	return ""
}

// selfDefinition finds where the text names who "we" are: `Example Ltd
// ("Example", "we", "us")` or `rmmbr ("rmmbr", "us" or "we")`. The name
// is the one written before the brackets when it holds the quoted one,
// else the quoted one, else the one before the brackets.
func selfDefinition(c *prepared) *Proposal {
	body := c.Body
	for open := strings.IndexByte(body, '('); open >= 0; {
		end := strings.IndexByte(body[open:], ')')
		if end < 0 {
			return nil
		}
		inner := body[open+1 : open+end]
		self, quoted := false, ""
		for _, q := range quotedTerm().FindAllStringSubmatch(inner, -1) {
			// American English puts the comma inside the quotes: (“Acme,” “we,” or “us”)
			term := strings.TrimRight(strings.TrimSpace(q[1]), ",")
			first, _, _ := strings.Cut(strings.ToLower(term), " ")
			switch {
			case selfWords()[strings.ToLower(term)]:
				self = true
			case quoted == "" && !leadWords[first] && !commonNames()[strings.ToLower(term)]:
				quoted = term // not "the Company", "Virksomheden", a role
			}
		}
		if self {
			line := lineAround(body, open)
			before, span := trailingName(body, line.Start, open)
			if before == "" {
				before, span = brandBefore(body, line.Start, open)
			}
			name := before
			if quoted != "" && !strings.Contains(strings.ToLower(before), strings.ToLower(quoted)) {
				name, span = quoted, Span{open + 1, open + end}
			}
			if name != "" {
				return &Proposal{Kind: ProposeSupplier, Clause: c.Number, Span: span,
					Evidence: evidence(body, Span{min(span.Start, open), open + end + 1}), Confidence: 0.6,
					Reason: "the name the text defines as \"we\"", Supplier: &model.Party{Name: name}}
			}
		}
		next := strings.IndexByte(body[open+end:], '(')
		if next < 0 {
			return nil
		}
		open += end + next
	}
	return nil
}

// brandBefore returns the one word, in lower case or not, that stands
// right before byte offset at on its line: "provided by acme. (" gives
// "acme".
func brandBefore(body string, start, at int) (string, Span) {
	text := body[start:at]
	end := len(strings.TrimRight(text, " .,:"))
	i := strings.LastIndexAny(text[:end], " \t(\"“") + 1
	word := text[i:end]
	r, _ := utf8.DecodeRuneInString(word)
	if utf8.RuneCountInString(word) < 3 || leadWords[strings.ToLower(word)] || !unicode.IsLetter(r) {
		return "", Span{}
	}
	return word, Span{start + i, start + end}
}

// copyrightLine reports whether line is a copyright notice, which names
// who wrote the text (a template's publisher), not who supplies the service.
func copyrightLine(line string) bool {
	return strings.Contains(line, "©") || strings.Contains(strings.ToLower(line), "copyright")
}

// domainStart returns where a domain that ends with the word at toks[k]
// starts, "Exempel.dk" in "Exempel.dk ApS", or -1: a capitalised word and
// the lower-case words joined to it by dots.
func domainStart(toks []token, k int, line string) int {
	for k >= 2 && toks[k].kind == tWord && line[toks[k-1].start:toks[k-1].end] == "." && attached(toks, k) && attached(toks, k-1) {
		k -= 2
		if toks[k].kind == tWord && capitalised("", line[toks[k].start:toks[k].end]) {
			return k
		}
	}
	return -1
}

// capitalised reports whether a word starts with a capital letter.
func capitalised(_, word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r)
}

// proposal returns the supplier proposal of the document, if any.
func (f *supplierFinder) proposal() []Proposal {
	if f.best != nil {
		return []Proposal{*f.best}
	}
	if f.numbered != nil {
		return []Proposal{*f.numbered}
	}
	if f.called != nil {
		return []Proposal{*f.called}
	}
	if f.self != nil {
		return []Proposal{*f.self}
	}
	if f.party != nil {
		return []Proposal{*f.party}
	}
	if f.provider != nil {
		return []Proposal{*f.provider}
	}
	text := f.text.String()
	var best *formName
	bestCount := 0
	for _, n := range f.order {
		first := strings.Fields(n)[0]
		if leadWords[strings.ToLower(first)] {
			continue
		}
		if c := strings.Count(text, first); c > bestCount {
			best, bestCount = f.formNames[n], c
		}
	}
	if best == nil || bestCount < 2 {
		return f.brand(text)
	}
	return []Proposal{{Kind: ProposeSupplier, Clause: best.clause, Span: best.span, Evidence: best.ev, Confidence: 0.5,
		Reason: "the company the text names most", Supplier: &model.Party{Name: best.name}}}
}

// actingNames returns where a capitalised name stands right before a
// party's verb, a space between: "Tele2 förbehåller", "GitHub publishes".
func actingNames(body string, toks []token) []Span {
	var out []Span
	for i := 1; i < len(toks); i++ {
		if toks[i].kind != tWord || !actVerbs()[toks[i].low] {
			continue
		}
		j := i - 1
		if toks[j].end == toks[i].start || strings.Trim(body[toks[j].end:toks[i].start], " \t") != "" {
			continue
		}
		k := j
		if toks[k].kind == tNum && attached(toks, k) {
			k-- // a brand with a digit in it: "Tele2"
		}
		if k < 0 || toks[k].kind != tWord || utf8.RuneCountInString(toks[k].low) < 3 {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(body[toks[k].start:]); !unicode.IsUpper(r) {
			continue
		}
		out = append(out, Span{toks[k].start, toks[j].end})
	}
	return out
}

// brand is the last resort, a supplier known only by its brand: a name
// with no company form, number or definition that acts in the text as a
// party does ("Tele2 förbehåller sig rätten", "GitHub publishes") twice
// or more, more often than any other, and stands in the text's opening
// lines. A word the text also writes in lower case or defines in quotes
// is a common noun or a defined term ("Service", "Controller"), not a name.
func (f *supplierFinder) brand(text string) []Proposal {
	opening := f.opening.String()
	pick, top, tied := "", 0, false
	for _, name := range f.actOrder {
		a := f.acting[name]
		if a.n < 2 || a.n < top || !strings.Contains(opening, name) || roleWord(name) || usedAsWord(name, text) {
			continue
		}
		tied = a.n == top
		pick, top = name, a.n
	}
	if pick == "" || tied {
		return nil
	}
	a := f.acting[pick]
	return []Proposal{{Kind: ProposeSupplier, Clause: a.clause, Span: a.span, Evidence: a.ev, Confidence: 0.4,
		Reason: "the name that acts as a party in the text", Supplier: &model.Party{Name: pick}}}
}

// roleWord reports whether a capitalised word names a side rather than
// someone: a role, the customer, the controller, the agreement, "we".
func roleWord(word string) bool {
	low := strings.ToLower(word)
	n := normalize(word)
	t := termCues()
	return anyCue(partyRoles(), n) || anyCue(controllers(), n) || anyCue(t.customerSide, n) || anyCue(t.supplierSide, n) ||
		anyCue(t.agreement, n) || partyWordSets().customers[low] || selfWords()[low] || commonNames()[low] || leadWords[low]
}

// usedAsWord reports whether text uses a capitalised word as a common
// noun or a defined term: writes it in lower case outside an address
// ("the service", but not "support@acme.io"), or defines it in quotes.
func usedAsWord(word, text string) bool {
	low := strings.ToLower(word)
	for _, w := range []string{low, word} {
		for i := 0; ; {
			j := strings.Index(text[i:], w)
			if j < 0 {
				break
			}
			at, end := i+j, i+j+len(w)
			i = end
			before, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text[:at], "*_"))
			after, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[end:], "*_,."))
			if inWord(before) || inWord(after) {
				continue // a part of a longer word
			}
			if w == low && !inAddress(text, at, end) || strings.ContainsRune(quoteRunes, before) && strings.ContainsRune(quoteRunes, after) {
				return true
			}
		}
	}
	return false
}

// quoteRunes are the quotes a definition puts its term in.
const quoteRunes = `"“”«»`

func inWord(r rune) bool { return isWordRune(r) || unicode.IsDigit(r) }

// inAddress reports whether text[at:end] is part of an e-mail or web
// address: of a run without spaces that holds an "@" or a "/".
func inAddress(text string, at, end int) bool {
	from := strings.LastIndexAny(text[:at], " \t\n") + 1
	to := len(text)
	if k := strings.IndexAny(text[end:], " \t\n"); k >= 0 {
		to = end + k
	}
	return strings.ContainsAny(text[from:to], "@/")
}

// leadWords start a sentence before a company's name and are no part of it.
var leadWords = map[string]bool{"mellan": true, "between": true, "och": true, "and": true, "med": true, "with": true,
	"the": true, "this": true, "detta": true, "denna": true, "og": true, "ja": true, "by": true, "av": true, "af": true}

// lineAround returns the line of body that holds the byte offset at.
func lineAround(body string, at int) Span {
	start := strings.LastIndexByte(body[:at], '\n') + 1
	end := strings.IndexByte(body[at:], '\n')
	if end < 0 {
		return Span{start, len(body)}
	}
	return Span{start, at + end}
}

// nameBefore returns the name that stands before an organisation number's
// label at offset at: on the same line ("Exempel AB, org.nr …", "we are
// Exempel ApS (CVR: …)") or, when the label opens its line, the line above
// ("- Exempel AB\n- Org.nr: …"). The name is the run of words that ends it,
// each capitalised but its last ("Helsingin yliopisto").
func nameBefore(body string, at int) (string, Span) {
	line := lineAround(body, at)
	start, end := line.Start, at
	if name, span := describedName(body, start, end); name != "" {
		return name, span
	}
	if name, span := trailingName(body, start, end); name != "" {
		return name, span
	}
	if start == 0 {
		return "", Span{}
	}
	prev := lineAround(body, start-1)
	for prev.Start > 0 && strings.TrimSpace(prev.In(body)) == "" {
		prev = lineAround(body, prev.Start-1)
	}
	return trailingName(body, prev.Start, prev.End)
}

// describedName reads the company named with its legal form before a
// number whose label follows words that describe it: "Exempel AB, ett
// svenskt aktiebolag med org.nr …". Those words begin with an article
// right after the form and its comma, and the company must be the last
// one named before the number: in "Kund AB, en av våra kunder, och
// Leverantören Lev AS (org.nr …)" the number is Lev AS's.
func describedName(body string, start, end int) (string, Span) {
	text := body[start:end]
	toks := tokenize(text)
	for i := len(toks) - 1; i > 0; i-- {
		t := toks[i]
		if t.kind != tWord || !legalForms[text[t.start:t.end]] {
			continue
		}
		if i+2 < len(toks) && isPunct(toks, i+1, ",") && toks[i+2].kind == tWord &&
			articleWords()[strings.ToLower(text[toks[i+2].start:toks[i+2].end])] {
			return trailingName(body, start, start+t.end)
		}
		break // only the company named last before the number
	}
	return "", Span{}
}

// trailingName reads the name that ends body[start:end], leaving out what
// stands in brackets and markdown emphasis.
func trailingName(body string, start, end int) (string, Span) {
	text := blankBrackets(body[start:end])
	toks := tokenize(text)
	// walk back over punctuation to the last word
	j := len(toks) - 1
	// and back over a word that joins the name to what follows: "Exempel AS med organisasjonsnummer"
	for j >= 0 && (toks[j].kind != tWord || leadWords[strings.ToLower(text[toks[j].start:toks[j].end])]) {
		j--
	}
	if j < 0 {
		return "", Span{}
	}
	first := j
	for k := j; k >= 0 && k > j-6; k-- {
		t := toks[k]
		word := text[t.start:t.end]
		// A dot inside a name joins it to the next word ("Exempel.io"); a
		// dot and a space end the sentence before it ("Welcome. Exempel").
		if t.kind == tPunct && (word == "-" || word == "." && attached(toks, k+1) || word == "&") && k > 0 && attached(toks, k) {
			continue
		}
		if t.kind == tPunct && word == "," && k == j-1 && legalForms[text[toks[j].start:toks[j].end]] && attached(toks, k) {
			continue // "Example, Inc.": the comma before the legal form is the name's
		}
		if t.kind != tWord {
			break
		}
		if !capitalised("", word) && !legalForms[word] && k != j {
			if k == j-1 && brandBeforeForm(word, text[toks[j].start:toks[j].end]) {
				first = k
			}
			break
		}
		first = k
	}
	lead := text[toks[first].start:toks[first].end]
	if first == j && legalForms[lead] || !capitalised("", lead) && first == j {
		return "", Span{}
	}
	s, e := toks[first].start, toks[j].end
	if dottedForms[text[toks[j].start:e]] && first < j && strings.HasPrefix(text[e:], ".") {
		e++ // and so is the form's own dot
	}
	return text[s:e], Span{start + s, start + e}
}

// brandBeforeForm reports a name written in lower case right before its
// company form, "deranged ApS", "acme oy": the form alone is no name.
func brandBeforeForm(word, form string) bool {
	return legalForms[form] && utf8.RuneCountInString(word) >= 3 && !leadWords[strings.ToLower(word)]
}

// blankBrackets replaces what stands in brackets, and an unclosed bracket
// with all after it, by spaces, keeping every byte offset: "Exempel AB
// (driver tjänsten X)" and "Kunder ("Slutanvändaren") och Exempel AB";
// HTML tags go the same way.
func blankBrackets(s string) string {
	b := []byte(s)
	depth, tag := 0, false
	for i := range b {
		switch {
		case b[i] == '(':
			depth++
		case b[i] == ')' && depth > 0:
			depth--
			b[i] = ' '
			continue
		case b[i] == '<':
			tag = true
		case b[i] == '>' && tag:
			tag = false
			b[i] = ' '
			continue
		}
		if depth > 0 || tag {
			b[i] = ' '
		}
	}
	return string(b)
}

// holdsLegalForm reports whether a word of the line after its first is a
// company form ("AB", "Oy", "Inc").
func holdsLegalForm(toks []token, line string) bool {
	for i, t := range toks {
		if i > 0 && t.kind == tWord && legalForms[line[t.start:t.end]] {
			return true
		}
	}
	return false
}

// legalFormList is legalForms as a list, for mayHoldLegalForm.
var legalFormList = slices.Sorted(maps.Keys(legalForms))

// mayHoldLegalForm is a quick test that spares most lines the tokenizer:
// a legal form is written somewhere in line, if only inside a word.
func mayHoldLegalForm(line string) bool {
	return slices.ContainsFunc(legalFormList, func(form string) bool { return strings.Contains(line, form) })
}

// orgNumbers finds the organisation numbers of text as orgNumberRe does,
// with the expression run only just before runs of six or more digits,
// spaces and dashes: run over a whole clause it cost a quarter of an
// import's time, and most clauses hold no such run.
func orgNumbers(text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); {
		if text[i] < '0' || text[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(text) && (text[j] >= '0' && text[j] <= '9' || text[j] == ' ' || text[j] == '-') {
			j++
		}
		if j-i >= 6 {
			// The label stands at most a few dozen bytes before the number;
			// the window starts at a word's start, as the expression needs.
			from := max(0, i-80)
			for from > 0 && !utf8.RuneStart(text[from]) {
				from--
			}
			for from > 0 {
				r, size := utf8.DecodeLastRuneInString(text[:from])
				if !unicode.IsLetter(r) {
					break
				}
				from -= size
			}
			for _, m := range orgNumberRe().FindAllStringSubmatchIndex(text[from:j], -1) {
				if from+m[2] >= i-3 { // the number of this run, not of an earlier one
					for k := range m {
						m[k] += from
					}
					out = append(out, m)
				}
			}
		}
		i = j
	}
	return out
}
