package docread

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// testdata/clauses.pdf is three pages written by hand: numbered clauses,
// Swedish letters in WinAnsi encoding, and a running footer on each page.
func TestPDF(t *testing.T) {
	got, err := Read("avtal.pdf", readFixture(t, "clauses.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Serviceavtal för Exempeltjänsten\n",
		"\n1.1 Parter\nAvtalet gäller mellan Leverantören och Kunden.\n",
		"\n2.2 Betalning\nBetalning ska ske inom 30 dagar.\n",
		"\n3.1 Uppsägning\n",
		"\nExempelavtal version 1.0 Sida 3 av 3\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, got)
		}
	}
}

func TestPDFBadFiles(t *testing.T) {
	valid := readFixture(t, "clauses.pdf")
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"garbage between header and trailer", readFixture(t, "garbage.pdf"), ErrDamaged},
		{"password-protected", readFixture(t, "encrypted.pdf"), ErrEncrypted},
		{"cut in half", valid[:len(valid)/2], ErrDamaged},
		{"header only", []byte("%PDF-1.7\n"), ErrDamaged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("avtal.pdf", tt.data)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

// Damaged copies of a valid PDF must give an error or text, never a panic:
// the library itself panics on about two in three of these copies, and PDF
// must recover.
func TestPDFNeverPanics(t *testing.T) {
	valid := readFixture(t, "clauses.pdf")
	for i := 0; i < len(valid); i += 13 {
		for _, b := range []byte{0, '(', ']'} {
			data := append([]byte(nil), valid...)
			data[i] = b
			PDF(data) // a panic fails the test
		}
	}
}

func TestPDFCompatibleHeader(t *testing.T) {
	// A PDF 2.0 header, or a comment on the header line, is patched to one
	// the library reads, without moving any byte after it.
	valid := readFixture(t, "clauses.pdf")
	v2 := append([]byte("%PDF-2.0\n"), valid[len("%PDF-1.4\n"):]...)
	v2 = append(v2, "\n% trailing junk after the end\n"...)
	got, err := PDF(v2)
	if err != nil {
		t.Fatalf("PDF 2.0 header: %v", err)
	}
	if !strings.Contains(got, "1.1 Parter") {
		t.Errorf("PDF 2.0 text lacks clause 1.1:\n%s", got)
	}
}
