package cli

import (
	"bufio"
	"encoding/json"
	"io"
	"reflect"
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
type jsonArray struct {
	out  *bufio.Writer
	sink io.Writer // where out goes, after the escaper
	n    int
	err  error
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
	text, err := json.MarshalIndent(item, "  ", "  ")
	if err != nil {
		a.err = err
		return
	}
	if a.n == 0 {
		a.out.WriteString("[\n  ")
	} else {
		a.out.WriteString(",\n  ")
	}
	a.out.Write(text)
	a.n++
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

// close ends the array and flushes it.
func (a *jsonArray) close() error {
	if a.err != nil {
		return a.err
	}
	if a.n == 0 {
		a.out.WriteString("[]\n")
	} else {
		a.out.WriteString("\n]\n")
	}
	return a.flush()
}
