package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"avtal/ui/i18n"
)

// commandUsage is the part of the usage that is about command name: its
// lines of `avtal help`, with their continuation lines, under a heading.
// An unknown name gets the whole usage.
func commandUsage(lang i18n.Lang, name string) string {
	var b strings.Builder
	in := false
	for _, line := range strings.Split(lang.T("cli.usage"), "\n") {
		switch {
		case strings.HasPrefix(line, "  avtal "+name+" ") || line == "  avtal "+name:
			in = true
		case strings.HasPrefix(line, "  avtal ") || !strings.HasPrefix(line, "   "):
			in = false
		}
		if in {
			b.WriteString(line + "\n")
		}
	}
	if b.Len() == 0 {
		return lang.T("cli.usage")
	}
	return lang.T("cli.usage_of", name) + "\n" + b.String() + lang.T("cli.see_help") + "\n"
}

// usageError writes a usage mistake as one line and where to read more.
func usageError(w io.Writer, lang i18n.Lang, name string, err error) {
	fmt.Fprintln(w, "avtal "+name+": "+err.Error())
	fmt.Fprintln(w, lang.T("cli.see_cmd_help", name))
}

// flagMessages are the flag package's messages, to say in the language.
var flagMessages = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^flag provided but not defined: (-+\S+)$`), "cli.flag_unknown"},
	{regexp.MustCompile(`^flag needs an argument: (-+\S+)$`), "cli.flag_needs_value"},
	{regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for flag (-+\S+): (.*)$`), "cli.flag_bad_value"},
}

// translateFlagError says a flag mistake from the flag package in the
// language; other errors stay as they are.
func translateFlagError(lang i18n.Lang, err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	for _, m := range flagMessages {
		if parts := m.re.FindStringSubmatch(err.Error()); parts != nil {
			args := make([]any, len(parts)-1)
			for i, p := range parts[1:] {
				args[i] = p
			}
			return errors.New(lang.T(m.key, args...))
		}
	}
	return err
}
