// Command avtal is a terminal workbench for people who manage agreements:
// the register in one SQLite file, panes for clauses, sub-processors,
// deadlines and SLA credits, the same capabilities as subcommands, and the
// workbench served over SSH.
package main

import (
	"os"
	"time"

	"avtal/ui/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr, os.Getenv, time.Now))
}
