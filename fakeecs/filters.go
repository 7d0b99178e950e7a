package fakeecs

import (
	"encoding/json"
	"reflect"
	"strings"
)

// Filters that several list actions share.

// jsonList reads a parameter that holds a JSON array of strings, such as
// DescribeInstances' InstanceIds (`["i-1","i-2"]`), with at most most
// members. Empty means no filter. Anything else that is not such an array
// is InvalidParameter.
func jsonList(name, s string, most int) ([]string, *Error) {
	if s == "" {
		return nil, nil
	}
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, apiErr("InvalidParameter", "The specified parameter "+
			"%q is not valid: %q is not a JSON array of strings.", name, s)
	}
	if len(out) > most {
		return nil, apiErr("InvalidParameter", "The specified parameter "+
			"%q is not valid: it holds %d values, more than %d.", name,
			len(out), most)
	}
	return out, nil
}

// globMatch reports whether s matches pattern, in which each * stands for
// any run of characters and every other character for itself.
func globMatch(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == s
	}
	rest, ok := strings.CutPrefix(s, parts[0])
	if !ok {
		return false
	}
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	return strings.HasSuffix(rest, parts[len(parts)-1])
}

// tagsMatch holds when held carries every tag of the filter; a filter tag
// with an empty value matches any value of its key.
func tagsMatch(held []Tag, filter []tagParam) bool {
	for _, t := range filter {
		if !hasTag(held, t) {
			return false
		}
	}
	return true
}

func hasTag(held []Tag, t tagParam) bool {
	for _, h := range held {
		if h.Key == t.Key && (t.Value == "" || h.Value == t.Value) {
			return true
		}
	}
	return false
}

// checkFilterTags checks the count of a list request's Tag.N filter
// (N from 1 to 20).
func checkFilterTags(tags []tagParam) *Error {
	if len(tags) > maxTags {
		return apiErr("QuotaExceed.Tags", "The number of tags %d exceeds "+
			"the upper limit %d.", len(tags), maxTags)
	}
	return nil
}

// unsupported returns UnsupportedParameter for the first parameter of the
// request q (a pointer to a request struct) that is set and whose field
// is tagged fake:"unsupported": a documented parameter on something the
// fake does not model, which it refuses rather than ignore.
func unsupported(q any) *Error {
	v := reflect.ValueOf(q).Elem()
	t := v.Type()
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Tag.Get("fake") != "unsupported" || v.Field(i).IsZero() {
			continue
		}
		name := sf.Tag.Get("rpc")
		if name == "" {
			name = sf.Name
		}
		return apiErr("UnsupportedParameter", "The parameter %q is not "+
			"supported: the fake does not model what it filters on.", name)
	}
	return nil
}

// filtered returns the items of list that keep holds for, in order.
func filtered[T any](list []T, keep func(T) bool) []T {
	var out []T
	for _, x := range list {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}
