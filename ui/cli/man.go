package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// completion is `avtal completion bash|zsh|fish`: the shell's completion
// script on stdout, completing commands, flags and their fixed values with
// their descriptions in the session's language.
func (a *program) completion(*pflag.FlagSet) runFunc {
	return func(_ context.Context, env *Env, args []string) error {
		a.describeAll()
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
// stdout, in roff, made from the same texts as the help. It is written
// straight as roff: rendering Markdown (go-md2man, which cobra's own doc
// package uses) linked a Markdown parser whose tables every command built
// at start, half a millisecond of each search; and that package has its
// section names in English and makes one page per command.
func (a *program) man(*pflag.FlagSet) runFunc {
	return func(_ context.Context, env *Env, _ []string) error {
		_, err := io.WriteString(env.Stdout, a.manPage())
		return err
	}
}

// manPage is the manual page in roff (man(7)).
func (a *program) manPage() string {
	a.describeAll()
	t := a.g.lang.T
	root := a.root
	var b strings.Builder
	fmt.Fprintf(&b, ".nh\n.TH \"AVTAL\" \"1\" \"\" \"avtal %s\" \"Avtal\"\n\n", version)
	fmt.Fprintf(&b, ".SH %s\navtal \\- %s\n\n\n", roffText(t("cli.man.name")), roffText(t("cli.man.whatis")))
	fmt.Fprintf(&b, ".SH %s\n%s\n\n\n", roffText(t("cli.man.synopsis")),
		roffCode(a.useLine(root)+"\n"+root.CommandPath()+" "+t("cli.help.command")+" ["+t("cli.help.flags_word")+"]"))
	fmt.Fprintf(&b, ".SH %s\n%s\n\n\n", roffText(t("cli.man.description")), roffText(root.Long))
	fmt.Fprintf(&b, ".SH %s\n%s\n", roffText(t("cli.man.global_flags")), a.manFlags(root.PersistentFlags()))
	fmt.Fprintf(&b, ".SH %s\n", roffText(t("cli.man.commands")))
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		for _, s := range c.Commands() {
			if !s.IsAvailableCommand() {
				continue
			}
			fmt.Fprintf(&b, ".SS %s\n%s\n\n", roffText(strings.TrimSuffix(a.useLine(s), " ["+t("cli.help.flags_word")+"]")), roffText(s.Short))
			for _, para := range strings.Split(s.Long, "\n\n") {
				if para != "" {
					fmt.Fprintf(&b, ".PP\n%s\n\n", roffText(para))
				}
			}
			fmt.Fprintf(&b, "%s\n\n", roffCode(s.Example))
			b.WriteString(a.manFlags(s.LocalNonPersistentFlags()))
			walk(s)
		}
	}
	walk(root)
	fmt.Fprintf(&b, "\n.SH %s\n%s\n", roffText(t("cli.man.examples")), roffCode(root.Example))
	return b.String()
}

// manFlags lists the flags of fs, each a tagged paragraph.
func (a *program) manFlags(fs *pflag.FlagSet) string {
	var b strings.Builder
	fs.VisitAll(func(f *pflag.Flag) {
		name, usage := pflag.UnquoteUsage(f)
		b.WriteString(".TP\n\\fB--" + roffText(f.Name) + "\\fP")
		if f.Shorthand != "" {
			b.WriteString(", \\fB-" + roffText(f.Shorthand) + "\\fP")
		}
		if name != "" {
			b.WriteString(" \\fI" + roffText(name) + "\\fP")
		}
		if def := defaultOf(f); def != "" {
			usage += " " + a.g.lang.T("cli.help.default", def)
		}
		b.WriteString("\n" + roffText(usage) + "\n\n")
	})
	return b.String()
}

// roffCode is text shown as it is typed, line for line.
func roffCode(text string) string { return ".EX\n" + roffText(text) + "\n.EE" }

// roffText escapes text for roff: a backslash would start an escape, and a
// line starting with a period or an apostrophe would be a request.
func roffText(text string) string {
	lines := strings.Split(strings.ReplaceAll(text, `\`, `\\`), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, ".") || strings.HasPrefix(l, "'") {
			lines[i] = `\&` + l
		}
	}
	return strings.Join(lines, "\n")
}
