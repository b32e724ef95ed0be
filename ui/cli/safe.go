package cli

import (
	"bytes"
	"io"

	"avtal/ui/session"
)

// safeWriter passes a command's output on line by line with everything that
// could act on a terminal removed (session.Sanitize): whichever command
// prints it, no text from the register — a title, a clause, a note, a
// sub-processor's name — can clear the screen, retitle the window or plant
// a link. A line that ends "\r\n" (iCalendar) keeps its carriage return.
// JSON passes unchanged: writeJSON has already escaped what encoding/json
// leaves raw and some terminals obey.
//
// Whole lines are gathered up to safeChunk before they are passed on (a
// line at a time, `avtal list` of 10 000 agreements was 10 000 system
// calls); a command that streams its rows calls Send after each page.
type safeWriter struct {
	w    io.Writer
	line []byte // the unfinished last line
	out  []byte // sanitised whole lines not yet passed on
	err  error
}

// safeChunk is how much sanitised output is gathered before it is passed on.
const safeChunk = 32 << 10

func (s *safeWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	end := bytes.LastIndexByte(p, '\n')
	if end < 0 {
		s.line = append(s.line, p...)
		return len(p), nil
	}
	s.line = append(s.line, p[:end+1]...)
	// Most output has nothing to remove: then its lines go on as one.
	if text := string(s.line); session.Clean(text) {
		s.out = append(s.out, text...)
		s.line = append(s.line[:0], p[end+1:]...)
		return len(p), s.flow()
	}
	for line := range bytes.Lines(s.line) {
		eol := "\n"
		if bytes.HasSuffix(line, []byte("\r\n")) {
			eol = "\r\n"
		}
		s.out = append(s.out, session.Sanitize(string(bytes.TrimRight(line, "\r\n")))...)
		s.out = append(s.out, eol...)
	}
	s.line = append(s.line[:0], p[end+1:]...)
	return len(p), s.flow()
}

// flow passes the lines gathered on once they are safeChunk long.
func (s *safeWriter) flow() error {
	if len(s.out) >= safeChunk {
		s.Send()
	}
	return s.err
}

// Send passes on the whole lines written so far.
func (s *safeWriter) Send() error {
	if s.err == nil && len(s.out) > 0 {
		_, s.err = s.w.Write(s.out)
		s.out = s.out[:0]
	}
	return s.err
}

// Flush passes on everything written, an unfinished last line included.
func (s *safeWriter) Flush() error {
	if s.Send() == nil && len(s.line) > 0 {
		_, s.err = io.WriteString(s.w, session.Sanitize(string(s.line)))
		s.line = s.line[:0]
	}
	return s.err
}
