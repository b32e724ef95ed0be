package docread

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// Limits that keep a hostile .docx (a zip bomb) from exhausting memory.
const (
	maxZipEntries = 10000
	maxUnzipped   = 50 << 20 // bytes, all parts read together
)

// DOCX returns the text of a Word document, one paragraph a line and one
// table row a line (cells separated by " | "). Tracked insertions are kept
// and tracked deletions dropped, so the text is the document as it would
// read with all changes accepted; Word's automatic numbering is rebuilt from
// numbering.xml, so clause numbers appear in the text as they do on screen.
func DOCX(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", problem(ErrDamaged, "not_zip", "not a zip archive (%s)", detail(err))
	}
	if len(zr.File) > maxZipEntries {
		return "", problem(ErrTooLarge, "zip_parts", "%d parts inside the archive", len(zr.File))
	}
	budget := int64(maxUnzipped)
	doc, err := zipPart(zr, "word/document.xml", &budget)
	if err != nil {
		return "", err
	}
	if doc == nil {
		return "", problem(ErrDamaged, "not_word", "no word/document.xml, so not a Word document")
	}
	num := newNumbering()
	for _, part := range []struct {
		name string
		load func([]byte) error
	}{{"word/numbering.xml", num.loadNumbering}, {"word/styles.xml", num.loadStyles}} {
		b, err := zipPart(zr, part.name, &budget)
		if err != nil {
			return "", err
		}
		if b != nil {
			if err := part.load(b); err != nil {
				return "", problem(ErrDamaged, "part", "%s: %s", part.name, detail(err))
			}
		}
	}
	text, err := docxText(doc, num)
	if err != nil {
		return "", problem(ErrDamaged, "part", "%s: %s", "word/document.xml", detail(err))
	}
	if err := Check(text); err != nil {
		if errors.Is(err, ErrEmpty) {
			return "", ErrNoText
		}
		return "", err
	}
	return Clean(text), nil
}

// zipPart reads one part of the archive, or returns nil when it is absent.
// It checks the size the archive declares, and since that can lie, also
// counts the bytes actually inflated against budget.
func zipPart(zr *zip.Reader, name string, budget *int64) ([]byte, error) {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		if f.UncompressedSize64 > uint64(*budget) {
			return nil, problem(ErrTooLarge, "unpacked", "more than %d MB when unpacked", maxUnzipped>>20)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, problem(ErrDamaged, "part", "%s: %s", name, detail(err))
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, *budget+1))
		if err != nil {
			return nil, problem(ErrDamaged, "part", "%s: %s", name, detail(err))
		}
		if int64(len(b)) > *budget {
			return nil, problem(ErrTooLarge, "unpacked", "more than %d MB when unpacked", maxUnzipped>>20)
		}
		*budget -= int64(len(b))
		return b, nil
	}
	return nil, nil
}

// paragraph collects the text of one w:p and the numbering it asks for.
type paragraph struct {
	text  strings.Builder
	numID string
	ilvl  int
	style string
	hasLv bool
	toc   bool // written by a TOC field: an entry of a table of contents
	// outline is the heading level the paragraph itself sets (outlineLvl
	// 0–8 as 1–9; 10 for body text), or 0 when its style decides.
	outline int
	// The first run of bold text, as byte offsets into text, and whether
	// text that is not bold came after it: a run-in heading.
	boldStart, boldEnd int
	boldClosed         bool
}

// field is an open Word field (fldChar begin … separate … end): its
// instruction ("TOC \o", "PAGEREF _Toc1") and whether its result, the text
// Word shows, is being read.
type field struct {
	instr  strings.Builder
	result bool
}

// docxWalker turns the token stream of document.xml into lines.
type docxWalker struct {
	num    *numbering
	out    strings.Builder
	paras  []*paragraph       // open paragraphs (text boxes nest them)
	cells  []*strings.Builder // open table cells, innermost last
	rows   [][]string         // cells of the open table rows, innermost last
	inT    bool               // inside w:t, whose character data is text
	bold   bool               // the run being read is bold
	instr  bool               // inside w:instrText, a field's instruction
	fields []*field           // the open fields (w:fldChar, w:fldSimple), innermost last
}

