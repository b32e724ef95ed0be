package docread

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
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
		return "", fmt.Errorf("%w: not a zip archive (%s)", ErrDamaged, detail(err))
	}
	if len(zr.File) > maxZipEntries {
		return "", fmt.Errorf("%w: %d parts inside the archive", ErrTooLarge, len(zr.File))
	}
	budget := int64(maxUnzipped)
	doc, err := zipPart(zr, "word/document.xml", &budget)
	if err != nil {
		return "", err
	}
	if doc == nil {
		return "", fmt.Errorf("%w: no word/document.xml, so not a Word document", ErrDamaged)
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
				return "", fmt.Errorf("%w: %s: %s", ErrDamaged, part.name, detail(err))
			}
		}
	}
	text, err := docxText(doc, num)
	if err != nil {
		return "", fmt.Errorf("%w: word/document.xml: %s", ErrDamaged, detail(err))
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
			return nil, fmt.Errorf("%w: more than %d MB when unpacked", ErrTooLarge, maxUnzipped>>20)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %s", ErrDamaged, name, detail(err))
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, *budget+1))
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %s", ErrDamaged, name, detail(err))
		}
		if int64(len(b)) > *budget {
			return nil, fmt.Errorf("%w: more than %d MB when unpacked", ErrTooLarge, maxUnzipped>>20)
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
}

// docxWalker turns the token stream of document.xml into lines.
type docxWalker struct {
	num   *numbering
	out   strings.Builder
	paras []*paragraph       // open paragraphs (text boxes nest them)
	cells []*strings.Builder // open table cells, innermost last
	rows  [][]string         // cells of the open table rows, innermost last
	inT   bool               // inside w:t, whose character data is text
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
			if w.inT && len(w.paras) > 0 {
				w.paras[len(w.paras)-1].text.Write(t)
			}
		}
	}
}

// skipped names the elements whose content is not part of the accepted text:
// tracked deletions and moves away, the old properties of tracked format
// changes (which carry the old numbering), field codes, content-control
// properties and the fallback copy of alternate content.
func skipped(local string) bool {
	switch local {
	case "del", "moveFrom", "instrText", "delInstrText", "sdtPr", "sdtEndPr", "Fallback":
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
		w.paras = append(w.paras, &paragraph{})
	case "t":
		w.inT = true
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
	case "p":
		if len(w.paras) == 0 {
			return
		}
		p := w.paras[len(w.paras)-1]
		w.paras = w.paras[:len(w.paras)-1]
		w.emit(w.paraText(p))
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
	w.out.WriteString(s)
	w.out.WriteByte('\n')
}

// paraText returns a paragraph's text preceded by its automatic number.
func (w *docxWalker) paraText(p *paragraph) string {
	text := p.text.String()
	label := w.num.label(p.numID, p.ilvl, p.hasLv, p.style)
	switch {
	case label == "":
		return text
	case strings.TrimSpace(text) == "":
		// Word shows a number on an empty paragraph, but a number without
		// text would look like a clause heading; the count still advances.
		return ""
	}
	return label + " " + text
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
