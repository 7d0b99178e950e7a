package fakeecs

// Requests carry optional integers and booleans as pointers, nil when the
// client left them out.

// intOf returns the value of an optional integer, or zero.
func intOf(p *int32) int {
	if p == nil {
		return 0
	}
	return int(*p)
}

// boolOf returns the value of an optional boolean, or false.
func boolOf(p *bool) bool {
	return p != nil && *p
}
