package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"avtal/ui/i18n"
)

// describeAll gives every command its texts, once: building the tree
// leaves them out, as a command that runs (avtal search) shows none, and
// looking them up for each command cost it a third of a millisecond.
func (a *program) describeAll() {
	if a.described {
		return
	}
	a.described = true
	a.root.InitDefaultHelpCmd() // cobra adds the help command when it runs; described with the others
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		a.describe(c, strings.TrimPrefix(c.CommandPath(), a.root.Name()+" "))
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(a.root)
}

// describe gives cmd its texts in the session's language from the
// catalogue: cli.cmd.PATH is its line in the list of commands, with .args
// (its arguments in the usage line), .long and .example; a flag says
// cli.flag.PATH.NAME, or cli.flag.NAME when it means the same everywhere.
// A flag's value is named in `backquotes` ("`DATE`").
func (a *program) describe(cmd *cobra.Command, path string) {
	t := a.g.lang.T
	key := "cli.cmd." + strings.ReplaceAll(path, " ", ".")
	cmd.Short = t(key)
	if i18n.Has(key + ".args") {
		cmd.Use = cmd.Name() + " " + t(key+".args")
	}
	if i18n.Has(key + ".long") {
		cmd.Long = t(key + ".long")
	}
	cmd.Example = t(key + ".example")
	own := "cli.flag." + strings.ReplaceAll(path, " ", ".") + "."
	usage := func(f *pflag.Flag) {
		f.Usage = t("cli.flag." + f.Name)
		if i18n.Has(own + f.Name) {
			f.Usage = t(own + f.Name)
		}
	}
	cmd.Flags().VisitAll(usage)
	cmd.PersistentFlags().VisitAll(usage)
}

// help writes cmd's help: what it does, how it is called, its commands,
// examples and flags.
func (a *program) help(cmd *cobra.Command, _ []string) {
	a.describeAll()
	t := a.g.lang.T
	var b strings.Builder
	b.WriteString(cmd.Short + "\n")
	if cmd.Long != "" {
		b.WriteString("\n" + cmd.Long + "\n")
	}
	b.WriteString("\n" + t("cli.help.usage") + "\n  " + a.useLine(cmd) + "\n")
	if cmd.HasAvailableSubCommands() {
		b.WriteString("  " + cmd.CommandPath() + " " + t("cli.help.command") + " [" + t("cli.help.flags_word") + "]\n")
		b.WriteString("\n" + t("cli.help.commands") + "\n" + table(commandRows(cmd, "")))
	}
	b.WriteString("\n" + t("cli.help.examples") + "\n" + indent(cmd.Example))
	if fs := cmd.LocalNonPersistentFlags(); fs.HasAvailableFlags() {
		b.WriteString("\n" + t("cli.help.flags") + "\n" + a.flagTable(fs))
	}
	b.WriteString("\n" + t("cli.help.global_flags") + "\n" + a.flagTable(cmd.Root().PersistentFlags()))
	if cmd.HasAvailableSubCommands() {
		b.WriteString("\n" + t("cli.help.more", cmd.CommandPath()) + "\n")
	}
	fmt.Fprint(cmd.OutOrStdout(), b.String())
}

// commandRows are the commands under cmd, each under its parent, named
// from cmd down ("event list ID"), with what they do.
func commandRows(cmd *cobra.Command, prefix string) [][2]string {
	var rows [][2]string
	for _, s := range cmd.Commands() {
		if s.IsAvailableCommand() {
			rows = append(rows, [2]string{prefix + s.Use, s.Short})
			rows = append(rows, commandRows(s, prefix+s.Name()+" ")...)
		}
	}
	return rows
}

// useLine is how cmd is called: its path, its arguments and [flags].
func (a *program) useLine(cmd *cobra.Command) string {
	return cmd.CommandPath() + strings.TrimPrefix(cmd.Use, cmd.Name()) + " [" + a.g.lang.T("cli.help.flags_word") + "]"
}

// flagTable lists the flags of fs, one a line: the flag with its value's
// name, what it does and its default.
func (a *program) flagTable(fs *pflag.FlagSet) string {
	var rows [][2]string
	fs.VisitAll(func(f *pflag.Flag) {
		left := "    --" + f.Name
		if f.Shorthand != "" {
			left = "-" + f.Shorthand + ", --" + f.Name
		}
		name, usage := pflag.UnquoteUsage(f)
		if name != "" {
			left += " " + name
		}
		if def := defaultOf(f); def != "" {
			usage += " " + a.g.lang.T("cli.help.default", def)
		}
		rows = append(rows, [2]string{left, usage})
	})
	return table(rows)
}