// inTOC reports whether the text being read is the result of a table of
// contents field.
func (w *docxWalker) inTOC() bool {
	for _, f := range w.fields {
		if f.result && strings.EqualFold(firstWord(f.instr.String()), "TOC") {
			return true
		}
	}
	return false
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

func docxText(doc []byte, num *numbering) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	w := &docxWalker{num: num}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return w.out.String(), nil
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skipped(t.Name.Local) {
				if err := d.Skip(); err != nil {
					return "", err
				}
				continue
			}
			w.start(t)
		case xml.EndElement:
			w.end(t.Name.Local)
		case xml.CharData:
			switch {
			case w.inT && len(w.paras) > 0:
				p := w.paras[len(w.paras)-1]
				p.markBold(w.bold, len(t), len(bytes.TrimSpace(t)) > 0)
				p.text.Write(t)
				p.toc = p.toc || w.inTOC()
			case w.instr && len(w.fields) > 0:
				w.fields[len(w.fields)-1].instr.Write(t)
			}
		}
	}
}

// skipped names the elements whose content is not part of the accepted text:
// tracked deletions and moves away, the old properties of tracked format
// changes (which carry the old numbering), field codes, content-control
// properties and the fallback copy of alternate content. Field
// instructions are read (a table of contents is known by its field) but
// never become text.
func skipped(local string) bool {
	switch local {
	case "del", "moveFrom", "delInstrText", "sdtPr", "sdtEndPr", "Fallback":
		return true
	}
	return strings.HasSuffix(local, "Change")
}

func (w *docxWalker) start(t xml.StartElement) {
	var p *paragraph
	if len(w.paras) > 0 {
		p = w.paras[len(w.paras)-1]
	}
	switch t.Name.Local {
	case "p":
		w.paras = append(w.paras, &paragraph{boldStart: -1})
	case "r":
		w.bold = false
	case "b":
		// w:b in a run's properties; w:val="0" or "false" turns it off.
		v := attr(t, "val")
		w.bold = v != "0" && v != "false"
	case "t":
		w.inT = true
	case "instrText":
		w.instr = true
	case "fldChar":
		switch attr(t, "fldCharType") {
		case "begin":
			w.fields = append(w.fields, &field{})
		case "separate":
			if len(w.fields) > 0 {
				w.fields[len(w.fields)-1].result = true
			}
		case "end":
			if len(w.fields) > 0 {
				w.fields = w.fields[:len(w.fields)-1]
			}
		}
	case "fldSimple":
		f := &field{result: true}
		f.instr.WriteString(attr(t, "instr"))
		w.fields = append(w.fields, f)
	case "tab":
		if p != nil {
			p.text.WriteByte('\t')
		}
	case "br", "cr":
		if p != nil {
			p.text.WriteByte('\n')
		}
	case "noBreakHyphen":
		if p != nil {
			p.text.WriteByte('-')
		}
	case "numId":
		if p != nil {
			p.numID = attr(t, "val")
		}
	case "ilvl":
		if p != nil {
			p.ilvl, p.hasLv = atoi(attr(t, "val")), true
		}
	case "pStyle":
		if p != nil {
			p.style = attr(t, "val")
		}
	case "outlineLvl":
		if p != nil {
			p.outline = atoi(attr(t, "val")) + 1
		}
	case "tr":
		w.rows = append(w.rows, nil)
	case "tc":
		w.cells = append(w.cells, &strings.Builder{})
	}
}

func (w *docxWalker) end(local string) {
	switch local {
	case "t":
		w.inT = false
	case "instrText":
		w.instr = false
	case "fldSimple":
		if len(w.fields) > 0 {
			w.fields = w.fields[:len(w.fields)-1]
		}
	case "p":
		if len(w.paras) == 0 {
			return
		}
		p := w.paras[len(w.paras)-1]
		w.paras = w.paras[:len(w.paras)-1]
		text := w.paraText(p)
		if len(w.cells) == 0 {
			text = w.headingMark(p, text)
		}
		w.emit(text)
	case "tc":
		if len(w.cells) == 0 || len(w.rows) == 0 {
			return
		}
		c := w.cells[len(w.cells)-1]
		w.cells = w.cells[:len(w.cells)-1]
		w.rows[len(w.rows)-1] = append(w.rows[len(w.rows)-1], strings.TrimSpace(c.String()))
		// Nested tables: the open row was a row of the inner table.
	case "tr":
		if len(w.rows) == 0 {
			return
		}
		row := w.rows[len(w.rows)-1]
		w.rows = w.rows[:len(w.rows)-1]
		w.emit(strings.Join(row, " | "))
	}
}

