package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"avtal/ui/i18n"
	"avtal/ui/session"
	slapane "avtal/ui/sla"
	"avtal/ui/tuitest"
)

// TestBadFeeRefusedAlikeByCLIAndPane: a what-if fee is refused by one model
// rule (slacredit.ParseFee), so `avtal sla credit --fee` and the SLA pane's fee
// form refuse the same fee with the same words, in either language: the CLI
// names the flag, the pane keeps its form open with the words under the field.
func TestBadFeeRefusedAlikeByCLIAndPane(t *testing.T) {
	tests := []struct {
		lang      i18n.Lang
		fee, want string
	}{
		{i18n.EN, "-5", "a fee must not be negative"},
		{i18n.SV, "-5", "en avgift får inte vara negativ"},
		{i18n.EN, "ten", `"ten" is not an amount (want e.g. 10000 or 10 000,50)`},
		{i18n.SV, "ten", `"ten" är inget belopp (t.ex. 10000 eller 10 000,50)`},
	}
	for _, tt := range tests {
		st := tuitest.SampleStore(t)

		var out, errOut bytes.Buffer
		env := &Env{Store: st, Lang: tt.lang, Stdout: &out, Stderr: &errOut, Now: st.Clock()}
		code := runOn(context.Background(), env, "sla", []string{"credit", "--agreement", "pureservice", "--month", "2026-11", "--fee", tt.fee})
		if want := "avtal sla: --fee: " + tt.want + "\n"; code != ExitFail || errOut.String() != want {
			t.Errorf("%s CLI --fee %s: exit %d, %q; want exit 1 and %q", tt.lang, tt.fee, code, errOut.String(), want)
		}

		pane := slapane.New(tuitest.Session(st, tt.lang))
		pane.SetSize(160, 40)
		drain := func(cmd tea.Cmd) { tuitest.Drain(t, pane.Update, cmd) }
		drain(pane.Init())
		drain(pane.Update(session.ScopeMsg{ID: "pureservice", Title: "pureservice"}))
		for _, k := range []string{"f", tt.fee, "enter"} {
			drain(pane.Update(tuitest.Key(k)))
		}
		if view := pane.View(); !pane.Capturing() || !hasLine(view, tt.want) {
			t.Errorf("%s pane fee %s: form open %v, want %q under the field:\n%s", tt.lang, tt.fee, pane.Capturing(), tt.want, view)
		}
	}
}

// hasLine reports whether a line of a boxed view says exactly text.
func hasLine(view, text string) bool {
	for _, line := range strings.Split(view, "\n") {
		if strings.Trim(line, "│ ") == text {
			return true
		}
	}
	return false
}

// TestCreditOverridesRefusedInSwedish: the refusals slacredit.CreditTerms
// returns are worded by the catalogue, the flag named as in English.
func TestCreditOverridesRefusedInSwedish(t *testing.T) {
	st := tuitest.SampleStore(t)
	month := []string{"credit", "--month", "2026-11"}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--fee", "1", "--target", "150"}, `--target: "150" är ingen procentsats från 0 till 100`},
		{[]string{"--fee", "1", "--cap-pct", "lots"}, `--cap-pct: "lots" är ingen procentsats från 0 till 100`},
		{[]string{"--fee", "1", "--tz", "Mars/Olympus"}, `--tz: "Mars/Olympus" är ingen känd tidszon (t.ex. Europe/Stockholm)`},
		{[]string{"--fee", "1", "--preset", "gold"}, `--preset: "gold" är ingen förinställning (välj bland pureservice, centuri, azure-style, aws-style, google-style)`},
		{[]string{"--agreement", "cleura-volymavtal"}, `avtalet "cleura-volymavtal" har inga SLA-villkor; ange --tiers eller --target`},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		env := &Env{Store: st, Lang: i18n.SV, Stdout: &out, Stderr: &errOut, Now: st.Clock()}
		code := runOn(context.Background(), env, "sla", append(month, tt.args...))
		if want := "avtal sla: " + tt.want + "\n"; code != ExitFail || errOut.String() != want {
			t.Errorf("sla credit %s: exit %d, %q; want exit 1 and %q", strings.Join(tt.args, " "), code, errOut.String(), want)
		}
	}
}
