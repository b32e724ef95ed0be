package cli

import (
	"os"
	"strings"

	"github.com/spf13/cobra"

	"avtal/model"
	"avtal/store"
)

// firstID completes the first argument of a command that names an
// agreement with the register's ids; later ones complete as files.
func (a *program) firstID(cmd *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveDefault
	}
	return a.completeID(cmd, args, prefix)
}

// completeID offers the agreement ids of the register that start with
// prefix; the register is read only if it is there, never made.
func (a *program) completeID(cmd *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	a.g.resolveDB(a.getenv)
	if _, err := os.Stat(a.g.db); err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	st, err := store.Open(cmd.Context(), a.g.db, store.WithClock(a.g.now))
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	defer st.Close()
	ids, _ := st.IDs(cmd.Context())
	var matching []cobra.Completion
	for _, id := range ids {
		if strings.HasPrefix(id, prefix) {
			matching = append(matching, id)
		}
	}
	return matching, cobra.ShellCompDirectiveNoFileComp
}

// completeFlags offers the values of the flags that name an agreement or
// take one of a few words.
func (a *program) completeFlags(cc *cobra.Command) {
	fixed := func(words ...string) cobra.CompletionFunc {
		return cobra.FixedCompletions(words, cobra.ShellCompDirectiveNoFileComp)
	}
	for name, complete := range map[string]cobra.CompletionFunc{
		"agreement": a.completeID,
		"risk":      fixed(model.RiskOK, model.RiskWatch, model.RiskRisk),
		"lang":      fixed("sv", "en"),
	} {
		if cc.Flags().Lookup(name) != nil || cc.PersistentFlags().Lookup(name) != nil {
			_ = cc.RegisterFlagCompletionFunc(name, complete)
		}
	}
}