// emit writes a finished paragraph or row: into the open table cell if
// there is one, else as a line of the output.
func (w *docxWalker) emit(s string) {
	if len(w.cells) > 0 && len(w.rows) > 0 {
		c := w.cells[len(w.cells)-1]
		if c.Len() > 0 && s != "" {
			c.WriteByte(' ')
		}
		c.WriteString(strings.ReplaceAll(s, "\n", " "))
		return
	}
	// Tabs or spaces before the text only indent it: Word nests lists by
	// their numbering, and read as Markdown an indented "4." would be
	// taken for an item nested in the one before.
	w.out.WriteString(strings.TrimLeft(s, " \t"))
	w.out.WriteByte('\n')
}

// markBold notes where the paragraph's first bold run is, as n more bytes
// of text (words, when it has any) are written in bold or not.
func (p *paragraph) markBold(bold bool, n int, words bool) {
	at := p.text.Len()
	switch {
	case !words:
	case !bold:
		p.boldClosed = p.boldStart >= 0
	case p.boldStart < 0:
		p.boldStart, p.boldEnd = at, at+n
	case !p.boldClosed:
		p.boldEnd = at + n
	}
}

// paraText returns a paragraph's text preceded by its automatic number.
func (w *docxWalker) paraText(p *paragraph) string {
	text := p.text.String()
	toc := p.toc || w.num.isTOC(p.style)
	if toc {
		text = dotLeader(text)
	}
	label := w.num.label(p.numID, p.ilvl, p.hasLv, p.style)
	switch {
	case label == "":
	case strings.TrimSpace(text) == "":
		// Word shows a number on an empty paragraph, but a number without
		// text would look like a clause heading; the count still advances.
		return ""
	default:
		text = label + " " + text
		p.boldStart += len(label) + 1
		p.boldEnd += len(label) + 1
	}
	if p.boldClosed && !toc && len(w.cells) == 0 {
		text = runInHeading(text, p.boldStart, p.boldEnd)
	}
	return text
}

// maxHeading is the longest text marked as a heading: a paragraph in a
// heading style that holds a whole clause (some templates number their
// clauses that way) stays text, so that its sentences are read as such.
const maxHeading = 120

// headingMark writes a paragraph in a heading style as a Markdown heading
// ("## 2.1 Title"). Word keeps what is a heading in the style rather than
// the text, and without it a list in a clause ("1. … 2. …") cannot be told
// from the clauses around it.
func (w *docxWalker) headingMark(p *paragraph, text string) string {
	level := p.outline
	if level == 0 {
		level = w.num.outlineLevel(p.style)
	}
	t := strings.TrimSpace(text)
	if level < 1 || level > 6 || t == "" || utf8.RuneCountInString(t) > maxHeading || strings.HasPrefix(t, "#") {
		return text
	}
	return strings.Repeat("#", level) + " " + t
}

// dotLeader writes an entry of a table of contents as Word shows it: the
// tab before its page number is drawn as a row of dots. The text holds only
// the tab, and a line "1 Parter 3" would read as a clause whose title ends
// in a number; with the dots it reads as what it is (model/docparse skips
// such lines as a table of contents).
func dotLeader(entry string) string {
	i := strings.LastIndexByte(entry, '\t')
	page := strings.TrimSpace(entry[i+1:])
	if i < 0 || page == "" || strings.Trim(page, "0123456789") != "" {
		return entry
	}
	return entry[:i] + " ........ " + page
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// atoi parses a small non-negative number, returning 0 for anything else.
func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' || n > 1e6 {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}
