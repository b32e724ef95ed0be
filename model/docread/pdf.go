package docread

import (
	"bytes"
	"cmp"
	"errors"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// pdfProblem words the PDF library's refusal of a file in our own terms
// for the common failures, whose English library text ("not a PDF file:
// missing %%EOF") says little to a reader; any other keeps the library's
// words as its detail, for a report.
func pdfProblem(err error) error {
	msg := err.Error()
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword), strings.Contains(msg, "encrypt"):
		return ErrEncrypted
	case strings.Contains(msg, "invalid header"):
		return problem(ErrDamaged, "pdf_header", "the file does not begin as a PDF does")
	case strings.Contains(msg, "EOF"):
		return problem(ErrDamaged, "pdf_end", "the end of the PDF is missing: the file may have been cut off when it was copied or downloaded")
	case strings.HasPrefix(msg, "malformed"):
		return problem(ErrDamaged, "pdf_structure", "the PDF's internal index of its parts is broken")
	}
	return problem(ErrDamaged, "library", "%s", detail(err))
}

// maxPages bounds the work a hostile PDF can ask for.
const maxPages = 5000

// PDF returns the text of a PDF, page by page, rebuilding lines from the
// positions of the characters (the library's own plain-text output runs
// lines and page footers together). Page headers and footers stay in the
// text; model/docparse recognises and removes them. The PDF library panics
// on some damaged files, so every call into it is guarded and a panic
// becomes ErrDamaged.
func PDF(data []byte) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = "", problem(ErrDamaged, "library", "%s", detail(r))
		}
	}()
	data = type3ToUnicode(pdfCompatible(data))
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", pdfProblem(err)
	}
	n := r.NumPage()
	if n > maxPages {
		return "", problem(ErrTooLarge, "pages", "%d pages", n)
	}
	pages := make([][]pdfLine, 0, n)
	size := 0
	for i := 1; i <= n; i++ {
		glyphs, err := pageGlyphs(r, i)
		if err != nil {
			return "", err
		}
		lines := placeLateBlocks(joinCells(pageLines(glyphs)))
		for _, l := range lines {
			size += len(l.text) + 2
		}
		if size > maxUnzipped {
			return "", problem(ErrTooLarge, "pdf_text", "more than %d MB of text", maxUnzipped>>20)
		}
		pages = append(pages, lines)
	}
	texts := writePages(pages)
	if err := Check(strings.Join(texts, "\n")); err != nil {
		if errors.Is(err, ErrEmpty) {
			return "", ErrNoText
		}
		return "", err
	}
	for i, t := range texts {
		texts[i] = Clean(spacedNumbersRe().ReplaceAllStringFunc(t, joinSpacedNumber))
	}
	// A form feed between the pages says that the text has pages (so that
	// running headers and footers are looked for even when headings make
	// it read as Markdown); Clean would make it a line end, so it is put in
	// after cleaning.
	return joinKerned(strings.Join(texts, PageBreak+"\n")), nil
}

// columnGap is the gap, in font sizes, between the columns of a table
// on one line: wider than the widest space of justified text.
const columnGap = 2.0

// PageBreak is the line between two pages of a PDF's text.
const PageBreak = "\f"

// spacedNumbersRe finds a clause number at the start of a line, or of a
// heading, that glyph spacing cut into pieces ("1 4 .1. Title" for
// "14.1. Title").
var spacedNumbersRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^(?:#{1,6} )?(?:\d ?){1,3}(?:\. ?(?:\d ?){1,3}){0,3}\.? +\p{Lu}`)
})

func joinSpacedNumber(m string) string {
	hashes := len(m) - len(strings.TrimLeft(m, "#"))
	if hashes > 0 {
		hashes++ // and the space after them
	}
	number := strings.TrimRight(strings.TrimRightFunc(m[hashes:], unicode.IsUpper), " ")
	if !strings.Contains(number, " ") || !strings.Contains(number, ".") {
		return m
	}
	return m[:hashes] + strings.ReplaceAll(number, " ", "") + m[hashes+len(number):]
}

