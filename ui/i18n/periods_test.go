package i18n

import (
	"testing"

	"avtal/model"
	"avtal/model/subproc"
)

func TestPeriodsFollowTheLanguage(t *testing.T) {
	notice := model.Period{N: 3, Unit: model.Months}
	args := []any{notice, model.MustDate(2027, 4, 1)}
	tests := []struct {
		lang Lang
		want string
	}{
		{EN, "you may terminate, notice 3 months (given on the last day to object, it ends 2027-04-01)"},
		{SV, "ni får säga upp, uppsägningstid 3 månader (sägs det upp sista dagen att invända slutar avtalet 2027-04-01)"},
	}
	for _, tt := range tests {
		if got := tt.lang.T("subprocs.remedy.terminate_ends", args...); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.lang, got, tt.want)
		}
	}
	if args[0] != notice {
		t.Errorf("T changed the caller's arguments: %v", args)
	}
	if EN.Model() != model.English || SV.Model() != model.Swedish {
		t.Error("Model maps the languages wrongly")
	}
}

func TestFlagPeriodsFollowTheLanguage(t *testing.T) {
	// A flag keeps its periods in their text form, as JSON carries them.
	f := subproc.Flag{Key: subproc.KeyShortNotice, Params: map[string]string{"sub": "NewCo AB", "received": "2026-12-01",
		"effective": "2026-12-15", "required": "4 weeks", "earliest": "2026-12-29", "given": "2 weeks"}}
	want := "NewCo AB: aviseringen kom 2026-12-01 om en ändring 2026-12-15; 4 veckor varsel krävs, alltså tidigast 2026-12-29"
	if got := SV.Flag(f); got != want {
		t.Errorf("Swedish flag %q, want %q", got, want)
	}
	if f.Params["required"] != "4 weeks" {
		t.Errorf("Flag changed the flag's params: %v", f.Params)
	}
}
