package rpc

import "fmt"

// Error reports a parameter whose value cannot be read as its type, or
// whose name holds a list index that is not valid. Decode returns it as a
// *Error; match it with errors.As. It is a plain value, safe to share
// once made.
type Error struct {
	// Param is the flat name as sent, e.g. "Tag.3.Key" or "QueueNumber".
	Param string
	// Value is the value as sent.
	Value string
	// Want says what was expected, as a noun phrase: "an integer",
	// "an integer from -2147483648 to 2147483647", "a boolean" or
	// "a list index". For "a list index" the fault is in Param, not in
	// Value.
	Want string
}

// Error returns a message that quotes the parameter and its value.
func (e *Error) Error() string {
	return fmt.Sprintf("rpc: parameter %q = %q: want %s",
		e.Param, e.Value, e.Want)
}

// earlier returns whichever of a and b names the parameter that sorts
// first, treating nil as absent, so that Decode reports the same error
// whatever order it visits the map in.
func earlier(a, b *Error) *Error {
	switch {
	case a == nil:
		return b
	case b == nil || a.Param <= b.Param:
		return a
	}
	return b
}
