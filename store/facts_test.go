package store

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"avtal/model"
	"avtal/model/gen"
)

// decodeBoth decodes text with the facts decoder and with encoding/json,
// and fails the test unless they agree. What encoding/json decodes, the
// decoder that leaves out the rules decodes too, the same but the rules.
func decodeBoth(t *testing.T, text string) engineFacts {
	t.Helper()
	got, err := newFactsDecoder([]string{text}).decode(text)
	var want engineFacts
	wantErr := json.Unmarshal([]byte(text), &want)
	if (err == nil) != (wantErr == nil) {
		t.Fatalf("%s:\nerror %v, encoding/json says %v", text, err, wantErr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\n%+v\nencoding/json decodes\n%+v", text, got, want)
	}
	if wantErr == nil {
		term, err := newTermDecoder().decode(text)
		want.Rules = nil
		if err != nil || !reflect.DeepEqual(term, want) {
			t.Fatalf("%s:\nwithout the rules %+v, %v\nencoding/json decodes\n%+v", text, term, err, want)
		}
	}
	return got
}

// readsDirectly reports whether the facts reader reads text itself,
// without handing it to encoding/json.
func readsDirectly(text string) bool {
	r := factsReader{text: text, decoder: newFactsDecoder([]string{text})}
	var f engineFacts
	return r.facts(&f)
}

func TestFactsDecoder(t *testing.T) {
	cases := []struct {
		name, text string
		direct     bool // read without encoding/json
	}{
		{"as SQLite writes them", `{"id":"centuri-saas","title":"Centuri – SaaS","signed":"2024-03-01","effective":"2024-03-15","start":"2024-04-01","term":{"initial":"36 months","renewal":"12 months","notice":"6 months","clause":"12.2"},"rules":[{"kind":"termination_notice","anchor":"period_end","offset":"6 months","before":true,"clause":"12.2","title":"Sista dag att säga upp"},{"kind":"indexation","anchor":"yearly","on":"01-01","late_from":"07-01","clause":"7.5","note":"KPI"}]}`, true},
		{"until further notice", `{"id":"a","title":"b","term":{"indefinite":true,"notice":"3 months"},"rules":[]}`, true},
		{"nothing but an id", `{"id":"a"}`, true},
		{"sample values", `{"id":"a","sample_values":["start","term.notice"]}`, true},
		{"no sample values", `{"id":"a","sample_values":[]}`, true},
		{"a number among sample values", `{"id":"a","sample_values":["start",3]}`, false},
		{"a comma too many", `{"id":"a","sample_values":["start",]}`, false},
		{"empty", `{}`, true},
		{"white space", " {\n\t\"id\" : \"a\" ,\r\n\"rules\" : [ { \"kind\" : \"renewal\" , \"before\" : false } ] }\n", true},
		{"a zero date", `{"id":"a","signed":""}`, true},
		{"escapes", `{"id":"a","title":"\"Avtal\" \u00e5\n","rules":[{"kind":"renewal","title":"tab\there"}]}`, false},
		{"a key in capitals", `{"ID":"a"}`, false},
		{"an unknown key", `{"id":"a","owner":"x"}`, false},
		{"a null", `{"id":"a","title":null}`, false},
		{"a repeated key", `{"id":"a","term":{"notice":"3 months"},"term":{"clause":"4"}}`, false},
		{"a repeated rule key", `{"rules":[{"kind":"renewal","kind":"indexation"}]}`, false},
		{"invalid UTF-8", "{\"id\":\"a\xff\"}", false},
		{"a bad date", `{"id":"a","signed":"2024-13-01"}`, false},
		{"a leap day", `{"id":"a","signed":"2024-02-29"}`, true},
		{"a day that never was", `{"id":"a","start":"2023-02-29"}`, false},
		{"a year before the first", `{"id":"a","effective":"0999-12-31"}`, false},
		{"a date with spaces", `{"id":"a","signed":" 2024-03-01 "}`, true},
		{"a date without dashes", `{"id":"a","signed":"2024/03/01"}`, false},
		{"a bad period", `{"term":{"notice":"three months"}}`, false},
		{"a number for a date", `{"signed":20240101}`, false},
		{"a string for a flag", `{"term":{"indefinite":"yes"}}`, false},
		{"text after the object", `{"id":"a"} x`, false},
		{"an unterminated string", `{"id":"a`, false},
		{"a missing comma", `{"id":"a" "title":"b"}`, false},
		{"a trailing comma", `{"id":"a",}`, false},
		{"rules not a list", `{"rules":{}}`, false},
		{"not an object", `[]`, false},
		{"nothing", ``, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			decodeBoth(t, c.text)
			if got := readsDirectly(c.text); got != c.direct {
				t.Errorf("read without encoding/json: %v, want %v", got, c.direct)
			}
		})
	}
}

