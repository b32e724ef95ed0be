package model

import (
	"errors"
	"strings"
	"testing"
)

func TestParseRegion(t *testing.T) {
	tests := []struct {
		in, want string
		err      string // part of the error; "" when it reads
	}{
		{"", "", ""},
		{"  ", "", ""},
		{"EEA", "EEA", ""},
		{"ees", "EEA", ""},
		{"EU/EEA", "EEA", ""},
		{"EU / EES", "EEA", ""},
		{"European Economic Area", "EEA", ""},
		{"Europeiska ekonomiska samarbetsområdet", "EEA", ""},
		{"eu", "EU", ""},
		{"Europeiska unionen", "EU", ""},
		{"  Nordics   and  Baltics ", "Nordics and Baltics", ""},
		{"Worldwide (follow-the-sun)", "Worldwide (follow-the-sun)", ""},
		{"SE", "", "country code"},
		{"us", "", "country code"},
		{"--/", "", "names no region"},
		{"EEA; US", "", `';'`},
		{strings.Repeat("Norden ", 10), "", "longer than 60"},
	}
	for _, tt := range tests {
		got, err := ParseRegion(tt.in)
		switch {
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("ParseRegion(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("ParseRegion(%q) = %q, %v; want an error with %q", tt.in, got, err, tt.err)
		}
	}
}

// TestSubProcessorRegion checks that a stored sub-processor holds its
// region as ParseRegion writes it, so every face reads the same value.
func TestSubProcessorRegion(t *testing.T) {
	for _, tt := range []struct {
		region string
		ok     bool
	}{{"EEA", true}, {"", true}, {"Nordics", true}, {"EES", false}, {"SE", false}} {
		s := SubProcessor{Name: "Molnet AB", Region: tt.region, Status: SubApproved}
		err := s.Validate()
		var fe *FieldError
		if tt.ok != (err == nil) || err != nil && (!errors.As(err, &fe) || fe.Field != "region") {
			t.Errorf("region %q: %v", tt.region, err)
		}
	}
}

func TestPutSubKeepsOneEntryPerName(t *testing.T) {
	subs := []SubProcessor{
		{Name: "Acme Backup AB", Status: SubApproved},
		{Name: "Nordmail", Status: SubRemoved},
	}
	tests := []struct {
		i      int
		sp     SubProcessor
		want   []string // the names after, or nil when refused
		refuse string   // the refusal's key or field
	}{
		{-1, SubProcessor{Name: "Cloudy Oy", Status: SubProposed}, []string{"Acme Backup AB", "Nordmail", "Cloudy Oy"}, ""},
		{-1, SubProcessor{Name: " acme backup ab ", Status: SubApproved}, nil, "sub_exists"},
		{-1, SubProcessor{Name: "NORDMAIL", Status: SubApproved}, nil, "sub_exists"}, // a removed entry keeps its name
		{0, SubProcessor{Name: "ACME Backup AB", Status: SubObjected}, []string{"ACME Backup AB", "Nordmail"}, ""},
		{0, SubProcessor{Name: "Nordmail", Status: SubApproved}, nil, "sub_exists"},
		{1, SubProcessor{Name: "Nordmail Sverige", Status: SubApproved}, []string{"Acme Backup AB", "Nordmail Sverige"}, ""},
		{-1, SubProcessor{Name: "  ", Status: SubApproved}, nil, "name"},
		{-1, SubProcessor{Name: "Cloudy Oy", Status: "paused"}, nil, "status"},
	}
	for _, tt := range tests {
		got, err := PutSub(subs, tt.i, tt.sp)
		var fe *FieldError
		switch {
		case tt.refuse != "" && (!errors.As(err, &fe) || (fe.Key != tt.refuse && fe.Field != tt.refuse)):
			t.Errorf("PutSub(%d, %q): %v, want refused by %s", tt.i, tt.sp.Name, err, tt.refuse)
		case tt.refuse == "" && err != nil:
			t.Errorf("PutSub(%d, %q): %v", tt.i, tt.sp.Name, err)
		case tt.refuse == "":
			var names []string
			for _, s := range got {
				names = append(names, s.Name)
			}
			if strings.Join(names, "|") != strings.Join(tt.want, "|") {
				t.Errorf("PutSub(%d, %q) = %v, want %v", tt.i, tt.sp.Name, names, tt.want)
			}
		}
	}
	if subs[0].Name != "Acme Backup AB" || len(subs) != 2 {
		t.Errorf("PutSub changed the register it was given: %+v", subs)
	}
}
