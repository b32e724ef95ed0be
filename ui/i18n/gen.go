package i18n

import "sync"

// genMsgs are the strings of `avtal gen`.
var genMsgs = sync.OnceValue(func() map[string]msg {
	return map[string]msg{
		"gen.needs_count": {"gen needs --agreements N, a number above 0", "gen behöver --agreements N, ett tal större än 0"},
		"gen.refuse": {"%s already holds %d agreements; gen writes made-up agreements that would mix with them. Give a new --db path, or --append to add them anyway",
			"%s innehåller redan %d avtal; gen skriver påhittade avtal som skulle blandas med dem. Ange en ny sökväg med --db, eller --append för att lägga till ändå"},
		"gen.progress": {"\r%d/%d agreements · %d clauses · %.0f agreements/s ", "\r%d/%d avtal · %d klausuler · %.0f avtal/s "},
		"gen.indexing": {"\nbuilding the search index and statistics…\n", "\nbygger sökindex och statistik…\n"},
		"gen.done": {"generated %d agreements (%d clauses, %d sub-processors, %d incidents, %d events) with seed %d into %s in %s; the file is %d MB",
			"genererade %d avtal (%d klausuler, %d underbiträden, %d incidenter, %d händelser) med frö %d i %s på %s; filen är %d MB"},
		"gen.interrupted": {"stopped after %d agreements; those are in the register, searchable", "avbröts efter %d avtal; de finns i registret och går att söka i"},
	}
})
