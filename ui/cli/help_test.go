package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"avtal/model"
	"avtal/ui/i18n"
	"avtal/ui/tuitest"
)

// avtalIn runs the program on args in a private data folder with the
// environment env, and returns what it left behind.
func avtalIn(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	vars := map[string]string{"XDG_DATA_HOME": t.TempDir()}
	for k, v := range env {
		vars[k] = v
	}
	var out, errOut bytes.Buffer
	code = Main(args, &out, &errOut, func(k string) string { return vars[k] }, func() time.Time { return tuitest.Today })
	return code, out.String(), errOut.String()
}

// commandsOf is every command of the tree under root, root first, without
// cobra's hidden ones.
func commandsOf(root *cobra.Command) []*cobra.Command {
	all := []*cobra.Command{root}
	for _, c := range root.Commands() {
		if !c.Hidden {
			all = append(all, commandsOf(c)...)
		}
	}
	return all
}

// treeIn is the command tree with its texts in lang.
func treeIn(lang i18n.Lang) *cobra.Command {
	a := &program{getenv: func(string) string { return "" }}
	a.g.lang = lang
	a.root = a.newRoot()
	a.describeAll()
	return a.root
}

// Every command's --help, and avtal help CMD, says in each language what
// it does, how it is called, an example, and each of its flags with what
// it does; nothing is left untranslated.
func TestEveryCommandHasItsOwnHelp(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.SV} {
		for _, cmd := range commandsOf(treeIn(lang)) {
			path := strings.Fields(cmd.CommandPath())[1:]
			code, out, errOut := avtalIn(t, nil, append(append([]string{"--lang", string(lang)}, path...), "--help")...)
			name := strings.Join(append([]string{"avtal"}, path...), " ")
			if code != ExitOK || errOut != "" {
				t.Errorf("%s %s --help: exit %d, %s", lang, name, code, errOut)
				continue
			}
			for _, want := range []string{cmd.Short + "\n", lang.T("cli.help.usage") + "\n  " + name, lang.T("cli.help.examples") + "\n  " + strings.Split(cmd.Example, "\n")[0]} {
				if cmd.Short == "" || cmd.Example == "" || !strings.Contains(out, want) {
					t.Errorf("%s %s --help lacks %q:\n%s", lang, name, want, out)
				}
			}
			cmd.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
				if !strings.Contains(out, "--"+f.Name) || f.Usage == "" {
					t.Errorf("%s %s --help lacks --%s:\n%s", lang, name, f.Name, out)
				}
				if f.Value.Type() != "bool" && !strings.Contains(f.Usage, "`") {
					t.Errorf("%s %s --%s: the help does not name its value: %q", lang, name, f.Name, f.Usage)
				}
			})
			if strings.Contains(out, "cli.") {
				t.Errorf("%s %s --help shows a catalogue key:\n%s", lang, name, out)
			}
			if _, help, _ := avtalIn(t, nil, append([]string{"--lang", string(lang), "help"}, path...)...); help != out {
				t.Errorf("%s avtal help %s differs from --help:\n%s", lang, strings.Join(path, " "), help)
			}
		}
	}
}

// Every example in the help is a command line avtal accepts: real
// commands, real flags, not too many arguments.
func TestExamplesParse(t *testing.T) {
	root := treeIn(i18n.EN)
	for _, cmd := range commandsOf(root) {
		for line := range strings.Lines(cmd.Example) {
			words := shellWords(line)
			if len(words) == 0 || words[0] != "avtal" {
				continue // source <(avtal completion bash)
			}
			found, rest, err := root.Traverse(longFlags(root, words[1:]))
			if err == nil {
				err = found.ParseFlags(rest)
			}
			if err == nil {
				err = found.ValidateArgs(found.Flags().Args())
			}
			if err != nil {
				t.Errorf("the example of %s %q: %v", cmd.CommandPath(), line, err)
			}
		}
	}
}

