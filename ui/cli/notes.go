package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"avtal/model"
	"avtal/store"
)

// noteErr words a note the store does not hold.
func noteErr(env *Env, id int64, err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return errors.New(env.Lang.T("cli.no_note", id))
	}
	return err
}

// editNote changes a note's text (the words after its id) and or its risk,
// keeping what is not given.
func editNote(fs *pflag.FlagSet) runFunc {
	risk := fs.String("risk", "", "")
	asJSON := fs.Bool("json", false, "")
	return func(ctx context.Context, env *Env, pos []string) error {
		id, err := idArg(env, pos, "cli.note_edit_usage", "cli.bad_note_id")
		if err != nil {
			return err
		}
		text := strings.Join(pos[1:], " ")
		if text == "" && *risk == "" {
			return &UsageError{Msg: env.Lang.T("cli.note_edit_usage")}
		}
		level := ""
		if *risk != "" {
			if level, err = model.CheckRisk(*risk); err != nil {
				return &UsageError{Msg: env.Lang.T("cli.bad_risk", *risk)}
			}
		}
		old, err := env.Store.Note(ctx, id)
		if err != nil {
			return noteErr(env, id, err)
		}
		n, err := env.Store.EditNote(ctx, id, cmp.Or(text, old.Text), cmp.Or(level, old.Risk))
		if err != nil {
			return noteErr(env, id, err)
		}
		if *asJSON {
			return writeJSON(env.Stdout, noteOf(n))
		}
		fmt.Fprintln(env.Stdout, env.Lang.T("cli.note_edited", id, env.Lang.T("risk."+n.Risk)))
		return nil
	}
}

// deleteNote deletes a note.
func deleteNote(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "")
	return func(ctx context.Context, env *Env, pos []string) error {
		id, err := idArg(env, pos, "cli.note_delete_usage", "cli.bad_note_id")
		if err != nil {
			return err
		}
		n, err := env.Store.DeleteNote(ctx, id)
		if err != nil {
			return noteErr(env, id, err)
		}
		if *asJSON {
			return writeJSON(env.Stdout, struct {
				Deleted noteItem `json:"deleted"`
			}{noteOf(n)})
		}
		fmt.Fprintln(env.Stdout, env.Lang.T("cli.note_deleted", id))
		return nil
	}
}

// noteOf is a note as the command line writes it.
func noteOf(n store.Note) noteItem {
	return noteItem{ID: n.ID, Text: n.Text, Risk: n.Risk, Created: n.Created, Author: n.Author, WrittenOn: n.WrittenOn, ClauseChanged: n.Changed}
}
