package cli

import (
	"slices"
	"strings"
	"testing"
)

// TestPercentagesAndFeesRefused: no form takes a percentage (SLA terms come
// from YAML, what-if credits from flags), so the limits are checked where
// they are typed: every percentage outside 0–100, and a negative fee, is
// refused with the flag or field named, and nothing is written.
func TestPercentagesAndFeesRefused(t *testing.T) {
	credit := []string{"sla", "credit", "--month", "2026-11", "--fee", "1000", "--tiers", "99.5:10"}
	yaml := func(extra string) string {
		return "id: over\ntitle: Over\nkind: sla\nstatus: active\nsupplier: {name: X}\n" + extra
	}
	tests := []struct {
		name string
		args []string
		file string // YAML to import instead of args
		want string
	}{
		{name: "target over 100", args: slices.Concat(credit, []string{"--target", "150"}), want: `--target: "150" is not a percentage from 0 to 100`},
		{name: "credit over 100", args: slices.Concat(credit, []string{"--tiers", "99.5:150"}), want: `credit "150" is not a percentage from 0 to 100`},
		{name: "uptime over 100", args: slices.Concat(credit, []string{"--tiers", "150:10"}), want: `uptime "150" is not a percentage above 0 and at most 100`},
		{name: "negative cap", args: slices.Concat(credit, []string{"--cap-pct", "-5"}), want: `--cap-pct: "-5" is not a percentage from 0 to 100`},
		{name: "negative fee flag", args: slices.Concat(credit, []string{"--fee", "-100"}), want: "--fee: a fee must not be negative"},
		{name: "YAML target over 100", file: yaml("sla: {window: {kind: 24x7}, target_pct: 150}\n"), want: "sla.target_pct: 150 is not a percentage between 0 and 100"},
		{name: "YAML credit over 100", file: yaml("sla: {window: {kind: 24x7}, target_pct: 99, tiers: [{below: 99, credit_pct: 101}]}\n"), want: "sla.tiers[0].credit_pct: 101 is not a percentage"},
		{name: "YAML negative fee", file: yaml("fee: {amount: -100, per: years}\n"), want: "fee.amount: must not be negative"},
		{name: "YAML start on 30 February", file: yaml("start: 2026-02-30\n"), want: "2026-02-30"},
		{name: "YAML empty title", file: "id: over\ntitle: \"  \"\nkind: sla\nstatus: active\nsupplier: {name: X}\n", want: "title: must be filled in"},
		{name: "YAML empty supplier", file: "id: over\ntitle: Over\nkind: sla\nstatus: active\nsupplier: {name: \"\"}\n", want: "supplier.name: must be filled in"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newCLI(t)
			args := tt.args
			if tt.file != "" {
				args = []string{"import", e.file(t, "over.yaml", []byte(tt.file))}
			}
			e.run(args...)
			if a, _, _ := e.rows(t); e.code != ExitFail || !strings.Contains(e.stderrText, tt.want) || a != 0 {
				t.Errorf("exit %d, %d agreements, stderr %q; want exit 1, none written, and %q", e.code, a, e.stderrText, tt.want)
			}
		})
	}
}