// shellWords splits an example line as a shell would, enough for the
// examples: double quotes group, a leading VAR=value is the environment,
// and a redirection or pipe ends the command.
func shellWords(line string) []string {
	var words []string
	var word strings.Builder
	quoted, inWord := false, false
	for _, r := range strings.TrimSpace(line) + " " {
		switch {
		case r == '"':
			quoted, inWord = !quoted, true
		case r == ' ' && !quoted:
			if inWord {
				w := word.String()
				if w == ">" || w == "|" {
					return words
				}
				if !(len(words) == 0 && strings.Contains(w, "=")) {
					words = append(words, w)
				}
			}
			word.Reset()
			inWord = false
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	return words
}

// Completion scripts come out for each shell without opening a register,
// and complete in the session's language.
func TestCompletion(t *testing.T) {
	for shell, marker := range map[string]string{
		"bash": "__start_avtal", "zsh": "#compdef avtal", "fish": "complete -c avtal",
	} {
		code, out, errOut := avtalIn(t, nil, "completion", shell)
		if code != ExitOK || errOut != "" || !strings.Contains(out, marker) {
			t.Errorf("avtal completion %s: exit %d, %s, %d bytes without %q", shell, code, errOut, len(out), marker)
		}
	}
	if code, out, _ := avtalIn(t, map[string]string{"LANG": "sv_SE.UTF-8"}, "__complete", "sl"); code != ExitOK || !strings.Contains(out, "sla\tSLA-kreditering") {
		t.Errorf("completing sl in Swedish: exit %d, %q", code, out)
	}
	for _, args := range [][]string{{"sla", "c"}, {"help", "sla", "c"}} {
		if _, out, _ := avtalIn(t, nil, append([]string{"__complete"}, args...)...); !strings.HasPrefix(out, "credit\tuptime and service credit") {
			t.Errorf("completing %q: %q", args, out)
		}
	}
	if _, out, _ := avtalIn(t, nil, "__complete", "list", "--lang", ""); !strings.Contains(out, "sv\nen\n") {
		t.Errorf("completing --lang: %q", out)
	}
	// Agreement ids come from the register, which completion never makes.
	db := filepath.Join(t.TempDir(), "avtal.db")
	if _, out, _ := avtalIn(t, nil, "--db", db, "__complete", "show", "cen"); strings.Contains(out, "centuri-saas") {
		t.Errorf("completed from a register that is not there: %q", out)
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("completion made the register")
	}
	avtalIn(t, nil, "--db", db, "list")
	for _, args := range [][]string{{"show", "cen"}, {"note", "cen"}, {"deadlines", "--agreement", "cen"}} {
		if _, out, _ := avtalIn(t, nil, append([]string{"--db", db, "__complete"}, args...)...); !strings.HasPrefix(out, "centuri-saas\n:4\n") {
			t.Errorf("completing %q: %q", args, out)
		}
	}
}

// avtal man writes one roff page with every command and its flags, in the
// session's language; the name line is the one whatis reads in both.
func TestManPage(t *testing.T) {
	for lang, sections := range map[string][]string{
		"en": {".SH NAME\navtal \\- a terminal workbench", ".SH COMMANDS", ".SS avtal sla credit", ".SH EXAMPLES"},
		"sv": {".SH NAMN\navtal \\- en terminalarbetsbänk", ".SH KOMMANDON", ".SS avtal notice undo N", "\\fB--claim-window\\fP \\fIPERIOD\\fP"},
	} {
		code, out, errOut := avtalIn(t, nil, "--lang", lang, "man")
		if code != ExitOK || errOut != "" || !strings.HasPrefix(out, ".nh\n.TH \"AVTAL\" \"1\"") {
			t.Fatalf("avtal --lang %s man: exit %d, %s\n%.200s", lang, code, errOut, out)
		}
		for _, s := range sections {
			if !strings.Contains(out, s) {
				t.Errorf("avtal --lang %s man lacks %q", lang, s)
			}
		}
	}
}

// Text in the page cannot start a roff request or escape.
func TestRoffText(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":               "plain text",
		".yaml files\n'quoted'":    "\\&.yaml files\n\\&'quoted'",
		"C:\\avtal and a.b":        "C:\\\\avtal and a.b",
		"line\n.starts with a dot": "line\n\\&.starts with a dot",
	} {
		if got := roffText(in); got != want {
			t.Errorf("roffText(%q) = %q, want %q", in, got, want)
		}
	}
}

// The language of the environment is the language of mistakes too.
func TestFlagErrorsFollowTheEnvironmentsLanguage(t *testing.T) {
	code, out, errOut := avtalIn(t, map[string]string{"LANG": "sv_SE.UTF-8"}, "deadlines", "--from", "igår")
	if want := "avtal deadlines: --from \"igår\": inget datum som finns"; code != ExitUsage || out != "" || !strings.HasPrefix(errOut, want) ||
		!strings.HasSuffix(errOut, "\n(avtal deadlines --help visar dess flaggor)\n") {
		t.Errorf("exit %d, stderr %q; want 2, %q… and the pointer in Swedish", code, errOut, want)
	}
}

// serve's flags reach the server: an address other machines can reach is
// refused without --authorized-keys, before any key is made.
func TestServeFlagsReachTheServer(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := avtalIn(t, nil, "--db", dir+"/avtal.db", "serve", "--addr", "0.0.0.0:0")
	if code != ExitFail || !strings.Contains(errOut, "avtal serve: 0.0.0.0:0 is reachable from other machines") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// set's help names every field set can set, in both languages.
func TestSetHelpNamesEveryField(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.SV} {
		set, _, _ := treeIn(lang).Find([]string{"set"})
		for _, f := range model.Fields {
			if !strings.Contains(strings.ReplaceAll(set.Long, "\n", " "), " "+f+",") && !strings.Contains(set.Long, " "+f+".") {
				t.Errorf("%s: avtal set --help does not name %s", lang, f)
			}
		}
	}
}
