package fakeecs_test

import (
	"net/netip"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// TestCreateSampleRequests sends the two sample requests of the
// CreateNetworkInterface reference page and checks the answers against its
// sample success response: an Available secondary ENI with the vSwitch's
// zone and VPC, a MAC under 00:16:3e, the security group, and the primary
// address in PrivateIpSets.
func TestCreateSampleRequests(t *testing.T) {
	_, c := newFake(t)

	// "Create an ENI": RegionId, SecurityGroupId and VSwitchId.
	b := mustCreate(t, c, createReq())
	require.Equal(t, "Available", tea.StringValue(b.Status))
	require.Equal(t, "Secondary", tea.StringValue(b.Type))
	require.Equal(t, fakeecs.DefaultVPC, tea.StringValue(b.VpcId))
	require.Equal(t, fakeecs.DefaultVSwitchH, tea.StringValue(b.VSwitchId))
	require.Equal(t, fakeecs.DefaultZoneH, tea.StringValue(b.ZoneId))
	require.Equal(t, "192.168.0.1", tea.StringValue(b.PrivateIpAddress))
	require.Regexp(t, `^eni-bp1[a-z0-9]{17}$`,
		tea.StringValue(b.NetworkInterfaceId))
	require.Regexp(t, `^00:16:3e(:[0-9a-f]{2}){3}$`,
		tea.StringValue(b.MacAddress))
	require.Regexp(t, `^[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}$`,
		tea.StringValue(b.RequestId))
	require.Equal(t, []*string{tea.String(fakeecs.DefaultSecurityGroup)},
		b.SecurityGroupIds.SecurityGroupId)
	require.Equal(t, fakeecs.DefaultResourceGroup,
		tea.StringValue(b.ResourceGroupId))
	require.Equal(t, "1234567890123456", tea.StringValue(b.OwnerId))
	require.Len(t, b.PrivateIpSets.PrivateIpSet, 1)
	require.Equal(t, "192.168.0.1",
		tea.StringValue(b.PrivateIpSets.PrivateIpSet[0].PrivateIpAddress))
	require.True(t, tea.BoolValue(b.PrivateIpSets.PrivateIpSet[0].Primary))

	// "Create an ENI and specify an IP address as the primary private IP
	// address of the ENI": PrimaryIpAddress as well.
	req := createReq()
	req.PrimaryIpAddress = tea.String("192.168.0.100")
	b = mustCreate(t, c, req)
	require.Equal(t, "192.168.0.100", tea.StringValue(b.PrivateIpAddress))
}

// TestCreateStoresEveryParameter creates an ENI with the parameters the
// reference page documents and reads each back from the answer,
// DescribeNetworkInterfaceAttribute and the fake's record. The traffic
// mode and queue pairs are read back by TestCreateHighPerformance; the
// idempotence token is checked but not yet remembered.
func TestCreateStoresEveryParameter(t *testing.T) {
	f, c := newFake(t)
	req := createReq()
	req.NetworkInterfaceName = tea.String("eni:my_name-1.0")
	req.Description = tea.String("test description")
	req.Tag = append(tag("env", "test"), tag("empty", "")...)
	req.ResourceGroupId = tea.String(fakeecs.DefaultResourceGroup)
	req.PrivateIpAddress = tea.StringSlice([]string{"192.168.0.20",
		"192.168.0.21"})
	req.Ipv6Address = tea.StringSlice([]string{"2408:4005:3d0:a00::20"})
	req.DeleteOnRelease = tea.Bool(true)
	req.SourceDestCheck = tea.Bool(true)
	req.QueueNumber = tea.Int32(8)
	req.RxQueueSize, req.TxQueueSize = tea.Int32(8192), tea.Int32(8192)
	req.ClientToken = tea.String("123e4567-e89b-12d3-a456-426655440000")
	req.ConnectionTrackingConfiguration = conntrack(5, 300, 60)
	req.InstanceType = tea.String("Trunk")
	req.BusinessType = tea.String("ignored")
	req.Visible = tea.Bool(true)
	b := mustCreate(t, c, req)
	require.Equal(t, "Trunk", tea.StringValue(b.Type))
	require.Equal(t, fakeecs.DefaultResourceGroup,
		tea.StringValue(b.ResourceGroupId))
	n, _ := f.NetworkInterface(tea.StringValue(b.NetworkInterfaceId))
	require.Equal(t, 8192, n.RxQueueSize)
	require.Equal(t, 8192, n.TxQueueSize)
	require.Equal(t, "eni:my_name-1.0",
		tea.StringValue(b.NetworkInterfaceName))
	require.Equal(t, "test description", tea.StringValue(b.Description))
	require.True(t, tea.BoolValue(b.SourceDestCheck))
	require.Equal(t, "2408:4005:3d0:a00::20",
		tea.StringValue(b.Ipv6Sets.Ipv6Set[0].Ipv6Address))
	require.Equal(t, "env", tea.StringValue(b.Tags.Tag[0].TagKey))
	require.Equal(t, "test", tea.StringValue(b.Tags.Tag[0].TagValue))
	require.Equal(t, "", tea.StringValue(b.Tags.Tag[1].TagValue))

	a, err := c.DescribeNetworkInterfaceAttribute(
		&ecs.DescribeNetworkInterfaceAttributeRequest{
			RegionId:           tea.String(region),
			NetworkInterfaceId: b.NetworkInterfaceId,
			Attribute:          tea.String("connectionTrackingConfiguration"),
		})
	require.NoError(t, err)
	d := a.Body
	require.True(t, tea.BoolValue(d.DeleteOnRelease))
	require.Equal(t, int32(8), tea.Int32Value(d.QueueNumber))
	require.Equal(t, "Standard", tea.StringValue(d.NetworkInterfaceTrafficMode))
	require.Equal(t, "2026-01-01T00:00:00Z", tea.StringValue(d.CreationTime))
	ips := d.PrivateIpSets.PrivateIpSet
	require.Len(t, ips, 3)
	require.Equal(t, "192.168.0.20", tea.StringValue(ips[1].PrivateIpAddress))
	require.False(t, tea.BoolValue(ips[1].Primary))
	ct := d.ConnectionTrackingConfiguration
	require.Equal(t, int32(5), tea.Int32Value(ct.TcpClosedAndTimeWaitTimeout))
	require.Equal(t, int32(300), tea.Int32Value(ct.TcpEstablishedTimeout))
	require.Equal(t, int32(60), tea.Int32Value(ct.UdpTimeout))
}

// TestCreateCounts asks for addresses and prefixes by count
// (SecondaryPrivateIpAddressCount, Ipv6AddressCount, Ipv4PrefixCount,
// Ipv6PrefixCount) and checks the exact addresses the lowest-free policy
// hands out.
func TestCreateCounts(t *testing.T) {
	f, c := newFake(t)
	req := createReq()
	req.SecondaryPrivateIpAddressCount = tea.Int32(3)
	req.Ipv6AddressCount = tea.Int32(2)
	b := mustCreate(t, c, req)
	var got []string
	for _, s := range b.PrivateIpSets.PrivateIpSet {
		got = append(got, tea.StringValue(s.PrivateIpAddress))
	}
	require.Equal(t, []string{"192.168.0.1", "192.168.0.2", "192.168.0.3",
		"192.168.0.4"}, got)
	require.Equal(t, "2408:4005:3d0:a00::2",
		tea.StringValue(b.Ipv6Sets.Ipv6Set[1].Ipv6Address))
	avail, _ := f.AvailableIPs(fakeecs.DefaultVSwitchH)
	require.Equal(t, 252-4, avail)

	req = createReq()
	req.Ipv4PrefixCount = tea.Int32(2)
	req.Ipv6PrefixCount = tea.Int32(1)
	b = mustCreate(t, c, req)
	require.Equal(t, "192.168.0.16/28",
		tea.StringValue(b.Ipv4PrefixSets.Ipv4PrefixSet[0].Ipv4Prefix))
	require.Equal(t, "192.168.0.32/28",
		tea.StringValue(b.Ipv4PrefixSets.Ipv4PrefixSet[1].Ipv4Prefix))
	require.Equal(t, "2408:4005:3d0:a00:1::/80",
		tea.StringValue(b.Ipv6PrefixSets.Ipv6PrefixSet[0].Ipv6Prefix))
	require.Equal(t, "192.168.0.5", tea.StringValue(b.PrivateIpAddress))
	avail, _ = f.AvailableIPs(fakeecs.DefaultVSwitchH)
	require.Equal(t, 252-4-1-32, avail)
}

// TestCreateRefusesHeldAddresses checks the errors for addresses and
// prefixes another ENI already holds (InvalidPrivateIpAddress.Duplicated,
// InvalidOperation.AddressAlreadyAllocated, InvalidIp.IpPrefixNotAvailable).
func TestCreateRefusesHeldAddresses(t *testing.T) {
	_, c := newFake(t)
	req := createReq()
	req.PrimaryIpAddress = tea.String("192.168.0.50")
	req.Ipv6Address = tea.StringSlice([]string{"2408:4005:3d0:a00::50"})
	mustCreate(t, c, req)
	req = createReq()
	req.Ipv4Prefix = tea.StringSlice([]string{"192.168.0.64/28"})
	mustCreate(t, c, req)

	rows := []struct {
		name   string
		edit   func(r *createReqT)
		code   string
		status int
	}{
		{"primary held", func(r *createReqT) {
			r.PrimaryIpAddress = tea.String("192.168.0.50")
		}, "InvalidPrivateIpAddress.Duplicated", 400},
		{"secondary held", func(r *createReqT) {
			r.PrivateIpAddress = tea.StringSlice([]string{"192.168.0.70"})
		}, "InvalidPrivateIpAddress.Duplicated", 400},
		{"ipv6 held", func(r *createReqT) {
			r.Ipv6Address = tea.StringSlice([]string{"2408:4005:3d0:a00::50"})
		}, "InvalidOperation.AddressAlreadyAllocated", 404},
		{"prefix over a held address", func(r *createReqT) {
			r.Ipv4Prefix = tea.StringSlice([]string{"192.168.0.48/28"})
		}, "InvalidIp.IpPrefixNotAvailable", 403},
		{"prefix held", func(r *createReqT) {
			r.Ipv4Prefix = tea.StringSlice([]string{"192.168.0.64/28"})
		}, "InvalidIp.IpPrefixNotAvailable", 403},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			req := createReq()
			row.edit(req)
			_, err := c.CreateNetworkInterface(req)
			requireCode(t, err, row.code, row.status)
		})
	}
}

