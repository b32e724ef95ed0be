package subproc

import (
	"strconv"
	"strings"
	"unicode"

	"avtal/model"
)

// FlagKind is the subject of a flag, for filtering.
type FlagKind string

// The kinds of flag.
const (
	FlagTransfer     FlagKind = "transfer"      // data leaves the EU/EEA
	FlagCountry      FlagKind = "country"       // the country is missing or not a code
	FlagInvalidBasis FlagKind = "invalid_basis" // Privacy Shield, Safe Harbor
	FlagShortNotice  FlagKind = "short_notice"  // a notice shorter than the policy requires
	FlagStaleList    FlagKind = "stale_list"    // a list kept elsewhere, not checked lately
	FlagRegion       FlagKind = "region"        // outside the region the DPA allows
)

// Severity is how urgently a flag needs attention.
type Severity string

// The severities, mildest first. Info flags say that something is in order
// and why (an adequacy decision), so a reviewer sees every transfer.
const (
	SeverityInfo     Severity = "info"
	SeverityWarning  Severity = "warning"
	SeverityCritical Severity = "critical"
)

// The message keys of flags. The UI translates a key with its params;
// Message gives the English text.
const (
	KeyNoBasis          = "transfer.no_basis"
	KeyBasisStated      = "transfer.basis_stated"
	KeyBasisUnknown     = "transfer.basis_unknown"
	KeyOutsideRegion    = "region.outside"
	KeyAdequacy         = "transfer.adequacy"
	KeyDPF              = "transfer.us_dpf"
	KeyDPFMissing       = "transfer.us_dpf_missing"
	KeyCountryMissing   = "country.missing"
	KeyRegionUnknown    = "region.unknown"
	KeyRegionUnclear    = "region.unclear"
	KeyCountryUnknown   = "country.unknown"
	KeyInvalidBasis     = "basis.invalid"
	KeyInvalidBasisSub  = "basis.invalid_sub"
	KeyShortNotice      = "notice.too_short"
	KeyListNeverChecked = "list.never_checked"
	KeyListStale        = "list.stale"
)

var messages = map[string]string{
	KeyNoBasis:          "{sub}: {country_name} is a third country and no transfer basis is stated",
	KeyBasisStated:      "{sub}: {country_name} is a third country; transfer basis: {basis}",
	KeyBasisUnknown:     "{sub}: {country_name} is a third country and \"{basis}\" is no recognised transfer basis (an adequacy decision, the EU-US Data Privacy Framework for certified organisations, SCCs 2021/914, BCRs or GDPR art. 49)",
	KeyOutsideRegion:    "{sub}: {country_name} is outside where the DPA allows processing ({region})",
	KeyAdequacy:         "{sub}: {country_name} has an EU adequacy decision, no other transfer basis is needed",
	KeyDPF:              "{sub}: United States under the EU-US Data Privacy Framework; check that the certification is active",
	KeyDPFMissing:       "{sub}: the United States is adequate only for organisations certified under the EU-US Data Privacy Framework; note the certification or another transfer basis",
	KeyCountryMissing:   "{sub}: no country or region stated, so it is unknown whether data leaves the EU/EEA — check",
	KeyRegionUnknown:    "{sub}: processes data in {sub_region}, which may be inside or outside the EU/EEA — check",
	KeyRegionUnclear:    "{sub}: processes data somewhere in the {sub_region}; the DPA allows {region} only — check where",
	KeyCountryUnknown:   "{sub}: {country} is not an ISO 3166 country code",
	KeyInvalidBasis:     "The DPA names {basis} as a transfer basis; the CJEU invalidated it in {ruling} on {date}",
	KeyInvalidBasisSub:  "{sub}: transfer basis {basis} was invalidated by the CJEU in {ruling} on {date}",
	KeyShortNotice:      "{sub}: notice received {received} for a change on {effective}; notice of {required} required, so not before {earliest}",
	KeyListNeverChecked: "The sub-processor list at {url} has never been checked",
	KeyListStale:        "The sub-processor list at {url} was last checked {checked}, {days} days ago (limit {max_days})",
}