// advance is how far glyph g reaches to the right: its width, or when the
// font gives none, the width the character has in Helvetica, the usual
// fallback font, so that the gaps between words still show.
func advance(g pdf.Text, size float64) float64 {
	if g.W > 0 {
		return g.W
	}
	w := 0.0
	for _, r := range g.S {
		switch {
		case r < 0x80 && r >= 'a' && r <= 'z':
			w += helveticaLower[r-'a']
		case r == 'I' || r == '.' || r == ',' || r == ' ' || r == ':' || r == ';' || r == '!' || r == '\'' || r == '|':
			w += 0.278
		case r == 'M' || r == 'W' || r == 'æ' || r == 'Æ' || r == '%':
			w += 0.889
		case unicode.IsUpper(r):
			w += 0.667
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w += 0.556
		default:
			w += 0.333
		}
	}
	return w * size
}

// helveticaLower are the widths of a to z in Helvetica, in ems.
var helveticaLower = [26]float64{0.556, 0.556, 0.5, 0.556, 0.556, 0.278, 0.556, 0.556, 0.222, 0.222, 0.5, 0.222, 0.833,
	0.556, 0.556, 0.556, 0.556, 0.333, 0.5, 0.278, 0.556, 0.5, 0.722, 0.5, 0.5, 0.5}

// pdfCompatible returns data in a form the library accepts: it only reads
// headers "%PDF-1.0" to "%PDF-1.7" followed by a line end, and wants
// "%%EOF" within the last 100 bytes. PDF 2.0 files, headers followed by a
// comment on the same line, and trailing junk after %%EOF are all common
// and harmless, so they are patched over (the length stays the same up to
// %%EOF, so every offset in the file stays valid).
func pdfCompatible(data []byte) []byte {
	if i := bytes.LastIndex(data, []byte("%%EOF")); i >= 0 {
		data = data[:i+len("%%EOF")]
	}
	ok := len(data) > 9 && bytes.HasPrefix(data, []byte("%PDF-1.")) &&
		data[7] >= '0' && data[7] <= '7' && (data[8] == '\n' || data[8] == '\r')
	if ok || len(data) <= 9 {
		return data
	}
	patched := bytes.Clone(data)
	copy(patched, "%PDF-1.7\n")
	return patched
}

// type3FontRe finds the fonts of Type 3, whose glyphs are small drawings
// with names of the producer's choosing ("/g5A"): headless Chrome (Skia)
// writes web fonts so when it prints a page to PDF.
var type3FontRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/Subtype\s*/Type3\b`) })

// type3ToUnicode makes the library read a Type 3 font's characters from its
// ToUnicode map. The library decodes a font with an /Encoding dictionary by
// its glyph names alone, and a Type 3 font's names say nothing ("/g5A"), so
// the text came out as the raw codes, which read as binary data. The
// /Encoding entry of such a font is blanked out with spaces, and the
// library falls back on the ToUnicode map, as the PDF specification wants
// for extracting text. Every byte keeps its offset. Fonts inside
// compressed object streams are left as they are.
func type3ToUnicode(data []byte) []byte {
	patched := data
	for _, loc := range type3FontRe().FindAllIndex(data, -1) {
		start := bytes.LastIndex(data[:loc[0]], []byte("obj"))
		end := bytes.Index(data[loc[1]:], []byte("endobj"))
		if start < 3 || end < 0 || string(data[start-3:start]) == "end" {
			continue // not the dictionary of an object of its own
		}
		object := data[start : loc[1]+end]
		key := bytes.Index(object, []byte("/Encoding"))
		if key < 0 || !bytes.Contains(object, []byte("/ToUnicode")) {
			continue
		}
		n := encodingEntryLen(object[key:])
		if n == 0 {
			continue
		}
		if &patched[0] == &data[0] {
			patched = bytes.Clone(data)
		}
		from := start + key
		for i := from; i < from+n; i++ {
			patched[i] = ' '
		}
	}
	return patched
}

// encodingEntryLen is the length of the entry "/Encoding value" that entry
// starts with, where the value is a dictionary, a name or an indirect
// reference; 0 when it is none of these.
func encodingEntryLen(entry []byte) int {
	i := len("/Encoding")
	for i < len(entry) && (entry[i] == ' ' || entry[i] == '\n' || entry[i] == '\r' || entry[i] == '\t') {
		i++
	}
	switch rest := entry[i:]; {
	case bytes.HasPrefix(rest, []byte("<<")):
		depth := 0
		for j := 0; j+1 < len(rest); j++ {
			switch {
			case rest[j] == '<' && rest[j+1] == '<':
				depth++
				j++
			case rest[j] == '>' && rest[j+1] == '>':
				depth--
				j++
				if depth == 0 {
					return i + j + 1
				}
			}
		}
	case bytes.HasPrefix(rest, []byte("/")):
		return i + 1 + strings.IndexFunc(string(rest[1:])+" ", isPDFDelimiter)
	default:
		if m := indirectRefRe().Find(rest); m != nil {
			return i + len(m)
		}
	}
	return 0
}

// isPDFDelimiter reports white space or a delimiter, which end a name.
func isPDFDelimiter(r rune) bool { return strings.ContainsRune(" \t\r\n/<>[]()%", r) }

var indirectRefRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d+\s+\d+\s+R\b`) })

