package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"avtal/model"
	"avtal/model/deadlines"
	"avtal/model/ics"
	"avtal/store"
)

// deadlineItem is one deadline in `avtal deadlines --json`: the computed
// deadline with its key, the days left to act and a snooze.
type deadlineItem struct {
	Key string `json:"key"`
	model.Deadline
	DaysLeft     int         `json:"days_left"`
	SnoozedUntil *model.Date `json:"snoozed_until,omitempty"`
}

// dateFlag is a flag holding an ISO date.
type dateFlag struct{ d model.Date }

func (f *dateFlag) String() string { return f.d.String() }
func (f *dateFlag) Type() string   { return "date" }
func (f *dateFlag) Set(s string) (err error) {
	f.d, err = model.ParseDate(s)
	return err
}

func dateVar(fs *pflag.FlagSet, name string) *dateFlag {
	f := &dateFlag{}
	fs.Var(f, name, "")
	return f
}

// engineInput is what the deadline engine computes from: the agreements and
// what the user recorded about them, for the whole register or for one
// agreement.
type engineInput struct {
	agreements []*model.Agreement
	records    map[string]deadlines.Record
}

func loadRegister(ctx context.Context, env *Env, only string) (engineInput, error) {
	as, recs, err := env.Store.DeadlineInputs(ctx, only)
	if errors.Is(err, store.ErrNotFound) {
		return engineInput{}, errors.New(env.Lang.T("cli.not_found", only))
	}
	return engineInput{as, recs}, err
}

func listDeadlines(fs *pflag.FlagSet) runFunc {
	from, to := dateVar(fs, "from"), dateVar(fs, "to")
	only := fs.String("agreement", "", "")
	asJSON := fs.Bool("json", false, "")
	asICS := fs.Bool("ics", false, "")
	missed := fs.Bool("missed", false, "")
	return func(ctx context.Context, env *Env, _ []string) error {
		if *asJSON && *asICS {
			return &UsageError{Msg: env.Lang.T("cli.json_or_ics")}
		}
		today := model.DateOf(env.Now())
		if from.d.IsZero() && !*missed {
			from.d = today
		}
		if to.d.IsZero() && !*missed {
			to.d = from.d.AddMonths(12)
		}
		if !to.d.IsZero() && to.d.Before(from.d) {
			return &UsageError{Msg: env.Lang.T("cli.to_before_from", to.d, from.d)}
		}
		// The calendar file is written in English throughout, so its
		// explanations are too; text and JSON follow --lang.
		lang := env.Lang.Model()
		if *asICS {
			lang = model.English
			var ds []model.Deadline
			err := eachDeadline(ctx, env, *only, *missed, today, from.d, to.d, lang, 0, func(all []model.Deadline) error {
				ds = all
				return nil
			})
			if err != nil {
				return err
			}
			return ics.Write(env.Stdout, ds, ics.Options{Stamp: env.Now(), Name: "Avtal", Leads: env.Leads})
		}
		decisions, err := env.Store.Decisions(ctx, *only)
		if err != nil {
			return err
		}
		t := env.Lang.T
		none := t("cli.no_deadlines")
		if *missed {
			none = t("cli.no_missed")
		} else if *only != "" {
			if a, err := env.Store.Agreement(ctx, *only); err == nil && env.Lang.DatesLack(a) != "" {
				none += " (" + env.Lang.DatesLack(a) + ")" // why the agreement has none
			}
		}
		// Page by page: five years of a large register is tens of megabytes.
		out := newRowWriter(env.Stdout, *asJSON, []string{t("col.act_by"), t("col.days"), t("col.deadline"), "ID", t("col.clause"), t("col.date"), ""}, none)
		err = eachDeadline(ctx, env, *only, *missed, today, from.d, to.d, lang, listPage, func(ds []model.Deadline) error {
			for _, d := range ds {
				it := toItem(d, today, decisions[d.Key()])
				if *asJSON {
					out.item(it)
				} else {
					out.row(deadlineCells(env, it)...)
				}
			}
			return out.flush()
		})
		if err != nil {
			return err
		}
		return out.close()
	}
}

// eachDeadline gives fn the deadlines `avtal deadlines` lists, by act-by
// day, explained in lang: those in [from, to], which the store keeps,
// about size at a time (all at once when size is 0), or with missed the
// windows missed by today, all at once. The store keeps them in the coded
// form; each batch is worded as it is written, not the whole list first.
func eachDeadline(ctx context.Context, env *Env, only string, missed bool, today, from, to model.Date, lang model.Lang, size int, fn func([]model.Deadline) error) error {
	worded := func(ds []model.Deadline) error {
		for i := range ds {
			if err := deadlines.Word(&ds[i], lang); err != nil {
				return fmt.Errorf("%s: %w", ds[i].Key(), err)
			}
		}
		return fn(ds)
	}
	if missed {
		// All at once: they are sorted whole, so the table is as wide as
		// all of them need.
		ds, err := missedWindows(ctx, env, only, today, from, to, lang)
		if err != nil {
			return err
		}
		return worded(ds)
	}
	err := env.Store.DeadlinesEach(ctx, only, from, to, size, worded)
	if errors.Is(err, store.ErrNotFound) {
		return errors.New(env.Lang.T("cli.not_found", only))
	}
	return err
}