// Flag is something a reviewer should look at, as data: the UI picks words
// for Key and fills them with Params.
type Flag struct {
	Kind        FlagKind          `json:"kind"`
	Severity    Severity          `json:"severity"`
	AgreementID string            `json:"agreement_id"`
	Sub         string            `json:"subprocessor,omitempty"` // "" for the agreement as a whole
	Key         string            `json:"key"`
	Params      map[string]string `json:"params,omitempty"`
}

// Message returns the flag in English. A "note" param (the limits of an
// adequacy decision) is added after a dash.
func (f Flag) Message() string {
	pairs := make([]string, 0, 2*len(f.Params))
	for k, v := range f.Params {
		pairs = append(pairs, "{"+k+"}", v)
	}
	// One pass, so a value that looks like "{country}" stays as written.
	msg := strings.NewReplacer(pairs...).Replace(messages[f.Key])
	if note := f.Params["note"]; note != "" {
		msg += " — " + note
	}
	return msg
}

// DefaultListMaxAge is how many days a list kept elsewhere may go
// unchecked before it is flagged.
const DefaultListMaxAge = 90

// CheckOptions are the inputs of Check besides the agreement.
type CheckOptions struct {
	// Today is the day of the check; when zero, list age is not checked
	// (a list never checked is still flagged).
	Today model.Date
	// ListMaxAge is the days a list kept elsewhere may go unchecked;
	// 0 means DefaultListMaxAge.
	ListMaxAge int
}

// Check returns the flags of one agreement: its invalid transfer basis, the
// transfers of its sub-processors (removed ones left out) and of those its
// add and replace notices bring in, add and replace notices shorter than the
// policy requires, and a list kept elsewhere that is not checked.
func Check(a *model.Agreement, notices []Notice, opt CheckOptions) []Flag {
	var flags []Flag
	p := a.SubPolicy
	if p != nil {
		if inv, ok := findInvalidBasis(p.TransferBasis); ok {
			flags = append(flags, inv.flag(a.ID, ""))
		}
	}
	listed := map[string]bool{}
	for _, s := range a.Subs {
		listed[nameKey(s.Name)] = true
		if s.Status != model.SubRemoved {
			flags = append(flags, subFlags(a.ID, p, s)...)
		}
	}
	for _, n := range notices {
		if n.Change == ChangeRemove {
			continue
		}
		if !listed[nameKey(n.Sub.Name)] {
			flags = append(flags, subFlags(a.ID, p, n.Sub)...)
		}
		if as := Evaluate(p, n); as.SufficientNotice == NoticeInsufficient {
			flags = append(flags, Flag{Kind: FlagShortNotice, Severity: SeverityWarning, AgreementID: a.ID, Sub: n.Sub.Name, Key: KeyShortNotice,
				Params: map[string]string{"sub": n.Sub.Name, "received": as.Received.String(), "effective": as.Effective.String(),
					"required": as.Required.String(), "earliest": as.EarliestEffective.String(), "given": as.Given.String()}})
		}
	}
	if p != nil && p.ListURL != "" {
		if f, ok := listFlag(a.ID, p, opt); ok {
			flags = append(flags, f)
		}
	}
	return flags
}

// listFlag flags a list kept elsewhere that was never checked or not for
// more than the allowed days.
func listFlag(agreementID string, p *model.SubPolicy, opt CheckOptions) (Flag, bool) {
	maxAge := opt.ListMaxAge
	if maxAge <= 0 {
		maxAge = DefaultListMaxAge
	}
	f := Flag{Kind: FlagStaleList, Severity: SeverityWarning, AgreementID: agreementID, Params: map[string]string{"url": p.ListURL}}
	if p.ListChecked.IsZero() {
		f.Key = KeyListNeverChecked
		return f, true
	}
	if opt.Today.IsZero() {
		return Flag{}, false
	}
	days := p.ListChecked.DaysUntil(opt.Today)
	if days <= maxAge {
		return Flag{}, false
	}
	f.Key = KeyListStale
	f.Params["checked"] = p.ListChecked.String()
	f.Params["days"] = strconv.Itoa(days)
	f.Params["max_days"] = strconv.Itoa(maxAge)
	return f, true
}