// TestCreateRunsAVSwitchDry fills the small vSwitch (a /29: eight
// addresses, four reserved) and checks that the fifth address is refused
// with InvalidVSwitchId.IpNotEnough and the count stays exact.
func TestCreateRunsAVSwitchDry(t *testing.T) {
	f, c := newFake(t)
	req := createReq()
	req.VSwitchId = tea.String(fakeecs.DefaultVSwitchSmall)
	for i := range 4 {
		b := mustCreate(t, c, req)
		require.Equal(t, netip.AddrFrom4([4]byte{192, 168, 2, byte(1 + i)}).
			String(), tea.StringValue(b.PrivateIpAddress))
	}
	_, err := c.CreateNetworkInterface(req)
	requireCode(t, err, "InvalidVSwitchId.IpNotEnough", 403)
	avail, _ := f.AvailableIPs(fakeecs.DefaultVSwitchSmall)
	require.Equal(t, 0, avail)
}

// TestCreateWorldRefusals covers the refusals that need a world of their
// own: a Pending vSwitch (IncorrectVSwitchStatus), a classic security group
// (InvalidSecurityGroupId.NotVpc), a group of another VPC
// (InvalidOperation.VpcMismatch), a group a cloud service manages
// (InvalidOperation.ResourceManagedByCloudProduct), and full groups
// (SecurityGroupInstanceLimitExceed, InvalidOperation.EniCountExceeded).
func TestCreateWorldRefusals(t *testing.T) {
	w := fakeecs.DefaultWorld()
	w.VPCs = append(w.VPCs, fakeecs.VPC{ID: "vpc-other", Region: region,
		CIDR: netip.MustParsePrefix("10.0.0.0/16")})
	w.VSwitches = append(w.VSwitches, fakeecs.VSwitch{ID: "vsw-pending",
		VPC: fakeecs.DefaultVPC, Zone: fakeecs.DefaultZoneH,
		CIDR:   netip.MustParsePrefix("192.168.9.0/24"),
		Status: fakeecs.VSwitchPending})
	w.SecurityGroups = append(w.SecurityGroups,
		fakeecs.SecurityGroup{ID: "sg-classic"},
		fakeecs.SecurityGroup{ID: "sg-other", VPC: "vpc-other"},
		fakeecs.SecurityGroup{ID: "sg-managed", VPC: fakeecs.DefaultVPC,
			ServiceManaged: true},
		fakeecs.SecurityGroup{ID: "sg-full", VPC: fakeecs.DefaultVPC,
			Capacity: 1},
		fakeecs.SecurityGroup{ID: "sg-efull", VPC: fakeecs.DefaultVPC,
			Type: fakeecs.SecurityGroupEnterprise, Capacity: 1})
	f := fakeecs.New(fakeecs.WithWorld(w))
	c := f.Client()
	for _, sg := range []string{"sg-full", "sg-efull"} {
		req := createReq()
		req.SecurityGroupId = tea.String(sg)
		mustCreate(t, c, req)
	}
	rows := []struct {
		vsw, sg string
		code    string
		status  int
	}{
		{"vsw-pending", fakeecs.DefaultSecurityGroup,
			"IncorrectVSwitchStatus", 400},
		{fakeecs.DefaultVSwitchH, "sg-classic",
			"InvalidSecurityGroupId.NotVpc", 403},
		{fakeecs.DefaultVSwitchH, "sg-other",
			"InvalidOperation.VpcMismatch", 403},
		{fakeecs.DefaultVSwitchH, "sg-managed",
			"InvalidOperation.ResourceManagedByCloudProduct", 403},
		{fakeecs.DefaultVSwitchH, "sg-full",
			"SecurityGroupInstanceLimitExceed", 403},
		{fakeecs.DefaultVSwitchH, "sg-efull",
			"InvalidOperation.EniCountExceeded", 400},
	}
	for _, row := range rows {
		t.Run(row.code, func(t *testing.T) {
			req := createReq()
			req.VSwitchId = tea.String(row.vsw)
			req.SecurityGroupId = tea.String(row.sg)
			_, err := c.CreateNetworkInterface(req)
			requireCode(t, err, row.code, row.status)
		})
	}
}
