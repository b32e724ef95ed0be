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