// subFlags returns the transfer flags of one sub-processor under a policy
// (nil when it has none): a red flag when it is outside the region the DPA
// allows, and for a third country the basis of the transfer. An EU/EEA
// sub-processor inside the allowed region gets none.
func subFlags(agreementID string, p *model.SubPolicy, s model.SubProcessor) []Flag {
	if inv, ok := findInvalidBasis(s.TransferBasis); ok {
		return []Flag{inv.flag(agreementID, s.Name)}
	}
	f := Flag{Kind: FlagTransfer, Severity: SeverityInfo, AgreementID: agreementID, Sub: s.Name,
		Params: map[string]string{"sub": s.Name, "country": s.Country}}
	if s.Country == "" {
		return regionFlags(agreementID, p, s)
	}
	c, err := Lookup(s.Country)
	if err != nil {
		f.Kind, f.Severity, f.Key = FlagCountry, SeverityWarning, KeyCountryUnknown
		return []Flag{f}
	}
	var out []Flag
	if p != nil && outsideRegion(p.ProcessingRegion, c) {
		out = append(out, Flag{Kind: FlagRegion, Severity: SeverityCritical, AgreementID: agreementID, Sub: s.Name, Key: KeyOutsideRegion,
			Params: map[string]string{"sub": s.Name, "country": s.Country, "country_name": c.NameEN, "region": p.ProcessingRegion}})
	}
	if c.Region.InEEA() {
		return out
	}
	f.Params["country_name"] = c.NameEN
	basis := transferBasis(p, s)
	known := recognisedBasis(basis, c)
	switch {
	case c.Code == "US" && known == basisDPF:
		f.Key = KeyDPF
	case known != "":
		f.Key = KeyBasisStated
		f.Params["basis"] = basis
	case basis != "":
		f.Severity, f.Key = SeverityWarning, KeyBasisUnknown
		f.Params["basis"] = basis
	case c.Code == "US":
		f.Severity, f.Key = SeverityWarning, KeyDPFMissing
	case c.Region == RegionAdequacy:
		f.Key = KeyAdequacy
		if c.Note != "" {
			f.Params["note"] = c.Note
		}
	default:
		f.Severity, f.Key = SeverityWarning, KeyNoBasis
	}
	return append(out, f)
}

// regionFlags are the flags of a sub-processor that names no country: none
// for the EU or the EEA inside the region the DPA allows, a warning to check
// where when the DPA allows less than the region it names (the EU, one
// country), and "unknown — check" for any other region or none.
func regionFlags(agreementID string, p *model.SubPolicy, s model.SubProcessor) []Flag {
	f := Flag{Kind: FlagCountry, Severity: SeverityWarning, AgreementID: agreementID, Sub: s.Name,
		Params: map[string]string{"sub": s.Name, "sub_region": s.Region}}
	switch {
	case s.Region == "":
		f.Key = KeyCountryMissing
	case !SubRegion(s).InEEA():
		f.Key = KeyRegionUnknown
	case p != nil && !allowsRegion(p.ProcessingRegion, s.Region):
		f.Kind, f.Key = FlagRegion, KeyRegionUnclear
		f.Params["region"] = p.ProcessingRegion
	default:
		return nil
	}
	return []Flag{f}
}

// allowsRegion reports whether all of region (the EU or the EEA) is where
// a DPA allows processing. A DPA's region Avtal cannot read is not checked.
func allowsRegion(allowed, region string) bool {
	switch a, _ := model.ParseRegion(allowed); {
	case a == model.RegionEEA:
		return true
	case a == model.RegionEU:
		return region == model.RegionEU
	}
	_, err := Lookup(strings.TrimSpace(allowed))
	return err != nil
}

// The transfer bases GDPR chapter V knows, as recognisedBasis names them.
const (
	basisAdequacy = "adequacy" // an adequacy decision, art. 45
	basisDPF      = "dpf"      // the EU-US Data Privacy Framework, certified organisations only
	basisSCC      = "scc"      // standard contractual clauses, decision 2021/914
	basisBCR      = "bcr"      // binding corporate rules, art. 47
	basisArt49    = "art49"    // a derogation for a specific situation, art. 49
)

// basisWords are the letters-only spellings of each basis, English and
// Swedish. A text naming none of them ("none needed – processing stays in
// the EEA") is no basis for a transfer, however it reads.
var basisWords = []struct {
	basis string
	words []string
}{
	{basisDPF, []string{"dataprivacyframework"}},
	{basisSCC, []string{"standardcontractualclauses", "standardavtalsklausuler", "standardklausuler", "scc", "sccs"}},
	{basisBCR, []string{"bindingcorporaterules", "bindandeföretagsbestämmelser", "bcr"}},
	{basisArt49, []string{"article49", "art49", "artikel49"}},
	{basisAdequacy, []string{"adequacy", "adekvat"}},
}

