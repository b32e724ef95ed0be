package yamlreg

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

const minimal = `id: centuri-saas
title: Centuri SaaS
kind: general_terms
status: active
supplier: {name: Centuri AB}
start: 2024-04-01
term:
  initial: 36 months
  renewal: 12 months
  notice: 6 months
rules:
  - kind: termination_notice
    anchor: cancel_by
    clause: "15.1"
`

func TestDecodeErrorsNameFileLineAndField(t *testing.T) {
	tests := []struct {
		name, edit, with string
		line             int
		field, msg       string
	}{
		{"impossible date", "start: 2024-04-01", "start: 2024-04-31", 6, "start", "not a date that exists"},
		{"unknown unit", "notice: 6 months", "notice: 6 fortnights", 10, "term.notice", "unknown unit"},
		{"unknown field", "status: active", "status: active\nstatuss: x", 5, "statuss", "unknown field"},
		{"unknown nested field", "clause: \"15.1\"", "clause: \"15.1\"\n    ofset: 2 days", 15, "rules[0].ofset", "unknown field"},
		{"unknown field in a term", "notice: 6 months", "notice: 6 months\n  noticee: 3 months", 11, "term.noticee", "unknown field"},
		{"unknown field through a merge", "term:\n  initial: 36 months\n  renewal: 12 months\n  notice: 6 months\n",
			"term: &t\n  initial: 36 months\n  renewal: 12 months\n  notice: 6 months\ncustomer: {name: Exempelkommunen, <<: *t}\n", 8, "customer.initial", "unknown field"},
		{"unknown field through an alias used twice", "supplier: {name: Centuri AB}",
			"supplier: &p {name: Centuri AB}\ncustomer: *p\nprecedence: *p", 5, "precedence.name", "unknown field"},
		{"bad kind", "kind: general_terms", "kind: contract", 3, "kind", "not one of"},
		{"bad rule anchor", "anchor: cancel_by", "anchor: whenever", 13, "rules[0].anchor", "not agreement_date"},
		{"bad id", "id: centuri-saas", "id: Centuri SaaS", 1, "id", "lower-case"},
		{"empty list item", "rules:\n", "rules:\n  -\n", 12, "rules[0]", "an empty item"},
		{"renewal of zero", "renewal: 12 months", "renewal: 0 months", 9, "term.renewal", "longer than zero"},
		{"term in hours", "initial: 36 months", "initial: 36 hours", 8, "term.initial", "days, weeks, months or years"},
		{"terminal escape in a tag", "clause: \"15.1\"\n", "clause: \"15.1\"\ndocuments:\n  - name: Villkor\n    clauses:\n      - {number: \"1\", tags: [\"x\\e]52;c;ZXZpbA==\\a\"]}\n", 18, "documents[0].clauses[0].tags[0]", "not a tag"},
		{"absurd term", "initial: 36 months", "initial: 360000 months", 8, "term.initial", "hundred years"},
		{"region as typed", "clause: \"15.1\"\n", "clause: \"15.1\"\nsubprocessors:\n  - {name: Azure, region: EES, status: approved}\n", 16, "subprocessors[0].region", `"EES" is written EEA`},
		{"country as a region", "clause: \"15.1\"\n", "clause: \"15.1\"\nsubprocessors:\n  - {name: Azure, region: SE, status: approved}\n", 16, "subprocessors[0].region", "is a country code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode("centuri.yaml", []byte(strings.Replace(minimal, tt.edit, tt.with, 1)))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want a yamlreg.Error", err)
			}
			if e.File != "centuri.yaml" || e.Line != tt.line || e.Field != tt.field || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("got %q (line %d, field %q), want line %d, field %q, message with %q", err, e.Line, e.Field, tt.line, tt.field, tt.msg)
			}
		})
	}
}

func TestDecodeRefusesEmptyAndNonMappings(t *testing.T) {
	for _, in := range []string{"", "   \n", "- a\n- b\n", "just words", "id: [unclosed"} {
		if _, err := Decode("x.yaml", []byte(in)); err == nil || !strings.HasPrefix(err.Error(), "x.yaml") {
			t.Errorf("Decode(%q) = %v, want an error naming the file", in, err)
		}
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	withRegion := minimal + "subprocessors:\n  - {name: Azure, region: EEA, status: approved}\n"
	a, err := Decode("centuri.yaml", []byte(withRegion))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Decode("again.yaml", out)
	if err != nil {
		t.Fatalf("the encoded file does not decode: %v\n%s", err, out)
	}
	if !reflect.DeepEqual(a, b) || b.Subs[0].Region != "EEA" || !strings.Contains(string(out), "region: EEA") {
		t.Errorf("round trip differs:\n%+v\n%+v", a, b)
	}
}

// FuzzDecode: any input gives an agreement or an error naming the file,
// never a panic; an accepted agreement survives Encode → Decode unchanged.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte("id: a\ntitle: b\nkind: dpa\nstatus: draft\nsupplier: {name: c}\nterm: {indefinite: true}\n"))
	f.Add([]byte("id: a\nfee: {amount: \"1e400\"}\n"))
	f.Add([]byte("&a [*a, *a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Decode("f.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		out, err := Encode(a)
		if err != nil {
			t.Fatalf("accepted agreement does not encode: %v", err)
		}
		b, err := Decode("again.yaml", out)
		if err != nil {
			t.Fatalf("encoded agreement does not decode: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("round trip differs:\n%+v\n%+v", a, b)
		}
	})
}

func TestDecodeAllKeepsOrderAndNamesTheFirstBadFile(t *testing.T) {
	var files []File
	for i := range 9 {
		id := fmt.Sprintf("agreement-%d", i)
		files = append(files, File{Name: id + ".yaml", Data: []byte(strings.Replace(minimal, "id: centuri-saas", "id: "+id, 1))})
	}
	got, err := DecodeAll(files)
	if err != nil || len(got) != len(files) {
		t.Fatalf("DecodeAll = %d agreements, %v", len(got), err)
	}
	for i, a := range got {
		if want := fmt.Sprintf("agreement-%d", i); a.ID != want {
			t.Errorf("agreement %d is %s, want %s", i, a.ID, want)
		}
	}
	files[7].Data = []byte("id: [")
	files[4].Data = []byte("id: x\nstatuss: y\n")
	if got, err := DecodeAll(files); got != nil || err == nil || !strings.HasPrefix(err.Error(), "agreement-4.yaml:2") {
		t.Errorf("DecodeAll with two bad files = %v, %v; want only the error of agreement-4.yaml, line 2", got, err)
	}
}