// missedWindows lists the cancel-by dates that passed with no decision by
// today (deadlines.Missed), within [from, to] when they are set, those
// computed explained in lang and those kept in the coded form, by act-by day and within a day in list order. Those dated from
// the first day the store keeps on are read from the kept deadlines; only
// older ones are computed.
func missedWindows(ctx context.Context, env *Env, only string, today, from, to model.Date, lang model.Lang) ([]model.Deadline, error) {
	reg, err := loadRegister(ctx, env, only)
	if err != nil {
		return nil, err
	}
	within := func(d model.Deadline) bool {
		return (from.IsZero() || !d.Date.Before(from)) && (to.IsZero() || !d.Date.After(to))
	}
	kept := store.KeptFrom(today)
	place := make(map[string]int, len(reg.agreements))
	byID := make(map[string]*model.Agreement, len(reg.agreements))
	var out []model.Deadline
	for i, a := range reg.agreements {
		place[a.ID], byID[a.ID] = i, a
		if !from.IsZero() && !from.Before(kept) {
			continue
		}
		// The windows missed by the first kept day are those dated before it.
		for _, d := range deadlines.Missed(a, reg.records[a.ID], earliest(kept, today), lang) {
			if within(d) {
				out = append(out, d)
			}
		}
	}
	lo, hi := latest(from, kept), today.AddDays(-1)
	if !to.IsZero() {
		hi = earliest(to, hi)
	}
	if !hi.Before(lo) {
		ds, err := env.Store.Deadlines(ctx, only, lo, hi)
		if err != nil {
			return nil, err
		}
		for _, d := range ds {
			if a := byID[d.AgreementID]; a != nil && deadlines.IsMissed(a, d, today) && within(d) {
				out = append(out, d)
			}
		}
	}
	// Within a day in list order; an agreement's computed windows are dated
	// before its kept ones, so keep their order.
	slices.SortStableFunc(out, func(a, b model.Deadline) int {
		if c := b.ActBy.DaysUntil(a.ActBy); c != 0 {
			return c
		}
		return place[a.AgreementID] - place[b.AgreementID]
	})
	return out, nil
}

func earliest(a, b model.Date) model.Date {
	if b.Before(a) {
		return b
	}
	return a
}

func latest(a, b model.Date) model.Date {
	if b.After(a) {
		return b
	}
	return a
}

func toItem(d model.Deadline, today model.Date, dec store.Decision) deadlineItem {
	it := deadlineItem{Key: d.Key(), Deadline: d, DaysLeft: today.DaysUntil(d.ActBy)}
	if !dec.SnoozedUntil.IsZero() {
		it.SnoozedUntil = &dec.SnoozedUntil
	}
	return it
}

// deadlineCells are a deadline's cells in the table of `avtal deadlines`.
func deadlineCells(env *Env, it deadlineItem) []string {
	t := env.Lang.T
	var state []string
	switch {
	case it.Done:
		state = append(state, t("cal.done"))
	case it.SnoozedUntil != nil:
		state = append(state, t("cal.snoozed_until", *it.SnoozedUntil))
	}
	if it.ActByReason != "" {
		state = append(state, t("dl.act_early", it.ActByReason))
	}
	if len(it.Sample) > 0 {
		state = append(state, t("dl.sample", strings.Join(it.Sample, ", ")))
	}
	return []string{it.ActBy.String(), strconv.Itoa(it.DaysLeft), env.Lang.DeadlineKind(it.Deadline), it.AgreementID, it.Clause, it.Date.String(), strings.Join(state, "; ")}
}

func recordEvent(fs *pflag.FlagSet) runFunc {
	note := fs.String("note", "", "")
	ref := fs.String("ref", "", "")
	return func(ctx context.Context, env *Env, pos []string) error {
		if len(pos) != 3 {
			return &UsageError{Msg: env.Lang.T("cli.event_usage")}
		}
		on, err := model.ParseDate(pos[2])
		if err != nil {
			return &UsageError{Msg: env.Lang.FieldErrors(err).Error()}
		}
		id, err := env.Store.RecordEvent(ctx, pos[0], deadlines.Event{Name: pos[1], Date: on, Ref: *ref, Note: *note})
		if err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return errors.New(env.Lang.T("cli.not_found", pos[0]))
			}
			return err
		}
		fmt.Fprintln(env.Stdout, env.Lang.T("cli.event_recorded", pos[1], pos[0], on, id))
		if pos[1] != deadlines.EventTermination {
			return nil
		}
		live, err := env.Store.LiveCallOffs(ctx, pos[0])
		if err != nil {
			return err
		}
		if len(live) > 0 {
			fmt.Fprintln(env.Stderr, env.Lang.T("cli.calloffs_live", pos[0], strings.Join(live, ", ")))
		}
		return nil
	}
}

// deadlineFlags name one deadline of an agreement: by its key
// (`avtal done centuri-saas KEY`), or by its kind and its date or act-by day
// (`--kind termination_notice --date 2026-09-30`).
type deadlineFlags struct {
	kind *string
	date *dateFlag
}

