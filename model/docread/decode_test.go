package docread

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xfeff}, units...)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestDecode(t *testing.T) {
	const sv = "Uppsägning – 3 månader, å ä ö"
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf-8", []byte(sv), sv},
		{"utf-8 with BOM", append([]byte("\xEF\xBB\xBF"), sv...), sv},
		{"utf-16 LE with BOM", utf16Bytes(sv, false, true), sv},
		{"utf-16 BE with BOM", utf16Bytes(sv, true, true), sv},
		{"utf-16 LE without BOM", utf16Bytes("Bilaga 1 Säkerhet och drift", false, false), "Bilaga 1 Säkerhet och drift"},
		{"utf-16 BE without BOM", utf16Bytes("Bilaga 2 Underbiträden", true, false), "Bilaga 2 Underbiträden"},
		// Windows-1252: 0xE4 ä, 0xF6 ö, 0x96 en dash, 0x80 euro sign.
		{"windows-1252", []byte("Avgift 100 \x80 \x96 f\xf6rl\xe4ngning"), "Avgift 100 € – förlängning"},
		// ISO-8859-1 text is Windows-1252 text for every printable byte.
		{"iso-8859-1", []byte("\xc5rlig upps\xe4gning \xe5 \xf6"), "Årlig uppsägning å ö"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.in)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got != tt.want {
				t.Errorf("Decode = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDecodeRejectsBinary(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
	random := make([]byte, 400)
	for i := range random {
		random[i] = byte(i*131 + 7) // every byte value, controls included
	}
	for name, in := range map[string][]byte{"png": png, "random bytes": random} {
		if _, err := Decode(in); !errors.Is(err, ErrBinary) {
			t.Errorf("%s: err = %v, want ErrBinary", name, err)
		}
	}
}

func TestReadNamesFileAndProblem(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"tomt.txt", []byte(" \n\t\n"), ErrEmpty},
		{"bild.txt", []byte("\x00\x01\x02\x03binary\x00\x00"), ErrBinary},
		{"gammal.doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), ErrUnsupported},
		{"skyddad.docx", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), ErrEncrypted},
		{"trasig.pdf", []byte("hello, not a pdf"), ErrDamaged},
	}
	for _, tt := range tests {
		_, err := Read(tt.name, tt.data)
		if !errors.Is(err, tt.want) {
			t.Errorf("Read(%s): err = %v, want %v", tt.name, err, tt.want)
			continue
		}
		if !strings.HasPrefix(err.Error(), tt.name+": ") {
			t.Errorf("Read(%s): message %q does not start with the file name", tt.name, err)
		}
	}
}

// Markdown reaches the clause parser as it is, whatever the extension: the
// parser reads its headings, lists and tables. HTML becomes Markdown.
func TestReadMarkdownAndHTML(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"avtal.txt", "# Avtal om drift\n\n**1.1 Parter**\n", "# Avtal om drift\n\n**1.1 Parter**\n"},
		{"avtal.md", "Pris&nbsp;&amp;&#x20;villkor", "Pris & villkor"},
		{"avtal.html", "<html><body><h2>1. Avtalstid</h2><p>Avtalet <b>gäller</b> ett år.</p><ol><li>Första</li><li>Andra</li></ol>" +
			"<table><tr><td>Under 99 %</td><td><p>10 %</p></td></tr></table><script>x()</script></body></html>",
			"\n\n## 1. Avtalstid\n\nAvtalet gäller ett år.\n\n1. Första\n\n2. Andra\n\n| Under 99 % |  10 %  |\n\n"},
		{"avtal.md", "##<a id=\"1\">1. Licens</a>\nPris < 5 kr", "##1. Licens\nPris < 5 kr"},
	}
	for _, tt := range tests {
		got, err := Read(tt.name, []byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("Read(%s, %q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}
