package fakeecs_test

import (
	"net/netip"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

type assignReqT = ecs.AssignPrivateIpAddressesRequest

func assignReq(id string) *assignReqT {
	return &assignReqT{RegionId: tea.String(region),
		NetworkInterfaceId: tea.String(id)}
}

func unassignReq(id string, ips ...string) *ecs.UnassignPrivateIpAddressesRequest {
	return &ecs.UnassignPrivateIpAddressesRequest{
		RegionId: tea.String(region), NetworkInterfaceId: tea.String(id),
		PrivateIpAddress: tea.StringSlice(ips)}
}

// TestAssignAndUnassignIPv4 assigns addresses by count and by value, and a
// prefix, reads the answer's lists, and unassigns them again: the pool's
// count comes back (AssignPrivateIpAddresses: "the response lists the
// assigned IPs"; UnassignPrivateIpAddresses).
func TestAssignAndUnassignIPv4(t *testing.T) {
	f, c := newFake(t)
	id := newENI(t, c) // holds 192.168.0.1
	before, _ := f.AvailableIPs(fakeecs.DefaultVSwitchH)

	req := assignReq(id)
	req.SecondaryPrivateIpAddressCount = tea.Int32(2)
	resp, err := c.AssignPrivateIpAddresses(req)
	require.NoError(t, err)
	set := resp.Body.AssignedPrivateIpAddressesSet
	require.Equal(t, id, tea.StringValue(set.NetworkInterfaceId))
	require.Equal(t, tea.StringSlice([]string{"192.168.0.2", "192.168.0.3"}),
		set.PrivateIpSet.PrivateIpAddress)

	req = assignReq(id)
	req.PrivateIpAddress = tea.StringSlice([]string{"192.168.0.200"})
	_, err = c.AssignPrivateIpAddresses(req)
	require.NoError(t, err)
	req = assignReq(id)
	req.Ipv4PrefixCount = tea.Int32(1)
	resp, err = c.AssignPrivateIpAddresses(req)
	require.NoError(t, err)
	require.Equal(t, "192.168.0.16/28", tea.StringValue(
		resp.Body.AssignedPrivateIpAddressesSet.Ipv4PrefixSet.Ipv4Prefixes[0]))
	n, _ := f.NetworkInterface(id)
	require.Equal(t, []netip.Addr{addr("192.168.0.2"), addr("192.168.0.3"),
		addr("192.168.0.200")}, n.PrivateIPs)

	_, err = c.UnassignPrivateIpAddresses(unassignReq(id, "192.168.0.3",
		"192.168.0.200"))
	require.NoError(t, err)
	_, err = c.UnassignPrivateIpAddresses(
		&ecs.UnassignPrivateIpAddressesRequest{RegionId: tea.String(region),
			NetworkInterfaceId: tea.String(id),
			Ipv4Prefix:         tea.StringSlice([]string{"192.168.0.16/28"})})
	require.NoError(t, err)
	n, _ = f.NetworkInterface(id)
	require.Equal(t, []netip.Addr{addr("192.168.0.2")}, n.PrivateIPs)
	require.Empty(t, n.IPv4Prefixes)
	after, _ := f.AvailableIPs(fakeecs.DefaultVSwitchH)
	require.Equal(t, before-1, after)
}

func addr(s string) netip.Addr { return netip.MustParseAddr(s) }

// TestAssignIPv4Refusals checks AssignPrivateIpAddresses' errors: an
// address held elsewhere (InvalidIp.IpAssigned), addresses and a count
// together, nothing asked, an ENI in the wrong state, and the 49
// secondary addresses an unattached ENI holds at most
// (InvalidOperation.Ipv4CountExceeded).
func TestAssignIPv4Refusals(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f)
	id := newENI(t, c)
	newENI(t, c) // holds 192.168.0.2
	attached := newENI(t, c)
	_, err := c.AttachNetworkInterface(attachReq(attached, in.ID))
	require.NoError(t, err)
	rows := []struct {
		name   string
		id     string
		edit   func(r *assignReqT)
		code   string
		status int
	}{
		{"held elsewhere", id, func(r *assignReqT) {
			r.PrivateIpAddress = tea.StringSlice([]string{"192.168.0.2"})
		}, "InvalidIp.IpAssigned", 403},
		{"its own primary", id, func(r *assignReqT) {
			r.PrivateIpAddress = tea.StringSlice([]string{"192.168.0.1"})
		}, "InvalidIp.IpAssigned", 403},
		{"reserved", id, func(r *assignReqT) {
			r.PrivateIpAddress = tea.StringSlice([]string{"192.168.0.255"})
		}, "InvalidVSwitchId.IpInvalid", 403},
		{"both", id, func(r *assignReqT) {
			r.PrivateIpAddress = tea.StringSlice([]string{"192.168.0.9"})
			r.SecondaryPrivateIpAddressCount = tea.Int32(1)
		}, "InvalidParameter.Conflict", 400},
		{"nothing", id, func(r *assignReqT) {}, "MissingParameter", 400},
		{"50 secondary", id, func(r *assignReqT) {
			r.SecondaryPrivateIpAddressCount = tea.Int32(50)
		}, "InvalidOperation.Ipv4CountExceeded", 403},
		{"attaching", attached, func(r *assignReqT) {
			r.SecondaryPrivateIpAddressCount = tea.Int32(1)
		}, "InvalidOperation.InvalidEniState", 400},
		{"unknown", "eni-bp1none", func(r *assignReqT) {
			r.SecondaryPrivateIpAddressCount = tea.Int32(1)
		}, "InvalidEniId.NotFound", 404},
		{"bad token", id, func(r *assignReqT) {
			r.SecondaryPrivateIpAddressCount = tea.Int32(1)
			r.ClientToken = tea.String("ünicode")
		}, "InvalidParameter", 400},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			before := takeSnapshot(f)
			req := assignReq(row.id)
			row.edit(req)
			_, err := c.AssignPrivateIpAddresses(req)
			requireCode(t, err, row.code, row.status)
			require.Empty(t, diffSnapshots(before, takeSnapshot(f)))
		})
	}
	req := assignReq(id)
	req.SecondaryPrivateIpAddressCount = tea.Int32(49)
	_, err = c.AssignPrivateIpAddresses(req)
	require.NoError(t, err)
}

