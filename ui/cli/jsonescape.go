package cli

import (
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"

	"avtal/model/docread"
)

// jsonEscaper writes JSON with the characters a terminal would act on
// written as \u escapes: DEL, C1 controls, bidi controls and zero-width
// characters, which encoding/json leaves raw. The data survives (a parser
// reads the same string) and the safe writer behind it has nothing to
// remove. Such characters only ever stand inside JSON strings, where an
// escape means the same.
type jsonEscaper struct {
	w    io.Writer
	rest []byte // the start of a character cut between two writes
}

func (e *jsonEscaper) Write(p []byte) (int, error) {
	buf := p
	if len(e.rest) > 0 {
		buf = append(e.rest, p...)
	}
	end := len(buf)
	for j := max(0, len(buf)-utf8.UTFMax+1); j < len(buf); j++ {
		if utf8.RuneStart(buf[j]) && !utf8.FullRune(buf[j:]) {
			end = j
			break
		}
	}
	e.rest = append(e.rest[:0:0], buf[end:]...)
	// Runs of characters that need no escape go out as they are.
	var out []byte
	from := 0
	for i := 0; i < end; {
		if buf[i] < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRune(buf[i:end])
		if escapeInJSON(r) {
			out = appendEscape(append(out, buf[from:i]...), r)
			from = i + size
		}
		i += size
	}
	text := buf[:end]
	if out != nil {
		text = append(out, buf[from:end]...)
	}
	if _, err := e.w.Write(text); err != nil {
		return 0, err
	}
	return len(p), nil
}

func escapeInJSON(r rune) bool {
	return r == 0x7f || (r >= 0x80 && r <= 0x9f) || docread.Invisible(r)
}

func appendEscape(out []byte, r rune) []byte {
	if r > 0xffff {
		hi, lo := utf16.EncodeRune(r)
		return fmt.Appendf(out, `\u%04x\u%04x`, hi, lo)
	}
	return fmt.Appendf(out, `\u%04x`, r)
}
