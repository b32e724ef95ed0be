package model

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SubStatus is where a sub-processor stands with the customer.
type SubStatus string

// The statuses of a sub-processor.
const (
	SubApproved SubStatus = "approved"
	SubProposed SubStatus = "proposed"
	SubObjected SubStatus = "objected"
	SubRemoved  SubStatus = "removed"
)

// SubStatuses lists every sub-processor status.
var SubStatuses = []SubStatus{SubApproved, SubProposed, SubObjected, SubRemoved}

// SubProcessor is a sub-processor (underbiträde) an agreement names.
type SubProcessor struct {
	Name      string `json:"name" yaml:"name"`
	OrgNumber string `json:"org_number,omitempty" yaml:"org_number,omitempty"`
	Country   string `json:"country,omitempty" yaml:"country,omitempty"` // ISO 3166 alpha-2
	// Region is where it processes data when the agreement names no single
	// country ("EEA", "EU", or a region's own name); see ParseRegion.
	Region        string    `json:"region,omitempty" yaml:"region,omitempty"`
	Purpose       string    `json:"purpose,omitempty" yaml:"purpose,omitempty"`
	Clause        string    `json:"clause,omitempty" yaml:"clause,omitempty"`
	Status        SubStatus `json:"status" yaml:"status"`
	TransferBasis string    `json:"transfer_basis,omitempty" yaml:"transfer_basis,omitempty"`
	Since         Date      `json:"since,omitzero" yaml:"since,omitempty"`
}

// IndexOfSub finds the entry of subs called name, ignoring case and outer
// spaces; -1 when there is none.
func IndexOfSub(subs []SubProcessor, name string) int {
	for i, s := range subs {
		if strings.EqualFold(strings.TrimSpace(s.Name), strings.TrimSpace(name)) {
			return i
		}
	}
	return -1
}

// CheckSubName refuses name for entry i of subs (i < 0: a new entry) when
// another entry holds it: a register holds one entry per name.
func CheckSubName(subs []SubProcessor, i int, name string) error {
	if j := IndexOfSub(subs, name); j >= 0 && j != i {
		return fieldError("name", "sub_exists")
	}
	return nil
}

// PutSub is a hand edit of a register: subs with sp as entry i, or added
// when i < 0, once CheckSubName and Validate accept it. subs is not changed.
func PutSub(subs []SubProcessor, i int, sp SubProcessor) ([]SubProcessor, error) {
	if err := CheckSubName(subs, i, sp.Name); err != nil {
		return nil, err
	}
	if err := sp.Validate(); err != nil {
		return nil, err
	}
	out := slices.Clone(subs)
	if i < 0 {
		return append(out, sp), nil
	}
	out[i] = sp
	return out, nil
}

// Validate checks the fields of a sub-processor.
func (s *SubProcessor) Validate() error {
	if strings.TrimSpace(s.Name) == "" {
		return fieldError("name", "required")
	}
	if s.Country != "" && (len(s.Country) != 2 || strings.ToUpper(s.Country) != s.Country) {
		return fieldError("country", "country_code", s.Country)
	}
	if err := CheckRegion(s.Region); err != nil {
		return RefusedOn("region", err)
	}
	if !oneOf(s.Status, SubStatuses) {
		return fieldError("status", "one_of", s.Status, join(SubStatuses))
	}
	return nil
}

// The regions ParseRegion knows by name: the transfer check counts both as
// inside, where data needs no transfer basis.
const (
	RegionEU  = "EU"
	RegionEEA = "EEA"
)

// regionNames maps the letters of the names people write for the EU and
// the EEA, in English and Swedish, to the region.
var regionNames = map[string]string{
	"EU": RegionEU, "EUROPEANUNION": RegionEU, "EUROPEISKAUNIONEN": RegionEU,
	"EEA": RegionEEA, "EES": RegionEEA, "EUEEA": RegionEEA, "EUEES": RegionEEA,
	"EUROPEANECONOMICAREA": RegionEEA, "EUROPEISKAEKONOMISKASAMARBETSOMRÅDET": RegionEEA,
}

// maxRegionLen is the longest region name accepted, in characters.
const maxRegionLen = 60

// ParseRegion reads a sub-processor's region as a person, a YAML file or a
// supplier's list writes it: the EU or the EEA by any of their usual names
// ("EES", "EU/EEA", "European Economic Area") gives RegionEU or RegionEEA;
// any other region is kept as written, spaces collapsed, if it is a name
// ("Nordics", "Worldwide") of letters, digits, spaces and - / ( ) , . &.
// A two-letter code is a country and belongs in the country field; "" is
// no region.
func ParseRegion(s string) (string, error) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "", nil
	}
	letters := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return unicode.ToUpper(r)
		}
		return -1
	}, s)
	if r, ok := regionNames[letters]; ok {
		return r, nil
	}
	switch {
	case utf8.RuneCountInString(s) > maxRegionLen:
		return "", Refuse("region_long", "%q is longer than %d characters", s, maxRegionLen)
	case letters == "":
		return "", Refuse("region_none", "%q names no region — write EEA, EU or the region's name", s)
	case utf8.RuneCountInString(s) == 2:
		return "", Refuse("region_code", "%q is a country code — write it as the country, or name the region (EEA, EU)", s)
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(" -/(),.&", r) {
			return "", Refuse("region_char", "%q: %q does not belong in a region's name", s, r)
		}
	}
	return s, nil
}

// CheckRegion checks a region as stored: one ParseRegion reads, written
// the way it writes it ("EEA", not "EES"), so every face finds the same.
func CheckRegion(region string) error {
	r, err := ParseRegion(region)
	if err == nil && r != region {
		err = Refuse("region_written", "%q is written %s", region, r)
	}
	return err
}

// SubPolicy is how an agreement lets the supplier change sub-processors and
// what the customer may do about it.
type SubPolicy struct {
	// AdvanceNotice is how long before a change takes effect the supplier must announce it.
	AdvanceNotice Period `json:"advance_notice,omitzero" yaml:"advance_notice,omitempty"`
	// ObjectionWindow is how long after receiving a notice the customer may object.
	ObjectionWindow Period `json:"objection_window,omitzero" yaml:"objection_window,omitempty"`
	// SilenceAccepts: no objection in time counts as approval.
	SilenceAccepts bool `json:"silence_accepts,omitempty" yaml:"silence_accepts,omitempty"`
	// TerminationNotice is the notice the customer may terminate with after objecting.
	TerminationNotice Period `json:"termination_notice,omitzero" yaml:"termination_notice,omitempty"`
	// SupplierMayTerminate: the supplier may end the agreement when the
	// customer objects and no solution is found (Centuri).
	SupplierMayTerminate bool `json:"supplier_may_terminate,omitempty" yaml:"supplier_may_terminate,omitempty"`
	// OnObjection says in plain words what happens when the customer objects.
	OnObjection string `json:"on_objection,omitempty" yaml:"on_objection,omitempty"`
	Clause      string `json:"clause,omitempty" yaml:"clause,omitempty"`
	// ListURL is set when the list of sub-processors lives outside the agreement.
	ListURL     string `json:"list_url,omitempty" yaml:"list_url,omitempty"`
	ListChecked Date   `json:"list_checked,omitzero" yaml:"list_checked,omitempty"`
	// TransferBasis is the legal basis the DPA names for third-country transfers.
	TransferBasis string `json:"transfer_basis,omitempty" yaml:"transfer_basis,omitempty"`
	// ProcessingRegion is where the DPA says processing happens ("EEA", "SE").
	ProcessingRegion string `json:"processing_region,omitempty" yaml:"processing_region,omitempty"`
}
