package model

import (
	"strings"
	"unicode/utf8"
)

// The risk levels of a reviewer's note on a clause.
const (
	RiskOK    = "ok"
	RiskWatch = "watch"
	RiskRisk  = "risk"
)

// Risks are the risk levels, least worrying first.
var Risks = []string{RiskOK, RiskWatch, RiskRisk}

// MaxNoteLen bounds a note, so one paste cannot swamp the viewer.
const MaxNoteLen = 4000

// CheckRisk returns the risk level input names; "" is ok.
func CheckRisk(input string) (string, error) {
	r := strings.ToLower(strings.TrimSpace(input))
	switch {
	case r == "":
		return RiskOK, nil
	case oneOf(r, Risks):
		return r, nil
	}
	return "", fieldError("risk", "risk", input)
}

// CheckNote returns a note's text, trimmed, and its risk level (CheckRisk)
// as they are stored, or a *FieldError: a note says something, in at most
// MaxNoteLen characters. The store runs it inside the note's transaction
// and the note forms before they save.
func CheckNote(text, risk string) (string, string, error) {
	risk, err := CheckRisk(risk)
	if err != nil {
		return "", "", err
	}
	text = strings.TrimSpace(text)
	switch {
	case text == "":
		return "", "", fieldError("text", "required")
	case utf8.RuneCountInString(text) > MaxNoteLen:
		return "", "", fieldError("text", "note_long", MaxNoteLen)
	}
	return text, risk, nil
}
