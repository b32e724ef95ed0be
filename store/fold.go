package store

import (
	"database/sql/driver"

	"modernc.org/sqlite"
)

// avtal_fold is the search's fold inside SQL (case and accents ignored in
// every alphabet; SQLite's own lower() knows only ASCII), for every
// connection the store opens.
func init() {
	sqlite.MustRegisterDeterministicScalarFunction("avtal_fold", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		s, _ := args[0].(string)
		return foldText(s, false).text, nil
	})
}
