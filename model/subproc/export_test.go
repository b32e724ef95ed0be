package subproc

import (
	"bytes"
	"slices"
	"testing"

	"avtal/model"
)

func TestWriteCSVRoundTrip(t *testing.T) {
	subs := register()
	odd := sub(`Acme "Cloud", Inc`, "US", "")
	odd.Purpose = "Support; tier 2"
	eea := model.SubProcessor{Name: "Azure", Region: model.RegionEEA, Purpose: "Hosting", Status: model.SubApproved}
	subs = append(subs, odd, eea)

	var buf bytes.Buffer
	if err := WriteCSV(&buf, RowsOf(subs)); err != nil {
		t.Fatal(err)
	}
	want := "name,org_number,country,region,purpose\n" +
		"FourEdge AB,556726-8106,SE,,Data-centre operations\n" +
		"Microsoft Sverige AS,,SE,,Hosting\n" +
		"Sinch AB,,SE,,E-mail\n" +
		"\"Acme \"\"Cloud\"\", Inc\",,US,,Support; tier 2\n" + // removed Old Host AS left out
		"Azure,,,EEA,Hosting\n"
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

// A cell that a spreadsheet would run as a formula (=, +, -, @, or a
// leading tab or carriage return) is written with an apostrophe in front
// (OWASP, CSV injection), and reading the export drops it again.
func TestWriteCSVGuardsFormulas(t *testing.T) {
	rows := []Row{
		{Name: "=HYPERLINK(\"http://x.test\",\"Hi\")", OrgNumber: "+46 8 123", Country: "SE", Purpose: "-tier 2"},
		{Name: "@SUM(1+1)", Country: "NO", Purpose: "\tsupport"},
		{Name: "'=quoted already", Country: "DK", Purpose: "'s-Hertogenbosch office"},
		{Name: "Plain AB", OrgNumber: "556726-8106", Country: "FI", Purpose: "a=b, c+d"},
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, rows); err != nil {
		t.Fatal(err)
	}
	// By hand: one apostrophe before every cell starting with = + - @ or a
	// tab; "'=quoted already" starts with an apostrophe and then =, so it
	// gets a second one (or reading back would drop its own); an apostrophe
	// before a letter, and = + inside a cell, are left alone. encoding/csv
	// quotes cells holding a quote, a comma or a leading space only.
	want := "name,org_number,country,region,purpose\n" +
		"\"'=HYPERLINK(\"\"http://x.test\"\",\"\"Hi\"\")\",'+46 8 123,SE,,'-tier 2\n" +
		"'@SUM(1+1),,NO,,'\tsupport\n" +
		"''=quoted already,,DK,,'s-Hertogenbosch office\n" +
		"Plain AB,556726-8106,FI,,\"a=b, c+d\"\n"
	if buf.String() != want {
		t.Errorf("CSV =\n%q\nwant\n%q", buf.String(), want)
	}
	got, err := ParseList(buf.String())
	if err != nil {
		t.Fatal(err)
	}
	// Reading collapses white space, so the tab before "support" goes too.
	rows[1].Purpose = "support"
	if !slices.Equal(got, rows) {
		t.Errorf("read back %q\nwant %q", got, rows)
	}
}

// An imported list drops the guarding apostrophe (a supplier's list saved
// from a spreadsheet carries it too), and only that one.
func TestParseListDropsFormulaGuard(t *testing.T) {
	got, err := ParseList("name;country;purpose\n'=Acme;SE;'-ops\n''@Beta;SE;'t Hooft\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []Row{
		{Name: "=Acme", Country: "SE", Purpose: "-ops"},
		{Name: "'@Beta", Country: "SE", Purpose: "'t Hooft"}, // one of two apostrophes; none before a letter
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
