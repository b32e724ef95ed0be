package deadlines

import "avtal/model"

// Manual returns the rule of a deadline the user sets by hand: one fixed
// day with a title, and the clause it comes from when there is one. It is
// kept with the agreement's other rules, so it is computed, reminded of,
// exported and marked done like them.
func Manual(on model.Date, title, clause string) model.Rule {
	return model.Rule{Kind: model.DLCustom, Anchor: model.AnchorDate, On: on.String(), Title: title, Clause: clause}
}
