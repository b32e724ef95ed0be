package tuitest

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"avtal/model"
	"avtal/model/docread"
	"avtal/model/yamlreg"
)

// HostileID is the id of the agreement in HostileYAML.
const HostileID = "hostile-saas"

// HostileYAML is an agreement in valid YAML whose every text field carries
// terminal escape sequences and control characters, written with YAML's
// own escapes ("\e" is ESC): clear the screen, move the cursor, retitle
// the window, plant a link, write the clipboard (OSC 52), switch to the
// alternate screen, a C1 CSI (U+009B), backspaces, bell and DEL, a
// right-to-left override (it would shift a box's borders), bidi isolates
// and a zero-width space. A
// register must show all of it as plain text.
const HostileYAML = `id: hostile-saas
title: "Fientlig\e[2J\e[H tjänst\e]0;kapad\a\u202e vänd"
kind: general_terms
status: active
supplier:
  name: "Elak\e[31m AB\u009b1m\u2066\u200b\u2069"
  org_number: "556000-0000"
customer:
  name: "Kund\e]8;;http://evil.example\e\\länk\e]8;;\e\\"
start: 2025-01-01
term:
  initial: 12 months
  renewal: 12 months
  notice: 3 months
governing_law: "Svensk\b\b\b\bEvil rätt"
venue: "Domstol\r\e[1A"
owner: "Ägare\e[?1049h"
summary: "Sammanfattning\e[1A\e[2K"
fee: {amount: 1000, currency: SEK, per: years}
rules:
  - kind: termination_notice
    anchor: period_end
    offset: 3 months
    before: true
    clause: "9.1"
    title: "Säg upp\e[5m i tid"
    note: "Not\e[8m dold"
subprocessor_policy:
  objection_window: 14 days
  on_objection: "Förhandla\e[6n"
  clause: "DPA 8\e[0m"
subprocessors:
  - name: "Underbiträde\e[41m AB"
    country: SE
    purpose: "Drift\e[?25l"
    status: approved
    since: 2025-01-01
sla:
  window: {kind: 24x7}
  target_pct: 99.5
  tiers: [{below: 99.5, credit_pct: 5}]
  clause: "SLA\e[2J 7"
  source: "Källa\e[3J"
  exclusions: ["planerat\e[2J underhåll"]
documents:
  - name: "Villkor\e[7m"
    kind: general_terms
    clauses:
      - number: "9.1"
        heading: "Uppsägning\e[2J"
        body: "Avtalet kan sägas upp\e]52;c;ZXZpbA==\a med tre månaders varsel.\u007f\u0085"
        tags: [termination]
`

// Hostile decodes HostileYAML through the real YAML importer.
func Hostile(t testing.TB) *model.Agreement {
	t.Helper()
	a, err := yamlreg.Decode("hostile.yaml", []byte(HostileYAML))
	if err != nil {
		t.Fatalf("the hostile agreement does not decode: %v", err)
	}
	return a
}

// Unsafe returns the first character of s that could act on a terminal —
// ESC, any other C0 control but newline and tab, DEL, a C1 control, or a
// bidi control or zero-width character (docread.Invisible) —
// with a little context, or "" when there is none. It expects plain text:
// views rendered without colour, so any escape in them came from the data.
func Unsafe(s string) string {
	for i, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f), docread.Invisible(r), r == utf8.RuneError && len(s[i:]) > 0 && !strings.HasPrefix(s[i:], "\uFFFD"):
			from := max(0, i-20)
			return fmt.Sprintf("%U at byte %d, after %q", r, i, s[from:i])
		}
	}
	return ""
}
