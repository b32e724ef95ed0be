//go:build !unix

package benchdb

import "time"

// lock does nothing where there is no flock: two test binaries may then
// build the register at once, each into its own file, and the second
// rename wins; the work is doubled, the register still whole.
func lock(string) (func(), error) { return func() {}, nil }

// alive cannot tell here, so no folder is taken for stale.
func alive(int) bool { return true }

// cpuTime is not measured here; the cpu-ms/op metric then reads 0.
func cpuTime() time.Duration { return 0 }
