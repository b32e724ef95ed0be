package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"avtal/store"
	"avtal/ui/i18n"
	"avtal/ui/session"
)

// command is one row of the command table: its name, how many positional
// arguments it takes, what it needs opened, the flags it declares (and with
// them its body) and its subcommands. Its texts are in the catalogue under
// cli.cmd.PATH (help.go).
type command struct {
	name    string
	maxArgs int // anyArgs: no limit
	open    opening
	flags   declare
	// complete offers the positional arguments in the shell (nil: files).
	complete cobra.CompletionFunc
	subs     []command
}

const anyArgs = -1

// opening is what a command needs opened before its body runs.
type opening int

const (
	openRegister opening = iota // the register; a new one gets the sample
	openEmpty                   // the register; a new one stays empty (gen)
	openNothing                 // the body handles the file itself, or needs none
	// openScattered is openRegister for a command that reads a few pages
	// scattered over the file (search): see store.ScatteredReads.
	openScattered
)

// commands is the command table: every command avtal has.
func (a *program) commands() []command {
	return []command{
		{name: "list", flags: list},
		{name: "show", complete: a.firstID, maxArgs: 1, flags: show},
		{name: "import", maxArgs: anyArgs, flags: importFiles},
		{name: "proposals", complete: a.firstID, maxArgs: anyArgs, flags: proposals},
		{name: "set", complete: a.firstID, maxArgs: anyArgs, flags: set},
		{name: "edit", complete: a.firstID, maxArgs: 1, flags: edit},
		{name: "export", flags: export},
		{name: "demo", open: openNothing, flags: demo},
		{name: "backup", maxArgs: 1, flags: backup},
		{name: "restore", maxArgs: 1, open: openNothing, flags: restore},
		{name: "log", complete: a.firstID, maxArgs: 1, flags: auditLog},
		{name: "deadlines", flags: listDeadlines},
		{name: "event", complete: a.firstID, maxArgs: 3, flags: recordEvent, subs: []command{
			{name: "list", complete: a.firstID, maxArgs: 1, flags: listEvents},
			{name: "delete", maxArgs: 1, flags: deleteEvent},
		}},
		{name: "done", complete: a.firstID, maxArgs: 2, flags: markDone},
		{name: "snooze", complete: a.firstID, maxArgs: 2, flags: snooze},
		{name: "sla", maxArgs: anyArgs, open: openNothing, flags: slaNeedsSub, subs: []command{
			{name: "credit", flags: slaCredit},
			{name: "incidents", complete: a.firstID, maxArgs: 1, flags: slaIncidents},
			{name: "add", complete: a.firstID, maxArgs: 1, flags: slaAdd},
		}},
		{name: "gen", open: openEmpty, flags: generate},
		{name: "clauses", complete: a.firstID, maxArgs: 1, flags: agreementClauses},
		{name: "search", maxArgs: anyArgs, open: openScattered, flags: search},
		{name: "tag", complete: a.firstID, maxArgs: 3, flags: tagClause},
		{name: "note", complete: a.firstID, maxArgs: anyArgs, flags: noteClause, subs: []command{
			{name: "edit", maxArgs: anyArgs, flags: editNote},
			{name: "delete", maxArgs: 1, flags: deleteNote},
		}},
		{name: "compare", maxArgs: 1, flags: compare},
		{name: "serve", open: openNothing, flags: serve},
		{name: "subprocessors", complete: a.firstID, maxArgs: 1, flags: subprocessors, subs: []command{
			{name: "import", complete: a.firstID, maxArgs: 2, flags: compareList},
			{name: "export", complete: a.firstID, maxArgs: 1, flags: exportSubs},
		}},
		{name: "notice", complete: a.firstID, maxArgs: 1, flags: notice, subs: []command{
			{name: "undo", maxArgs: 1, flags: undoNotice},
		}},
		{name: "version", open: openNothing, flags: printVersion},
		{name: "completion", maxArgs: 1, open: openNothing, flags: a.completion,
			complete: cobra.FixedCompletions([]string{"bash", "zsh", "fish"}, cobra.ShellCompDirectiveNoFileComp)},
		{name: "man", open: openNothing, flags: a.man},
	}
}

// The help lists the commands in the table's order, related ones together.
func init() { cobra.EnableCommandSorting = false }

