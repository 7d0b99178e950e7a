package rpc

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// pair is one parameter on its way into a struct.
type pair struct {
	name string // the flat name as sent, for errors
	rest string // the part of name below the struct being filled
	val  string // the value as sent
	idx  int    // the list index, once parsed
}

// Decode fills the struct that dst points to from p. It sets every mapped
// field: a field with no parameter becomes its zero value (nil for
// pointers and slices), while unexported fields and fields tagged "-"
// keep their values. Names that match no field are ignored.
//
// If a value cannot be read as its field's type, or a list index is not
// valid, Decode returns an [*Error] and leaves dst unchanged. When several
// parameters are bad, the error names the one whose name sorts first, so
// the result does not depend on map order.
//
// Decode panics if dst is not a non-nil pointer to a struct, or if the
// struct has a field the codec cannot carry (see the package
// documentation). It never panics because of p. Decode is safe for
// concurrent use.
func Decode(p Params, dst any) error {
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.IsNil() ||
		rv.Elem().Kind() != reflect.Struct {
		panic(fmt.Sprintf("rpc: Decode needs a non-nil pointer to a "+
			"struct, not %T", dst))
	}
	pl := planFor(rv.Elem().Type())
	pairs := make([]pair, 0, len(p))
	for name, val := range p {
		pairs = append(pairs, pair{name: name, rest: name, val: val})
	}
	tmp := reflect.New(rv.Elem().Type()).Elem()
	if _, err := decodeStruct(pl, tmp, pairs); err != nil {
		return err
	}
	commit(pl, rv.Elem(), tmp)
	return nil
}

// commit copies the mapped fields of src into dst, in one assignment when
// every field is mapped.
func commit(pl *plan, dst, src reflect.Value) {
	if pl.whole {
		dst.Set(src)
		return
	}
	for _, f := range pl.fields {
		dst.Field(f.index).Set(src.Field(f.index))
	}
}

// decodeStruct fills the zero struct sv from pairs, whose rest names a
// field of sv. It reports whether any parameter landed in a field, and
// the first bad parameter.
func decodeStruct(pl *plan, sv reflect.Value, pairs []pair) (bool, *Error) {
	var groups [][]pair
	var landed bool
	var first *Error
	for _, pr := range pairs {
		head, tail, dotted := strings.Cut(pr.rest, ".")
		i, ok := pl.byName[head]
		if !ok || dotted != pl.fields[i].kind.composite() {
			continue
		}
		if !dotted {
			err := decodeScalar(&pl.fields[i], sv, pr)
			landed, first = landed || err == nil, earlier(first, err)
			continue
		}
		if groups == nil {
			groups = make([][]pair, len(pl.fields))
		}
		pr.rest = tail
		groups[i] = append(groups[i], pr)
	}
	for i, g := range groups {
		if len(g) > 0 {
			ok, err := decodeComposite(&pl.fields[i], sv, g)
			landed, first = landed || ok, earlier(first, err)
		}
	}
	return landed, first
}

// decodeComposite fills the list or object field f of sv from g, whose
// rest is what follows the field's name and a dot.
func decodeComposite(f *field, sv reflect.Value, g []pair) (bool, *Error) {
	fv := sv.Field(f.index)
	if f.kind == kindObject {
		return decodeObject(f, fv, g)
	}
	g, first := members(g, f.kind == kindList)
	if f.kind == kindStrings {
		return decodeStrings(fv, g), first
	}
	ok, err := decodeList(f, fv, g)
	return ok, earlier(first, err)
}

// decodeScalar sets the string, integer or boolean field f of sv from pr.
func decodeScalar(f *field, sv reflect.Value, pr pair) *Error {
	fv := sv.Field(f.index)
	switch f.kind {
	case kindString:
		fv.SetString(pr.val)
		return nil
	case kindBool:
		return decodeBool(fv, pr)
	case kindInt32:
		return decodeInt(fv, pr, 32)
	}
	return decodeInt(fv, pr, 64)
}

// decodeBool sets the *bool fv from pr.
func decodeBool(fv reflect.Value, pr pair) *Error {
	var b bool
	switch {
	case foldsTo(pr.val, "true"):
		b = true
	case !foldsTo(pr.val, "false"):
		return &Error{Param: pr.name, Value: pr.val, Want: "a boolean"}
	}
	p := reflect.New(fv.Type().Elem())
	p.Elem().SetBool(b)
	fv.Set(p)
	return nil
}

