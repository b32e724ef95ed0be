package cli

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"avtal/model"
)

func TestWriteJSONIsEncodingAtOnce(t *testing.T) {
	type item struct {
		Name  string            `json:"name"`
		Date  model.Date        `json:"date"`
		Tags  []string          `json:"tags"`
		Extra map[string]int    `json:"extra,omitempty"`
		Next  *item             `json:"next,omitempty"`
		Notes map[string]string `json:"notes"`
	}
	one := item{Name: "Centuri <SaaS> & co", Date: model.MustDate(2026, 9, 30), Tags: []string{"a", "b"}, Notes: map[string]string{}}
	cases := map[string]any{
		"nil list":   []item(nil),
		"empty list": []item{},
		"one":        []item{one},
		"several":    []item{one, {Name: "b", Next: &one, Extra: map[string]int{"x": 1}}, {}},
		"strings":    []string{"a", "\"b\"", "\u2028"},
		"nested":     [][]int{{1, 2}, {}, nil},
		"bytes":      []byte("avtal"),
		"an object":  one,
		"a number":   42,
	}
	for name, v := range cases {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		if err := writeJSON(&got, v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got.String() != want.String() {
			t.Errorf("%s:\n%s\nwant\n%s", name, got.String(), want.String())
		}
	}
}

// A list inside an object, written item by item between the text around
// it (as `avtal search --json` streams its hits), is the object encoded at
// once.
func TestJSONArrayInsideAnObjectIsEncodingAtOnce(t *testing.T) {
	type hit struct {
		Rank  int      `json:"rank"`
		Marks []string `json:"marks"`
	}
	type result struct {
		Query   string   `json:"query"`
		Results []hit    `json:"results"`
		Ignored []string `json:"ignored"`
		More    bool     `json:"more"`
	}
	for name, r := range map[string]result{
		"no hits":  {Query: "x \"results\": []", Results: []hit{}, Ignored: []string{}},
		"one hit":  {Query: "<ab>", Results: []hit{{1, []string{}}}, Ignored: []string{"ab"}, More: true},
		"two hits": {Query: "avtal", Results: []hit{{1, []string{"a"}}, {2, nil}}, Ignored: []string{}},
	} {
		var want, got bytes.Buffer
		if err := writeJSON(&want, r); err != nil {
			t.Fatal(err)
		}
		hits := r.Results
		r.Results = []hit{}
		before, after, err := jsonObjectAround(r, "results")
		if err != nil {
			t.Fatal(err)
		}
		arr := newJSONArray(&got)
		arr.indent = "  "
		arr.write(before)
		for _, h := range hits {
			arr.add(h)
			arr.flush()
		}
		arr.end()
		arr.write(after)
		if err := arr.flush(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s:\n%s\nwant\n%s", name, got.String(), want.String())
		}
	}
}

// Characters a terminal acts on are escaped in JSON, whole even when a
// write cuts one in two, so the data survives and nothing raw is written.
func TestJSONEscapesWhatATerminalObeys(t *testing.T) {
	in := "{\"a\":\"x\u202ey\u200b\u007f\u0085z\U000E0041 åäö\"}\n"
	for cut := range len(in) + 1 {
		var out strings.Builder
		e := &jsonEscaper{w: &out}
		e.Write([]byte(in[:cut]))
		e.Write([]byte(in[cut:]))
		want := `{"a":"x\u202ey\u200b\u007f\u0085z\udb40\udc41 åäö"}` + "\n"
		if out.String() != want {
			t.Fatalf("cut at %d: %q, want %q", cut, out.String(), want)
		}
	}
}

// A list item writes the text encoding/json gives it, with every field
// filled or left out, and with strings encoding/json escapes or replaces.
func TestListItemIsEncodingJSONs(t *testing.T) {
	texts := []string{"Avtal – Åhléns", "plain", "", "<b> & \"q\" \\", "line\nbreak\x01", "\u2028\u2029", "bad \xff utf-8", "\x1b[31m", "\u202e", "😀"}
	var items []listItem
	for i, s := range texts {
		full := listItem{}
		fill(t, reflect.ValueOf(&full).Elem(), s, i)
		items = append(items, full, listItem{ID: s, Title: s, Kind: model.Kind(s), Status: model.Status(s), Supplier: s})
	}
	for _, it := range items {
		for _, prefix := range []string{"", "  ", "    "} {
			want, err := json.MarshalIndent(it, prefix, "  ")
			if err != nil {
				t.Fatal(err)
			}
			if got := it.appendIndentedJSON([]byte("x"), prefix); string(got) != "x"+string(want) {
				t.Errorf("prefix %q:\n%s\nwant\n%s", prefix, got[1:], want)
			}
		}
	}
}

// fill sets every field of v, and of the structs it holds, to s (a date
// to one i days after a day, a list of strings to s and i, a pointer to a
// filled value): a field added to listItem is written too.
func fill(t *testing.T, v reflect.Value, s string, i int) {
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[model.Date]() {
			v.Set(reflect.ValueOf(model.MustDate(2026, 1, 1).AddDays(i)))
			return
		}
		for f := range v.NumField() {
			fill(t, v.Field(f), s, i)
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem(), s, i)
	case reflect.String:
		v.SetString(s)
	case reflect.Slice:
		v.Set(reflect.ValueOf([]string{s, strconv.Itoa(i)}))
	default:
		t.Fatalf("fill cannot fill a %s", v.Type())
	}
}
