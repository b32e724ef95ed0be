package extract

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"avtal/model"
)

// ruleCellRe is a cell of a Markdown table's rule line: "---", ":--:".
var ruleCellRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^:?-{2,}:?$`) })

// planTable is a table of a clause: its rows' cells, and where each row
// stands in the clause body.
type planTable struct {
	cells [][]string
	spans []Span
}

// plan is what a table gives one plan: its name, its tiers, and its part
// of the table (its column beside the first), the evidence.
type plan struct {
	name     string
	tiers    []model.CreditTier
	evidence string
}

// planPart writes the cells of rows rs in the first column and column j
// as table rows on one line: "| Uptime | Pro | | < 99 % | 10 % |".
func planPart(rows [][]string, rs []int, j int) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = "| " + rows[r][0] + " | " + rows[r][j] + " |"
	}
	return strings.Join(parts, " ")
}

// planTiers proposes the credit tiers of each plan of a table that sets
// several plans (or service levels) side by side, one proposal a plan,
// named by it. Which plan is the agreement's the text seldom says, and
// the tiers of different plans put on one ladder are wrong for each of
// them. Two shapes are read:
//   - a column a plan over rows of thresholds: "| Uptime | Basic | Pro |"
//     over "| < 99.9 % | 5 % | 10 % |";
//   - a commitment and a credit for each plan, either way round: rows
//     "| Uptime commitment | 99.5 % | 99.9 % |" and "| Service credit |
//     5 % | 10 % |" under a header of plans, or a row a plan under
//     "| Plan | Uptime commitment | Service credit |".
func planTiers(c model.Clause, body string) []Proposal {
	if !strings.ContainsAny(body, "|\t") {
		return nil // most clauses hold no table
	}
	for _, t := range tablesOf(body) {
		plans := ladderColumns(t, c.Number)
		if plans == nil {
			plans = commitments(t, c.Number)
		}
		if plans == nil {
			continue
		}
		span := Span{t.spans[0].Start, t.spans[len(t.spans)-1].End}
		out := make([]Proposal, len(plans))
		for i, p := range plans {
			slices.SortFunc(p.tiers, func(a, b model.CreditTier) int { return cmp.Compare(b.Below, a.Below) })
			// The evidence is the plan's own part of the table: proposals
			// of one clause are told apart by it.
			out[i] = Proposal{Kind: ProposeSLATiers, Clause: c.Number, Span: span, Evidence: p.evidence,
				Confidence: 0.5, Reason: fmt.Sprintf("credit table for the plan %s", p.name), Plan: p.name, Tiers: p.tiers}
		}
		return out
	}
	return nil
}

// tablesOf returns the tables of body: runs of lines of two cells or more,
// without Markdown's rule lines.
func tablesOf(body string) []planTable {
	var out []planTable
	var t planTable
	flush := func() {
		if len(t.cells) >= 3 {
			out = append(out, t)
		}
		t = planTable{}
	}
	for _, l := range lineSpans(body) {
		line := l.In(body)
		if !strings.ContainsAny(line, "|\t") {
			flush()
			continue
		}
		cells := tableCells(line)
		if len(cells) < 2 || len(t.cells) > 0 && len(cells) != len(t.cells[0]) {
			flush()
			if len(cells) < 2 {
				continue
			}
		}
		if !slices.ContainsFunc(cells, func(c string) bool { return !ruleCellRe().MatchString(c) }) {
			continue
		}
		t.cells, t.spans = append(t.cells, cells), append(t.spans, l)
	}
	flush()
	return out
}

// ladderColumns reads a table whose header names a plan over each column
// but the first, and whose rows give a threshold in the first cell and
// each plan's credit in its column. Every plan must get a tier.
func ladderColumns(t planTable, clause string) []plan {
	names := planLabels(t.cells[0][1:])
	if names == nil {
		return nil
	}
	all := make([]int, len(t.cells))
	for r := range all {
		all[r] = r
	}
	plans := make([]plan, len(names))
	for j, name := range names {
		plans[j] = plan{name: name, evidence: planPart(t.cells, all, j+1)}
		for _, row := range t.cells[1:] {
			line := row[0] + " | " + row[j+1]
			for _, it := range tierRows(line, 0, len(line), clause, func() bool { return true }) {
				plans[j].tiers = append(plans[j].tiers, it.Tier)
			}
		}
		if len(plans[j].tiers) == 0 {
			return nil
		}
	}
	return plans
}

// commitments reads a table that gives each plan one uptime commitment
// and one credit: a row of each under a header of plans, or a column of
// each beside a first column of plans.
func commitments(t planTable, clause string) []plan {
	if plans := commitmentRows(t.cells, clause); plans != nil {
		return plans
	}
	cols := make([][]string, len(t.cells[0])) // the table turned on its side
	for _, row := range t.cells {
		for j, c := range row {
			cols[j] = append(cols[j], c)
		}
	}
	return commitmentRows(cols, clause)
}

// commitmentRows reads rows whose first cells name an uptime commitment
// and a credit under a header of plans. A commitment is a bare figure:
// "< 99.9 %" or "below 99.9 %" is a threshold of one ladder, and so are
// rows whose credit grows strictly as the figure falls ("Level A 99.9 %
// 10 %", "Level B 99 % 25 %").
func commitmentRows(rows [][]string, clause string) []plan {
	names := planLabels(rows[0][1:])
	up, credit := -1, -1
	for r, row := range rows[1:] {
		n := normalize(row[0])
		_, isCredit := firstCue(creditCues(), n)
		_, isUptime := firstCue(uptimeCues(), n)
		switch {
		case isCredit && credit < 0:
			credit = r + 1
		case isUptime && !isCredit && up < 0:
			up = r + 1
		}
	}
	if names == nil || up < 0 || credit < 0 {
		return nil
	}
	plans := make([]plan, len(names))
	var all []model.CreditTier
	for j, name := range names {
		cell := rows[up][j+1]
		if _, said := belowWord(tokenize(cell), 0, len(cell)); said || strings.Contains(cell, "<") {
			return nil
		}
		below, ok1 := onePercent(cell, clause)
		pct, ok2 := onePercent(rows[credit][j+1], clause)
		if !ok1 || !ok2 || below <= 50 || below > 100 || pct > 100 || pct >= 90 && pct != 100 {
			return nil
		}
		tier := model.CreditTier{Below: below, CreditPct: pct}
		plans[j] = plan{name: name, tiers: []model.CreditTier{tier}, evidence: planPart(rows, []int{0, up, credit}, j+1)}
		all = append(all, tier)
	}
	slices.SortFunc(all, func(a, b model.CreditTier) int { return cmp.Compare(b.Below, a.Below) })
	if strictLadder(all) {
		return nil
	}
	return plans
}

// strictLadder reports whether tiers, from the highest threshold down,
// give a larger credit at each lower threshold.
func strictLadder(tiers []model.CreditTier) bool {
	for i := 1; i < len(tiers); i++ {
		if tiers[i].Below >= tiers[i-1].Below || tiers[i].CreditPct <= tiers[i-1].CreditPct {
			return false
		}
	}
	return true
}

// onePercent returns the one percentage a cell holds.
func onePercent(cell, clause string) (float64, bool) {
	ps := percentages(cell, clause, tokenize(cell))
	if len(ps) != 1 {
		return 0, false
	}
	return ps[0].Percent, true
}

// planLabels returns the cells when there are two or more and each names
// a plan: a few words, no figures.
func planLabels(cells []string) []string {
	if len(cells) < 2 {
		return nil
	}
	for _, c := range cells {
		if c == "" || len(strings.Fields(c)) > 3 || strings.ContainsAny(c, "0123456789%％<>") {
			return nil
		}
	}
	return cells
}
