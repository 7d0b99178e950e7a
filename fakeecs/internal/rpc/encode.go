package rpc

import (
	"fmt"
	"reflect"
	"strconv"
)

// Encode flattens the struct src, or the struct a pointer src points to,
// into parameters the way the SDKs do: list members are numbered from 1,
// objects put their fields after a dot, booleans print as "true" or
// "false" and integers in decimal. Nil pointers and nil slices are left
// out; so are empty string fields, as an absent field and an empty one
// look the same in a struct. Members of a []string are always sent, empty
// or not.
//
// One exception makes Decode(Encode(x)) equal x for every x that Decode
// can return: a list member or an object that would send nothing at all
// sends its first string field as an empty value, so that it still exists
// when decoded. A member or object with no string field and nothing else
// set is lost, and so is an empty, non-nil slice.
//
// A nil pointer gives empty Params. Encode panics if src is not a struct
// or a pointer to one, or if the struct has a field the codec cannot
// carry. Encode is safe for concurrent use.
func Encode(src any) Params {
	rv := reflect.ValueOf(src)
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() && rv.Type().Elem().Kind() == reflect.Struct {
			return Params{}
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		panic(fmt.Sprintf("rpc: Encode needs a struct or a pointer to "+
			"one, not %T", src))
	}
	p := Params{}
	encodeStruct(p, planFor(rv.Type()), rv, "", false)
	return p
}

// encodeStruct adds the fields of sv to p, each name after prefix, and
// returns how many parameters it added. An inner struct (a list member or
// an object) that adds none sends its first string field empty instead.
func encodeStruct(p Params, pl *plan, sv reflect.Value, prefix string,
	inner bool) int {
	n := 0
	for i := range pl.fields {
		n += encodeField(p, &pl.fields[i], sv.Field(pl.fields[i].index), prefix)
	}
	if n == 0 && inner && pl.marker >= 0 {
		p[prefix+pl.fields[pl.marker].name] = ""
		n = 1
	}
	return n
}

// encodeField adds the field f, held in fv, to p under prefix and returns
// how many parameters it added.
func encodeField(p Params, f *field, fv reflect.Value, prefix string) int {
	name := prefix + f.name
	switch {
	case f.kind == kindString && fv.String() != "":
		p[name] = fv.String()
		return 1
	case f.kind == kindString || fv.IsNil():
		return 0
	case f.kind == kindBool:
		p[name] = strconv.FormatBool(fv.Elem().Bool())
		return 1
	case f.kind == kindInt32 || f.kind == kindInt64:
		p[name] = strconv.FormatInt(fv.Elem().Int(), 10)
		return 1
	case f.kind == kindObject:
		return encodeStruct(p, f.elem, fv.Elem(), name+".", true)
	}
	return encodeList(p, f, fv, name)
}

// encodeList adds the members of the list field f, held in fv, to p as
// name.1, name.2, ... and returns how many parameters it added.
func encodeList(p Params, f *field, fv reflect.Value, name string) int {
	n := 0
	for i := range fv.Len() {
		member := name + "." + strconv.Itoa(i+1)
		if f.kind == kindStrings {
			p[member] = fv.Index(i).String()
			n++
			continue
		}
		n += encodeStruct(p, f.elem, fv.Index(i), member+".", true)
	}
	return n
}
