package docread

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Decode turns the bytes of a plain-text file into a string: UTF-8 with or
// without a byte-order mark, UTF-16 (with a BOM, or without one when the
// zero bytes give it away), and otherwise Windows-1252, the usual encoding
// of older Swedish files (it is a superset of ISO-8859-1's printable
// characters). It fails with ErrBinary when the result is not text.
func Decode(data []byte) (string, error) {
	var text string
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		text = string(data[3:])
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		text = decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data)
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		text = decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data)
	default:
		if e := utf16WithoutBOM(data); e != nil {
			text = decodeWith(e, data)
		} else if utf8.Valid(data) {
			text = string(data)
		} else {
			text = decodeWith(charmap.Windows1252, data)
		}
	}
	if err := Check(text); err != nil {
		return "", err
	}
	return text, nil
}

func decodeWith(e encoding.Encoding, data []byte) string {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		// The decoders replace bad input instead of failing; an error here
		// means the data is not text at all.
		return "\x00"
	}
	return string(out)
}

// utf16WithoutBOM recognises UTF-16 text that lacks a byte-order mark by its
// zero bytes: Latin text in UTF-16 has a zero in every other byte, on the
// odd side for little-endian and the even side for big-endian.
func utf16WithoutBOM(data []byte) encoding.Encoding {
	n := min(len(data), 4096) &^ 1
	if n < 8 {
		return nil
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd*10 >= half*6 && even == 0:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case even*10 >= half*6 && odd == 0:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return nil
}
