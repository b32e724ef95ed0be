package gen

import (
	"math/rand/v2"

	"avtal/model"
)

// shape is what a family is: its head's kind and who hangs under it.
type shape int

const (
	single    shape = iota // one agreement on its own
	framework              // a framework with call-offs and subscriptions
	withDPA                // main terms with a separate DPA that is part of them
)

// Heads are drawn so that about one agreement in ten is a call-off of a
// framework (3 % frameworks × 4 call-offs on average ÷ 1.2 agreements per
// head), as in a register where a few frameworks carry many call-offs.
var shapes = []option[shape]{{89, single}, {3, framework}, {8, withDPA}}

var singleKinds = []option[model.Kind]{
	{67, model.KindGeneralTerms}, {8, model.KindDPA}, {6, model.KindSLA}, {6, model.KindVolume},
	{7, model.KindSubscription}, {6, model.KindOrder},
}

// newFamily generates the family that starts at agreement index, with at
// most room members.
func newFamily(r *rand.Rand, cfg *Config, index, room int) []Item {
	head := newBuilder(r, cfg, index)
	switch choose(r, shapes) {
	case framework:
		items := []Item{head.agreement(model.KindFramework, nil)}
		members := min(room, 1+between(r, 1, 7))
		for i := 1; i < members; i++ {
			kind := model.KindSubscription
			if chance(r, 40) {
				kind = model.KindOrder
			}
			child := head.child(index + i)
			items = append(items, child.agreement(kind, &model.Relation{Kind: model.RelCallOff, Target: head.id, Note: "Call-off under the framework"}))
		}
		return items
	case withDPA:
		head.separateDPA = room > 1
		items := []Item{head.agreement(model.KindGeneralTerms, nil)}
		if room > 1 {
			items = append(items, head.child(index+1).agreement(model.KindDPA, &model.Relation{Kind: model.RelPartOf, Target: head.id, Note: "Integral part of the main agreement"}))
		}
		return items
	}
	return []Item{head.agreement(choose(r, singleKinds), nil)}
}
