package model

// Lang is the language the model writes its few words of prose in: periods
// ("6 months", "6 månader") and the sentences that show how a date was
// computed. The UI chooses it per session; everything else the model
// returns is structured data the UI translates itself. The zero Lang is
// English, the language of the text forms that files and JSON carry.
type Lang uint8

// The languages the model writes.
const (
	English Lang = iota
	Swedish
)
