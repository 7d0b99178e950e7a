package fakeecs_test

import (
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	legacy "github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// socketClient serves f on a loopback socket for the rest of the test and
// returns an unmodified v7 client pointed at it.
func socketClient(t *testing.T, f *fakeecs.Fake) *ecs.Client {
	t.Helper()
	srv := f.NewServer()
	t.Cleanup(srv.Close)
	c, err := ecs.NewClient(socketConfig(t, srv.URL))
	require.NoError(t, err)
	return c
}

// TestDescribeInstancesOverASocket lists instances, their ENIs included,
// with an unmodified v7 client over a loopback socket, and pages through
// them with NextToken (DescribeInstances).
func TestDescribeInstancesOverASocket(t *testing.T) {
	f := wireFake()
	var all []fakeecs.Instance
	for range 11 {
		all = append(all, f.AddInstance(instanceSpec()))
	}
	c := socketClient(t, f)

	resp, err := c.DescribeInstances(&ecs.DescribeInstancesRequest{
		RegionId: tea.String(region), MaxResults: tea.Int32(10)})
	require.NoError(t, err)
	require.Len(t, resp.Body.Instances.Instance, 10)
	got := resp.Body.Instances.Instance[0]
	require.Equal(t, all[0].ID, tea.StringValue(got.InstanceId))
	require.Equal(t, all[0].PrimaryENI, tea.StringValue(
		got.NetworkInterfaces.NetworkInterface[0].NetworkInterfaceId))
	require.Equal(t, []string{"192.168.0.1"}, tea.StringSliceValue(
		got.VpcAttributes.PrivateIpAddress.IpAddress))

	resp, err = c.DescribeInstances(&ecs.DescribeInstancesRequest{
		RegionId: tea.String(region), MaxResults: tea.Int32(10),
		NextToken: resp.Body.NextToken})
	require.NoError(t, err)
	require.Equal(t, []string{all[10].ID}, instanceIDs(resp.Body))
	require.Equal(t, "", tea.StringValue(resp.Body.NextToken))

	resp, err = c.DescribeInstances(&ecs.DescribeInstancesRequest{
		RegionId: tea.String(region), InstanceIds: tea.String("i-1")})
	requireCode(t, err, "InvalidParameter", 400)
	require.Nil(t, resp.Body)
}

// TestDescribeInstanceTypesOverASocket reads the ENI limits of two types
// with an unmodified v7 client over a loopback socket, as ENI plugins do
// (DescribeInstanceTypes, InstanceTypes.N).
func TestDescribeInstanceTypesOverASocket(t *testing.T) {
	c := socketClient(t, wireFake())
	resp, err := c.DescribeInstanceTypes(&ecs.DescribeInstanceTypesRequest{
		InstanceTypes: tea.StringSlice([]string{"ecs.g7.2xlarge",
			"ecs.g6.large"}),
		MaxResults: tea.Int64(100)})
	require.NoError(t, err)
	require.Equal(t, []string{"ecs.g6.large", "ecs.g7.2xlarge"},
		typeIDs(resp.Body))
	g7 := resp.Body.InstanceTypes.InstanceType[1]
	require.Equal(t, int32(4), tea.Int32Value(g7.EniQuantity))
	require.Equal(t, int32(10), tea.Int32Value(g7.EniTotalQuantity))
	require.Equal(t, int32(15), tea.Int32Value(g7.EniPrivateIpAddressQuantity))
	require.Equal(t, int32(15), tea.Int32Value(g7.EniIpv6AddressQuantity))
	require.True(t, tea.BoolValue(g7.EniTrunkSupported))
	require.Equal(t, "", tea.StringValue(resp.Body.NextToken))

	_, err = c.DescribeInstanceTypes(&ecs.DescribeInstanceTypesRequest{
		CpuArchitecture: tea.String("ARM")})
	requireCode(t, err, "UnsupportedParameter", 400)
}

// TestDescribeSecurityGroupsOverASocket lists security groups with an
// unmodified v7 client over a loopback socket, by a JSON array of IDs and
// by pages (DescribeSecurityGroups).
func TestDescribeSecurityGroupsOverASocket(t *testing.T) {
	f := wireFake()
	f.AddInstance(instanceSpec())
	c := socketClient(t, f)
	resp, err := c.DescribeSecurityGroups(&ecs.DescribeSecurityGroupsRequest{
		RegionId: tea.String(region),
		SecurityGroupIds: tea.String(`["` + fakeecs.DefaultSecurityGroup +
			`"]`)})
	require.NoError(t, err)
	require.Equal(t, []string{fakeecs.DefaultSecurityGroup},
		groupIDs(resp.Body))
	require.Equal(t, int32(1), tea.Int32Value(
		resp.Body.SecurityGroups.SecurityGroup[0].EcsCount))
	require.Equal(t, int32(1), tea.Int32Value(resp.Body.TotalCount))

	resp, err = c.DescribeSecurityGroups(&ecs.DescribeSecurityGroupsRequest{
		RegionId: tea.String(region), MaxResults: tea.Int32(1)})
	require.NoError(t, err)
	require.Equal(t, []string{fakeecs.DefaultEnterpriseSG},
		groupIDs(resp.Body))
	resp, err = c.DescribeSecurityGroups(&ecs.DescribeSecurityGroupsRequest{
		RegionId: tea.String(region), MaxResults: tea.Int32(1),
		NextToken: resp.Body.NextToken})
	require.NoError(t, err)
	require.Equal(t, []string{fakeecs.DefaultSecurityGroup},
		groupIDs(resp.Body))
	require.Equal(t, "", tea.StringValue(resp.Body.NextToken))

	_, err = c.DescribeSecurityGroups(&ecs.DescribeSecurityGroupsRequest{
		RegionId: tea.String(region), PageSize: tea.Int32(51)})
	requireCode(t, err, "InvalidParameter", 400)
}

// ecsNetworkAPI is the narrow interface that older ENI code declares over
// the v7 client for the ECS API's own, deprecated, vSwitch and VPC
// queries.
type ecsNetworkAPI interface {
	DescribeVSwitches(*ecs.DescribeVSwitchesRequest) (
		*ecs.DescribeVSwitchesResponse, error)
	DescribeVpcs(*ecs.DescribeVpcsRequest) (*ecs.DescribeVpcsResponse, error)
}

// TestECSVSwitchesAndVpcsOverASocket drives the ECS API's DescribeVSwitches
// and DescribeVpcs with an unmodified v7 client over a loopback socket,
// through an interface as downstream code calls them.
func TestECSVSwitchesAndVpcsOverASocket(t *testing.T) {
	f := wireFake()
	var api ecsNetworkAPI = socketClient(t, f)
	vr, err := api.DescribeVSwitches(&ecs.DescribeVSwitchesRequest{
		RegionId: tea.String(region), ZoneId: tea.String(fakeecs.DefaultZoneH)})
	require.NoError(t, err)
	require.Equal(t, []string{fakeecs.DefaultVSwitchSmall,
		fakeecs.DefaultVSwitchH}, vswitchIDs(vr.Body))
	require.Equal(t, int64(4), tea.Int64Value(
		vr.Body.VSwitches.VSwitch[0].AvailableIpAddressCount))

	pr, err := api.DescribeVpcs(&ecs.DescribeVpcsRequest{
		RegionId: tea.String(region)})
	require.NoError(t, err)
	require.Equal(t, fakeecs.DefaultVPC,
		tea.StringValue(pr.Body.Vpcs.Vpc[0].VpcId))
	require.Len(t, pr.Body.Vpcs.Vpc[0].VSwitchIds.VSwitchId, 3)

	_, err = api.DescribeVpcs(&ecs.DescribeVpcsRequest{})
	requireCode(t, err, "MissingParameter", 400)
}

// TestDescribeRegionsAndZonesOverASocket lists regions, without a
// RegionId, and a region's zones with an unmodified v7 client over a
// loopback socket (DescribeRegions, DescribeZones).
func TestDescribeRegionsAndZonesOverASocket(t *testing.T) {
	c := socketClient(t, wireFake())
	rr, err := c.DescribeRegions(&ecs.DescribeRegionsRequest{})
	require.NoError(t, err)
	require.Len(t, rr.Body.Regions.Region, 1)
	require.Equal(t, "ecs.cn-hangzhou.aliyuncs.com",
		tea.StringValue(rr.Body.Regions.Region[0].RegionEndpoint))

	zr, err := c.DescribeZones(&ecs.DescribeZonesRequest{
		RegionId: tea.String(region)})
	require.NoError(t, err)
	require.Equal(t, []string{fakeecs.DefaultZoneH, fakeecs.DefaultZoneI},
		zoneIDs(zr.Body))
	require.Contains(t, tea.StringSliceValue(zr.Body.Zones.Zone[1].
		AvailableInstanceTypes.InstanceTypes), "ecs.g7.large")

	_, err = c.DescribeZones(&ecs.DescribeZonesRequest{})
	requireCode(t, err, "MissingParameter", 400)
}

// TestOlderSDKDescribesOverASocket drives DescribeInstances, by a batch
// of IDs, and DescribeSecurityGroups, by pages of 50 until TotalCount, as
// ENI operators on the older SDK do, over a loopback socket.
func TestOlderSDKDescribesOverASocket(t *testing.T) {
	f := wireFake()
	a := f.AddInstance(instanceSpec())
	srv := f.NewServer()
	defer srv.Close()
	c := legacyClient(t, srv.URL)

	ireq := legacy.CreateDescribeInstancesRequest()
	ireq.InstanceIds = `["` + a.ID + `"]`
	ireq.PageSize = "100"
	ir, err := c.DescribeInstances(ireq)
	require.NoError(t, err)
	require.Equal(t, 1, ir.TotalCount)
	got := ir.Instances.Instance[0]
	require.Equal(t, a.ID, got.InstanceId)
	require.Equal(t, a.PrimaryENI,
		got.NetworkInterfaces.NetworkInterface[0].NetworkInterfaceId)
	require.Equal(t, "Primary", got.NetworkInterfaces.NetworkInterface[0].Type)

	greq := legacy.CreateDescribeSecurityGroupsRequest()
	greq.PageSize = "50"
	gr, err := c.DescribeSecurityGroups(greq)
	require.NoError(t, err)
	require.Equal(t, 2, gr.TotalCount)
	require.Len(t, gr.SecurityGroups.SecurityGroup, 2)
	require.Equal(t, 1, gr.SecurityGroups.SecurityGroup[1].EcsCount)
}
