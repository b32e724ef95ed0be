package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// today is the fixed day of every command here.
var today = time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC)

// slaStore opens a temporary register holding the sample agreements.
func slaStore(t *testing.T) *store.Store {
	t.Helper()
	return tuitest.SampleStore(t)
}

// run runs `avtal sla args…` on st and returns the exit code and outputs.
func runSLA(st *store.Store, args ...string) (int, string, string) {
	return runSLAIn(i18n.EN, st, args...)
}

// runSLAIn runs `avtal sla ARGS` in the language lang.
func runSLAIn(lang i18n.Lang, st *store.Store, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	env := &Env{Store: st, Lang: lang, Stdout: &out, Stderr: &errOut, Now: func() time.Time { return today }}
	code := runOn(context.Background(), env, "sla", args)
	return code, out.String(), errOut.String()
}

// credit is the part of `avtal sla credit --json` the tests read.
type credit struct {
	WindowMinutes   int       `json:"window_minutes"`
	DowntimeMinutes int       `json:"downtime_minutes"`
	UptimePct       float64   `json:"uptime_pct"`
	TargetPct       float64   `json:"target_pct"`
	BelowTarget     bool      `json:"below_target"`
	CreditPct       float64   `json:"credit_pct"`
	CreditAmount    float64   `json:"credit_amount"`
	MonthlyFee      float64   `json:"monthly_fee"`
	FeeBasis        string    `json:"fee_basis"`
	Capped          bool      `json:"capped"`
	Discretionary   bool      `json:"discretionary"`
	ClaimBy         *string   `json:"claim_by"`
	ActBy           *string   `json:"act_by"`
	DaysLeft        *int      `json:"days_left"`
	Tier            *struct{} `json:"tier"`
}