// pageGlyphs returns the characters of one page with their positions.
func pageGlyphs(r *pdf.Reader, i int) (glyphs []pdf.Text, err error) {
	defer func() {
		if x := recover(); x != nil {
			glyphs, err = nil, problem(ErrDamaged, "page", "page %d cannot be read (%s)", i, detail(x))
		}
	}()
	return r.Page(i).Content().Text, nil
}

// pdfLine is one line of a page: its text, the font size most of its
// characters have, and how far below the line before it it stands.
type pdfLine struct {
	text      string
	size      float64
	y, yEnd   float64   // the heights of its first and last characters on the page
	gap       float64   // 0 for the first line of a page, less when it stands higher (a new column): set by setGaps
	paragraph bool      // a clear gap above it starts a paragraph: set by writePages
	bold      bool      // every character of the line is bold
	cols      []float64 // where the line and each part after a column gap (a tab) start
}

// pageLines reads glyphs, in the order the page draws them, as lines: a
// clear move down starts a new line (a larger one a new paragraph), and a
// gap on the same line becomes a space.
func pageLines(glyphs []pdf.Text) []pdfLine {
	var lines []pdfLine
	var b strings.Builder
	sizes := map[float64]int{} // characters of the line by font size
	// The first run of bold type on the line, as byte offsets into b, and
	// whether type that is not bold came after it.
	boldStart, boldEnd, boldClosed := -1, -1, false
	plain := false // type that is not bold came before the first bold run
	var last pdf.Text
	var lineY float64 // where the line's first character stands
	var cols []float64
	flush := func() {
		size, most := 0.0, 0
		for s, n := range sizes {
			if n > most || n == most && s > size {
				size, most = s, n
			}
		}
		text := b.String()
		if boldClosed {
			text = runInHeading(text, boldStart, boldEnd)
		}
		lines = append(lines, pdfLine{text: text, size: size, y: lineY, yEnd: last.Y, bold: boldStart >= 0 && !boldClosed && !plain, cols: cols})
		b.Reset()
		cols = nil
		clear(sizes)
		boldStart, boldEnd, boldClosed, plain = -1, -1, false, false
	}
	// end is where the last glyph ends: glyphs the library gives no width
	// and no position of their own (all at the x of the first) are laid
	// out one after another by their estimated widths, so that the next
	// positioned glyph does not seem to stand after a gap.
	end := 0.0
	started := false
	for _, g := range glyphs {
		if g.S == "" || g.S == "\n" || g.S == "\uFFFD" {
			// A glyph the font does not map to a character (often a tab or
			// a bullet) says nothing; the gap it leaves becomes a space.
			continue
		}
		size := math.Max(g.FontSize, 1)
		switch {
		case !started:
			started, lineY, cols = true, g.Y, []float64{g.X}
		case math.Abs(g.Y-last.Y) > size*0.5:
			flush()
			lineY, cols = g.Y, []float64{g.X}
		case g.X > end+size*columnGap:
			// A gap wider than any between words parts the columns of a
			// table: a tab, so that the row's cells can be told apart.
			b.WriteByte('\t')
			cols = append(cols, g.X)
		case g.X > end+size*0.15 || g.X < last.X-size:
			if !strings.HasSuffix(last.S, " ") && g.S != " " {
				b.WriteByte(' ')
			}
		}
		if g.W == 0 && math.Abs(g.X-last.X) < size*0.3 && g.Y == last.Y && b.Len() > 0 {
			end += advance(g, size) // stacked on the glyph before
		} else {
			end = g.X + advance(g, size)
		}
		if strings.TrimSpace(g.S) != "" {
			sizes[math.Round(size*2)/2] += utf8.RuneCountInString(g.S)
			switch {
			case !boldFont(g.Font):
				boldClosed = boldStart >= 0
				plain = plain || boldStart < 0
			case boldStart < 0:
				boldStart, boldEnd = b.Len(), b.Len()+len(g.S)
			case !boldClosed:
				boldEnd = b.Len() + len(g.S)
			}
		}
		b.WriteString(g.S)
		last = g
	}
	if started {
		flush()
	}
	return lines
}