// TestAssignFollowsTheInstanceType checks that an attached ENI is bound by
// its instance type: an ecs.g7.large ENI holds 6 IPv4 and 6 IPv6
// addresses (DescribeInstanceTypes, EniPrivateIpAddressQuantity and
// EniIpv6AddressQuantity).
func TestAssignFollowsTheInstanceType(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f)
	id := newENI(t, c)
	_, err := c.AttachNetworkInterface(attachReq(id, in.ID))
	require.NoError(t, err)
	f.Settle()
	req := assignReq(id)
	req.SecondaryPrivateIpAddressCount = tea.Int32(5)
	_, err = c.AssignPrivateIpAddresses(req)
	require.NoError(t, err)
	req.SecondaryPrivateIpAddressCount = tea.Int32(1)
	_, err = c.AssignPrivateIpAddresses(req)
	requireCode(t, err, "InvalidOperation.Ipv4CountExceeded", 403)

	v6 := &ecs.AssignIpv6AddressesRequest{RegionId: tea.String(region),
		NetworkInterfaceId: tea.String(id), Ipv6AddressCount: tea.Int32(6)}
	_, err = c.AssignIpv6Addresses(v6)
	require.NoError(t, err)
	v6.Ipv6AddressCount = tea.Int32(1)
	_, err = c.AssignIpv6Addresses(v6)
	requireCode(t, err, "InvalidOperation.Ipv6CountExceeded", 403)

	// The primary ENI of a Running instance takes addresses too.
	req = assignReq(in.PrimaryENI)
	req.SecondaryPrivateIpAddressCount = tea.Int32(5)
	_, err = c.AssignPrivateIpAddresses(req)
	require.NoError(t, err)
}

// TestUnassignIPv4Refusals checks that the primary address and addresses
// the ENI does not hold get InvalidIp.IpUnassigned, and that nothing
// changes.
func TestUnassignIPv4Refusals(t *testing.T) {
	f, c := newFake(t)
	id := newENI(t, c)
	req := assignReq(id)
	req.SecondaryPrivateIpAddressCount = tea.Int32(1) // 192.168.0.2
	_, err := c.AssignPrivateIpAddresses(req)
	require.NoError(t, err)
	for _, ips := range [][]string{{"192.168.0.1"}, {"192.168.0.9"},
		{"192.168.0.2", "192.168.0.9"}, {"192.168.0.2", "192.168.0.2"}} {
		before := takeSnapshot(f)
		_, err := c.UnassignPrivateIpAddresses(unassignReq(id, ips...))
		requireCode(t, err, "InvalidIp.IpUnassigned", 403)
		require.Empty(t, diffSnapshots(before, takeSnapshot(f)))
	}
	_, err = c.UnassignPrivateIpAddresses(unassignReq(id))
	requireCode(t, err, "MissingParameter", 400)
}