// defaultOf is the default of a flag worth saying: not for a flag that is
// off or empty unless given.
func defaultOf(f *pflag.Flag) string {
	switch f.DefValue {
	case "", "false", "0", "[]":
		return ""
	}
	def := f.DefValue
	if f.Value.Type() == "duration" { // 30m, not 30m0s
		if strings.HasSuffix(def, "m0s") {
			def = strings.TrimSuffix(def, "0s")
		}
		if strings.HasSuffix(def, "h0m") {
			def = strings.TrimSuffix(def, "0m")
		}
	}
	return def
}

// table writes rows of two columns, the second aligned.
func table(rows [][2]string) string {
	width := 0
	for _, r := range rows {
		width = max(width, len([]rune(r[0])))
	}
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "  %-*s   %s\n", width, r[0], r[1])
	}
	return b.String()
}

// indent indents every line of s by two spaces.
func indent(s string) string {
	var b strings.Builder
	for line := range strings.Lines(strings.TrimRight(s, "\n") + "\n") {
		b.WriteString("  " + line)
	}
	return b.String()
}

// helpCommand is `avtal help [COMMAND...]`: a command's help, or avtal's.
func (a *program) helpCommand() *cobra.Command {
	cc := &cobra.Command{Use: "help", RunE: func(cc *cobra.Command, args []string) error {
		target, rest, err := cc.Root().Find(args)
		if err != nil || len(rest) > 0 {
			return &UsageError{Msg: a.g.lang.T("cli.unknown_command", strings.Join(args, " "))}
		}
		return target.Help()
	}}
	cc.ValidArgsFunction = func(cc *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var names []cobra.Completion
		if parent, rest, err := cc.Root().Find(args); err == nil && len(rest) == 0 {
			for _, s := range parent.Commands() {
				if s.IsAvailableCommand() && strings.HasPrefix(s.Name(), prefix) {
					names = append(names, cobra.CompletionWithDesc(s.Name(), s.Short))
				}
			}
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	}
	return cc
}

// usageMessage says a mistake in how a command was called in the session's
// language: a UsageError, or a flag pflag could not parse. ok is false for
// every other error.
func (a *program) usageMessage(err error) (msg string, ok bool) {
	t := a.g.lang.T
	var (
		usage   *UsageError
		unknown *pflag.NotExistError
		needs   *pflag.ValueRequiredError
		bad     *pflag.InvalidValueError
		syntax  *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &usage):
		return usage.Msg, true
	case errors.As(err, &unknown):
		if short := unknown.GetSpecifiedShortnames(); short != "" {
			return t("cli.flag_unknown", "-"+short), true // -frob, as typed
		}
		return t("cli.flag_unknown", "--"+unknown.GetSpecifiedName()), true
	case errors.As(err, &needs):
		return t("cli.flag_needs_value", "--"+needs.GetFlag().Name), true
	case errors.As(err, &bad):
		return t("cli.flag_bad_value", bad.GetValue(), "--"+bad.GetFlag().Name, a.valueProblem(bad)), true
	case errors.As(err, &syntax):
		return t("cli.flag_syntax", syntax.GetSpecifiedFlag()), true
	}
	return "", false
}

// valueProblem says why a flag's value was refused: pflag's own parsers
// (numbers, true/false, durations) and model.ParseDate say it in English,
// so their mistakes are said from the catalogue; other values of Avtal's
// own say it themselves.
func (a *program) valueProblem(bad *pflag.InvalidValueError) string {
	var num *strconv.NumError
	switch {
	case bad.GetFlag().Value.Type() == "duration":
		return a.g.lang.T("cli.flag_not_duration")
	case bad.GetFlag().Value.Type() == "date":
		return a.g.lang.T("cli.flag_not_date")
	case errors.As(bad, &num) && num.Func == "ParseBool":
		return a.g.lang.T("cli.flag_not_bool")
	case errors.As(bad, &num):
		return a.g.lang.T("cli.flag_not_number")
	}
	return errors.Unwrap(bad).Error()
}
