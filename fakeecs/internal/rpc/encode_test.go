package rpc_test

import (
	"reflect"
	"testing"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
	"github.com/stretchr/testify/require"
)

// Encode leaves out what the old SDK leaves out (nil pointers, nil lists,
// empty strings) and numbers list members from 1.
func TestEncodeFlattens(t *testing.T) {
	tests := []struct {
		name string
		in   request
		want rpc.Params
	}{{
		name: "the zero struct sends nothing",
		in:   request{},
		want: rpc.Params{},
	}, {
		name: "scalars in their wire form",
		in: request{
			RegionId: "cn-hangzhou", MaxResults: i32(-7),
			OwnerId: i64(1 << 40), DryRun: no(),
		},
		want: rpc.Params{
			"RegionId": "cn-hangzhou", "MaxResults": "-7",
			"OwnerId": "1099511627776", "DryRun": "false",
		},
	}, {
		name: "string list members are sent even when empty",
		in:   request{NetworkInterfaceId: []string{"eni-a", ""}},
		want: rpc.Params{
			"NetworkInterfaceId.1": "eni-a", "NetworkInterfaceId.2": "",
		},
	}, {
		name: "an empty string in a member is left out",
		in:   request{Tag: []tag{{Key: "env", Value: "prod"}, {Key: "team"}}},
		want: rpc.Params{
			"Tag.1.Key": "env", "Tag.1.Value": "prod", "Tag.2.Key": "team",
		},
	}, {
		name: "an empty member sends its first string so it is not lost",
		in:   request{Tag: []tag{{}, {Value: "v"}}},
		want: rpc.Params{"Tag.1.Key": "", "Tag.2.Value": "v"},
	}, {
		name: "lists and objects inside members",
		in: request{TagFilter: []tagFilter{{
			TagValues: []string{"prod", "dev"},
			Config:    &config{QueueNumber: i32(2)},
		}}},
		want: rpc.Params{
			"TagFilter.1.TagValues.1":        "prod",
			"TagFilter.1.TagValues.2":        "dev",
			"TagFilter.1.Config.QueueNumber": "2",
		},
	}, {
		name: "an empty object sends its first string so it is not lost",
		in:   request{Config: &config{}},
		want: rpc.Params{
			"NetworkInterfaceTrafficConfig.NetworkInterfaceTrafficMode": "",
		},
	}, {
		name: "empty lists and skipped fields send nothing",
		in: request{
			NetworkInterfaceId: []string{}, Tag: []tag{},
			Note: "tagged -",
		},
		want: rpc.Params{},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, rpc.Encode(tt.in))
			require.Equal(t, tt.want, rpc.Encode(&tt.in))
		})
	}
}

func TestEncodeNilPointerSendsNothing(t *testing.T) {
	require.Equal(t, rpc.Params{}, rpc.Encode((*request)(nil)))
}

// A CreateNetworkInterface request with every kind of field comes back
// from Decode as it went into Encode.
func TestEncodeThenDecodeRoundTrips(t *testing.T) {
	tests := []struct {
		name string
		in   createENI
	}{
		{"the zero request", createENI{}},
		{"a typical request", typicalCreateENI()},
		{"a full request", fullCreateENI()},
		{"members and objects that are all empty", createENI{
			Tags:                            []tag{{}, {Value: "v"}, {}},
			PrivateIpAddress:                []string{"", ""},
			TrafficConfig:                   &trafficConfig{},
			ConnectionTrackingConfiguration: &connTrack{UdpTimeout: i32(0)},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got createENI
			require.NoError(t, rpc.Decode(rpc.Encode(tt.in), &got))
			require.Equal(t, tt.in, got)
		})
	}
}

// The round trip covers every field only if fullCreateENI sets them all.
func TestFullCreateENISetsEveryField(t *testing.T) {
	v := reflect.ValueOf(fullCreateENI())
	for i := range v.NumField() {
		require.False(t, v.Field(i).IsZero(), v.Type().Field(i).Name)
	}
}

// typicalCreateENI is a CreateNetworkInterface request as a controller
// would send it.
func typicalCreateENI() createENI {
	return createENI{
		RegionId:             "cn-hangzhou",
		VSwitchId:            "vsw-bp1s5fnvk4gn2tws03624",
		SecurityGroupIds:     []string{"sg-bp1fg655nh68xyz9i1", "sg-2"},
		PrivateIpAddress:     []string{"10.0.0.5", "10.0.0.6"},
		Description:          "hello world",
		NetworkInterfaceName: "eni-test",
		ClientToken:          "0c593ea1-3bea-11e9-b96b-88e9fe637760",
		DeleteOnRelease:      yes(),
		QueueNumber:          i32(4),
		Tags:                 []tag{{"env", "test value*"}, {"team", ""}},
		TrafficConfig: &trafficConfig{
			NetworkInterfaceTrafficMode: "Standard", QueueNumber: i32(8),
		},
		ConnectionTrackingConfiguration: &connTrack{
			TcpEstablishedTimeout: i32(910),
		},
	}
}

// fullCreateENI sets every field of createENI.
func fullCreateENI() createENI {
	r := typicalCreateENI()
	r.BusinessType, r.InstanceType = "business", "ecs.g7.large"
	r.Ipv4Prefix, r.Ipv4PrefixCount = []string{"10.0.1.0/28"}, i32(1)
	r.Ipv6Address, r.Ipv6AddressCount = []string{"2408::1"}, i32(1)
	r.Ipv6Prefix, r.Ipv6PrefixCount = []string{"2408::/80"}, i32(1)
	r.NetworkInterfaceTrafficMode = "HighPerformance"
	r.OwnerAccount, r.OwnerId = "owner", i64(1234567890123)
	r.ResourceOwnerAccount, r.ResourceOwnerId = "res", i64(-1)
	r.PrimaryIpAddress, r.SecurityGroupId = "10.0.0.4", "sg-1"
	r.QueuePairNumber, r.RxQueueSize, r.TxQueueSize = i32(2), i32(512), i32(1024)
	r.SecondaryPrivateIpAddressCount = i32(2)
	r.ResourceGroupId, r.SourceDestCheck, r.Visible = "rg-1", no(), yes()
	r.TrafficConfig.QueuePairNumber = i32(1)
	r.TrafficConfig.RxQueueSize, r.TrafficConfig.TxQueueSize = i32(1), i32(2)
	r.ConnectionTrackingConfiguration.TcpClosedAndTimeWaitTimeout = i32(3)
	r.ConnectionTrackingConfiguration.UdpTimeout = i32(4)
	r.EnhancedNetwork = &enhancedNetwork{
		EnableRss: yes(), EnableSriov: no(),
		VirtualFunctionQuantity: i32(1), VirtualFunctionTotalQueueNumber: i32(8),
	}
	return r
}
