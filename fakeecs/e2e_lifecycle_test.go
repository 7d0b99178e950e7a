package fakeecs_test

import (
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	legacy "github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// TestLifecycleWithTheV7SDKOverASocket drives attach, the address actions,
// modify and detach with an unmodified v7 client over a loopback socket.
func TestLifecycleWithTheV7SDKOverASocket(t *testing.T) {
	f := wireFake()
	in := addInstance(f)
	srv := f.NewServer()
	defer srv.Close()
	c, err := ecs.NewClient(socketConfig(t, srv.URL))
	require.NoError(t, err)
	id := tea.StringValue(mustCreate(t, f.Client(), createReq()).
		NetworkInterfaceId)
	r := tea.String(region)

	_, err = c.AttachNetworkInterface(&ecs.AttachNetworkInterfaceRequest{
		RegionId: r, NetworkInterfaceId: &id, InstanceId: &in.ID})
	require.NoError(t, err)
	f.Settle()
	a4, err := c.AssignPrivateIpAddresses(&ecs.AssignPrivateIpAddressesRequest{
		RegionId: r, NetworkInterfaceId: &id,
		SecondaryPrivateIpAddressCount: tea.Int32(2)})
	require.NoError(t, err)
	require.Equal(t, []string{"192.168.0.3", "192.168.0.4"},
		tea.StringSliceValue(a4.Body.AssignedPrivateIpAddressesSet.
			PrivateIpSet.PrivateIpAddress))
	_, err = c.UnassignPrivateIpAddresses(
		&ecs.UnassignPrivateIpAddressesRequest{RegionId: r,
			NetworkInterfaceId: &id,
			PrivateIpAddress:   tea.StringSlice([]string{"192.168.0.3"})})
	require.NoError(t, err)
	a6, err := c.AssignIpv6Addresses(&ecs.AssignIpv6AddressesRequest{
		RegionId: r, NetworkInterfaceId: &id, Ipv6AddressCount: tea.Int32(1)})
	require.NoError(t, err)
	_, err = c.UnassignIpv6Addresses(&ecs.UnassignIpv6AddressesRequest{
		RegionId: r, NetworkInterfaceId: &id,
		Ipv6Address: a6.Body.Ipv6Sets.Ipv6Address})
	require.NoError(t, err)
	_, err = c.ModifyNetworkInterfaceAttribute(
		&ecs.ModifyNetworkInterfaceAttributeRequest{RegionId: r,
			NetworkInterfaceId: &id, Description: tea.String("over wire")})
	require.NoError(t, err)
	_, err = c.DetachNetworkInterface(&ecs.DetachNetworkInterfaceRequest{
		RegionId: r, NetworkInterfaceId: &id, InstanceId: &in.ID})
	require.NoError(t, err)
	f.Settle()
	n, _ := f.NetworkInterface(id)
	require.Equal(t, fakeecs.StatusAvailable, n.Status)
	require.Equal(t, "over wire", n.Description)
	require.Equal(t, []string{"192.168.0.4"}, addrStrings(n.PrivateIPs))
	require.Empty(t, n.IPv6s)
}

// TestLifecycleWithTheOlderSDKOverASocket drives the same actions with an
// unmodified client of the older SDK, and checks one of its errors.
func TestLifecycleWithTheOlderSDKOverASocket(t *testing.T) {
	f := wireFake()
	in := addInstance(f)
	srv := f.NewServer()
	defer srv.Close()
	c := legacyClient(t, srv.URL)
	id := tea.StringValue(mustCreate(t, f.Client(), createReq()).
		NetworkInterfaceId)

	at := legacy.CreateAttachNetworkInterfaceRequest()
	at.NetworkInterfaceId, at.InstanceId = id, in.ID
	_, err := c.AttachNetworkInterface(at)
	require.NoError(t, err)
	_, err = c.AttachNetworkInterface(at)
	require.True(t, fakeecs.IsCode(err, "InvalidOperation.InvalidEniState"))
	f.Settle()

	as := legacy.CreateAssignPrivateIpAddressesRequest()
	as.NetworkInterfaceId = id
	as.SecondaryPrivateIpAddressCount = "1"
	ar, err := c.AssignPrivateIpAddresses(as)
	require.NoError(t, err)
	require.Equal(t, []string{"192.168.0.3"},
		ar.AssignedPrivateIpAddressesSet.PrivateIpSet.PrivateIpAddress)
	un := legacy.CreateUnassignPrivateIpAddressesRequest()
	un.NetworkInterfaceId = id
	un.PrivateIpAddress = &[]string{"192.168.0.3"}
	_, err = c.UnassignPrivateIpAddresses(un)
	require.NoError(t, err)

	a6 := legacy.CreateAssignIpv6AddressesRequest()
	a6.NetworkInterfaceId, a6.Ipv6AddressCount = id, "1"
	r6, err := c.AssignIpv6Addresses(a6)
	require.NoError(t, err)
	require.Equal(t, []string{"2408:4005:3d0:a00::1"},
		r6.Ipv6Sets.Ipv6Address)
	u6 := legacy.CreateUnassignIpv6AddressesRequest()
	u6.NetworkInterfaceId = id
	u6.Ipv6Address = &r6.Ipv6Sets.Ipv6Address
	_, err = c.UnassignIpv6Addresses(u6)
	require.NoError(t, err)

	mo := legacy.CreateModifyNetworkInterfaceAttributeRequest()
	mo.NetworkInterfaceId, mo.NetworkInterfaceName = id, "legacy-name"
	_, err = c.ModifyNetworkInterfaceAttribute(mo)
	require.NoError(t, err)

	de := legacy.CreateDetachNetworkInterfaceRequest()
	de.NetworkInterfaceId, de.InstanceId = id, in.ID
	_, err = c.DetachNetworkInterface(de)
	require.NoError(t, err)
	f.Settle()
	n, _ := f.NetworkInterface(id)
	require.Equal(t, fakeecs.StatusAvailable, n.Status)
	require.Equal(t, "legacy-name", n.Name)
	require.Empty(t, n.PrivateIPs)
}
