package doctest

import (
	"archive/zip"
	"bytes"
)

// Zip writes the parts, named by their paths, as a zip archive: a .docx is
// one whose "word/document.xml" holds the text.
func Zip(parts map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			panic(err) // only a name zip cannot hold fails, a mistake in the test
		}
		if _, err := w.Write([]byte(body)); err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
