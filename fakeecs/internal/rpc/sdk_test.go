package rpc_test

import (
	"testing"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	oldecs "github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
	"github.com/stretchr/testify/require"
)

// v7CreateENI is a CreateNetworkInterface request built with the v7 SDK,
// with lists, a tag whose value is empty, and both objects.
func v7CreateENI() *ecs.CreateNetworkInterfaceRequest {
	return new(ecs.CreateNetworkInterfaceRequest).
		SetRegionId("cn-hangzhou").
		SetVSwitchId("vsw-abc").
		SetDescription("hello world").
		SetSecurityGroupIds(dara.StringSlice([]string{"sg-1", "sg-2"})).
		SetPrivateIpAddress(dara.StringSlice([]string{"10.0.0.5", "10.0.0.6"})).
		SetDeleteOnRelease(true).
		SetQueueNumber(4).
		SetOwnerId(1234567890123).
		SetTag([]*ecs.CreateNetworkInterfaceRequestTag{
			{Key: dara.String("env"), Value: dara.String("test value*")},
			{Key: dara.String("team"), Value: dara.String("")},
		}).
		SetNetworkInterfaceTrafficConfig(
			new(ecs.CreateNetworkInterfaceRequestNetworkInterfaceTrafficConfig).
				SetNetworkInterfaceTrafficMode("Standard").
				SetQueueNumber(8)).
		SetConnectionTrackingConfiguration(
			new(ecs.CreateNetworkInterfaceRequestConnectionTrackingConfiguration).
				SetTcpEstablishedTimeout(910).
				SetUdpTimeout(30))
}

// The v7 SDK flattens a request with openapiutil.Query before it signs
// and sends it; what it builds decodes back to the same values.
func TestDecodeReadsV7Flattening(t *testing.T) {
	req := v7CreateENI()
	p := rpc.FromPointers(openapiutil.Query(req))
	require.Equal(t, "", p["Tag.2.Value"], "the v7 SDK sends empty values")

	var got createENI
	require.NoError(t, rpc.Decode(p, &got))

	require.Equal(t, *req.RegionId, got.RegionId)
	require.Equal(t, *req.VSwitchId, got.VSwitchId)
	require.Equal(t, *req.Description, got.Description)
	require.Equal(t, dara.StringSliceValue(req.SecurityGroupIds),
		got.SecurityGroupIds)
	require.Equal(t, dara.StringSliceValue(req.PrivateIpAddress),
		got.PrivateIpAddress)
	require.Equal(t, req.DeleteOnRelease, got.DeleteOnRelease)
	require.Equal(t, req.QueueNumber, got.QueueNumber)
	require.Equal(t, req.OwnerId, got.OwnerId)
	require.Len(t, got.Tags, len(req.Tag))
	for i, tg := range req.Tag {
		require.Equal(t, tag{*tg.Key, *tg.Value}, got.Tags[i], "Tag.%d", i+1)
	}
	tc := req.NetworkInterfaceTrafficConfig
	require.Equal(t, &trafficConfig{
		NetworkInterfaceTrafficMode: *tc.NetworkInterfaceTrafficMode,
		QueueNumber:                 tc.QueueNumber,
	}, got.TrafficConfig)
	ct := req.ConnectionTrackingConfiguration
	require.Equal(t, &connTrack{
		TcpEstablishedTimeout: ct.TcpEstablishedTimeout,
		UdpTimeout:            ct.UdpTimeout,
	}, got.ConnectionTrackingConfiguration)
	require.Nil(t, got.EnhancedNetwork)
	require.Nil(t, got.Visible)
	require.Nil(t, got.Ipv6Address)
}

// Encode sends what the v7 SDK sends, less the empty strings that a plain
// string field cannot tell from absent ones.
func TestEncodeMatchesV7FlatteningBarEmptyStrings(t *testing.T) {
	sdk := rpc.FromPointers(openapiutil.Query(v7CreateENI()))
	var req createENI
	require.NoError(t, rpc.Decode(sdk, &req))

	delete(sdk, "Tag.2.Value")
	require.Equal(t, sdk, rpc.Encode(req))
}

// The old SDK (alibaba-cloud-sdk-go) flattens with requests.InitParams,
// leaving out empty strings; what it builds decodes to the same request
// as the v7 SDK's.
func TestDecodeReadsOldSDKFlattening(t *testing.T) {
	old := oldecs.CreateCreateNetworkInterfaceRequest()
	old.VSwitchId = "vsw-abc"
	old.Description = "hello world"
	old.SecurityGroupIds = &[]string{"sg-1", "sg-2"}
	old.PrivateIpAddress = &[]string{"10.0.0.5", "10.0.0.6"}
	old.DeleteOnRelease = requests.NewBoolean(true)
	old.QueueNumber = requests.NewInteger(4)
	old.OwnerId = requests.NewInteger64(1234567890123)
	old.Tag = &[]oldecs.CreateNetworkInterfaceTag{
		{Key: "env", Value: "test value*"}, {Key: "team"},
	}
	old.NetworkInterfaceTrafficConfig.NetworkInterfaceTrafficMode = "Standard"
	old.NetworkInterfaceTrafficConfig.QueueNumber = "8"
	old.ConnectionTrackingConfiguration.TcpEstablishedTimeout = "910"
	old.ConnectionTrackingConfiguration.UdpTimeout = "30"
	require.NoError(t, requests.InitParams(old))
	p := rpc.Params(old.GetQueryParams())
	// The old client adds RegionId from its own configuration as it sends.
	p["RegionId"] = "cn-hangzhou"
	require.NotContains(t, p, "Tag.2.Value", "the old SDK omits empty values")

	var got, want createENI
	require.NoError(t, rpc.Decode(p, &got))
	v7 := rpc.FromPointers(openapiutil.Query(v7CreateENI()))
	require.NoError(t, rpc.Decode(v7, &want))
	require.Equal(t, want, got)
}
