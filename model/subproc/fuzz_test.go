package subproc

import (
	"bytes"
	"slices"
	"testing"
)

// FuzzParseList checks that no input makes ParseList panic, that an error
// never comes with rows, and that an accepted list reads back the same
// after WriteCSV. The seed corpus is in testdata/fuzz/FuzzParseList.
func FuzzParseList(f *testing.F) {
	f.Fuzz(func(t *testing.T, text string) {
		rows, err := ParseList(text)
		if err != nil {
			if rows != nil {
				t.Fatalf("error %v came with rows %+v", err, rows)
			}
			return
		}
		var buf bytes.Buffer
		if err := WriteCSV(&buf, rows); err != nil {
			t.Fatalf("WriteCSV: %v", err)
		}
		again, err := ParseList(buf.String())
		if err != nil {
			t.Fatalf("cannot read back %q: %v", buf.String(), err)
		}
		if !slices.Equal(rows, again) {
			t.Fatalf("round trip changed the rows:\n%+v\n%+v", rows, again)
		}
	})
}
