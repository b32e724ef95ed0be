package subproc

import (
	"slices"
	"testing"
)

func TestParseList(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Row
	}{
		{
			name: "CSV with quotes",
			in: "name,org_number,country,purpose\n" +
				"\"Acme, Inc\",,US,\"Support \"\"tier 2\"\"\"\n" +
				"FourEdge AB, 556726-8106 ,SE,Data-centre operations\n",
			want: []Row{
				{Name: "Acme, Inc", Country: "US", Purpose: `Support "tier 2"`},
				{Name: "FourEdge AB", OrgNumber: "556726-8106", Country: "SE", Purpose: "Data-centre operations"},
			},
		},
		{
			name: "Swedish headers, semicolons, country names",
			in: "Namn;Organisationsnummer;Land;Ändamål\n" +
				"FourEdge AB;556726-8106;Sverige;Drift av datacenter\n" +
				"Microsoft Ireland Operations Ltd;;Irland;Drift av molntjänst\n" +
				"Fjord AS;;Norge;E-post\n" +
				"Acme Inc;;USA;Support\n",
			want: []Row{
				{Name: "FourEdge AB", OrgNumber: "556726-8106", Country: "SE", Purpose: "Drift av datacenter"},
				{Name: "Microsoft Ireland Operations Ltd", Country: "IE", Purpose: "Drift av molntjänst"},
				{Name: "Fjord AS", Country: "NO", Purpose: "E-post"},
				{Name: "Acme Inc", Country: "US", Purpose: "Support"},
			},
		},
		{
			name: "tab-separated paste with BOM, CRLF, an unknown column and a stray quote",
			in: "\uFEFFSub-processor\tWebsite\tCountry\tPurpose\r\n" +
				"Acme \"Cloud\" Inc\thttps://acme.example\tus\tHosting\r\n" +
				"Initech\t\tIN\t\r\n",
			want: []Row{
				{Name: `Acme "Cloud" Inc`, Country: "US", Purpose: "Hosting"},
				{Name: "Initech", Country: "IN"},
			},
		},
		{
			name: "pipe table with a rule and blank lines",
			in:   "\n| Name | Country | Syfte |\n|------|:-------:|-------|\n\n| Sinch AB | SE | E-post |\n|  Hooli |  Japan  | |\n",
			want: []Row{
				{Name: "Sinch AB", Country: "SE", Purpose: "E-post"},
				{Name: "Hooli", Country: "JP"},
			},
		},
		{
			name: "multi-line cell becomes one line; blank rows skipped",
			in:   "name,country,purpose\n\"Acme\n  Inc\",US,\"a\n\nb\"\n,,\n",
			want: []Row{{Name: "Acme Inc", Country: "US", Purpose: "a b"}},
		},
		{
			// Pureservice's appendix puts "EES" in its country column.
			name: "regions in the country column or their own",
			in:   "namn;land;region\nAzure;EES;\nMailgun;;EU/EEA\nNorr AB;SE;Nordics\nSkandia AB;;Norden",
			want: []Row{{Name: "Azure", Region: "EEA"}, {Name: "Mailgun", Region: "EEA"}, {Name: "Norr AB", Country: "SE", Region: "Nordics"},
				{Name: "Skandia AB", Region: "Norden"}},
		},
		{
			name: "header only: the supplier uses no sub-processors",
			in:   "name;country\n",
			want: []Row{},
		},
	}
	for _, tt := range tests {
		got, err := ParseList(tt.in)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got == nil || !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestParseListErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", " \n\n", "the list is empty — the first row must name the columns: name, country, purpose, org number"},
		{"misspelt country", "name,country\nAcme,SE\nFourEdge AB,Sverge", `row 3, column country: "Sverge" is not an ISO code — write SE (Sweden)`},
		{"unknown code", "namn;land\nAcme;XX", `row 2, column land: "XX" is not an ISO 3166 country code`},
		{"empty country", "name,country\nAcme, ", "row 2, column country: no country or region given — write the two-letter code, e.g. SE, or a region such as EEA"},
		{"a region as a country", "name,country\nAcme,Worldwide", `row 2, column country: "Worldwide" is not an ISO code or a country name — write the two-letter code, e.g. SE`},
		{"a country as a region", "name,country,region\nAcme,,SE", `row 2, column region: "SE" is a country code — write it as the country, or name the region (EEA, EU)`},
		{"empty name", "name,country\n ,SE", "row 2, column name: empty — every sub-processor needs a name"},
		{"missing country column", "namn;ändamål\nAcme;Drift", `row 1: missing required column "country" (or "region")`},
		{"missing name column", "country,purpose\nSE,Hosting", `row 1: missing required column "name"`},
		{"one column", "name country\nAcme SE", "row 1: the header has only one column — separate the columns with , ; tab or |"},
		{"no header", "Acme;SE;Hosting\n", "row 1: the first row must name the columns — found none of name, country, purpose, org number (or namn, land, ändamål, organisationsnummer)"},
		{"mixed delimiters", "name;country,purpose\n", "row 1: the header splits equally on ',' and ';' — use one delimiter"},
		{"two country columns", "name;land;country\nA;SE;SE", `row 1, column country: means country, like column "land" — keep one of them`},
		{"column count", "name;country\nA;SE\nB;SE;extra", "row 3: 3 columns but the header has 2 — check the delimiter (';') and quote values that contain it"},
		{"bare quote", "name,country\nAcme \"X\",SE", `row 2: a value contains a quote (") but does not start with one — quote the whole value and double the inner quote ("")`},
		{"unclosed quote", "name,country\n\"Acme,SE\n", "row 2: a quoted value is not closed, or has text after its closing quote"},
		// Rows count lines of the file, blank ones included, like an editor.
		{"row numbers count blank lines", "\n\nname,country\n\nA,SE\n\nB,XX", `row 7, column country: "XX" is not an ISO 3166 country code`},
	}
	for _, tt := range tests {
		rows, err := ParseList(tt.in)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: error %v\nwant %q", tt.name, err, tt.want)
		}
		if rows != nil {
			t.Errorf("%s: returned rows %+v with the error", tt.name, rows)
		}
		if _, ok := err.(*ListError); !ok {
			t.Errorf("%s: error is %T, want *ListError", tt.name, err)
		}
	}
}
