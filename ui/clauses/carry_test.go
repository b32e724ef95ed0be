package clauses

import (
	"context"
	"strings"
	"testing"

	"avtal/model"
	"avtal/model/docimport"
	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// ferryV1 is a small ferry-service agreement of two numbered clauses.
const ferryV1 = `AVTAL OM FÄRJETRANSPORT FÖR SKÄRHAMNS REDERI

1. Turer
1.1 Rederiet kör fyra turer om dagen mellan fastlandet och ön.
1.2 Biljetter köps ombord.
`

func importText(t *testing.T, st *store.Store, agreementID, text string) store.ImportResult {
	t.Helper()
	plan, err := docimport.Prepare("ferry.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res, err := st.ImportDocuments(context.Background(), store.ImportRequest{AgreementID: agreementID, Source: "ferry.txt", Plan: plan})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// A note carried onto a new version says so in the viewer, and warns when
// the clause's words changed since it was written.
func TestViewerShowsWhereANoteWasWritten(t *testing.T) {
	st := tuitest.Store(t, nil)
	ctx := context.Background()
	res := importText(t, st, "", ferryV1)
	id := res.AgreementID
	for _, n := range []string{"1.1", "1.2"} {
		c, err := st.FindClause(ctx, id, n, "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddNote(ctx, c.ID, "Räcker det för pendlarna?", model.RiskWatch); err != nil {
			t.Fatal(err)
		}
	}
	importText(t, st, id, strings.Replace(ferryV1, "fyra turer", "tre turer", 1)) // 1.1 changes, 1.2 does not
	p := newPane(t, tuitest.Session(st, i18n.EN), 100, 30)
	p.scope(id, res.Title)
	p.selectClause(id, "1.1")
	p.viewHas("written on version 1; the clause has changed since")
	p.selectClause(id, "1.2")
	p.viewHas("written on version 1")
	if strings.Contains(p.m.View(), "changed since") {
		t.Errorf("1.2 did not change, yet its note says so:\n%s", p.m.View())
	}
}

// A document imported alone carries its agreement's name; the viewer says
// it once, not "Färjeavtal · Färjeavtal".
func TestViewerNamesALoneDocumentOnce(t *testing.T) {
	st := tuitest.Store(t, nil)
	res := importText(t, st, "", ferryV1)
	d, err := st.FindClause(context.Background(), res.AgreementID, "1.1", "")
	if err != nil {
		t.Fatal(err)
	}
	p := newPane(t, tuitest.Session(st, i18n.EN), 300, 30) // wide enough for the line not to wrap
	p.scope(res.AgreementID, res.Title)
	p.selectClause(res.AgreementID, "1.1")
	p.viewHas(d.Agreement)
	if strings.Contains(p.m.View(), d.Agreement+" · "+d.Document) {
		t.Errorf("the viewer names the document twice:\n%s", p.m.View())
	}
	if d.Document != d.Agreement {
		t.Fatalf("the document %q is not named as its agreement %q", d.Document, d.Agreement)
	}
}
