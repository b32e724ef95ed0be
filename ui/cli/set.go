package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/spf13/pflag"

	"avtal/model"
	"avtal/model/yamlreg"
	"avtal/ui/i18n"
	"avtal/ui/session"
)

// set changes fields of an agreement: `avtal set ID term.notice="3 months"
// start=2024-01-01`. All of them are stored or, when one is refused (the
// error names it), none.
func set(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "")
	return func(ctx context.Context, env *Env, pos []string) error {
		if len(pos) < 2 {
			id := "ID"
			if len(pos) == 1 {
				id = pos[0]
			}
			return &UsageError{Msg: env.Lang.T("set.needs_assignments", id, strings.Join(model.Fields, ", "))}
		}
		id := pos[0]
		before, err := loadAgreement(ctx, env, id)
		if err != nil {
			return err
		}
		if _, err := env.Store.SetFields(ctx, id, pos[1:]); err != nil {
			return err
		}
		after, err := loadAgreement(ctx, env, id)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.Stdout, after)
		}
		return writeChanges(env, before, after, pos[1:])
	}
}

// writeChanges prints each field assigned, before → after, in the order
// given.
func writeChanges(env *Env, before, after *model.Agreement, assignments []string) error {
	t := env.Lang.T
	seen := map[string]bool{}
	for _, s := range assignments {
		name, _, _ := strings.Cut(s, "=")
		name = strings.TrimSpace(name)
		if seen[name] {
			continue
		}
		seen[name] = true
		was, _ := before.Field(name)
		now, _ := after.Field(name)
		if was == now {
			fmt.Fprintln(env.Stdout, t("set.unchanged", name))
			continue
		}
		orEmpty := func(v string) string {
			if v == "" {
				return t("set.empty")
			}
			return session.Sanitize(v)
		}
		fmt.Fprintln(env.Stdout, t("set.changed", name, orEmpty(was), orEmpty(now)))
	}
	return nil
}

// edit opens an agreement as YAML in $EDITOR (vi when unset) and stores
// what is saved. A file that does not read as a valid agreement is opened
// again with the errors at its top, until it is valid or abandoned: saved
// empty or unchanged, which leaves the agreement as it was.
func edit(fs *pflag.FlagSet) runFunc {
	return func(ctx context.Context, env *Env, pos []string) error {
		if len(pos) != 1 {
			return &UsageError{Msg: env.Lang.T("cli.needs_id", "edit")}
		}
		a, err := loadAgreement(ctx, env, pos[0])
		if err != nil {
			return err
		}
		// Documents and their clauses are not edited here: they would make
		// the file long, and they are what the documents say.
		facts := *a
		facts.Documents = nil
		data, err := yamlreg.Encode(&facts)
		if err != nil {
			return err
		}
		f, err := os.CreateTemp("", "avtal-"+a.ID+"-*.yaml")
		if err != nil {
			return err
		}
		path := f.Name()
		f.Close()
		defer os.Remove(path)

		header := []string{env.Lang.T("edit.header", a.ID)}
		for {
			shown := withHeader(header, data)
			if err := os.WriteFile(path, shown, 0o600); err != nil {
				return err
			}
			if err := runEditor(path); err != nil {
				return editorFailed(env.Lang, err)
			}
			saved, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if bytes.Equal(saved, shown) || onlyComments(saved) {
				fmt.Fprintln(env.Stdout, env.Lang.T("edit.abandoned", a.ID))
				return nil
			}
			edited, err := yamlreg.Decode(path, saved)
			if err == nil {
				_, err = env.Store.EditAgreement(ctx, a.ID, func(stored *model.Agreement) error {
					*stored = *edited
					return nil
				})
				var fe *model.FieldError
				if errors.As(err, &fe) {
					err = &yamlreg.Error{File: path, Field: fe.Field, Msg: env.Lang.Field(fe)}
				}
			}
			var bad *yamlreg.Error
			if !errors.As(err, &bad) {
				if err == nil {
					fmt.Fprintln(env.Stdout, env.Lang.T("edit.saved", a.ID))
				}
				return err
			}
			// Said now as it is in the file saved, and put at the top of the
			// file reopened, with the line moved by the new header.
			fmt.Fprintln(env.Stderr, "avtal edit: "+session.Sanitize(bad.Error()))
			data = stripHeader(saved)
			moved := *bad
			header = []string{env.Lang.T("edit.refused"), ""}
			if moved.Line > 0 {
				moved.Line += len(header) + 1 - headerLines(saved)
			}
			header[1] = moved.Error()
		}
	}
}

// headerPrefix begins the comment lines edit puts at the top of the file.
const headerPrefix = "# avtal: "

// withHeader puts the comment lines before data, and a blank line.
func withHeader(header []string, data []byte) []byte {
	var b bytes.Buffer
	for _, h := range header {
		b.WriteString(headerPrefix + strings.ReplaceAll(h, "\n", " ") + "\n")
	}
	b.WriteString("\n")
	b.Write(data)
	return b.Bytes()
}

// headerLines counts the lines withHeader added that are still at the top
// of data (the comments and the blank line after them).
func headerLines(data []byte) int {
	n := 0
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if !strings.HasPrefix(line, headerPrefix) {
			if n > 0 && strings.TrimSpace(line) == "" {
				n++
			}
			break
		}
		n++
	}
	return n
}

// stripHeader returns data without the lines withHeader added.
func stripHeader(data []byte) []byte {
	lines := strings.SplitAfter(string(data), "\n")
	return []byte(strings.Join(lines[min(headerLines(data), len(lines)):], ""))
}

// onlyComments reports whether data holds nothing but blank lines and
// comments: a file emptied, as far as YAML can tell.
func onlyComments(data []byte) bool {
	for _, line := range strings.Split(string(data), "\n") {
		if l := strings.TrimSpace(line); l != "" && !strings.HasPrefix(l, "#") {
			return false
		}
	}
	return true
}

// editorCommand is $EDITOR, else vi.
func editorCommand() string {
	if e := strings.TrimSpace(os.Getenv("EDITOR")); e != "" {
		return e
	}
	return "vi"
}

// editorFailed words why the editor did not run to its end: the shell's
// "not found" (exit 127), another exit code, or what the OS said.
func editorFailed(lang i18n.Lang, err error) error {
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && exit.ExitCode() == 127:
		return errors.New(lang.T("edit.editor_missing", editorCommand()))
	case errors.As(err, &exit) && exit.ExitCode() > 0:
		return errors.New(lang.T("edit.editor_exit", editorCommand(), exit.ExitCode()))
	}
	return errors.New(lang.T("edit.editor", editorCommand(), lang.FieldErrors(err)))
}

// runEditor opens path in the editor on this terminal. The command goes
// through the shell, as git runs it, so "code --wait" works.
func runEditor(path string) error {
	cmd := exec.Command("sh", "-c", editorCommand()+` "$1"`, "avtal-edit", path)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	return cmd.Run()
}
