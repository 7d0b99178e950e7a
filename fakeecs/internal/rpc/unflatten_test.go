package rpc

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestUnflatten checks the nested form of flat parameters: objects, lists
// in index order with gaps closed, and a name that is both a value and an
// object.
func TestUnflatten(t *testing.T) {
	got := Unflatten(Params{
		"RegionId":            "cn-hangzhou",
		"PrivateIpAddress.2":  "10.0.0.2",
		"PrivateIpAddress.10": "10.0.0.10",
		"Tag.1.Key":           "k",
		"Tag.1.Value":         "",
		"Tag.1":               "shadowed",
		"NetworkInterfaceTrafficConfig.QueueNumber": "4",
	})
	require.Equal(t, map[string]any{
		"RegionId":         "cn-hangzhou",
		"PrivateIpAddress": []any{"10.0.0.2", "10.0.0.10"},
		"Tag":              []any{map[string]any{"Key": "k", "Value": ""}},
		"NetworkInterfaceTrafficConfig": map[string]any{
			"QueueNumber": "4"},
	}, got)
	require.Equal(t, map[string]any{}, Unflatten(nil))
	require.Equal(t, map[string]any{"A": map[string]any{"01": "x"}},
		Unflatten(Params{"A.01": "x"}))
}

// FuzzUnflatten checks that Unflatten never panics, whatever the names.
func FuzzUnflatten(f *testing.F) {
	f.Add("Tag.1.Key", "Tag.1", "a..b")        // a value shadowed; empty segments
	f.Add("A.99999999999999999999", "A.1", "") // an index beyond any int
	f.Fuzz(func(t *testing.T, a, b, c string) {
		Unflatten(Params{a: "1", b: "2", c: "3"})
	})
}
