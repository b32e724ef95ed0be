package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"avtal/store"
	"avtal/ui/i18n"
)

func TestGen(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "gen.db"), store.WithClock(func() time.Time { return today }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	run := func(args ...string) (int, string, string) {
		var out, errs bytes.Buffer
		env := &Env{Store: st, Lang: i18n.EN, Stdout: &out, Stderr: &errs, Now: time.Now}
		return runOn(ctx, env, "gen", args), out.String(), errs.String()
	}

	if code, _, _ := run("--agreements", "0"); code != ExitUsage {
		t.Errorf("--agreements 0: exit %d, want %d", code, ExitUsage)
	}
	code, out, _ := run("--agreements", "5", "--seed", "4", "--json")
	var res genResult
	if err := json.Unmarshal([]byte(out), &res); code != ExitOK || err != nil {
		t.Fatalf("gen 5: exit %d, %v, output %s", code, err, out)
	}
	if res.Agreements != 5 || res.Seed != 4 || res.Clauses == 0 || res.Bytes == 0 {
		t.Errorf("result %+v, want 5 agreements of seed 4 with clauses, in a file", res)
	}
	if _, err := st.Agreement(ctx, "gen-4-000005"); err != nil {
		t.Errorf("the fifth agreement of seed 4: %v", err)
	}

	// The register is no longer empty: generating again would mix registers.
	code, _, errs := run("--agreements", "5", "--seed", "5")
	if code != ExitFail || !strings.Contains(errs, "already holds 5 agreements") {
		t.Errorf("gen into a register of 5: exit %d, %q; want a refusal", code, errs)
	}
	if code, _, errs := run("--agreements", "3", "--seed", "5", "--append"); code != ExitOK {
		t.Errorf("gen --append: exit %d, %s", code, errs)
	}
	if n, _ := st.Count(ctx); n != 8 {
		t.Errorf("%d agreements after appending 3 to 5, want 8", n)
	}
	// The same seed again collides on its ids and adds nothing.
	if code, _, _ := run("--agreements", "3", "--seed", "5", "--append"); code != ExitFail {
		t.Errorf("appending seed 5 twice: exit %d, want %d", code, ExitFail)
	}
	if _, err := st.Agreement(ctx, "gen-5-000003"); err != nil {
		t.Errorf("an appended agreement is missing: %v", err)
	}
}

// TestGenInterruptedSaysWhatWasKept: Ctrl-C during gen (the context
// cancelled when the first batch's progress is printed) is answered with
// what the register keeps, in the session's language, without the
// library's "context canceled".
func TestGenInterruptedSaysWhatWasKept(t *testing.T) {
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "gen.db"), store.WithClock(func() time.Time { return today }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errs bytes.Buffer
	env := &Env{Store: st, Lang: i18n.SV, Stdout: io.Discard, Stderr: cancelOnWrite{&errs, cancel}, Now: time.Now}
	code := runOn(ctx, env, "gen", []string{"--agreements", strconv.Itoa(2 * store.BulkBatch)})
	want := fmt.Sprintf("\navtal gen: avbröts efter %d avtal", store.BulkBatch)
	if code != ExitFail || !strings.Contains(errs.String(), want) || strings.Contains(errs.String(), "context") {
		t.Errorf("gen interrupted: exit %d, %q; want %q and no library words", code, errs.String(), want)
	}
	if n, _ := st.Count(context.Background()); n != store.BulkBatch {
		t.Errorf("%d agreements kept, want the first batch of %d", n, store.BulkBatch)
	}
}

// cancelOnWrite is a terminal whose user presses Ctrl-C at the first line
// written to it.
type cancelOnWrite struct {
	io.Writer
	cancel context.CancelFunc
}

func (w cancelOnWrite) Write(p []byte) (int, error) {
	w.cancel()
	return w.Writer.Write(p)
}
