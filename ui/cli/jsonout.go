package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"unicode/utf8"

	"avtal/model"
)

// writeJSON writes v as indented JSON. A list is written item by item
// (jsonArray), so that a long one is never held whole as text; the text is
// the same as encoding the list at once gives. Characters a terminal would
// act on are escaped (jsonEscaper).
func writeJSON(w io.Writer, v any) error {
	list := reflect.ValueOf(v)
	if list.Kind() != reflect.Slice || list.Len() == 0 || list.Type().Elem().Kind() == reflect.Uint8 {
		enc := json.NewEncoder(&jsonEscaper{w: w})
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	arr := newJSONArray(w)
	for i := range list.Len() {
		arr.add(list.Index(i).Interface())
	}
	return arr.close()
}

// jsonArray writes a JSON array as its items come: "[", each item, then "]"
// at close, in the text encoding the whole list at once gives (an empty one
// is "[]"). A command that reads its rows a page at a time flushes after
// each page, so the first rows reach a pipe before the last are read.
// The array can stand inside an object (jsonObjectAround gives the rest of
// its text): indent is then the indentation of the object's fields.
type jsonArray struct {
	out    *bufio.Writer
	sink   io.Writer // where out goes, after the escaper
	indent string
	n      int
	text   []byte // an indentedJSON item's text, the buffer reused
	err    error
}

func newJSONArray(w io.Writer) *jsonArray {
	return &jsonArray{out: bufio.NewWriter(&jsonEscaper{w: w}), sink: w}
}

// sender is an output that gathers what it is written until told to send
// it on (safeWriter).
type sender interface{ Send() error }

// add writes item; an error stays for close to return.
func (a *jsonArray) add(item any) {
	if a.err != nil {
		return
	}
	var text []byte
	if j, ok := item.(indentedJSON); ok {
		a.text = j.appendIndentedJSON(a.text[:0], a.indent+"  ")
		text = a.text
	} else if text, a.err = json.MarshalIndent(item, a.indent+"  ", "  "); a.err != nil {
		return
	}
	if a.n == 0 {
		a.out.WriteString("[\n" + a.indent + "  ")
	} else {
		a.out.WriteString(",\n" + a.indent + "  ")
	}
	a.out.Write(text)
	a.n++
}

// write writes text as it is: the object around an array inside one.
func (a *jsonArray) write(text []byte) {
	if a.err == nil {
		a.out.Write(text)
	}
}

// flush sends what was added so far on.
func (a *jsonArray) flush() error {
	if a.err == nil {
		a.err = a.out.Flush()
	}
	if s, ok := a.sink.(sender); ok && a.err == nil {
		a.err = s.Send()
	}
	return a.err
}

// end ends the array.
func (a *jsonArray) end() {
	if a.n == 0 {
		a.write([]byte("[]"))
	} else {
		a.write([]byte("\n" + a.indent + "]"))
	}
}

// close ends the array and flushes it.
func (a *jsonArray) close() error {
	a.end()
	a.write([]byte("\n"))
	return a.flush()
}

// jsonObjectAround returns the text of v, an object, before and after the
// value of its field name, a list that v holds empty; the list itself is
// written between them by a jsonArray, indented as a field.
func jsonObjectAround(v any, name string) (before, after []byte, err error) {
	text, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, nil, err
	}
	field := []byte("\n  " + strconv.Quote(name) + ": ")
	at := bytes.Index(text, append(field, "[]"...))
	if at < 0 {
		return nil, nil, fmt.Errorf("%s is not an empty list of the object", name)
	}
	at += len(field)
	return text[:at], append(text[at+len("[]"):], '\n'), nil
}

// indentedJSON is an item of a long array that writes its own text, the
// text json.MarshalIndent(item, prefix, "  ") gives, without reflection:
// encoding/json was half of `avtal list --json`.
type indentedJSON interface {
	appendIndentedJSON(b []byte, prefix string) []byte
}

// jsonObject appends an object's fields as json.MarshalIndent writes them
// with prefix and an indent of two spaces.
type jsonObject struct {
	b      []byte
	prefix string
	n      int
}

func (o *jsonObject) name(name string) {
	if o.n == 0 {
		o.b = append(o.b, '{')
	} else {
		o.b = append(o.b, ',')
	}
	o.n++
	o.b = append(o.b, '\n')
	o.b = append(o.b, o.prefix...)
	o.b = append(o.b, "  "...)
	o.b = appendJSONString(o.b, name)
	o.b = append(o.b, ": "...)
}

// text adds a field holding a string; omitEmpty leaves an empty one out.
func (o *jsonObject) text(name, v string, omitEmpty bool) {
	if v == "" && omitEmpty {
		return
	}
	o.name(name)
	o.b = appendJSONString(o.b, v)
}

// date adds a field holding a date, none for nil (omitempty).
func (o *jsonObject) date(name string, d *model.Date) {
	if d != nil {
		o.text(name, d.String(), false)
	}
}

// texts adds a field holding a list of strings, none when empty (omitempty).
func (o *jsonObject) texts(name string, v []string) {
	if len(v) == 0 {
		return
	}
	o.name(name)
	o.b = append(o.b, '[')
	for i, s := range v {
		if i > 0 {
			o.b = append(o.b, ',')
		}
		o.b = append(o.b, '\n')
		o.b = append(o.b, o.prefix...)
		o.b = append(o.b, "    "...)
		o.b = appendJSONString(o.b, s)
	}
	o.b = append(o.b, '\n')
	o.b = append(o.b, o.prefix...)
	o.b = append(o.b, "  ]"...)
}

// end ends the object and returns its text.
func (o *jsonObject) end() []byte {
	if o.n == 0 {
		return append(o.b, "{}"...)
	}
	o.b = append(o.b, '\n')
	o.b = append(o.b, o.prefix...)
	return append(o.b, '}')
}

// appendJSONString appends s as encoding/json writes a string: as it is
// when it holds nothing that encoding/json escapes or replaces, else as
// encoding/json writes it.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
				return appendJSONMarshal(b, s)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			return appendJSONMarshal(b, s)
		}
		i += size
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendJSONMarshal(b []byte, s string) []byte {
	text, _ := json.Marshal(s) // a string always encodes
	return append(b, text...)
}
