package fakeecs

import (
	"context"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
)

// TestMalformedParameters checks that a value that cannot be read as its
// type gets InvalidParameter and reaches no action: a client of the wire
// can send anything.
func TestMalformedParameters(t *testing.T) {
	rows := []struct {
		params rpc.Params
		msg    string
	}{
		{rpc.Params{"QueueNumber": "abc"}, `The specified parameter ` +
			`"QueueNumber" is not valid: "abc" is not an integer.`},
		{rpc.Params{"DeleteOnRelease": "yes"}, `The specified parameter ` +
			`"DeleteOnRelease" is not valid: "yes" is not a boolean.`},
		{rpc.Params{"PrivateIpAddress.0": "192.168.0.9"}, `The specified ` +
			`parameter "PrivateIpAddress.0" is not valid: its list index ` +
			`must be a positive integer.`},
	}
	for _, row := range rows {
		f := New(WithWorld(DefaultWorld()))
		p := rpc.Params{"RegionId": DefaultRegion,
			"VSwitchId":       DefaultVSwitchH,
			"SecurityGroupId": DefaultSecurityGroup}
		for k, v := range row.params {
			p[k] = v
		}
		ans := f.invoke(context.Background(),
			route{ecsVersion, ActionCreateNetworkInterface}, p)
		require.NotNil(t, ans.Err)
		require.Equal(t, "InvalidParameter", ans.Err.Code)
		require.Equal(t, 400, ans.Err.HTTPStatus)
		require.Equal(t, row.msg, ans.Err.Message)
		require.Empty(t, f.NetworkInterfaces())
	}
}

// TestUnknownAction checks the service's answer to an action it does not
// serve.
func TestUnknownAction(t *testing.T) {
	f := New(WithWorld(DefaultWorld()))
	ans := f.invoke(context.Background(),
		route{ecsVersion, "RunInstances"}, rpc.Params{})
	require.Equal(t, "InvalidAction.NotFound", ans.Err.Code)
	require.Equal(t, 404, ans.Err.HTTPStatus)
}

// TestTypedClientCoversEveryECSAction checks that the typed client has
// the three forms of every ECS action the fake serves.
func TestTypedClientCoversEveryECSAction(t *testing.T) {
	ct := reflect.TypeOf(&Client{})
	for r := range handlers {
		if r.version != ecsVersion {
			continue
		}
		for _, form := range []string{"", "WithOptions", "WithContext"} {
			_, ok := ct.MethodByName(string(r.action) + form)
			require.True(t, ok, "the typed client has no %s%s",
				r.action, form)
		}
	}
}
