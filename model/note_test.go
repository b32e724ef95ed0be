package model

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckNote(t *testing.T) {
	long := strings.Repeat("å", MaxNoteLen)
	tests := []struct {
		text, risk         string
		wantText, wantRisk string
		refused            string // the refusal's field and key
	}{
		{" Ask legal. ", "", "Ask legal.", RiskOK, ""},
		{"Cap too low", " Watch ", "Cap too low", RiskWatch, ""},
		{long, "risk", long, RiskRisk, ""},
		{long + "x", "ok", "", "", "text note_long"},
		{" \t ", "ok", "", "", "text required"},
		{"x", "high", "", "", "risk risk"},
		{"", "high", "", "", "risk risk"}, // the risk is read first, as the flag is
	}
	for _, tt := range tests {
		text, risk, err := CheckNote(tt.text, tt.risk)
		var fe *FieldError
		switch {
		case tt.refused != "" && (!errors.As(err, &fe) || fe.Field+" "+fe.Key != tt.refused):
			t.Errorf("CheckNote(%.20q, %q): %v, want refused by %s", tt.text, tt.risk, err, tt.refused)
		case tt.refused == "" && (err != nil || text != tt.wantText || risk != tt.wantRisk):
			t.Errorf("CheckNote(%.20q, %q) = %.20q, %q, %v; want %.20q, %q", tt.text, tt.risk, text, risk, err, tt.wantText, tt.wantRisk)
		}
	}
}