func newDeadlineFlags(fs *pflag.FlagSet) deadlineFlags {
	return deadlineFlags{kind: fs.String("kind", "", ""), date: dateVar(fs, "date")}
}

// find reads the agreement id and the key from the positional arguments
// and returns the deadline they name.
func (f deadlineFlags) find(ctx context.Context, env *Env, pos []string, usage string) (model.Deadline, error) {
	switch {
	case len(pos) == 2 && *f.kind == "" && f.date.d.IsZero():
		return findDeadline(ctx, env, pos[0], pos[1], "", model.Date{})
	case len(pos) == 1 && *f.kind != "" && !f.date.d.IsZero():
		return findDeadline(ctx, env, pos[0], "", model.DeadlineKind(*f.kind), f.date.d)
	}
	return model.Deadline{}, &UsageError{Msg: env.Lang.T(usage)}
}

// markDone marks one deadline done on a day (today unless --on), or with
// --undo open again.
func markDone(fs *pflag.FlagSet) runFunc {
	which := newDeadlineFlags(fs)
	on := dateVar(fs, "on")
	comment := fs.String("comment", "", "")
	undo := fs.Bool("undo", false, "")
	return func(ctx context.Context, env *Env, pos []string) error {
		d, err := which.find(ctx, env, pos, "cli.done_usage")
		if err != nil {
			return err
		}
		if *undo {
			if err := env.Store.UndoDone(ctx, d.AgreementID, d.Key()); err != nil {
				return err
			}
			fmt.Fprintln(env.Stdout, env.Lang.T("cli.undone", d.Key()))
			return nil
		}
		if on.d.IsZero() {
			on.d = model.DateOf(env.Now())
		}
		if err := env.Store.MarkDone(ctx, d.AgreementID, d.Key(), on.d, *comment); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, env.Lang.T("cli.marked_done", d.Key(), on.d))
		return nil
	}
}

// snooze keeps one deadline out of reminders until a day; --until with no
// date is refused, --wake takes the snooze back.
func snooze(fs *pflag.FlagSet) runFunc {
	which := newDeadlineFlags(fs)
	until := dateVar(fs, "until")
	wake := fs.Bool("wake", false, "")
	return func(ctx context.Context, env *Env, pos []string) error {
		if until.d.IsZero() == !*wake {
			return &UsageError{Msg: env.Lang.T("cli.snooze_usage")}
		}
		d, err := which.find(ctx, env, pos, "cli.snooze_usage")
		if err != nil {
			return err
		}
		if err := env.Store.Snooze(ctx, d.AgreementID, d.Key(), until.d); err != nil {
			var se *deadlines.SnoozeError
			if errors.As(err, &se) {
				return flagError("until", env.Lang.Snooze(err))
			}
			return err
		}
		if *wake {
			fmt.Fprintln(env.Stdout, env.Lang.T("cli.woken", d.Key()))
		} else {
			fmt.Fprintln(env.Stdout, env.Lang.T("cli.snoozed", d.Key(), until.d))
		}
		return nil
	}
}

// findDeadline finds one computed deadline of an agreement by its key, or
// by kind and a day that is its date or its act-by day, so that a done mark
// is only ever put on a deadline that exists.
func findDeadline(ctx context.Context, env *Env, id, key string, kind model.DeadlineKind, day model.Date) (model.Deadline, error) {
	if key != "" {
		parts := strings.SplitN(key, "/", 4)
		if len(parts) != 4 || parts[0] != id {
			return model.Deadline{}, errors.New(env.Lang.T("cli.bad_key", key, id))
		}
		var err error
		if day, err = model.ParseDate(parts[2]); err != nil {
			return model.Deadline{}, errors.New(env.Lang.T("cli.bad_key", key, id))
		}
	}
	// An act-by day is at most a few days before the date (a long weekend
	// around Easter or Christmas), so a fortnight on each side finds both.
	// The store reads them as kept when the kept span holds the days.
	ds, err := env.Store.Deadlines(ctx, id, day.AddDays(-14), day.AddDays(14))
	if errors.Is(err, store.ErrNotFound) {
		return model.Deadline{}, errors.New(env.Lang.T("cli.not_found", id))
	}
	if err != nil {
		return model.Deadline{}, err
	}
	var found []model.Deadline
	for _, d := range ds {
		if key != "" && d.Key() == key || key == "" && d.Kind == kind && (d.Date == day || d.ActBy == day) {
			found = append(found, d)
		}
	}
	switch len(found) {
	case 1:
		return found[0], deadlines.Word(&found[0], env.Lang.Model())
	case 0:
		if key != "" {
			return model.Deadline{}, errors.New(env.Lang.T("cli.no_such_key", key))
		}
		return model.Deadline{}, errors.New(env.Lang.T("cli.no_such_deadline", kind, id, day))
	}
	keys := make([]string, len(found))
	for i, d := range found {
		keys[i] = d.Key()
	}
	return model.Deadline{}, errors.New(env.Lang.T("cli.ambiguous_deadline", len(found), strings.Join(keys, ", ")))
}
