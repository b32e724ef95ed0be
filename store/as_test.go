package store

import (
	"context"
	"testing"
)

func TestAsSignsTheAuditLog(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	anna := s.As("anna (SHA256:abc)")
	if err := anna.PutAgreement(ctx, sampleAgreement("a-1", "Leverantör AB"), false); err != nil {
		t.Fatal(err)
	}
	if err := s.PutAgreement(ctx, sampleAgreement("a-2", "Annan AB"), false); err != nil {
		t.Fatal(err)
	}
	rows, err := s.read.QueryContext(ctx, "SELECT entity_id, who FROM audit_log ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var id, who string
		rows.Scan(&id, &who)
		got = append(got, id+" by "+who)
	}
	want := []string{"a-1 by anna (SHA256:abc)", "a-2 by local"}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("audit log = %q, want %q", got, want)
	}
}
