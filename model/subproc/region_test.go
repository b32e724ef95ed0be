package subproc

import (
	"slices"
	"strings"
	"testing"

	"avtal/model"
)

func TestTableShape(t *testing.T) {
	// ISO 3166-1 assigns 249 alpha-2 codes.
	if len(countries) != 249 {
		t.Fatalf("table has %d countries, want 249", len(countries))
	}
	byRegion := map[Region][]string{}
	for i, c := range countries {
		if len(c.Code) != 2 || strings.ToUpper(c.Code) != c.Code || c.NameEN == "" || c.NameSV == "" {
			t.Errorf("bad entry %+v", c)
		}
		if i > 0 && countries[i-1].Code >= c.Code {
			t.Errorf("%s is out of order or twice", c.Code)
		}
		byRegion[c.Region] = append(byRegion[c.Region], c.Code)
	}
	// 27 member states plus Åland and the six French outermost regions.
	if n := len(byRegion[RegionEU]); n != 34 {
		t.Errorf("EU has %d entries, want 34", n)
	}
	if got := byRegion[RegionEEA]; !slices.Equal(got, []string{"IS", "LI", "NO"}) {
		t.Errorf("EEA outside the EU = %v", got)
	}
	wantAdequacy := []string{"AD", "AR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "US", "UY"}
	if got := byRegion[RegionAdequacy]; !slices.Equal(got, wantAdequacy) {
		t.Errorf("adequacy = %v, want %v", got, wantAdequacy)
	}
}

// Two countries must never share a name, or ParseCountry would pick one at random.
func TestNamesAreUnique(t *testing.T) {
	seen := map[string]string{}
	for _, c := range countries {
		for _, n := range []string{c.NameEN, c.NameSV} {
			if other, ok := seen[fold(n)]; ok && other != c.Code {
				t.Errorf("%q names both %s and %s", n, other, c.Code)
			}
			seen[fold(n)] = c.Code
		}
	}
	for n, code := range aliases {
		if other, ok := seen[fold(n)]; ok && other != code {
			t.Errorf("alias %q names %s, the table says %s", n, code, other)
		}
		if _, ok := byCode()[code]; !ok {
			t.Errorf("alias %q points at unknown code %s", n, code)
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		code   string
		region Region
		err    string
	}{
		{"SE", RegionEU, ""},
		{"se", RegionEU, ""},
		{"NO", RegionEEA, ""},
		{"US", RegionAdequacy, ""},
		{"CN", RegionThird, ""},
		{"AX", RegionEU, ""},    // Åland is Finland
		{"GL", RegionThird, ""}, // Greenland left the EC in 1985
		{"XX", "", `"XX" is not an ISO 3166 country code`},
		{"UK", "", `"UK" is not an ISO 3166 country code`}, // the EU's code, not ISO's
		{"", "", `"" is not an ISO 3166 country code`},
	}
	for _, tt := range tests {
		c, err := Lookup(tt.code)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("Lookup(%q) error = %v, want %q", tt.code, err, tt.err)
			}
			if RegionOf(tt.code) != RegionUnknown {
				t.Errorf("RegionOf(%q) = %s, want unknown", tt.code, RegionOf(tt.code))
			}
			continue
		}
		if err != nil || c.Region != tt.region {
			t.Errorf("Lookup(%q) = %v, %v; want region %s", tt.code, c.Region, err, tt.region)
		}
	}
	if us, _ := Lookup("US"); !strings.Contains(us.Note, "Data Privacy Framework") {
		t.Errorf("US note %q does not name the Data Privacy Framework", us.Note)
	}
	if !RegionEEA.InEEA() || !RegionEU.InEEA() || RegionAdequacy.InEEA() || RegionThird.InEEA() {
		t.Error("InEEA is wrong")
	}
}

func TestParseCountry(t *testing.T) {
	tests := []struct{ in, code, err string }{
		{"SE", "SE", ""},
		{" se ", "SE", ""},
		{"Sverige", "SE", ""},
		{"sweden", "SE", ""},
		{"Norge", "NO", ""},
		{"Irland", "IE", ""},
		{"USA", "US", ""},
		{"United States", "US", ""},
		{"UK", "GB", ""},
		{"Storbritannien", "GB", ""},
		{"EL", "GR", ""},
		{"Republic of Korea", "KR", ""},
		{"Schweiz", "CH", ""},
		{"Côte d’Ivoire", "CI", ""},
		{"Sverge", "", `"Sverge" is not an ISO code — write SE (Sweden)`},
		{"Tyskand", "", `"Tyskand" is not an ISO code — write DE (Germany)`},
		{"XX", "", `"XX" is not an ISO 3166 country code`},
		{"Atlantis", "", `"Atlantis" is not an ISO code or a country name — write the two-letter code, e.g. SE`},
		{"EU", "", `"EU" is not an ISO 3166 country code`},
		{"", "", "no country given — write the two-letter code, e.g. SE"},
	}
	for _, tt := range tests {
		c, err := ParseCountry(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseCountry(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || c.Code != tt.code {
			t.Errorf("ParseCountry(%q) = %q, %v; want %s", tt.in, c.Code, err, tt.code)
		}
	}
}

func TestSubRegion(t *testing.T) {
	tests := []struct {
		country, region string
		want            Region
	}{
		{"SE", "", RegionEU},
		{"NO", "", RegionEEA},
		{"US", "EEA", RegionAdequacy}, // a country says more than a region
		{"", "EEA", RegionEEA},
		{"", "EU", RegionEU},
		{"", "Nordics", RegionUnknown},
		{"", "", RegionUnknown},
	}
	for _, tt := range tests {
		if got := SubRegion(model.SubProcessor{Country: tt.country, Region: tt.region}); got != tt.want {
			t.Errorf("SubRegion(%q, %q) = %s, want %s", tt.country, tt.region, got, tt.want)
		}
	}
}