func creditJSON(t *testing.T, st *store.Store, args ...string) credit {
	t.Helper()
	code, out, errOut := runSLA(st, append([]string{"credit", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("sla credit %s: exit %d: %s", strings.Join(args, " "), code, errOut)
	}
	var c credit
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	return c
}

// pureserviceFlags are Pureservice's terms given on the command line.
var pureserviceFlags = []string{"--tiers", "99.5:25,99:50,95:100", "--cap-pct", "100", "--window", "24x7", "--tz", "Europe/Stockholm", "--month", "2026-11", "--fee", "10000"}

func TestCreditPureserviceByHand(t *testing.T) {
	st := slaStore(t)
	// November 2026 has 30 × 1 440 = 43 200 minutes; the fee is 10 000.
	tests := []struct {
		name    string
		extra   []string
		down    int
		uptime  float64
		pct     float64
		amount  float64
		capped  bool
		hasTier bool
	}{
		// 43 200 − 216 = 42 984; 42 984 / 43 200 = 99.5000 %: not below 99.5, no credit.
		{"216 minutes", []string{"--downtime", "2026-11-10T10:00/2026-11-10T13:36"}, 216, 99.5, 0, 0, false, false},
		// 42 983 / 43 200 = 99.49769 → 99.4977 % < 99.5: 25 % of 10 000 = 2 500.
		{"217 minutes", []string{"--downtime", "2026-11-10T10:00/2026-11-10T13:37"}, 217, 99.4977, 25, 2500, false, true},
		// 480 minutes: 42 720 / 43 200 = 98.8889 % < 99: 50 % = 5 000.
		{"8 hours", []string{"--downtime", "2026-11-10T08:00/2026-11-10T16:00"}, 480, 98.8889, 50, 5000, false, true},
		// 2 880 minutes: 40 320 / 43 200 = 93.3333 % < 95: 100 % = 10 000, the cap.
		{"2 days", []string{"--downtime", "2026-11-10T00:00/2026-11-12T00:00"}, 2880, 93.3333, 100, 10000, true, true},
		// 4 hours of planned maintenance on another day add nothing to 217.
		{"217 minutes and 4 h planned", []string{"--downtime", "2026-11-10T10:00/2026-11-10T13:37", "--planned", "2026-11-14T22:00/2026-11-15T02:00"}, 217, 99.4977, 25, 2500, false, true},
		// Two overlapping downtimes are merged: 10:00–13:00 and 12:00–13:37 are 217 minutes once.
		{"overlap merged", []string{"--downtime", "2026-11-10T10:00/2026-11-10T13:00", "--downtime", "2026-11-10T12:00/2026-11-10T13:37"}, 217, 99.4977, 25, 2500, false, true},
	}
	for _, tt := range tests {
		c := creditJSON(t, st, append(append([]string{}, pureserviceFlags...), tt.extra...)...)
		if c.WindowMinutes != 43200 || c.DowntimeMinutes != tt.down || c.UptimePct != tt.uptime || c.CreditPct != tt.pct ||
			c.CreditAmount != tt.amount || c.Capped != tt.capped || (c.Tier != nil) != tt.hasTier || c.Discretionary || c.FeeBasis != "flag" {
			t.Errorf("%s: %+v\nwant window 43200, down %d, uptime %v, credit %v %% = %v, capped %v", tt.name, c, tt.down, tt.uptime, tt.pct, tt.amount, tt.capped)
		}
	}
}

func TestCreditFromTheRegister(t *testing.T) {
	st := slaStore(t)
	// Pureservice's own terms with --fee: claim within 4 weeks of 10 November
	// = 8 December (a Tuesday, so act by the same day), 14 days after the 24th.
	c := creditJSON(t, st, "--agreement", "pureservice", "--month", "2026-11", "--fee", "10000", "--downtime", "2026-11-10T10:00/2026-11-10T13:37")
	if c.UptimePct != 99.4977 || c.CreditAmount != 2500 || c.ClaimBy == nil || *c.ClaimBy != "2026-12-08" || *c.ActBy != "2026-12-08" || *c.DaysLeft != 14 {
		t.Errorf("pureservice with --fee: %+v", c)
	}
	// Without --fee the register's fee counts: 4 500 a month, 25 % = 1 125.
	c = creditJSON(t, st, "--agreement", "pureservice", "--month", "2026-11", "--downtime", "2026-11-10T10:00/2026-11-10T13:37")
	if c.MonthlyFee != 4500 || c.FeeBasis != "monthly" || c.CreditAmount != 1125 {
		t.Errorf("pureservice on its own fee: %+v, want 1 125 of 4 500 a month", c)
	}

	// Centuri, November 2026: 21 weekdays × 9 h = 11 340 minutes. 16:00–19:00
	// counts 16:00–17:00 = 60 minutes: 11 280 / 11 340 = 99.47090 → 99.4709 %,
	// below 99.5 %, and the remedy is discretionary: no fixed credit, no
	// claim date. Its fee of 240 000 a year is 20 000 a month.
	c = creditJSON(t, st, "--agreement", "centuri-saas", "--month", "2026-11", "--downtime", "2026-11-10T16:00/2026-11-10T19:00")
	if c.WindowMinutes != 11340 || c.DowntimeMinutes != 60 || c.UptimePct != 99.4709 || !c.BelowTarget || !c.Discretionary ||
		c.CreditAmount != 0 || c.Tier != nil || c.ClaimBy != nil || c.MonthlyFee != 20000 || c.FeeBasis != "yearly/12" {
		t.Errorf("centuri: %+v", c)
	}
	// The same terms from the flags alone.
	c = creditJSON(t, st, "--window", "mon-fri 08:00-17:00 holidays=SE", "--target", "99.5", "--discretionary", "--month", "2026-11",
		"--fee", "20000", "--downtime", "2026-11-10T16:00/2026-11-10T19:00")
	if c.WindowMinutes != 11340 || c.UptimePct != 99.4709 || !c.Discretionary || !c.BelowTarget {
		t.Errorf("centuri from flags: %+v", c)
	}
	// A preset gives the terms; flags override its fee and tiers.
	c = creditJSON(t, st, "--preset", "pureservice", "--tiers", "99.5:10", "--month", "2026-11", "--fee", "10000", "--downtime", "2026-11-10T10:00/2026-11-10T13:37")
	if c.CreditPct != 10 || c.CreditAmount != 1000 || c.ClaimBy == nil || *c.ClaimBy != "2026-12-08" {
		t.Errorf("preset with tiers overridden: %+v, want 10 %% = 1 000, claim by 2026-12-08", c)
	}
}

func TestCreditSplitsADowntimeAcrossMonths(t *testing.T) {
	st := slaStore(t)
	// 2026-10-31 22:00 → 2026-11-01 02:00: 120 minutes in each month.
	for _, month := range []string{"2026-10", "2026-11"} {
		c := creditJSON(t, st, "--tiers", "99.5:25", "--month", month, "--fee", "1000", "--downtime", "2026-10-31T22:00/2026-11-01T02:00")
		if c.DowntimeMinutes != 120 {
			t.Errorf("%s: %d minutes, want 120", month, c.DowntimeMinutes)
		}
	}
}

func TestRecordedIncidentsCount(t *testing.T) {
	st := slaStore(t)
	code, out, errOut := runSLA(st, "add", "pureservice", "--start", "2026-11-10T10:00", "--end", "2026-11-10T13:37", "--description", "login fails", "--json")
	if code != 0 {
		t.Fatalf("add: exit %d: %s", code, errOut)
	}
	var added struct {
		ID          int64  `json:"id"`
		Start       string `json:"start"`
		Description string `json:"description"`
	}
	if err := json.Unmarshal([]byte(out), &added); err != nil || added.ID == 0 || added.Start != "2026-11-10T10:00:00+01:00" {
		t.Fatalf("add --json: %s (%v)", out, err)
	}
	runSLA(st, "add", "pureservice", "--start", "2026-11-14T22:00", "--end", "2026-11-15T02:00", "--planned")
	runSLA(st, "add", "pureservice", "--start", "2026-11-20T08:00", "--end", "2026-11-20T09:00", "--excluded", "customer's own network")

	// Only the first counts: 217 minutes → 2 500 of 10 000.
	c := creditJSON(t, st, "--agreement", "pureservice", "--month", "2026-11", "--fee", "10000")
	if c.DowntimeMinutes != 217 || c.CreditAmount != 2500 {
		t.Errorf("from the log: %+v, want 217 minutes and 2 500", c)
	}
	// The log lists all three, as recorded, in time order.
	code, out, _ = runSLA(st, "incidents", "pureservice", "--json")
	var log []struct {
		Start         string `json:"start"`
		Planned       bool   `json:"planned"`
		Excluded      bool   `json:"excluded"`
		ExcludeReason string `json:"exclude_reason"`
	}
	if err := json.Unmarshal([]byte(out), &log); code != 0 || err != nil || len(log) != 3 ||
		log[0].Start != "2026-11-10T10:00:00+01:00" || !log[1].Planned || !log[2].Excluded || log[2].ExcludeReason != "customer's own network" {
		t.Errorf("incidents --json: exit %d, %s", code, out)
	}
	if _, out, _ = runSLA(st, "incidents", "pureservice", "--month", "2026-12", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("December: %s, want []", out)
	}
	if _, out, _ = runSLA(st, "incidents", "pureservice"); !strings.Contains(out, "2026-11-10T10:00") || !strings.Contains(out, "excluded: customer's own network") {
		t.Errorf("incidents as text:\n%s", out)
	}
}

func TestCreditText(t *testing.T) {
	st := slaStore(t)
	code, out, _ := runSLA(st, "credit", "--agreement", "pureservice", "--month", "2026-11", "--fee", "10000", "--downtime", "2026-11-10T10:00/2026-11-10T13:37")
	for _, want := range []string{"43200 min", "217 min", "99.4977 % (target 99.5 %, missed)", "2 500 SEK (25 %)", "2026-12-08 (act by 2026-12-08, 14 days left)"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("exit %d, output lacks %q:\n%s", code, want, out)
		}
	}
}

func TestSLAErrors(t *testing.T) {
	st := slaStore(t)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "credit, incidents or add"},
		{[]string{"frob"}, 2, `"frob"`},
		{[]string{"credit", "--fee", "1"}, 2, "--month"},
		{[]string{"credit", "--month", "2026-11"}, 2, "--fee"},
		{[]string{"credit", "--month", "2026-11", "--fee", "1", "--agreement", "pureservice", "--preset", "centuri"}, 2, "not both"},
		{[]string{"credit", "--month", "2026-13", "--fee", "1"}, 1, "--month"},
		{[]string{"credit", "--month", "2026-11", "--fee", "ten"}, 1, "--fee"},
		{[]string{"credit", "--month", "2026-11", "--fee", "-5"}, 1, "--fee: a fee must not be negative"},
		{[]string{"credit", "--month", "2026-11", "--fee", "1", "--tiers", "99.5"}, 1, "--tiers"},
		{[]string{"credit", "--month", "2026-11", "--fee", "1", "--window", "mon-fri"}, 1, "--window"},
		{[]string{"credit", "--month", "2026-11", "--fee", "1", "--tz", "Mars/Olympus"}, 1, "--tz"},
		{[]string{"credit", "--month", "2026-11", "--fee", "1", "--cap-pct", "lots"}, 1, "--cap-pct"},
		{[]string{"credit", "--month", "2026-11", "--fee", "1", "--downtime", "2026-11-10T10:00/2026-11-10T09:00"}, 1, "--downtime: end 2026-11-10T09:00 is before start"},
		{[]string{"credit", "--month", "2026-11", "--fee", "1", "--planned", "2026-02-30T10:00/2026-03-01T09:00"}, 1, "--planned: start: 2026-02-30T10:00 is not a date that exists"},
		{[]string{"credit", "--month", "2026-11", "--agreement", "nope"}, 1, `no agreement with id "nope"`},
		{[]string{"credit", "--month", "2026-11", "--agreement", "cleura-volymavtal"}, 1, "states no SLA terms"},
		{[]string{"add", "pureservice", "--start", "2026-11-10T10:00"}, 2, "--start and --end"},
		{[]string{"add", "--start", "2026-11-10T10:00", "--end", "2026-11-10T11:00"}, 2, "agreement id"},
		{[]string{"add", "pureservice", "--start", "2026-11-10T10:00", "--end", "2026-11-10T09:00"}, 1, "--end: 2026-11-10 09:00 is not after the start"},
		{[]string{"add", "pureservice", "--start", "2026-11-31T10:00", "--end", "2026-12-01T09:00"}, 1, "--start: 2026-11-31T10:00 is not a date that exists"},
		{[]string{"add", "pureservice", "--start", "2026-11-10T10:00", "--end", "2026-11-10T11:00", "--excluded", ""}, 1, "--excluded: say why"},
		{[]string{"add", "pureservice", "--start", "2026-11-10T10:00", "--end", "2026-11-10T11:00", "--reported", "2026-11-31"}, 1, "--reported"},
		{[]string{"add", "nope", "--start", "2026-11-10T10:00", "--end", "2026-11-10T11:00"}, 1, `no agreement with id "nope"`},
		{[]string{"incidents"}, 2, "agreement id"},
		{[]string{"incidents", "pureservice", "--month", "november"}, 1, "--month"},
	}
	for _, tt := range tests {
		// A usage error is one line followed by the usage; bad input is one line.
		code, _, errOut := runSLA(st, tt.args...)
		first, rest, _ := strings.Cut(errOut, "\n")
		if code != tt.code || !strings.Contains(first, tt.want) || (code == 1 && rest != "") {
			t.Errorf("sla %s: exit %d, %q; want exit %d and one line with %q", strings.Join(tt.args, " "), code, errOut, tt.code, tt.want)
		}
	}
	if _, out, _ := runSLA(st, "incidents", "pureservice", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("refused adds stored something: %s", out)
	}
}