// storedFacts generates a register of n agreements, stores it and returns
// each agreement's facts as SQLite wrote them.
func storedFacts(t testing.TB, n int) []string {
	t.Helper()
	s := openTemp(t)
	ctx := context.Background()
	var list []*model.Agreement
	for it := range gen.New(gen.Config{Agreements: n, Seed: 11}).All() {
		list = append(list, it.Agreement)
	}
	if err := s.PutAgreements(ctx, list, false); err != nil {
		t.Fatal(err)
	}
	rows, err := s.read.QueryContext(ctx, "SELECT facts FROM agreements")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var texts []string
	for rows.Next() {
		var text string
		if err := rows.Scan(&text); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, text)
	}
	if err := rows.Err(); err != nil || len(texts) != n {
		t.Fatalf("read %d facts (%v), want %d", len(texts), err, n)
	}
	return texts
}

// Every agreement's facts, as SQLite writes them for a generated register,
// are read without encoding/json and decode as encoding/json does.
func TestFactsDecoderReadsStoredFacts(t *testing.T) {
	for _, text := range storedFacts(t, 60) {
		if decodeBoth(t, text); !readsDirectly(text) {
			t.Errorf("handed to encoding/json: %s", text)
		}
	}
}

// Agreements decoded together keep their own rules: one agreement's list
// grown by a caller never writes over the next one's.
func TestFactsDecoderKeepsRulesApart(t *testing.T) {
	texts := []string{
		`{"id":"a","rules":[{"kind":"renewal","clause":"1"},{"kind":"indexation","clause":"2"}]}`,
		`{"id":"b","rules":[{"kind":"payment","clause":"3"}]}`,
	}
	d := newFactsDecoder(texts)
	a, errA := d.decode(texts[0])
	b, errB := d.decode(texts[1])
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	_ = append(a.Rules, model.Rule{Kind: model.DLDataReturn})
	if len(b.Rules) != 1 || b.Rules[0].Kind != "payment" || b.Rules[0].Clause != "3" {
		t.Errorf("b's rules after a's grew: %+v", b.Rules)
	}
	if len(a.Rules) != 2 || a.Rules[1].Clause != "2" {
		t.Errorf("a's rules: %+v", a.Rules)
	}
}

// FuzzFacts checks that the facts decoder always agrees with encoding/json.
func FuzzFacts(f *testing.F) {
	f.Add(`{"id":"centuri-saas","title":"Centuri – SaaS","signed":"2024-03-01","term":{"initial":"36 months","renewal":"12 months","notice":"6 months","clause":"12.2"},"rules":[{"kind":"termination_notice","anchor":"period_end","offset":"6 months","before":true,"clause":"12.2"},{"kind":"indexation","anchor":"yearly","on":"01-01","late_from":"07-01"}]}`)
	f.Add(`{"id":"a","term":{"indefinite":true},"rules":[]}`)
	f.Add(`{"id":"a","title":"\"x\"","signed":""}`)
	f.Add(`{"id":"a","sample_values":["start","rules"]}`)
	f.Fuzz(func(t *testing.T, text string) {
		decodeBoth(t, text)
	})
}

// BenchmarkFactsDecode decodes the stored facts of 500 generated
// agreements with the facts decoder and, for comparison, encoding/json.
func BenchmarkFactsDecode(b *testing.B) {
	texts := storedFacts(b, 500)
	b.Run("reader", func(b *testing.B) {
		for b.Loop() {
			d := newFactsDecoder(texts)
			for _, t := range texts {
				if _, err := d.decode(t); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		for b.Loop() {
			for _, t := range texts {
				var f engineFacts
				if err := json.Unmarshal([]byte(t), &f); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// A skipped string ends at the first quote not escaped: after an even run
// of backslashes, not an odd one.
func TestStringEnd(t *testing.T) {
	for _, tt := range []struct {
		text string
		from int
		want int
	}{
		{`"abc",1`, 1, 4},
		{`""`, 1, 1},
		{`"a\"b"`, 1, 5},
		{`"a\\"b"`, 1, 4},
		{`"a\\\"b"x`, 1, 7},
		{`"\\\\"`, 1, 5},
		{`"open`, 1, 5},
		{`"a\"`, 1, 4},
	} {
		if got := stringEnd(tt.text, tt.from); got != tt.want {
			t.Errorf("stringEnd(%s, %d) = %d, want %d", tt.text, tt.from, got, tt.want)
		}
	}
}