// setGaps sets how far below the line before it each line stands.
func setGaps(lines []pdfLine) {
	for i := range lines {
		lines[i].gap = 0
		if i > 0 {
			lines[i].gap = lines[i-1].yEnd - lines[i].y
		}
	}
}

// placeLateBlocks puts back in its place a block of lines that a page draws
// after the text below it, such as a box of party details that the
// producer (WeasyPrint, for one) draws after the page's flow: read in the
// order drawn, it came after the last clause. Lines drawn one after
// another down the page are a run; a later run that starts higher up
// moves up when its lines fit between two lines drawn before it, with
// none of them beside it. A run that has lines beside it, such as the
// second column of a page, stays where it was drawn.
func placeLateBlocks(lines []pdfLine) []pdfLine {
	var out []pdfLine
	moved := false
	last, lastEnd := -1, -1 // where the block moved last stands in out
	for start := 0; start < len(lines); {
		end := start + 1
		for end < len(lines) && lines[end].y < lines[end-1].yEnd-lines[end].size*0.5 {
			end++
		}
		run := lines[start:end]
		at := blockPlace(out, run)
		if at < 0 && last >= 0 {
			// A box beside the one moved last (the supplier's details
			// beside the customer's) goes after it.
			others := slices.Concat(out[:last], out[lastEnd:])
			if blockPlace(others, run) == last {
				at = lastEnd
			}
		}
		if at >= 0 && at < len(out) {
			out = slices.Insert(out, at, run...)
			moved, last, lastEnd = true, at, at+len(run)
		} else {
			out = append(out, run...)
		}
		start = end
	}
	if !moved {
		out = lines
	}
	setGaps(out)
	return out
}

// blockPlace returns where in lines the run fits: before the first line
// below it, when the line before that stands above it and no line of
// lines stands level with any of its own; -1 when it does not fit.
func blockPlace(lines, run []pdfLine) int {
	top := run[0].y + run[0].size*0.5
	bottom := run[len(run)-1].yEnd - run[len(run)-1].size*0.5
	at := -1
	for i, l := range lines {
		if l.y <= top && l.y >= bottom || l.yEnd <= top && l.yEnd >= bottom {
			return -1 // a line beside the run: a column, not a block
		}
		if at < 0 && l.y < bottom && (i == 0 || lines[i-1].yEnd > top) {
			at = i
		}
	}
	return at
}

