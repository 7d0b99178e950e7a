package fakeecs_test

import (
	"testing"
	"time"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

func deleteReq(id *string) *ecs.DeleteNetworkInterfaceRequest {
	return &ecs.DeleteNetworkInterfaceRequest{RegionId: tea.String(region),
		NetworkInterfaceId: id}
}

// TestDeleteReleasesEverything deletes an ENI with secondary addresses and
// IPv6 and checks that it is Deleting, still holding its addresses, until
// the Delete delay passes; then it is gone, the vSwitch's count is back,
// and the addresses can be taken again (DeleteNetworkInterface: the call
// is asynchronous; all private addresses are released).
func TestDeleteReleasesEverything(t *testing.T) {
	f, c := newFake(t)
	before, _ := f.AvailableIPs(fakeecs.DefaultVSwitchH)
	req := createReq()
	req.PrimaryIpAddress = tea.String("192.168.0.7")
	req.SecondaryPrivateIpAddressCount = tea.Int32(5)
	req.Ipv6Address = tea.StringSlice([]string{"2408:4005:3d0:a00::7"})
	req.Tag = tag("k", "v")
	id := mustCreate(t, c, req).NetworkInterfaceId

	resp, err := c.DeleteNetworkInterface(deleteReq(id))
	require.NoError(t, err)
	require.NotEmpty(t, tea.StringValue(resp.Body.RequestId))
	enis := describeAll(t, c)
	require.Len(t, enis, 1)
	require.Equal(t, "Deleting", tea.StringValue(enis[0].Status))
	held, _ := f.AvailableIPs(fakeecs.DefaultVSwitchH)
	require.Equal(t, before-6, held)
	f.Advance(999 * time.Millisecond)
	require.Len(t, describeAll(t, c), 1)
	f.Advance(time.Millisecond)
	require.Empty(t, describeAll(t, c))
	after, _ := f.AvailableIPs(fakeecs.DefaultVSwitchH)
	require.Equal(t, before, after)
	_, ok := f.NetworkInterface(tea.StringValue(id))
	require.False(t, ok)

	again := mustCreate(t, c, req)
	require.Equal(t, "192.168.0.7", tea.StringValue(again.PrivateIpAddress))
}

// TestDeleteRefusals checks DeleteNetworkInterface's errors: a missing or
// unknown ENI ID, and an unknown region; and that deleting a Deleting ENI
// again is allowed ("If the ENI stays in Deleting, calling again is
// allowed").
func TestDeleteRefusals(t *testing.T) {
	f, c := newFake(t)
	id := mustCreate(t, c, createReq()).NetworkInterfaceId
	_, err := c.DeleteNetworkInterface(deleteReq(tea.String("eni-bp1x")))
	requireCode(t, err, "InvalidEniId.NotFound", 404)
	_, err = c.DeleteNetworkInterface(deleteReq(nil))
	requireCode(t, err, "MissingParameter", 400)
	_, err = c.DeleteNetworkInterface(&ecs.DeleteNetworkInterfaceRequest{
		RegionId: tea.String("cn-beijing"), NetworkInterfaceId: id})
	requireCode(t, err, "Forbidden.RegionId", 400)
	_, err = c.DeleteNetworkInterface(deleteReq(id))
	require.NoError(t, err)
	_, err = c.DeleteNetworkInterface(deleteReq(id))
	require.NoError(t, err)
	f.Settle()
	_, err = c.DeleteNetworkInterface(deleteReq(id))
	requireCode(t, err, "InvalidEniId.NotFound", 404)
}
