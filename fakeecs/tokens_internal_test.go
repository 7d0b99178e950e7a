package fakeecs

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestIdempotentActionsTakeClientToken checks the set of actions that
// remember a ClientToken against the v7 SDK's request types: exactly
// those with a ClientToken field.
func TestIdempotentActionsTakeClientToken(t *testing.T) {
	c := reflect.TypeFor[*Client]()
	for r := range handlers {
		if r.version != ecsVersion {
			continue
		}
		m, ok := c.MethodByName(string(r.action))
		require.True(t, ok, r.action)
		_, has := m.Type.In(1).Elem().FieldByName("ClientToken")
		require.Equal(t, has, idempotent[r], r.action)
	}
}
