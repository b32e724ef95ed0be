package cli

import (
	"bufio"
	"encoding/json"
	"io"
	"reflect"
)

// writeJSON writes v as indented JSON. A list is written item by item, so
// that a long one (five years of a large register's deadlines, tens of
// megabytes) is never held whole in memory; the text is the same as
// encoding the list at once gives. Characters a terminal would act on are
// escaped (jsonEscaper).
func writeJSON(w io.Writer, v any) error {
	w = &jsonEscaper{w: w}
	list := reflect.ValueOf(v)
	if list.Kind() != reflect.Slice || list.Len() == 0 || list.Type().Elem().Kind() == reflect.Uint8 {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	out := bufio.NewWriter(w)
	out.WriteString("[\n  ")
	for i := range list.Len() {
		if i > 0 {
			out.WriteString(",\n  ")
		}
		item, err := json.MarshalIndent(list.Index(i).Interface(), "  ", "  ")
		if err != nil {
			return err
		}
		out.Write(item)
	}
	out.WriteString("\n]\n")
	return out.Flush()
}