// program is one run of avtal: its globals, its output, and its command
// tree. store is a register a test hands over; nil, the command opens its
// own.
type program struct {
	g              globals
	stdout, stderr io.Writer
	getenv         func(string) string
	store          *store.Store
	root           *cobra.Command
	// described is set once every command has its texts (describeAll).
	described bool
}

// execute runs the command line args and returns the exit code.
func (a *program) execute(ctx context.Context, args []string) int {
	a.root = a.newRoot()
	if slices.ContainsFunc(args, func(arg string) bool {
		return arg == cobra.ShellCompRequestCmd || arg == cobra.ShellCompNoDescRequestCmd
	}) {
		a.describeAll() // a shell asks for completions, with the texts as their descriptions
	}
	a.root.SetArgs(longFlags(a.root, args))
	cmd, err := a.root.ExecuteContextC(ctx)
	return a.report(cmd, err)
}

// newRoot builds the command tree from the table. Its texts, in the
// session's language, are given when they are shown (describeAll).
func (a *program) newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:           "avtal",
		SilenceErrors: true, // report writes every error as one line
		SilenceUsage:  true,
		// Global flags are parsed before the command is looked up, so a
		// command's flag before the command is refused as it always was.
		TraverseChildren: true,
		Args:             a.noUnknownCommand,
		RunE:             a.runner(openRegister, tui),
	}
	root.CompletionOptions.DisableDefaultCmd = true // completion is in the table, in the language
	pf := root.PersistentFlags()
	pf.StringVar(&a.g.db, "db", "", "")
	pf.String("lang", "", "") // read before parsing (langArg); declared for help, completion and parsing
	pf.BoolVar(&a.g.noMouse, "no-mouse", false, "")
	pf.BoolP("help", "h", false, "")
	for _, c := range a.commands() {
		root.AddCommand(a.cobraCommand(c))
	}
	a.completeFlags(root)
	root.SetHelpCommand(a.helpCommand())
	root.SetHelpFunc(a.help)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	return root
}

// cobraCommand makes the cobra command of a table row.
func (a *program) cobraCommand(c command) *cobra.Command {
	cc := &cobra.Command{Use: c.name, Args: a.atMost(c.maxArgs), ValidArgsFunction: c.complete}
	cc.RunE = a.runner(c.open, c.flags(cc.Flags()))
	a.completeFlags(cc)
	for _, s := range c.subs {
		cc.AddCommand(a.cobraCommand(s))
	}
	return cc
}

// atMost refuses more than n positional arguments, naming the first extra.
func (a *program) atMost(n int) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if n != anyArgs && len(args) > n {
			return &UsageError{Msg: a.g.lang.T("cli.unexpected_arg", args[n])}
		}
		return nil
	}
}

// noUnknownCommand is avtal's check of its arguments: without a command it
// opens the workbench; a word that is no command is a mistake.
func (a *program) noUnknownCommand(_ *cobra.Command, args []string) error {
	if len(args) > 0 {
		return &UsageError{Msg: a.g.lang.T("cli.unknown_command", args[0])}
	}
	return nil
}

// openError is a register that could not be opened; it is reported as the
// program's, not the command's.
type openError struct{ err error }

func (e *openError) Error() string { return e.err.Error() }
func (e *openError) Unwrap() error { return e.err }

// oneCommandGC is the garbage collector's percentage while a command runs
// once on the register (Go's default is 100).
const oneCommandGC = 400

// runner runs body with what the command needs opened. Output that quotes
// the register goes through a safeWriter.
func (a *program) runner(open opening, body runFunc) func(*cobra.Command, []string) error {
	return func(cc *cobra.Command, args []string) error {
		a.g.resolveDB(a.getenv)
		env := &Env{Lang: a.g.lang, Stdout: a.stdout, Stderr: a.stderr, Now: a.g.now, Leads: a.g.leads, g: a.g}
		if open == openNothing {
			return body(cc.Context(), env, args)
		}
		env.Store = a.store
		if cc.HasParent() && (open == openRegister || open == openScattered) {
			// A command on the register lives a fraction of a second:
			// collecting its garbage a quarter as often costs megabytes
			// and saves a seventh of its processor time (avtal list of
			// 10 000 agreements: 270 -> 230 ms). Not gen, whose peak would
			// grow with the register it makes.
			defer debug.SetGCPercent(debug.SetGCPercent(oneCommandGC))
		}
		if env.Store == nil {
			// A subcommand runs once and ends; the workbench (the root
			// command) lives on, so only it keeps its reads unmapped.
			st, err := a.open(cc.Context(), open, cc.HasParent())
			if err != nil {
				return &openError{err}
			}
			defer st.Close()
			env.Store = st
		}
		out := &safeWriter{w: a.stdout}
		env.Stdout = out
		err := body(cc.Context(), env, args)
		if ferr := out.Flush(); err == nil {
			err = ferr
		}
		return err
	}
}