// TestAssignAndUnassignIPv6 assigns IPv6 addresses and a /80 prefix and
// unassigns them (AssignIpv6Addresses answers flat lists).
func TestAssignAndUnassignIPv6(t *testing.T) {
	f, c := newFake(t)
	id := newENI(t, c)
	resp, err := c.AssignIpv6Addresses(&ecs.AssignIpv6AddressesRequest{
		RegionId: tea.String(region), NetworkInterfaceId: tea.String(id),
		Ipv6AddressCount: tea.Int32(2)})
	require.NoError(t, err)
	require.Equal(t, id, tea.StringValue(resp.Body.NetworkInterfaceId))
	require.Equal(t, tea.StringSlice([]string{"2408:4005:3d0:a00::1",
		"2408:4005:3d0:a00::2"}), resp.Body.Ipv6Sets.Ipv6Address)
	resp, err = c.AssignIpv6Addresses(&ecs.AssignIpv6AddressesRequest{
		RegionId: tea.String(region), NetworkInterfaceId: tea.String(id),
		Ipv6PrefixCount: tea.Int32(1)})
	require.NoError(t, err)
	require.Equal(t, tea.StringSlice([]string{"2408:4005:3d0:a00:1::/80"}),
		resp.Body.Ipv6PrefixSets.Ipv6Prefix)

	_, err = c.UnassignIpv6Addresses(&ecs.UnassignIpv6AddressesRequest{
		RegionId: tea.String(region), NetworkInterfaceId: tea.String(id),
		Ipv6Address: tea.StringSlice([]string{"2408:4005:3d0:a00::1"}),
	})
	require.NoError(t, err)
	_, err = c.UnassignIpv6Addresses(&ecs.UnassignIpv6AddressesRequest{
		RegionId: tea.String(region), NetworkInterfaceId: tea.String(id),
		Ipv6Address: tea.StringSlice([]string{"2408:4005:3d0:a00::1"}),
	})
	requireCode(t, err, "InvalidIp.IpUnassigned", 403)
	n, _ := f.NetworkInterface(id)
	require.Equal(t, []netip.Addr{addr("2408:4005:3d0:a00::2")}, n.IPv6s)
	require.Len(t, n.IPv6Prefixes, 1)
}

// TestAssignIPv6Refusals checks the IPv6 errors: a vSwitch without IPv6,
// 11 addresses on an unattached ENI, and an address another ENI holds.
func TestAssignIPv6Refusals(t *testing.T) {
	_, c := newFake(t)
	id := newENI(t, c)
	req := createReq()
	req.VSwitchId = tea.String(fakeecs.DefaultVSwitchI)
	v4only := tea.StringValue(mustCreate(t, c, req).NetworkInterfaceId)
	_, err := c.AssignIpv6Addresses(&ecs.AssignIpv6AddressesRequest{
		RegionId: tea.String(region), NetworkInterfaceId: tea.String(v4only),
		Ipv6AddressCount: tea.Int32(1)})
	requireCode(t, err, "InvalidOperation.VSwitchIpv6Disabled", 404)
	v6 := &ecs.AssignIpv6AddressesRequest{RegionId: tea.String(region),
		NetworkInterfaceId: tea.String(id), Ipv6AddressCount: tea.Int32(10)}
	_, err = c.AssignIpv6Addresses(v6)
	require.NoError(t, err)
	v6.Ipv6AddressCount = tea.Int32(1)
	_, err = c.AssignIpv6Addresses(v6)
	requireCode(t, err, "InvalidOperation.Ipv6CountExceeded", 403)
	other := newENI(t, c)
	_, err = c.AssignIpv6Addresses(&ecs.AssignIpv6AddressesRequest{
		RegionId: tea.String(region), NetworkInterfaceId: tea.String(other),
		Ipv6Address: tea.StringSlice([]string{"2408:4005:3d0:a00::1"})})
	requireCode(t, err, "InvalidOperation.AddressAlreadyAllocated", 404)
	_, err = c.AssignIpv6Addresses(&ecs.AssignIpv6AddressesRequest{
		RegionId: tea.String(region), NetworkInterfaceId: tea.String(other)})
	requireCode(t, err, "MissingParameter", 400)
}
