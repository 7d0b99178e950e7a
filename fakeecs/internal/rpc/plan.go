package rpc

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// kind is how one struct field travels on the wire.
type kind uint8

const (
	kindString  kind = iota // string: Name
	kindInt32               // *int32: Name
	kindInt64               // *int64: Name
	kindBool                // *bool: Name
	kindStrings             // []string: Name.N
	kindList                // []struct: Name.N.Field
	kindObject              // *struct: Name.Field
)

// composite reports whether the field's parameters carry more after its
// name, as lists and objects do.
func (k kind) composite() bool {
	return k >= kindStrings
}

// field is the plan for one struct field.
type field struct {
	name  string       // parameter name
	index int          // index of the field in its struct
	kind  kind         // wire shape
	typ   reflect.Type // the field's Go type
	elem  *plan        // plan of the member or object struct, if any
}

// plan is how to decode and encode one struct type.
type plan struct {
	fields []field
	byName map[string]int // parameter name to index in fields
	marker int            // index in fields of the first string, or -1
	whole  bool           // every field of the struct is in fields
}

// plans caches a *plan for each struct type seen.
var plans sync.Map

// planFor returns the plan for the struct type t, building it on first
// use. It panics if t has a field the codec cannot carry.
func planFor(t reflect.Type) *plan {
	return cachedPlan(t, nil)
}

// cachedPlan returns the cached plan for t, or builds one; outer lists
// the types whose plans are being built around it.
func cachedPlan(t reflect.Type, outer []reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	p, _ := plans.LoadOrStore(t, build(t, outer))
	return p.(*plan)
}

// build makes the plan for the struct type t.
func build(t reflect.Type, outer []reflect.Type) *plan {
	if slices.Contains(outer, t) {
		panic(fmt.Sprintf("rpc: type %v contains itself", t))
	}
	outer = append(outer, t)
	p := &plan{byName: map[string]int{}, marker: -1}
	for i := range t.NumField() {
		sf := t.Field(i)
		name, ok := paramName(t, sf)
		if !ok {
			continue
		}
		p.add(t, newField(t, sf, name, outer))
	}
	p.whole = len(p.fields) == t.NumField()
	return p
}

// add appends f to p, panicking if its name is taken.
func (p *plan) add(t reflect.Type, f field) {
	if _, dup := p.byName[f.name]; dup {
		panic(fmt.Sprintf("rpc: %v has two fields named %q", t, f.name))
	}
	if f.kind == kindString && p.marker < 0 {
		p.marker = len(p.fields)
	}
	p.byName[f.name] = len(p.fields)
	p.fields = append(p.fields, f)
}

// paramName returns the parameter name of the field sf of t, or false if
// the field is unexported or tagged "-".
func paramName(t reflect.Type, sf reflect.StructField) (string, bool) {
	tag := sf.Tag.Get("rpc")
	if !sf.IsExported() || tag == "-" {
		return "", false
	}
	name := tag
	if name == "" {
		name = sf.Name
	}
	if strings.Contains(name, ".") {
		panic(fmt.Sprintf("rpc: field %v.%s has a dot in its name %q",
			t, sf.Name, name))
	}
	return name, true
}

// newField plans the field sf of t, panicking if its type is not one the
// codec supports.
func newField(t reflect.Type, sf reflect.StructField, name string,
	outer []reflect.Type) field {
	k, ok := kindOf(sf.Type)
	if !ok {
		panic(fmt.Sprintf("rpc: field %v.%s has unsupported type %v",
			t, sf.Name, sf.Type))
	}
	f := field{name: name, index: sf.Index[0], kind: k, typ: sf.Type}
	if k == kindList || k == kindObject {
		f.elem = cachedPlan(sf.Type.Elem(), outer)
	}
	return f
}

// kindOf returns the wire shape of a field of type t, or false if t is not
// supported.
func kindOf(t reflect.Type) (kind, bool) {
	switch t.Kind() {
	case reflect.String:
		return kindString, true
	case reflect.Pointer:
		return pointerKind(t.Elem().Kind())
	case reflect.Slice:
		return sliceKind(t.Elem().Kind())
	}
	return 0, false
}

// pointerKind returns the wire shape of a pointer to a value of kind k.
func pointerKind(k reflect.Kind) (kind, bool) {
	switch k {
	case reflect.Int32:
		return kindInt32, true
	case reflect.Int64:
		return kindInt64, true
	case reflect.Bool:
		return kindBool, true
	case reflect.Struct:
		return kindObject, true
	}
	return 0, false
}

// sliceKind returns the wire shape of a slice of values of kind k.
func sliceKind(k reflect.Kind) (kind, bool) {
	switch k {
	case reflect.String:
		return kindStrings, true
	case reflect.Struct:
		return kindList, true
	}
	return 0, false
}
