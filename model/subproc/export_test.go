package subproc

import (
	"bytes"
	"slices"
	"testing"
)

func TestWriteCSVRoundTrip(t *testing.T) {
	subs := register()
	odd := sub(`Acme "Cloud", Inc`, "US", "")
	odd.Purpose = "Support; tier 2"
	subs = append(subs, odd)

	var buf bytes.Buffer
	if err := WriteCSV(&buf, RowsOf(subs)); err != nil {
		t.Fatal(err)
	}
	want := "name,org_number,country,purpose\n" +
		"FourEdge AB,556726-8106,SE,Data-centre operations\n" +
		"Microsoft Sverige AS,,SE,Hosting\n" +
		"Sinch AB,,SE,E-mail\n" +
		"\"Acme \"\"Cloud\"\", Inc\",,US,Support; tier 2\n" // removed Old Host AS left out
	if buf.String() != want {
		t.Errorf("CSV =\n%s\nwant\n%s", buf.String(), want)
	}
	rows, err := ParseList(buf.String())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows, RowsOf(subs)) {
		t.Errorf("read back %+v\nwant %+v", rows, RowsOf(subs))
	}
	if changes := Diff(subs, rows); len(changes) != 0 {
		t.Errorf("the register differs from its own export: %+v", changes)
	}
}
