package fakeecs_test

import (
	"errors"
	"net/url"
	"testing"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"
	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	legacy "github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	legacyvpc "github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// socketConfig points a v7-style SDK at a loopback server, as the
// reference describes: Endpoint host:port and Protocol HTTP.
func socketConfig(t *testing.T, serverURL string) *openapiutil.Config {
	u, err := url.Parse(serverURL)
	require.NoError(t, err)
	return &openapiutil.Config{
		AccessKeyId:     tea.String("any-ak"),
		AccessKeySecret: tea.String("any-secret"),
		Endpoint:        tea.String(u.Host),
		Protocol:        tea.String("HTTP"),
	}
}

// TestV7SDKOverASocket drives every ECS action the fake serves with an
// unmodified v7 client over a real loopback socket.
func TestV7SDKOverASocket(t *testing.T) {
	f := wireFake()
	srv := f.NewServer()
	defer srv.Close()
	c, err := ecs.NewClient(socketConfig(t, srv.URL))
	require.NoError(t, err)

	req := createReq()
	req.SecondaryPrivateIpAddressCount = tea.Int32(1)
	req.Tag = tag("env", "e2e")
	cr, err := c.CreateNetworkInterface(req)
	require.NoError(t, err)
	id := cr.Body.NetworkInterfaceId
	require.Equal(t, "192.168.0.2", tea.StringValue(
		cr.Body.PrivateIpSets.PrivateIpSet[1].PrivateIpAddress))
	require.Equal(t, tea.StringValue(cr.Body.RequestId),
		tea.StringValue(cr.Headers["x-acs-request-id"]))

	dr, err := c.DescribeNetworkInterfaces(&ecs.DescribeNetworkInterfacesRequest{
		RegionId: tea.String(region), NetworkInterfaceId: []*string{id}})
	require.NoError(t, err)
	require.Equal(t, "e2e", tea.StringValue(dr.Body.NetworkInterfaceSets.
		NetworkInterfaceSet[0].Tags.Tag[0].TagValue))

	ar, err := c.DescribeNetworkInterfaceAttribute(
		&ecs.DescribeNetworkInterfaceAttributeRequest{
			RegionId: tea.String(region), NetworkInterfaceId: id})
	require.NoError(t, err)
	require.Equal(t, "Available", tea.StringValue(ar.Body.Status))

	_, err = c.DeleteNetworkInterface(deleteReq(id))
	require.NoError(t, err)
	f.Settle()
	resp, err := c.DeleteNetworkInterface(deleteReq(id))
	requireCode(t, err, "InvalidEniId.NotFound", 404)
	require.Nil(t, resp.Body)
}

// TestVPCSDKOverASocket drives the VPC API's DescribeVSwitches and
// DescribeVpcs with an unmodified VPC client over a loopback socket.
func TestVPCSDKOverASocket(t *testing.T) {
	f := wireFake()
	srv := f.NewServer()
	defer srv.Close()
	c, err := vpc.NewClient(socketConfig(t, srv.URL))
	require.NoError(t, err)
	vr, err := c.DescribeVSwitches(&vpc.DescribeVSwitchesRequest{
		RegionId: tea.String(region), ZoneId: tea.String(fakeecs.DefaultZoneH)})
	require.NoError(t, err)
	require.Equal(t, int32(2), tea.Int32Value(vr.Body.TotalCount))
	for _, s := range vr.Body.VSwitches.VSwitch {
		want, _ := f.AvailableIPs(tea.StringValue(s.VSwitchId))
		require.Equal(t, int64(want), tea.Int64Value(s.AvailableIpAddressCount))
	}
	pr, err := c.DescribeVpcs(&vpc.DescribeVpcsRequest{
		RegionId: tea.String(region)})
	require.NoError(t, err)
	require.Equal(t, fakeecs.DefaultVPC,
		tea.StringValue(pr.Body.Vpcs.Vpc[0].VpcId))
	require.Equal(t, int64(1234567890123456),
		tea.Int64Value(pr.Body.Vpcs.Vpc[0].OwnerId))
}

// legacyClient points the older SDK at a loopback server by its domain;
// its scheme is HTTP by default.
func legacyClient(t *testing.T, serverURL string) *legacy.Client {
	u, err := url.Parse(serverURL)
	require.NoError(t, err)
	c, err := legacy.NewClientWithAccessKey(region, "any-ak", "any-secret")
	require.NoError(t, err)
	c.Domain = u.Host
	return c
}

// TestOlderSDKOverASocket drives every ECS action with an unmodified client
// of the older SDK over a loopback socket, and checks its error value.
func TestOlderSDKOverASocket(t *testing.T) {
	f := wireFake()
	srv := f.NewServer()
	defer srv.Close()
	c := legacyClient(t, srv.URL)

	creq := legacy.CreateCreateNetworkInterfaceRequest()
	creq.VSwitchId = fakeecs.DefaultVSwitchH
	creq.SecurityGroupIds = &[]string{fakeecs.DefaultSecurityGroup}
	creq.Ipv6AddressCount = "1"
	creq.Tag = &[]legacy.CreateNetworkInterfaceTag{{Key: "env", Value: ""}}
	cr, err := c.CreateNetworkInterface(creq)
	require.NoError(t, err)
	require.Equal(t, 200, cr.GetHttpStatus())
	require.Equal(t, "Available", cr.Status)
	require.Equal(t, "2408:4005:3d0:a00::1", cr.Ipv6Sets.Ipv6Set[0].Ipv6Address)

	dreq := legacy.CreateDescribeNetworkInterfacesRequest()
	dreq.MaxResults = "10"
	dr, err := c.DescribeNetworkInterfaces(dreq)
	require.NoError(t, err)
	require.Len(t, dr.NetworkInterfaceSets.NetworkInterfaceSet, 1)

	areq := legacy.CreateDescribeNetworkInterfaceAttributeRequest()
	areq.NetworkInterfaceId = cr.NetworkInterfaceId
	ar, err := c.DescribeNetworkInterfaceAttribute(areq)
	require.NoError(t, err)
	require.Equal(t, cr.MacAddress, ar.MacAddress)

	xreq := legacy.CreateDeleteNetworkInterfaceRequest()
	xreq.NetworkInterfaceId = cr.NetworkInterfaceId
	_, err = c.DeleteNetworkInterface(xreq)
	require.NoError(t, err)
	f.Settle()
	_, err = c.DeleteNetworkInterface(xreq)
	var se *sdkerrors.ServerError
	require.True(t, errors.As(err, &se))
	require.Equal(t, "InvalidEniId.NotFound", se.ErrorCode())
	require.Equal(t, 404, se.HttpStatus())
	require.Equal(t, "ecs.aliyuncs.com", se.HostId())
	require.NotEmpty(t, se.RequestId())
}

// TestOlderVPCSDKOverASocket drives DescribeVSwitches and DescribeVpcs with
// the older SDK's VPC client.
func TestOlderVPCSDKOverASocket(t *testing.T) {
	f := wireFake()
	srv := f.NewServer()
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	c, err := legacyvpc.NewClientWithAccessKey(region, "ak", "secret")
	require.NoError(t, err)
	c.Domain = u.Host
	vr, err := c.DescribeVSwitches(legacyvpc.CreateDescribeVSwitchesRequest())
	require.NoError(t, err)
	require.Equal(t, 3, vr.TotalCount)
	require.Equal(t, int64(4), vr.VSwitches.VSwitch[0].AvailableIpAddressCount)
	pr, err := c.DescribeVpcs(legacyvpc.CreateDescribeVpcsRequest())
	require.NoError(t, err)
	require.Equal(t, "192.168.0.0/16", pr.Vpcs.Vpc[0].CidrBlock)
}