// TestSLARefusesTermsInSwedish: refused SLA terms, parsed by the model,
// read in the session's language, down to a clock inside a window.
func TestSLARefusesTermsInSwedish(t *testing.T) {
	st := slaStore(t)
	credit := []string{"credit", "--month", "2026-11", "--fee", "1"}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"credit", "--month", "2026-13", "--fee", "1"}, `--month: "2026-13" är ingen månad (skriv ÅÅÅÅ-MM, t.ex. 2026-11)`},
		{[]string{"credit", "--month", "2026-11", "--fee", "ten"}, `--fee: "ten" är inget belopp (t.ex. 10000 eller 10 000,50)`},
		{append(credit, "--tiers", "99.5"), `--tiers: nivå 1 "99.5": skriv DRIFTTID:KREDIT, t.ex. 99.5:25`},
		{append(credit, "--tiers", "99.5:25,99:10"), "--tiers: under 99 % ger 10 %, mindre än 25 % under 99.5 %"},
		{append(credit, "--window", "mon-fri"), `--window: mätfönstret "mon-fri": skriv 24x7, eller dagar och timmar`},
		{append(credit, "--window", "mon-fri 08:00-7:00"), `--window: mätfönstret "mon-fri 08:00-7:00": tiderna "08:00-7:00": "7:00" är ingen tid på dygnet (skriv TT:MM)`},
		{append(credit, "--window", "mon-fri 08:00-17:00 eves=maybe"), `--window: mätfönstret "mon-fri 08:00-17:00 eves=maybe": eves "maybe" är varken yes eller no`},
		{append(credit, "--claim-window", "soon"), `--claim-window: "soon" är ingen period (t.ex. "6 månader", "4 veckor", "14 dagar")`},
	}
	for _, tt := range tests {
		code, _, errOut := runSLAIn(i18n.SV, st, tt.args...)
		if code != ExitFail || !strings.Contains(errOut, tt.want) {
			t.Errorf("sla %s: exit %d, %q; want %q", strings.Join(tt.args, " "), code, errOut, tt.want)
		}
	}
}

