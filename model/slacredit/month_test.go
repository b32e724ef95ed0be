package slacredit

import (
	"encoding/json"
	"testing"
)

func TestMonth(t *testing.T) {
	m := month(t, "2026-11")
	if m.Add(2).String() != "2027-01" || m.Add(-11).String() != "2025-12" || m.Last().String() != "2026-11-30" || m.First().String() != "2026-11-01" {
		t.Errorf("2026-11: +2 %s, −11 %s, first %s, last %s", m.Add(2), m.Add(-11), m.First(), m.Last())
	}
	if _, err := ParseMonth("2026-13"); err == nil {
		t.Error("2026-13 accepted")
	}
	b, err := json.Marshal(struct{ M Month }{m})
	if err != nil || string(b) != `{"M":"2026-11"}` {
		t.Errorf("json %s %v", b, err)
	}
	var back struct{ M Month }
	if err := json.Unmarshal(b, &back); err != nil || back.M != m {
		t.Errorf("json back %v %v", back.M, err)
	}
}
