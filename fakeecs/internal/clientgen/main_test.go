package main

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestGeneratedClientIsCurrent checks that the typed client's methods in
// the fakeecs package are what the generator writes now; after a change
// to the list of actions, run go generate in fakeecs.
func TestGeneratedClientIsCurrent(t *testing.T) {
	want, err := Generate()
	require.NoError(t, err)
	got, err := os.ReadFile("../../client_gen.go")
	require.NoError(t, err)
	require.Equal(t, string(want), string(got))
}
