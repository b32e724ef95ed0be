package docread

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/ledongthuc/pdf"
)

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
			text, err = "", fmt.Errorf("%w: %s", ErrDamaged, detail(r))
		}
	}()
	data = pdfCompatible(data)
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(err.Error(), "encrypt") {
			return "", ErrEncrypted
		}
		return "", fmt.Errorf("%w: %s", ErrDamaged, detail(err))
	}
	n := r.NumPage()
	if n > maxPages {
		return "", fmt.Errorf("%w: %d pages", ErrTooLarge, n)
	}
	var b strings.Builder
	for i := 1; i <= n; i++ {
		glyphs, err := pageGlyphs(r, i)
		if err != nil {
			return "", err
		}
		writeLines(&b, glyphs)
		b.WriteString("\n")
		if b.Len() > maxUnzipped {
			return "", fmt.Errorf("%w: more than %d MB of text", ErrTooLarge, maxUnzipped>>20)
		}
	}
	if err := Check(b.String()); err != nil {
		if errors.Is(err, ErrEmpty) {
			return "", ErrNoText
		}
		return "", err
	}
	return joinKerned(Clean(spacedNumbersRe().ReplaceAllStringFunc(b.String(), joinSpacedNumber))), nil
}

// spacedNumbersRe finds a clause number at the start of a line that glyph
// spacing cut into pieces ("1 4 .1. Title" for "14.1. Title").
var spacedNumbersRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^(?:\d ?){1,3}(?:\. ?(?:\d ?){1,3}){0,3}\.? +\p{Lu}`)
})

func joinSpacedNumber(m string) string {
	number := strings.TrimRight(strings.TrimRightFunc(m, unicode.IsUpper), " ")
	if !strings.Contains(number, " ") || !strings.Contains(number, ".") {
		return m
	}
	return strings.ReplaceAll(number, " ", "") + m[len(number):]
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

// pageGlyphs returns the characters of one page with their positions.
func pageGlyphs(r *pdf.Reader, i int) (glyphs []pdf.Text, err error) {
	defer func() {
		if x := recover(); x != nil {
			glyphs, err = nil, fmt.Errorf("%w: page %d cannot be read (%s)", ErrDamaged, i, detail(x))
		}
	}()
	return r.Page(i).Content().Text, nil
}

// writeLines writes glyphs, in the order the page draws them, as lines: a
// clear move down starts a new line (a larger one a new paragraph), and a
// gap on the same line becomes a space.
func writeLines(b *strings.Builder, glyphs []pdf.Text) {
	var last pdf.Text
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
			started = true
		case math.Abs(g.Y-last.Y) > size*0.5:
			b.WriteByte('\n')
			if last.Y-g.Y > size*1.6 {
				b.WriteByte('\n')
			}
		case g.X > last.X+advance(last, size)+size*0.15 || g.X < last.X-size:
			if !strings.HasSuffix(last.S, " ") && g.S != " " {
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.S)
		last = g
	}
}
