package i18n

import (
	"testing"

	"avtal/model"
)

// A deadline is named by its kind and subject; your own deadline by the
// title you gave it.
func TestDeadlineKind(t *testing.T) {
	for _, tt := range []struct {
		d    model.Deadline
		want string
	}{
		{model.Deadline{Kind: model.DLCustom, Title: "Ring Centuri om priset"}, "Ring Centuri om priset"},
		{model.Deadline{Kind: model.DLCustom}, "Own deadline"},
		{model.Deadline{Kind: model.DLTermination, Title: "Last day to give notice"}, "Termination notice"},
	} {
		if got := EN.DeadlineKind(tt.d); got != tt.want {
			t.Errorf("%s %q: %q, want %q", tt.d.Kind, tt.d.Title, got, tt.want)
		}
	}
}

// Count says "1 clause" and "2 clauses" (and the Swedish forms).
func TestCount(t *testing.T) {
	for _, tt := range []struct {
		lang Lang
		n    int
		want string
	}{{EN, 1, "1 clause"}, {EN, 0, "0 clauses"}, {EN, 49, "49 clauses"}, {SV, 1, "1 klausul"}, {SV, 2, "2 klausuler"}} {
		if got := tt.lang.Count("detail.clauses", tt.n); got != tt.want {
			t.Errorf("%s %d: %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}