// boldFont reports a font name that says bold ("Calibri-Bold",
// "ABCDEF+Arial,Bold", "Helvetica-Black", TeX's "CMBX10").
func boldFont(name string) bool {
	if i := strings.IndexByte(name, '+'); i >= 0 {
		name = name[i+1:] // the tag of a font subset
	}
	lower := strings.ToLower(name)
	for _, w := range []string{"bold", "black", "heavy", "demi"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return strings.HasPrefix(name, "CMBX")
}

// numberStartRe is a clause number at the start of a line: "7.", "7.1 ".
var numberStartRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{1,3}(?:\.\d{1,3})*\.?\s+`) })

// runInHeading marks a run-in heading, a numbered line whose first words
// are set in bold and whose text goes on after them, as Markdown bold
// ("7.1 **Fees.** The customer pays"), which model/docparse reads as the
// clause's heading. bold is the first bold run of line (the number may be
// in it or before it); any other line is returned as it is.
func runInHeading(line string, start, end int) string {
	number, title, rest := line[:start], line[start:end], line[end:]
	if strings.TrimSpace(number) == "" {
		m := numberStartRe().FindString(title)
		number, title = m, title[len(m):]
	}
	title = strings.TrimSpace(title)
	if number == "" || !leadNumberRe().MatchString(number) || title == "" || len(title) > 80 ||
		strings.Contains(title, "*") || !strings.ContainsFunc(title, unicode.IsLetter) || !strings.ContainsFunc(rest, unicode.IsLetter) {
		return line
	}
	return strings.TrimRight(number, " ") + " **" + title + "**" + rest
}

// Headings are told by their size: a line set at least headingScale times
// as large as the body text, and short enough to be a title, is written as
// a Markdown heading, the largest size "#", the next "##", then "###". A
// numbered line set wholly in bold at the body's size ("5. Payment") is a
// heading too, one level deeper for each part of its number.
const (
	headingScale  = 1.15
	headingLevels = 3
	maxBoldWords  = 10 // more words in bold are a sentence set off, not a title
)

// A line stands apart from the one above it, and starts a paragraph, when
// the gap between them is more than minParagraphGap times its font size,
// and more than paragraphOverLeading times the usual distance of the
// body's lines (web pages printed to PDF set lines 1.5 to 1.8 apart, so
// that every line would otherwise be a paragraph of its own). A few lines
// say nothing of the leading: it is taken from minLeadingSamples gaps of
// the same size at least.
const (
	minParagraphGap      = 1.6
	paragraphOverLeading = 1.2
	minLeadingSamples    = 5
)

// paragraphSpacing returns the gap, in font sizes, above which a line
// starts a paragraph: the most common gap between body lines (the
// leading) decides when it is wider than usual.
func paragraphSpacing(pages [][]pdfLine, body float64) float64 {
	gaps := map[float64]int{} // in twentieths of the font size
	for _, p := range pages {
		for _, l := range p {
			if l.size == body && l.gap > 0 && l.gap < 3*body {
				gaps[math.Round(l.gap/body*20)/20]++
			}
		}
	}
	leading, most := 0.0, 0
	for g, n := range gaps {
		if n > most || n == most && g < leading {
			leading, most = g, n
		}
	}
	if most < minLeadingSamples {
		return minParagraphGap
	}
	return max(minParagraphGap, leading*paragraphOverLeading)
}

// numberedHeadings reports whether any heading of the pages, by level,
// starts with a clause number.
func numberedHeadings(pages [][]pdfLine, level func(pdfLine) int) bool {
	for _, p := range pages {
		for _, l := range p {
			if level(l) > 0 && numberStartRe().MatchString(strings.TrimSpace(l.text)) {
				return true
			}
		}
	}
	return false
}

// startsParagraph reports a line that stands apart from the line above it,
// or begins its page.
func startsParagraph(l pdfLine) bool { return l.paragraph || l.gap <= 0 }

// boldIsRare reports whether few of the body's lines are set wholly in
// bold (a tenth of its characters at most). In a document that sets its
// title in larger type, numbers none of its headings, and keeps bold for
// little else, a short line in bold that starts a paragraph, with no full
// stop, is a section heading of its own ("Payment terms"). Where headings
// are numbered, such a line is a sub-heading inside a clause; where the
// body is bold throughout, it is just a short paragraph.
func boldIsRare(pages [][]pdfLine, body float64) bool {
	bold, all := 0, 0
	for _, p := range pages {
		for _, l := range p {
			if l.size == body {
				n := utf8.RuneCountInString(l.text)
				all += n
				if l.bold {
					bold += n
				}
			}
		}
	}
	return bold*10 <= all
}

// writePages returns the text of each page, its headings marked. The body
// size is the size most characters of the document have.
func writePages(pages [][]pdfLine) []string {
	chars := map[float64]int{}
	for _, p := range pages {
		for _, l := range p {
			chars[l.size] += utf8.RuneCountInString(l.text)
		}
	}
	body, most := 0.0, 0
	for s, n := range chars {
		if n > most || n == most && s < body {
			body, most = s, n
		}
	}
	var larger []float64 // the heading sizes, largest first
	for s := range chars {
		if s >= body*headingScale {
			larger = append(larger, s)
		}
	}
	slices.SortFunc(larger, func(a, b float64) int { return cmp.Compare(b, a) })
	paragraphGap := paragraphSpacing(pages, body)
	for _, p := range pages {
		for k := range p {
			size := p[k].size
			if size == 0 {
				size = body // a line of spaces
			}
			p[k].paragraph = p[k].gap > size*paragraphGap
		}
	}
	sizeLevels := min(len(larger), headingLevels)
	boldTitles := false // set below: whether unnumbered bold lines are headings
	level := func(l pdfLine) int {
		t := strings.TrimSpace(l.text)
		if t == "" || utf8.RuneCountInString(t) > maxHeading || !strings.ContainsFunc(t, unicode.IsLetter) || strings.Contains(t, "\t") {
			return 0 // a row of a table (see joinCells) is no heading
		}
		if l.size >= body*headingScale {
			return min(slices.Index(larger, l.size)+1, headingLevels)
		}
		if !l.bold || len(strings.Fields(t)) > maxBoldWords {
			return 0
		}
		if n := numberStartRe().FindString(t); n != "" && strings.ContainsFunc(t[len(n):], unicode.IsLetter) {
			parts := len(strings.Split(strings.Trim(n, ". \t"), "."))
			return min(sizeLevels+parts, 6)
		}
		if boldTitles && startsParagraph(l) && unicode.IsUpper([]rune(t)[0]) && !strings.ContainsAny(t[len(t)-1:], ".,;:") {
			return min(sizeLevels+1, 6)
		}
		return 0
	}
	boldTitles = sizeLevels > 0 && boldIsRare(pages, body) && !numberedHeadings(pages, level)
	texts := make([]string, len(pages))
	for i, p := range pages {
		var b strings.Builder
		for k := 0; k < len(p); k++ {
			l := p[k]
			if k > 0 {
				b.WriteByte('\n')
				if l.paragraph {
					b.WriteByte('\n')
				}
			}
			lv := level(l)
			if lv == 0 {
				b.WriteString(strings.TrimLeft(l.text, " "))
				continue
			}
			// A heading set on two lines is one heading.
			t := strings.TrimSpace(l.text)
			for k+1 < len(p) && !p[k+1].paragraph && level(p[k+1]) == lv && utf8.RuneCountInString(t)+len(p[k+1].text) < maxHeading {
				k++
				t += " " + strings.TrimSpace(p[k].text)
			}
			b.WriteString(strings.Repeat("#", lv) + " " + t)
		}
		b.WriteByte('\n')
		texts[i] = b.String()
	}
	return texts
}
