package fakeecs

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The fuzzy filters of ListTagResources (TagFilter.N). A key or a value
// is matched exactly ("env"), by prefix ("env*") or by infix ("*env*");
// no other use of * is documented, so the fake refuses it. One key uses
// one method for all its values: "If multiple search methods are
// configured for a tag key, the first search method prevails".

// method is how a pattern matches.
type method int

const (
	exact method = iota
	prefix
	infix
)

// pattern is a key or a value of a TagFilter: the text to find and how.
type pattern struct {
	text string
	how  method
}

// parsePattern reads a pattern of 1 to 128 characters, or reports that it
// is not one.
func parsePattern(s string) (pattern, bool) {
	if utf8.RuneCountInString(s) > 128 {
		return pattern{}, false
	}
	p := pattern{text: s}
	if t, ok := strings.CutSuffix(s, "*"); ok {
		p = pattern{t, prefix}
		if t, ok := strings.CutPrefix(t, "*"); ok {
			p = pattern{t, infix}
		}
	}
	return p, p.text != "" && !strings.Contains(p.text, "*")
}

func (p pattern) match(s string) bool {
	switch p.how {
	case prefix:
		return strings.HasPrefix(s, p.text)
	case infix:
		return strings.Contains(s, p.text)
	}
	return s == p.text
}

// keyFilter is a checked TagFilter: a resource passes when one of its
// tags has a key that matches and, when values are given, a value that
// matches one of them.
type keyFilter struct {
	key    pattern
	values []pattern
}

func (k keyFilter) match(tags []Tag) bool {
	for _, t := range tags {
		if k.key.match(t.Key) && k.matchValue(t.Value) {
			return true
		}
	}
	return false
}

func (k keyFilter) matchValue(v string) bool {
	if len(k.values) == 0 {
		return true
	}
	for _, p := range k.values {
		if p.match(v) {
			return true
		}
	}
	return false
}

// compileFilters checks the TagFilter.N of a request: at most 5, each
// with a key and at most 5 values, a fuzzy key only without values.
func compileFilters(fs []tagFilter) ([]keyFilter, *Error) {
	if len(fs) > maxTagFilters {
		return nil, apiErr("InvalidParameter", "The specified parameter "+
			"\"TagFilter\" holds %d filters; at most %d are allowed.",
			len(fs), maxTagFilters)
	}
	out := make([]keyFilter, len(fs))
	for i, f := range fs {
		k, err := compileFilter(f, fmt.Sprintf("TagFilter.%d", i+1))
		if err != nil {
			return nil, err
		}
		out[i] = k
	}
	return out, nil
}

// compileFilter checks one TagFilter, named name in errors.
func compileFilter(f tagFilter, name string) (keyFilter, *Error) {
	key, err := filterKey(f, name)
	if err != nil {
		return keyFilter{}, err
	}
	values, err := filterValues(f.TagValues, name)
	if err != nil {
		return keyFilter{}, err
	}
	return keyFilter{key, values}, nil
}

// filterKey reads the key of a TagFilter, which may be fuzzy only when
// the filter has no values.
func filterKey(f tagFilter, name string) (pattern, *Error) {
	if f.TagKey == "" {
		return pattern{}, missing(name + ".TagKey")
	}
	key, ok := parsePattern(f.TagKey)
	if !ok {
		return pattern{}, invalid(name + ".TagKey")
	}
	if key.how != exact && len(f.TagValues) > 0 {
		return pattern{}, apiErr("InvalidParameter", "%s.TagValues "+
			"must be empty when %s.TagKey %q is fuzzy.", name, name,
			f.TagKey)
	}
	return key, nil
}

// filterValues reads the values of a TagFilter, at most 5, all matched
// by the method of the first.
func filterValues(vs []string, name string) ([]pattern, *Error) {
	if len(vs) > maxFilterValues {
		return nil, invalid(name + ".TagValues")
	}
	var out []pattern
	for _, v := range vs {
		p, ok := parsePattern(v)
		if !ok {
			return nil, invalid(name + ".TagValues")
		}
		if len(out) > 0 {
			p.how = out[0].how
		}
		out = append(out, p)
	}
	return out, nil
}
