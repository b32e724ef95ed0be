// Package yamlreg reads and writes agreements as human-readable YAML, the
// format of the sample register, `avtal import FILE.yaml` and
// `avtal export --yaml DIR`, so a register can be kept in git and diffed.
package yamlreg

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"avtal/model"
)

// Error is a problem in a YAML file, with the line and field it is on.
// Err is the keyed refusal behind Msg (a *model.FieldError or a
// *model.Refusal), so the faces word it in the session's language.
type Error struct {
	File  string
	Line  int
	Field string
	Msg   string
	Err   error
}

// refused is the problem r on the field at line of file.
func refused(file string, line int, field string, r *model.Refusal) *Error {
	return &Error{File: file, Line: line, Field: field, Msg: r.Msg, Err: r}
}

// Unwrap is the keyed refusal behind the problem, if any.
func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Field != "" {
		b.WriteString(": " + e.Field)
	}
	b.WriteString(": " + e.Msg)
	return b.String()
}

// scalarChecks are the fields whose text must parse as a date, period or
// amount. They are checked on the node tree first, so an error can name the
// line; the YAML library reports text-decoding errors without one.
var scalarChecks = map[string]func(string) error{
	"signed": dateCheck, "effective": dateCheck, "start": dateCheck, "since": dateCheck,
	"list_checked": dateCheck, "reported": dateCheck, "claim_sent": dateCheck,
	"initial": periodCheck, "renewal": periodCheck, "notice": periodCheck, "offset": periodCheck,
	"advance_notice": periodCheck, "objection_window": periodCheck, "termination_notice": periodCheck,
	"claim_window": periodCheck,
	"amount":       func(s string) error { _, err := model.ParseAmount(s); return err },
}

func dateCheck(s string) error   { _, err := model.ParseDate(s); return err }
func periodCheck(s string) error { _, err := model.ParsePeriod(s); return err }

// Decode reads one agreement from YAML. file names the source in errors.
// Nothing is returned unless the whole agreement is valid.
func Decode(file string, data []byte) (*model.Agreement, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, libraryError(file, err)
	}
	if len(root.Content) == 0 {
		return nil, refused(file, 0, "", model.Refuse("yaml_empty", "the file is empty"))
	}
	w := walker{file: file, lines: map[string]int{}, seen: map[aliasVisit]bool{}}
	if err := w.walk(root.Content[0], "", agreementType); err != nil {
		return nil, err
	}
	// The walk checked every field name, as the library's KnownFields
	// would, so the tree already parsed is decoded rather than the text
	// parsed again.
	var a model.Agreement
	if err := root.Decode(&a); err != nil {
		return nil, libraryError(file, err)
	}
	if err := a.Validate(); err != nil {
		e := &Error{File: file, Msg: err.Error(), Err: err}
		var fe *model.FieldError
		if errors.As(err, &fe) {
			e.Field, e.Msg = fe.Field, fe.Msg
			e.Line = lineOf(w.lines, fe.Field)
		}
		return nil, e
	}
	dropEmptyLists(reflect.ValueOf(&a).Elem())
	return &a, nil
}

// dropEmptyLists turns every empty list ("tags: []") into no list, so a file
// that spells an empty list and one that leaves it out give the same
// agreement, and Encode → Decode gives back exactly what was read.
func dropEmptyLists(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			dropEmptyLists(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				dropEmptyLists(f)
			}
		}
	case reflect.Slice:
		if v.Len() == 0 {
			v.SetZero()
			return
		}
		for i := range v.Len() {
			dropEmptyLists(v.Index(i))
		}
	}
}

// lineOf finds the line of a field path, or of its nearest recorded parent.
func lineOf(lines map[string]int, path string) int {
	for path != "" {
		if l, ok := lines[path]; ok {
			return l
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return lines[""]
}

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// libraryError turns the YAML library's message into an Error with a line
// and words a person understands.
func libraryError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		text := m[2]
		if f, ok := strings.CutPrefix(text, "field "); ok {
			name, _, _ := strings.Cut(f, " ")
			return refused(file, line, name, unknownField)
		}
		text = strings.ReplaceAll(text, "!!str", "text")
		text = strings.ReplaceAll(text, "!!seq", "a list")
		text = strings.ReplaceAll(text, "!!map", "a mapping")
		return refused(file, line, "", model.Refuse("yaml_syntax", "%s", text))
	}
	return refused(file, 0, "", model.Refuse("yaml_syntax", "%s", msg))
}

// unknownField refuses a field the format does not have.
var unknownField = model.Refuse("yaml_unknown_field", "unknown field")

// Encode writes an agreement as YAML that Decode reads back unchanged.
func Encode(a *model.Agreement) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(a); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
