package cli

import (
	"bytes"
	"io"

	"avtal/ui/common"
)

// safeWriter passes a command's output on line by line with everything that
// could act on a terminal removed (common.Sanitize): whichever command
// prints it, no text from the register — a title, a clause, a note, a
// sub-processor's name — can clear the screen, retitle the window or plant
// a link. A line that ends "\r\n" (iCalendar) keeps its carriage return.
// JSON passes unchanged: writeJSON has already escaped what encoding/json
// leaves raw and some terminals obey.
type safeWriter struct {
	w    io.Writer
	line []byte // the unfinished last line
	err  error
}

func (s *safeWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	s.line = append(s.line, p...)
	end := bytes.LastIndexByte(s.line, '\n')
	if end < 0 {
		return len(p), nil
	}
	var out bytes.Buffer
	for line := range bytes.Lines(s.line[:end+1]) {
		eol := "\n"
		if bytes.HasSuffix(line, []byte("\r\n")) {
			eol = "\r\n"
		}
		out.WriteString(common.Sanitize(string(bytes.TrimRight(line, "\r\n"))))
		out.WriteString(eol)
	}
	s.line = append(s.line[:0], s.line[end+1:]...)
	_, s.err = s.w.Write(out.Bytes())
	return len(p), s.err
}

// Flush writes what is left of an unfinished last line.
func (s *safeWriter) Flush() error {
	if s.err == nil && len(s.line) > 0 {
		_, s.err = io.WriteString(s.w, common.Sanitize(string(s.line)))
		s.line = s.line[:0]
	}
	return s.err
}
