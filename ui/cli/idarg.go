package cli

import "strconv"

// idArg reads the number of a stored row (an event, a notice, a note) from
// the first positional argument: usage words its absence, bad a value
// that is not a positive whole number.
func idArg(env *Env, pos []string, usage, bad string) (int64, error) {
	if len(pos) == 0 {
		return 0, &UsageError{Msg: env.Lang.T(usage)}
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return 0, &UsageError{Msg: env.Lang.T(bad, pos[0])}
	}
	return id, nil
}
