package importfile

import (
	"bytes"
	"errors"
	"testing"

	"avtal/model/docimport"
	"avtal/model/docread"
	"avtal/ui/i18n"
)

// What a reader found out about a problem follows it in brackets in the
// user's language, not in the reader's English; a library's own words
// inside it stay as they were said.
func TestExplainWordsTheDetail(t *testing.T) {
	text := bytes.Repeat([]byte("1.1 Kunden betalar varje faktura inom trettio dagar.\n"), (docread.MaxText+1<<20)/52)
	notZip := append([]byte("PK\x03\x04"), bytes.Repeat([]byte("x"), 200)...)
	tests := []struct {
		name   string
		data   []byte
		want   error
		en, sv string
	}{
		{"avtal.txt", text, docread.ErrTooLarge,
			"avtal.txt: the file is too large (5 MB of text, more than the 4 MB a document may hold)",
			"avtal.txt: filen är för stor (5 MB text, mer än de 4 MB ett dokument får rymma)"},
		{"avtal.docx", notZip, docread.ErrDamaged,
			"avtal.docx: the file is damaged or not what its name says (not a zip archive (zip: not a valid zip file))",
			"avtal.docx: filen är skadad eller inte vad namnet säger (inget zip-arkiv (zip: not a valid zip file))"},
	}
	for _, tt := range tests {
		_, err := docimport.Read(tt.name, tt.data)
		if !errors.Is(err, tt.want) {
			t.Fatalf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
		for lang, want := range map[i18n.Lang]string{i18n.EN: tt.en, i18n.SV: tt.sv} {
			got := explain(lang, tt.name, err)
			if got.Error() != want {
				t.Errorf("%s in %v:\n got %q\nwant %q", tt.name, lang, got, want)
			}
			if !errors.Is(got, tt.want) {
				t.Errorf("%s in %v: the cause is lost", tt.name, lang)
			}
		}
	}
}