// open opens the register; a new one gets the sample unless the command
// fills it itself. oneCommand maps the file for reading (store.MappedReads),
// or reads it through a small cache (store.ScatteredReads, openScattered).
func (a *program) open(ctx context.Context, open opening, oneCommand bool) (*store.Store, error) {
	var opts []store.Option
	switch {
	case oneCommand && open == openScattered:
		opts = append(opts, store.ScatteredReads())
	case oneCommand:
		opts = append(opts, store.MappedReads())
	}
	var st *store.Store
	var err error
	if open == openEmpty {
		if err = a.g.makeOwnDir(); err == nil {
			st, err = store.Open(ctx, a.g.db, append(opts, store.WithClock(a.g.now), upgradeNotice(a.g, a.stderr))...)
		}
	} else {
		st, err = openStore(ctx, a.g, a.stderr, opts...)
	}
	if err != nil {
		return nil, err
	}
	for _, w := range st.Warnings {
		fmt.Fprintln(a.stderr, "avtal: "+a.g.lang.T("cli.warning", w))
	}
	return st, nil
}

// report writes what went wrong as one line on stderr and returns the exit
// code: a usage mistake adds where to read the command's help.
func (a *program) report(cmd *cobra.Command, err error) int {
	if err == nil {
		return ExitOK
	}
	t := a.g.lang.T
	prefix := "avtal: "
	if name := topName(cmd); name != "" {
		prefix = "avtal " + name + ": "
	}
	var opening *openError
	if errors.As(err, &opening) {
		prefix = "avtal: "
	}
	msg, usage := a.usageMessage(err)
	if !usage {
		// An error can quote the register (a title, a file's line); the
		// model's and the store's refusals are worded in the session's
		// language.
		fmt.Fprintln(a.stderr, prefix+errorText(a.g.lang, err))
		return ExitFail
	}
	fmt.Fprintln(a.stderr, prefix+msg)
	if cmd == nil || !cmd.HasParent() {
		fmt.Fprintln(a.stderr, t("cli.see_help"))
	} else {
		fmt.Fprintln(a.stderr, t("cli.see_cmd_help", strings.TrimPrefix(cmd.CommandPath(), "avtal ")))
	}
	return ExitUsage
}

// errorText is a failed operation's one line in the session's language:
// the model's and the store's refusals are worded there, and the line can
// quote the register (a title, a file's line), so it is sanitised.
func errorText(lang i18n.Lang, err error) string {
	return session.Sanitize(lang.FieldErrors(storeFileError(lang, err)).Error())
}

// topName is the name of the top-level command cmd is or is under ("sla"
// for sla credit), or "" for avtal itself.
func topName(cmd *cobra.Command) string {
	if cmd == nil || !cmd.HasParent() {
		return ""
	}
	for cmd.Parent().HasParent() {
		cmd = cmd.Parent()
	}
	return cmd.Name()
}

// longFlags lets a long flag be written with one dash (-json), as Go's
// flag package, which the command line used before, allowed: pflag would
// read -json as the short flags -j -s -o -n.
func longFlags(root *cobra.Command, args []string) []string {
	names := map[string]bool{}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) { names[f.Name] = true })
		c.PersistentFlags().VisitAll(func(f *pflag.Flag) { names[f.Name] = true })
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	out := make([]string, 0, len(args))
	for i, arg := range args {
		if arg == "--" {
			return append(out, args[i:]...)
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(arg, "-"), "=")
		if strings.HasPrefix(arg, "-") && !strings.HasPrefix(arg, "--") && len(name) > 1 && names[name] {
			arg = "-" + arg
		}
		out = append(out, arg)
	}
	return out
}
