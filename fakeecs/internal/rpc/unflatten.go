package rpc

import (
	"slices"
	"strings"
)

// Unflatten rebuilds the nested form of p, the inverse of the SDKs'
// flattening: "Tag.2.Key=a" becomes {"Tag": [{"Key": "a"}]}. A name's
// segments become nested objects; an object whose keys are all list
// indices becomes a list of its members in index order, gaps closed.
// Values stay strings. A name that is both a value and an object
// ("Tag.1" and "Tag.1.Key") keeps the object.
func Unflatten(p Params) map[string]any {
	root := &node{}
	for name, v := range p {
		root.put(strings.Split(name, "."), v)
	}
	out, _ := root.value().(map[string]any)
	if out == nil {
		out = map[string]any{}
	}
	return out
}

// node is one segment of the tree of names.
type node struct {
	val  string
	kids map[string]*node
}

func (n *node) put(path []string, v string) {
	if len(path) == 0 {
		n.val = v
		return
	}
	if n.kids == nil {
		n.kids = map[string]*node{}
	}
	k := n.kids[path[0]]
	if k == nil {
		k = &node{}
		n.kids[path[0]] = k
	}
	k.put(path[1:], v)
}

// value returns the node as a string, a list or an object.
func (n *node) value() any {
	if len(n.kids) == 0 {
		return n.val
	}
	keys := make([]string, 0, len(n.kids))
	for k := range n.kids {
		keys = append(keys, k)
	}
	if !allIndices(keys) {
		m := make(map[string]any, len(keys))
		for _, k := range keys {
			m[k] = n.kids[k].value()
		}
		return m
	}
	slices.SortFunc(keys, compareIndices)
	list := make([]any, len(keys))
	for i, k := range keys {
		list[i] = n.kids[k].value()
	}
	return list
}

func allIndices(keys []string) bool {
	for _, k := range keys {
		if !isIndex(k) {
			return false
		}
	}
	return true
}

// isIndex reports whether s is a list index: digits, no leading zero.
func isIndex(s string) bool {
	if s == "" || s[0] == '0' {
		return false
	}
	return strings.Trim(s, "0123456789") == ""
}

// compareIndices orders indices by value without parsing them, so that
// indices too large for an int still sort.
func compareIndices(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}
