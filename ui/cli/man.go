package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/cpuguy83/go-md2man/v2/md2man"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// completion is `avtal completion bash|zsh|fish`: the shell's completion
// script on stdout, completing commands, flags and their fixed values with
// their descriptions in the session's language.
func (a *program) completion(*pflag.FlagSet) runFunc {
	return func(_ context.Context, env *Env, args []string) error {
		shell := ""
		if len(args) == 1 {
			shell = args[0]
		}
		switch shell {
		case "bash":
			return a.root.GenBashCompletionV2(env.Stdout, true)
		case "zsh":
			return a.root.GenZshCompletion(env.Stdout)
		case "fish":
			return a.root.GenFishCompletion(env.Stdout, true)
		}
		return &UsageError{Msg: env.Lang.T("cli.completion_shell")}
	}
}

// man is `avtal man`: the manual page (section 1) of every command on
// stdout, made from the same texts as the help. It is written as Markdown
// and rendered to roff by go-md2man, which cobra's own doc package uses;
// that package has its section names in English and makes one page per
// command.
func (a *program) man(*pflag.FlagSet) runFunc {
	return func(_ context.Context, env *Env, _ []string) error {
		_, err := env.Stdout.Write(md2man.Render([]byte(a.manMarkdown())))
		return err
	}
}

// manMarkdown is the manual page in go-md2man's Markdown.
func (a *program) manMarkdown() string {
	t := a.g.lang.T
	root := a.root
	var b strings.Builder
	fmt.Fprintf(&b, "%% \"AVTAL\" \"1\" \"\" \"avtal %s\" \"Avtal\"\n", version)
	fmt.Fprintf(&b, "# %s\navtal - %s\n\n", t("cli.man.name"), t("cli.man.whatis"))
	fmt.Fprintf(&b, "# %s\n```\n%s\n%s %s [%s]\n```\n\n", t("cli.man.synopsis"), a.useLine(root), root.CommandPath(), t("cli.help.command"), t("cli.help.flags_word"))
	fmt.Fprintf(&b, "# %s\n%s\n\n", t("cli.man.description"), root.Long)
	fmt.Fprintf(&b, "# %s\n%s\n", t("cli.man.global_flags"), a.manFlags(root.PersistentFlags()))
	fmt.Fprintf(&b, "# %s\n", t("cli.man.commands"))
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		for _, s := range c.Commands() {
			if !s.IsAvailableCommand() {
				continue
			}
			fmt.Fprintf(&b, "### %s\n%s\n\n", strings.TrimSuffix(a.useLine(s), " ["+t("cli.help.flags_word")+"]"), s.Short)
			if s.Long != "" {
				fmt.Fprintf(&b, "%s\n\n", s.Long)
			}
			fmt.Fprintf(&b, "```\n%s\n```\n\n", s.Example)
			b.WriteString(a.manFlags(s.LocalNonPersistentFlags()))
			walk(s)
		}
	}
	walk(root)
	fmt.Fprintf(&b, "# %s\n```\n%s\n```\n", t("cli.man.examples"), root.Example)
	return b.String()
}

// manFlags is a definition list of the flags of fs.
func (a *program) manFlags(fs *pflag.FlagSet) string {
	var b strings.Builder
	fs.VisitAll(func(f *pflag.Flag) {
		name, usage := pflag.UnquoteUsage(f)
		b.WriteString("**--" + f.Name + "**")
		if f.Shorthand != "" {
			b.WriteString(", **-" + f.Shorthand + "**")
		}
		if name != "" {
			b.WriteString(" *" + name + "*")
		}
		if def := defaultOf(f); def != "" {
			usage += " " + a.g.lang.T("cli.help.default", def)
		}
		b.WriteString("\n: " + usage + "\n\n")
	})
	return b.String()
}
