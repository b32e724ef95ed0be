package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strconv"
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
	text, err := json.MarshalIndent(item, a.indent+"  ", "  ")
	if err != nil {
		a.err = err
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
