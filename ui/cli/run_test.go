package cli

import (
	"context"
)

// runOn runs `avtal NAME ARGS...` on the register env holds, in its
// language and on its clock, and returns the exit code, as Main would.
func runOn(ctx context.Context, env *Env, name string, args []string) int {
	a := &program{store: env.Store, stdout: env.Stdout, stderr: env.Stderr, getenv: func(string) string { return "" }}
	a.g.lang, a.g.now, a.g.leads = env.Lang, env.Now, env.Leads
	return a.execute(ctx, append([]string{name}, args...))
}
