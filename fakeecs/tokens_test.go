package fakeecs_test

import (
	"net/url"
	"testing"

	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// TestClientTokenOnlyWhereTaken checks that a ClientToken sent to an
// action whose request has none (AttachNetworkInterface,
// DetachNetworkInterface and DescribeNetworkInterfaces take no
// ClientToken in the v7 SDK) is ignored: the second attach with the same
// token attaches again instead of replaying the first answer, and a
// describe with a token lists what is there now.
func TestClientTokenOnlyWhereTaken(t *testing.T) {
	f, c := newFake(t)
	in := f.AddInstance(instanceSpec())
	eni := tea.StringValue(mustCreate(t, c, createReq()).NetworkInterfaceId)
	call := func(action string, extra url.Values) map[string]any {
		q := url.Values{"Action": {action}, "Version": {"2014-05-26"},
			"RegionId": {"cn-hangzhou"}, "ClientToken": {"same"}}
		for k, v := range extra {
			q[k] = v
		}
		status, _, out := rawCall(t, f, "POST", q.Encode(), nil, "")
		require.Equal(t, 200, status, out)
		return out
	}
	eniOn := url.Values{"NetworkInterfaceId": {eni},
		"InstanceId": {in.ID}}
	call("AttachNetworkInterface", eniOn)
	f.Settle()
	call("DetachNetworkInterface", eniOn)
	f.Settle()
	call("AttachNetworkInterface", eniOn)
	require.Equal(t, fakeecs.StatusAttaching, statusOf(t, f, eni))

	list := func() int {
		out := call("DescribeNetworkInterfaces", nil)
		return int(out["TotalCount"].(float64))
	}
	require.Equal(t, 2, list())
	mustCreate(t, c, createReq())
	require.Equal(t, 3, list())
}

// statusOf is the status of the ENI id in the fake.
func statusOf(t *testing.T, f *fakeecs.Fake, id string) fakeecs.Status {
	t.Helper()
	for _, n := range f.NetworkInterfaces() {
		if n.ID == id {
			return n.Status
		}
	}
	t.Fatalf("no ENI %s", id)
	return ""
}

// TestClientTokenIgnoresTheProtocol checks that a retry whose protocol
// parameters changed (the older SDK signs each attempt anew with a new
// Timestamp and SignatureNonce) replays the original ENI rather than
// meeting IdempotentParameterMismatch.
func TestClientTokenIgnoresTheProtocol(t *testing.T) {
	f, _ := newFake(t)
	create := func(stamp, nonce string) string {
		q := url.Values{"Action": {"CreateNetworkInterface"},
			"Version": {"2014-05-26"}, "RegionId": {"cn-hangzhou"},
			"VSwitchId":       {fakeecs.DefaultVSwitchH},
			"SecurityGroupId": {fakeecs.DefaultSecurityGroup},
			"ClientToken":     {"retry-1"}, "Timestamp": {stamp},
			"SignatureNonce": {nonce}, "Signature": {nonce}}
		status, _, out := rawCall(t, f, "POST", q.Encode(), nil, "")
		require.Equal(t, 200, status, out)
		return out["NetworkInterfaceId"].(string)
	}
	first := create("2026-01-01T00:00:00Z", "n1")
	require.Equal(t, first, create("2026-01-01T00:00:07Z", "n2"))
	require.Len(t, f.NetworkInterfaces(), 1)
}