// recognisedBasis names the GDPR transfer basis a text states for a
// transfer to country c, or "" when it states none that applies: an
// adequacy decision only where c has one, the Data Privacy Framework only
// for the United States. "2021/914" (the SCC decision) counts as SCCs.
// Short forms (SCC, BCR) count as words of their own only.
func recognisedBasis(text string, c Country) string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	compact := strings.Join(words, "")
	switch {
	case len(words) == 0:
		return ""
	case isDPF(text) && c.Code == "US":
		return basisDPF
	case isDPF(text):
		return ""
	case strings.Contains(compact, "2021914"):
		return basisSCC
	}
	for _, b := range basisWords {
		for _, w := range b.words {
			if len(w) <= 4 && !oneOf(w, words) || len(w) > 4 && !strings.Contains(compact, w) {
				continue
			}
			if b.basis == basisAdequacy && c.Region != RegionAdequacy {
				return ""
			}
			return b.basis
		}
	}
	return ""
}

// outsideRegion reports whether country c is outside where a DPA allows
// processing: the EEA or the EU by any name model.ParseRegion reads ("EES",
// "EU/EEA"), or one country's code. A region Avtal cannot read is not
// checked.
func outsideRegion(allowed string, c Country) bool {
	switch r, _ := model.ParseRegion(allowed); r {
	case model.RegionEEA:
		return !c.Region.InEEA()
	case model.RegionEU:
		return c.Region != RegionEU
	}
	if only, err := Lookup(strings.TrimSpace(allowed)); err == nil {
		return c.Code != only.Code
	}
	return false
}

// transferBasis is the sub-processor's own basis, or the agreement's when
// the sub-processor states none and the agreement's is not invalid.
func transferBasis(p *model.SubPolicy, s model.SubProcessor) string {
	if b := strings.TrimSpace(s.TransferBasis); b != "" {
		return b
	}
	if p == nil {
		return ""
	}
	if _, invalid := findInvalidBasis(p.TransferBasis); invalid {
		return ""
	}
	return strings.TrimSpace(p.TransferBasis)
}

// invalidBasis is a transfer mechanism the CJEU struck down.
type invalidBasis struct {
	spellings []string // letters only, lower case
	name      string
	ruling    string
	date      string
}

var invalidBases = []invalidBasis{
	{[]string{"privacyshield"}, "Privacy Shield", "Schrems II (C-311/18)", "2020-07-16"},
	{[]string{"safeharbor", "safeharbour"}, "Safe Harbor", "Schrems I (C-362/14)", "2015-10-06"},
}

// findInvalidBasis looks for an invalidated mechanism in a transfer basis,
// ignoring case, spaces and punctuation ("Privacy-Shield", "EU–US Privacy
// Shield").
func findInvalidBasis(text string) (invalidBasis, bool) {
	t := lettersOnly(text)
	for _, b := range invalidBases {
		for _, sp := range b.spellings {
			if strings.Contains(t, sp) {
				return b, true
			}
		}
	}
	return invalidBasis{}, false
}

func (b invalidBasis) flag(agreementID, sub string) Flag {
	key := KeyInvalidBasis
	if sub != "" {
		key = KeyInvalidBasisSub
	}
	return Flag{Kind: FlagInvalidBasis, Severity: SeverityCritical, AgreementID: agreementID, Sub: sub, Key: key,
		Params: map[string]string{"sub": sub, "basis": b.name, "ruling": b.ruling, "date": b.date}}
}

// isDPF reports whether a transfer basis names the EU-US Data Privacy
// Framework.
func isDPF(basis string) bool {
	if strings.Contains(lettersOnly(basis), "dataprivacyframework") {
		return true
	}
	words := strings.FieldsFunc(strings.ToLower(basis), func(r rune) bool { return !unicode.IsLetter(r) })
	return oneOf("dpf", words)
}

// lettersOnly keeps the letters of s in lower case, so spellings with
// spaces, dashes or dots compare equal.
func lettersOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}
