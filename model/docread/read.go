// Package docread turns the bytes of an agreement document (.txt, .md, .html,
// .docx or .pdf) into clean text: decoded to UTF-8, NFKC-normalised, with
// control characters and terminal escape sequences removed, so that nothing
// in a contract can repaint or hijack the user's terminal. The one control
// character left besides newline and tab is the form feed of a PageBreak
// line between the pages of a PDF. Headings the format marks (Word's
// heading styles, a PDF's larger type) are written as Markdown headings.
// Finding clauses in that text is the job of model/docparse.
package docread

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// The problems a document can have. Read and the format readers wrap them in
// a FileError, so callers can test them with errors.Is.
var (
	ErrEmpty       = errors.New("the file is empty")
	ErrBinary      = errors.New("the file is not text (it holds binary data)")
	ErrNoText      = errors.New("the file holds no text, only images (a scan?): OCR it first")
	ErrEncrypted   = errors.New("the file is password-protected")
	ErrUnsupported = errors.New("the file type is not supported")
	ErrDamaged     = errors.New("the file is damaged or not what its name says")
	ErrTooLarge    = errors.New("the file is too large")
)

// MaxInput is the largest file Read accepts, in bytes.
const MaxInput = 64 << 20

// MaxText is the most text Read returns, in bytes: a thousand pages of
// agreement hold about 3 MB, and finding clauses and proposals in more text
// than this would take the importer minutes and gigabytes (50 MB of text:
// three minutes and 1.7 GB).
const MaxText = 4 << 20

// FileError names the file a problem was found in.
type FileError struct {
	File string
	Err  error
}

func (e *FileError) Error() string { return e.File + ": " + e.Err.Error() }

// Unwrap lets errors.Is find the problem (ErrEmpty, ErrBinary …).
func (e *FileError) Unwrap() error { return e.Err }

// Detail is what a reader found out about a problem beyond the problem
// itself ("12000 pages", "not a zip archive"): Key names it for the
// catalogue of messages (ui/i18n words it in the user's language), Args
// fill it in, and Msg is its English for logs and tests. What a library
// said about a damaged file comes as an Arg, as it was said.
type Detail struct {
	Err  error // the problem: ErrDamaged, ErrTooLarge
	Key  string
	Args []any
	Msg  string
}

func (d *Detail) Error() string { return d.Err.Error() + ": " + d.Msg }

// Unwrap lets errors.Is find the problem.
func (d *Detail) Unwrap() error { return d.Err }

// problem is err with a detail keyed key, worded in English by format.
func problem(err error, key, format string, args ...any) *Detail {
	return &Detail{Err: err, Key: key, Args: args, Msg: fmt.Sprintf(format, args...)}
}

// detail turns what a library said about a damaged file into a short,
// safe phrase: library messages can quote bytes of the file, and those must
// not reach a terminal any more than the text itself.
func detail(v any) string {
	s := strings.Join(strings.Fields(Clean(fmt.Sprint(v))), " ")
	if r := []rune(s); len(r) > 80 {
		s = string(r[:79]) + "…"
	}
	return s
}

// Read returns the clean text of the document named name. The format is
// recognised from the content first (a PDF or a zip archive says what it is)
// and from the file name's extension second, so a misnamed file still reads.
func Read(name string, data []byte) (string, error) {
	text, err := read(name, data)
	if err == nil && len(text) > MaxText {
		err = problem(ErrTooLarge, "text_size", "%d MB of text, more than the %d MB a document may hold", (len(text)+1<<19)>>20, MaxText>>20)
	}
	if err != nil {
		return "", &FileError{File: name, Err: err}
	}
	return text, nil
}

func read(name string, data []byte) (string, error) {
	if len(data) > MaxInput {
		return "", ErrTooLarge
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", ErrEmpty
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return PDF(data)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return DOCX(data)
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		// An OLE compound file: Word 97-2003, or a password-protected
		// Office file (encryption wraps a .docx in this container).
		if ext == ".docx" {
			return "", ErrEncrypted
		}
		return "", ErrUnsupported
	case ext == ".pdf" || ext == ".docx":
		return "", ErrDamaged
	}
	text, err := Decode(data)
	if err != nil {
		return "", err
	}
	// Markdown stays as it is, whatever the extension says: the clause
	// parser reads its headings, lists and tables. HTML becomes Markdown.
	return Clean(FromHTML(text)), nil
}

// Check reports whether s is usable text: ErrEmpty when it holds only
// white space, ErrBinary when it holds NUL bytes or too few printable
// characters to be a document.
func Check(s string) error {
	if strings.TrimSpace(s) == "" {
		return ErrEmpty
	}
	if strings.IndexByte(s, 0) >= 0 {
		return ErrBinary
	}
	var total, bad int
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			// Printable ASCII, the bulk of any text, needs no decoding: a
			// run of it is counted at once.
			j := i + 1
			for j < len(s) && s[j] >= 0x20 && s[j] < 0x7f {
				j++
			}
			total += j - i
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		total++
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\f' || r == '\v' || r == 0x1b:
			// Layout and escape characters are removed by Clean, not signs of binary data.
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\uFFFD':
			bad++
		}
	}
	// Five per cent of undecodable characters is far beyond what a damaged
	// text file shows, and far below what any binary format produces.
	if bad*20 > total {
		return ErrBinary
	}
	return nil
}
