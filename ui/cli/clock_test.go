package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestOneClock keeps the program on one clock: main reads the wall clock
// (time.Now) once, hands it to cli.Main, and every date, timestamp and
// duration of the program comes from there, so tests can move the clock.
// time.Since and time.Until read the wall clock as well and are refused
// the same way. Test files are free to read it, and so are the test
// harnesses (files that import "testing", never linked into the binary)
// when they time benchmarks.
func TestOneClock(t *testing.T) {
	const root = "../.."                    // the module, from ui/cli
	allowed := map[string]int{"main.go": 1} // the process's clock
	found := map[string]int{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		timeName, harness := importNames(file)
		if timeName == "" || harness {
			return nil
		}
		ast.Inspect(file, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == timeName {
				switch sel.Sel.Name {
				case "Now", "Since", "Until":
					rel, _ := filepath.Rel(root, path)
					found[filepath.ToSlash(rel)]++
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for path, n := range found {
		if n != allowed[path] {
			t.Errorf("%s reads the wall clock %d times (time.Now, time.Since or time.Until); take the program's clock instead", path, n)
		}
	}
	for path, n := range allowed {
		if found[path] != n {
			t.Errorf("%s should read the wall clock %d time(s), found %d: the process's clock is made there", path, n, found[path])
		}
	}
}

// importNames returns the name file uses for the time package ("" when it
// does not import it) and whether it is a test harness (imports testing).
func importNames(file *ast.File) (timeName string, harness bool) {
	for _, imp := range file.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		switch path {
		case "testing":
			harness = true
		case "time":
			timeName = "time"
			if imp.Name != nil {
				timeName = imp.Name.Name
			}
		}
	}
	return timeName, harness
}