// TestCreditEves checks that midsommarafton is a service day unless the
// window excludes the eves, and that the excluded days are listed.
func TestCreditEves(t *testing.T) {
	st := slaStore(t)
	args := func(window string) []string {
		return []string{"credit", "--window", window, "--month", "2027-06", "--tiers", "99.5:25", "--fee", "1000",
			"--downtime", "2027-06-25T09:00/2027-06-25T12:00"}
	}
	// June 2027: 22 weekdays, nationaldagen a Sunday: 22 × 540 = 11 880
	// minutes; 09–12 on midsommarafton (Fri 25 June) counts 180:
	// 11 700 / 11 880 = 98.4848 %.
	_, out, _ := runSLA(st, args("mon-fri 08:00-17:00 holidays=SE")...)
	if !strings.Contains(out, "11880 min") || !strings.Contains(out, "180 min") || strings.Contains(out, "Not service days") {
		t.Errorf("public holidays only:\n%s", out)
	}
	// Excluding the eves: 21 × 540 = 11 340, the outage counts 0, and the
	// report names the day left out.
	_, out, _ = runSLA(st, args("mon-fri 08:00-17:00 holidays=SE eves=yes")...)
	if !strings.Contains(out, "11340 min") || !strings.Contains(out, "Not service days  2027-06-25 midsommarafton") {
		t.Errorf("with the eves:\n%s", out)
	}
}
