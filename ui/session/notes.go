package session

import (
	"avtal/store"
	"avtal/ui/i18n"
)

// NoteOrigin says, for a note carried over from an earlier version of its
// document, which version it was written on and whether the clause has
// changed since ("written on version 1; the clause has changed since"), so
// a note about words that are gone is read as such; "" for a note written
// on the clause it is on.
func NoteOrigin(lang i18n.Lang, n store.Note) string {
	switch {
	case n.WrittenOn == "":
		return ""
	case n.Changed:
		return lang.T("clauses.note_changed", n.WrittenOn)
	}
	return lang.T("clauses.note_carried", n.WrittenOn)
}
