package fakeecs_test

import (
	"errors"
	"io"
	"net/url"
	"syscall"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	legacy "github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// dropCreates makes every create's connection drop, before or after the
// commit.
func dropCreates(f *fakeecs.Fake, afterCommit bool) {
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
		Effect: fakeecs.Drop(), AfterCommit: afterCommit})
}

// requireReset requires the *url.Error of a connection reset that an
// http.Client gives.
func requireReset(t *testing.T, err error) {
	t.Helper()
	var ue *url.Error
	require.True(t, errors.As(err, &ue), "%T %v", err, err)
	require.Equal(t, "Post", ue.Op)
	require.ErrorIs(t, err, syscall.ECONNRESET)
}

// TestDropBeforeTheCommit checks that a dropped call gets no answer but a
// transport error, through the typed client and the v7 SDK in-process,
// does nothing, and is in the journal as dropped with no code.
func TestDropBeforeTheCommit(t *testing.T) {
	f, c := newFake(t)
	dropCreates(f, false)
	_, err := c.CreateNetworkInterface(createReq())
	requireReset(t, err)
	_, err = f.SDKClient().CreateNetworkInterface(createReq())
	requireReset(t, err)
	require.Empty(t, f.NetworkInterfaces())
	for _, call := range f.Journal() {
		require.True(t, call.Dropped)
		require.Equal(t, "", call.Code)
		require.Equal(t, "rule 1", call.Rule)
	}
	require.Len(t, f.Journal(), 2)
}

// TestDropAfterTheCommit checks that a call dropped after its commit did
// its work, and that a retry with the same ClientToken gets that ENI
// rather than a second one.
func TestDropAfterTheCommit(t *testing.T) {
	f, c := newFake(t)
	id := f.AddRule(fakeecs.Rule{
		Action: fakeecs.ActionCreateNetworkInterface,
		Fire:   fakeecs.FirstN(1), Effect: fakeecs.Drop(), AfterCommit: true})
	req := createReq()
	req.ClientToken = tea.String("drop-1")
	_, err := c.CreateNetworkInterface(req)
	requireReset(t, err)
	made := f.NetworkInterfaces()
	require.Len(t, made, 1)
	f.RemoveRule(id)
	got := mustCreate(t, c, req)
	require.Equal(t, made[0].ID, tea.StringValue(got.NetworkInterfaceId))
	require.Len(t, f.NetworkInterfaces(), 1)
}

// TestDropOverASocketAndTheOlderSDK checks what unmodified clients see:
// a v7 client over a socket meets the end of the connection (EOF) in a
// *url.Error, and the older SDK in-process an error that names the
// connection reset.
func TestDropOverASocketAndTheOlderSDK(t *testing.T) {
	f, _ := newFake(t)
	dropCreates(f, false)
	srv := f.NewServer()
	defer srv.Close()
	c, err := ecs.NewClient(socketConfig(t, srv.URL))
	require.NoError(t, err)
	_, err = c.CreateNetworkInterface(createReq())
	var ue *url.Error
	require.True(t, errors.As(err, &ue), "%T %v", err, err)
	require.ErrorIs(t, err, io.EOF)

	lreq := legacy.CreateCreateNetworkInterfaceRequest()
	lreq.VSwitchId = fakeecs.DefaultVSwitchH
	lreq.SecurityGroupId = fakeecs.DefaultSecurityGroup
	_, err = f.LegacyClient(region).CreateNetworkInterface(lreq)
	require.Error(t, err)
	require.Contains(t, err.Error(), "connection reset by peer")
	require.Empty(t, f.NetworkInterfaces())
}

// TestAdminDropRule checks a drop rule added over the admin API: the
// next create meets a connection reset and the journal says it was
// dropped.
func TestAdminDropRule(t *testing.T) {
	f, c := newFake(t)
	exchangeAll(t, f, exchange{"POST", "/rules", `{"action": ` +
		`"CreateNetworkInterface", "effect": {"kind": "drop"}}`, 200,
		`{"id":1}`})
	_, err := c.CreateNetworkInterface(createReq())
	requireReset(t, err)
	require.True(t, f.Journal()[0].Dropped)
}
