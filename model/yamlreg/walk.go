package yamlreg

import (
	"encoding"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"avtal/model"
)

// walker goes through a file's node tree before it is decoded: it records
// the line of every field path ("rules[2].offset"), checks the scalars in
// scalarChecks, and refuses a field name the agreement does not have.
type walker struct {
	file  string
	lines map[string]int
	seen  map[aliasVisit]bool // anchored nodes already checked through an alias
}

// aliasVisit is an anchored node checked as a value of a type: the same
// node may stand for values of different types.
type aliasVisit struct {
	node *yaml.Node
	t    reflect.Type
}

var agreementType = reflect.TypeFor[model.Agreement]()

// walk checks n, found at path, which decodes into a value of type t (nil:
// a type that reads its own text, or one not checked).
func (w *walker) walk(n *yaml.Node, path string, t reflect.Type) error {
	w.lines[path] = n.Line
	t = structured(t)
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			p := key.Value
			if path != "" {
				p = path + "." + key.Value
			}
			if key.Value == "<<" { // a merge: the aliased mappings' keys are this one's
				if err := w.walkAlias(val, path, t); err != nil {
					return err
				}
				continue
			}
			var ft reflect.Type
			if t != nil && t.Kind() == reflect.Struct {
				var ok bool
				if ft, ok = fieldsOf(t)[key.Value]; !ok {
					return refused(w.file, key.Line, p, unknownField)
				}
			}
			if check, ok := scalarChecks[key.Value]; ok && val.Kind == yaml.ScalarNode {
				if err := check(val.Value); err != nil {
					return &Error{File: w.file, Line: val.Line, Field: p, Msg: err.Error(), Err: err}
				}
			}
			if err := w.walk(val, p, ft); err != nil {
				return err
			}
			w.lines[p] = key.Line
		}
	case yaml.SequenceNode:
		var et reflect.Type
		if t != nil && t.Kind() == reflect.Slice {
			et = t.Elem()
		}
		for i, c := range n.Content {
			// The YAML library drops an empty item ("-" alone) from a list;
			// a rule or sub-processor must not vanish without a word.
			if c.Kind == yaml.ScalarNode && c.Tag == "!!null" {
				return refused(w.file, c.Line, fmt.Sprintf("%s[%d]", path, i), model.Refuse("yaml_empty_item", "an empty item; fill it in or remove the dash"))
			}
			if err := w.walk(c, fmt.Sprintf("%s[%d]", path, i), et); err != nil {
				return err
			}
		}
	case yaml.AliasNode:
		return w.walkAlias(n, path, t)
	}
	return nil
}

// walkAlias checks what an alias (or a merge's list of aliases) points to,
// each anchored node once, so a file of nested aliases costs no more to
// check than to read.
func (w *walker) walkAlias(n *yaml.Node, path string, t reflect.Type) error {
	if n.Kind == yaml.SequenceNode {
		for _, c := range n.Content {
			if err := w.walkAlias(c, path, t); err != nil {
				return err
			}
		}
		return nil
	}
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	visit := aliasVisit{n, structured(t)}
	if n == nil || w.seen[visit] {
		return nil
	}
	w.seen[visit] = true
	return w.walk(n, path, t)
}

// structured is the type whose fields or items a node of type t holds: t
// without pointers, or nil when t reads its own text (dates, periods).
func structured(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || reflect.PointerTo(t).Implements(textUnmarshaler) || reflect.PointerTo(t).Implements(yamlUnmarshaler) {
		return nil
	}
	return t
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	yamlUnmarshaler = reflect.TypeFor[yaml.Unmarshaler]()
	fieldSets       sync.Map // reflect.Type → map[string]reflect.Type
)

// fieldsOf returns the YAML field names of struct type t, with their types.
func fieldsOf(t reflect.Type) map[string]reflect.Type {
	if fs, ok := fieldSets.Load(t); ok {
		return fs.(map[string]reflect.Type)
	}
	fs := map[string]reflect.Type{}
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = strings.ToLower(f.Name)
		}
		fs[name] = f.Type
	}
	fieldSets.Store(t, fs)
	return fs
}