// foldsTo reports whether s is the ASCII word w in any letter case. The
// length check keeps out Unicode folds such as the long s, U+017F, which
// strings.EqualFold matches to 's'.
func foldsTo(s, w string) bool {
	return len(s) == len(w) && strings.EqualFold(s, w)
}

// decodeInt sets the pointer to an integer of the given bit size fv from
// pr.
func decodeInt(fv reflect.Value, pr pair, bits int) *Error {
	if !isDecimal(pr.val) {
		return &Error{Param: pr.name, Value: pr.val, Want: "an integer"}
	}
	n, err := strconv.ParseInt(pr.val, 10, bits)
	if err != nil {
		return &Error{Param: pr.name, Value: pr.val, Want: intRange(bits)}
	}
	p := reflect.New(fv.Type().Elem())
	p.Elem().SetInt(n)
	fv.Set(p)
	return nil
}

// isDecimal reports whether s is an optional '-' and one or more ASCII
// digits. It is checked before strconv.ParseInt, which accepts a '+' and
// calls "9999999999x" out of range rather than malformed.
func isDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// intRange says what an integer of the given bit size should have been
// when it overflowed.
func intRange(bits int) string {
	hi := int64(1)<<(bits-1) - 1
	return fmt.Sprintf("an integer from %d to %d", -hi-1, hi)
}

// members parses the list index at the start of each rest in g, keeps
// the pairs that name a member (nested: a field of a member) and sorts
// them by index. It returns the first pair whose index is not valid.
func members(g []pair, nested bool) ([]pair, *Error) {
	var first *Error
	kept := g[:0]
	for _, pr := range g {
		idx, sub, dotted := strings.Cut(pr.rest, ".")
		n, ok := parseIndex(idx)
		if !ok {
			bad := &Error{Param: pr.name, Value: pr.val, Want: "a list index"}
			first = earlier(first, bad)
			continue
		}
		if dotted == nested {
			pr.idx, pr.rest = n, sub
			kept = append(kept, pr)
		}
	}
	slices.SortFunc(kept, byIndex)
	return kept, first
}

// byIndex orders pairs by list index.
func byIndex(a, b pair) int {
	return cmp.Compare(a.idx, b.idx)
}

// parseIndex reads a list index: a decimal integer of at least 1 that
// fits in an int, with no sign and no leading zero.
func parseIndex(s string) (int, bool) {
	if s == "" || s[0] < '1' || s[0] > '9' {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// decodeStrings sets the []string fv from g, one member per pair in index
// order. It reports whether the list has any member.
func decodeStrings(fv reflect.Value, g []pair) bool {
	if len(g) == 0 {
		return false
	}
	s := reflect.MakeSlice(fv.Type(), len(g), len(g))
	for i, pr := range g {
		s.Index(i).SetString(pr.val)
	}
	fv.Set(s)
	return true
}

// decodeList sets the []struct field f, held in fv, from g, which is
// sorted by index. Pairs that share an index fill one member; a member
// into which nothing lands is dropped.
func decodeList(f *field, fv reflect.Value, g []pair) (bool, *Error) {
	s := reflect.MakeSlice(f.typ, runs(g), runs(g))
	n := 0
	var first *Error
	for len(g) > 0 {
		end := 1
		for end < len(g) && g[end].idx == g[0].idx {
			end++
		}
		ok, err := decodeStruct(f.elem, s.Index(n), g[:end])
		if ok {
			n++
		}
		first, g = earlier(first, err), g[end:]
	}
	if n > 0 {
		fv.Set(s.Slice(0, n))
	}
	return n > 0, first
}

// runs counts the distinct indices in g, which is sorted by index.
func runs(g []pair) int {
	n := 0
	for i := range g {
		if i == 0 || g[i].idx != g[i-1].idx {
			n++
		}
	}
	return n
}

// decodeObject sets the *struct field f, held in fv, from g, leaving it
// nil unless something lands in it.
func decodeObject(f *field, fv reflect.Value, g []pair) (bool, *Error) {
	p := reflect.New(f.typ.Elem())
	ok, err := decodeStruct(f.elem, p.Elem(), g)
	if ok {
		fv.Set(p)
	}
	return ok, err
}
