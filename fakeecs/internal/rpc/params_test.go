package rpc_test

import (
	"net/url"
	"testing"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
	"github.com/stretchr/testify/require"
)

func TestFromValuesKeepsFirstValue(t *testing.T) {
	v := url.Values{
		"RegionId":  {"cn-hangzhou", "cn-beijing"},
		"Tag.1.Key": {""},
		"Empty":     {},
	}
	want := rpc.Params{"RegionId": "cn-hangzhou", "Tag.1.Key": ""}
	require.Equal(t, want, rpc.FromValues(v))
}

func TestFromPointersLeavesOutNil(t *testing.T) {
	a, empty := "cn-hangzhou", ""
	m := map[string]*string{"RegionId": &a, "Tag.1.Value": &empty, "X": nil}
	want := rpc.Params{"RegionId": "cn-hangzhou", "Tag.1.Value": ""}
	require.Equal(t, want, rpc.FromPointers(m))
}

func TestValuesEncodesLikeTheSDKs(t *testing.T) {
	p := rpc.Params{"Tag.1.Value": "test value*", "Tag.2.Value": ""}
	require.Equal(t, "Tag.1.Value=test+value%2A&Tag.2.Value=",
		p.Values().Encode())
	require.Equal(t, p, rpc.FromValues(p.Values()))
	require.Empty(t, rpc.Params(nil).Values())
}
