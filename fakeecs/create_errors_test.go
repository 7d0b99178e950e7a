package fakeecs_test

import (
	"strings"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

type createReqT = ecs.CreateNetworkInterfaceRequest

// TestCreateRefusals sends CreateNetworkInterface requests that break one
// rule of the API reference page each, and checks the exact error code and
// HTTP status of its error table, and that the failed call changed
// nothing.
func TestCreateRefusals(t *testing.T) {
	strs := tea.StringSlice
	rows := []struct {
		name   string
		edit   func(r *createReqT)
		code   string
		status int
	}{
		// RegionId: required.
		{"no region", func(r *createReqT) { r.RegionId = nil },
			"MissingParameter", 400},
		{"unknown region", func(r *createReqT) {
			r.RegionId = tea.String("cn-nowhere")
		}, "Forbidden.RegionId", 400},
		// VSwitchId: required; must exist.
		{"no vswitch", func(r *createReqT) { r.VSwitchId = nil },
			"MissingParameter", 400},
		{"unknown vswitch", func(r *createReqT) {
			r.VSwitchId = tea.String("vsw-bp1nosuch0000000000")
		}, "InvalidVSwitchId.NotFound", 404},
		// SecurityGroupId or SecurityGroupIds.N, not both.
		{"no security group", func(r *createReqT) {
			r.SecurityGroupId = nil
		}, "MissingParameter", 400},
		{"both group parameters", func(r *createReqT) {
			r.SecurityGroupIds = strs([]string{
				fakeecs.DefaultSecurityGroup})
		}, "InvalidSecurityGroupId.SingleIdAndMultiIdConflict", 400},
		{"group twice", func(r *createReqT) {
			r.SecurityGroupId = nil
			r.SecurityGroupIds = strs([]string{fakeecs.DefaultSecurityGroup,
				fakeecs.DefaultSecurityGroup})
		}, "InvalidParameter.SecurityGroupIdRepeated", 400},
		{"too many groups", func(r *createReqT) {
			r.SecurityGroupId = nil
			r.SecurityGroupIds = strs([]string{"sg-1", "sg-2", "sg-3",
				"sg-4", "sg-5", "sg-6"})
		}, "JoinedGroupLimitExceed", 400},
		{"unknown group", func(r *createReqT) {
			r.SecurityGroupId = tea.String("sg-bp1nosuch00000000")
		}, "InvalidSecurityGroupId.NotFound", 404},
		{"groups of two types", func(r *createReqT) {
			r.SecurityGroupId = nil
			r.SecurityGroupIds = strs([]string{fakeecs.DefaultSecurityGroup,
				fakeecs.DefaultEnterpriseSG})
		}, "EnterpriseGroupLimited.MutliGroupType", 403},
		// ResourceGroupId: must exist.
		{"unknown resource group", func(r *createReqT) {
			r.ResourceGroupId = tea.String("rg-nosuch")
		}, "InvalidResourceGroup.NotFound", 404},
		// NetworkInterfaceName: 2 to 128 of letters, digits, : _ . -
		{"name too short", func(r *createReqT) {
			r.NetworkInterfaceName = tea.String("a")
		}, "InvalidParams.NetworkInterfaceName", 403},
		{"name too long", func(r *createReqT) {
			r.NetworkInterfaceName = tea.String(strings.Repeat("a", 129))
		}, "InvalidParams.NetworkInterfaceName", 403},
		{"name with a space", func(r *createReqT) {
			r.NetworkInterfaceName = tea.String("my eni")
		}, "InvalidParams.NetworkInterfaceName", 403},
		// Description: 2 to 256, not starting with http(s)://.
		{"description too long", func(r *createReqT) {
			r.Description = tea.String(strings.Repeat("d", 257))
		}, "InvalidParameter", 400},
		{"description with http", func(r *createReqT) {
			r.Description = tea.String("https://example.com")
		}, "InvalidParameter", 400},
		// Tag.N: 1 to 20; key rules; value rules; no duplicate keys.
		{"21 tags", func(r *createReqT) { r.Tag = tags(21) },
			"QuotaExceed.Tags", 403},
		{"empty tag key", func(r *createReqT) {
			r.Tag = []*ecs.CreateNetworkInterfaceRequestTag{{
				Key: tea.String(""), Value: tea.String("v")}}
		}, "InvalidTagKey.Malformed", 400},
		{"tag key aliyun", func(r *createReqT) {
			r.Tag = tag("aliyun-x", "v")
		}, "InvalidTagKey.Malformed", 400},
		{"tag key acs:", func(r *createReqT) { r.Tag = tag("acs:x", "v") },
			"InvalidTagKey.Malformed", 400},
		{"tag key too long", func(r *createReqT) {
			r.Tag = tag(strings.Repeat("k", 129), "v")
		}, "InvalidTagKey.Malformed", 400},
		{"tag value with http", func(r *createReqT) {
			r.Tag = tag("k", "see http://x")
		}, "InvalidTagValue.Malformed", 400},
		{"tag value too long", func(r *createReqT) {
			r.Tag = tag("k", strings.Repeat("v", 129))
		}, "InvalidTagValue.Malformed", 400},
		{"duplicate tag keys", func(r *createReqT) {
			r.Tag = append(tag("k", "1"), tag("k", "2")...)
		}, "Duplicate.TagKey", 400},
		// ClientToken: ASCII, at most 64.
		{"token too long", func(r *createReqT) {
			r.ClientToken = tea.String(strings.Repeat("t", 65))
		}, "InvalidParameter", 400},
		{"token not ASCII", func(r *createReqT) {
			r.ClientToken = tea.String("tökén")
		}, "InvalidParameter", 400},
		// InstanceType: Secondary or Trunk.
		{"unknown ENI type", func(r *createReqT) {
			r.InstanceType = tea.String("Primary")
		}, "InvalidParameter", 400},
		// Addresses or count, not both, for each kind.
		{"addresses and count", func(r *createReqT) {
			r.PrivateIpAddress = strs([]string{"192.168.0.10"})
			r.SecondaryPrivateIpAddressCount = tea.Int32(1)
		}, "InvalidParameter.Conflict", 400},
		{"ipv6 and count", func(r *createReqT) {
			r.Ipv6Address = strs([]string{"2408:4005:3d0:a00::10"})
			r.Ipv6AddressCount = tea.Int32(1)
		}, "InvalidParameter.Conflict", 400},
		{"ipv4 prefixes and count", func(r *createReqT) {
			r.Ipv4Prefix = strs([]string{"192.168.0.16/28"})
			r.Ipv4PrefixCount = tea.Int32(1)
		}, "InvalidParameter.Conflict", 400},
		{"ipv6 prefixes and count", func(r *createReqT) {
			r.Ipv6Prefix = strs([]string{"2408:4005:3d0:a00:1::/80"})
			r.Ipv6PrefixCount = tea.Int32(1)
		}, "InvalidParameter.Conflict", 400},
		// Ranges of the counts and lists.
		{"secondary count 0", func(r *createReqT) {
			r.SecondaryPrivateIpAddressCount = tea.Int32(0)
		}, "InvalidParameter", 400},
		{"secondary count 50", func(r *createReqT) {
			r.SecondaryPrivateIpAddressCount = tea.Int32(50)
		}, "MaxEniPrivateIpsCountExceeded", 403},
		{"11 secondary addresses", func(r *createReqT) {
			r.PrivateIpAddress = addrs("192.168.0.%d", 10, 11)
		}, "InvalidParameter", 400},
		{"ipv6 count 11", func(r *createReqT) {
			r.Ipv6AddressCount = tea.Int32(11)
		}, "InvalidOperation.MaxEniIpv6IpsCountExceeded", 404},
		{"ipv6 count 0", func(r *createReqT) {
			r.Ipv6AddressCount = tea.Int32(0)
		}, "InvalidParameter", 400},
		{"ipv4 prefix count 11", func(r *createReqT) {
			r.Ipv4PrefixCount = tea.Int32(11)
		}, "InvalidParameter", 400},
		{"ipv6 prefix count 0", func(r *createReqT) {
			r.Ipv6PrefixCount = tea.Int32(0)
		}, "InvalidParameter", 400},
		// QueueNumber 1 to 2048.
		{"queue number 0", func(r *createReqT) {
			r.QueueNumber = tea.Int32(0)
		}, "InvalidParameter.InvalidEniQueueNumber", 403},
		{"queue number 2049", func(r *createReqT) {
			r.QueueNumber = tea.Int32(2049)
		}, "InvalidParameter.InvalidEniQueueNumber", 403},
		{"queue number in two places", func(r *createReqT) {
			r.QueueNumber = tea.Int32(2)
			r.NetworkInterfaceTrafficConfig =
				&ecs.CreateNetworkInterfaceRequestNetworkInterfaceTrafficConfig{
					QueueNumber: tea.Int32(4)}
		}, "InvalidParameter.Conflict", 400},
		// Tx and Rx queue sizes equal, 8192 or 16384.
		{"queue sizes differ", func(r *createReqT) {
			r.RxQueueSize, r.TxQueueSize = tea.Int32(8192), tea.Int32(16384)
		}, "InvalidParameter.EniQueueSize", 400},
		{"queue size 4096", func(r *createReqT) {
			r.RxQueueSize, r.TxQueueSize = tea.Int32(4096), tea.Int32(4096)
		}, "InvalidParameter.EniQueueSize", 400},
		{"only one queue size", func(r *createReqT) {
			r.RxQueueSize = tea.Int32(8192)
		}, "InvalidParameter.EniQueueSize", 400},
		// NetworkInterfaceTrafficMode: Standard or HighPerformance.
		{"unknown traffic mode", func(r *createReqT) {
			r.NetworkInterfaceTrafficMode = tea.String("Fast")
		}, "InvalidParameter.EniTrafficMode", 403},
		{"RDMA trunk", func(r *createReqT) {
			r.NetworkInterfaceTrafficMode = tea.String("HighPerformance")
			r.InstanceType = tea.String("Trunk")
		}, "InvalidOperation.HighPerformanceTrafficModeEniUnsupported", 403},
		{"RDMA with ipv6", func(r *createReqT) {
			r.NetworkInterfaceTrafficMode = tea.String("HighPerformance")
			r.Ipv6AddressCount = tea.Int32(1)
		}, "InvalidOperation.EniTrafficModeNotSupportIpv6", 404},
		{"queue pairs in standard mode", func(r *createReqT) {
			r.QueuePairNumber = tea.Int32(2)
		}, "InvalidParameter.QueuePairNumberMustEmpty", 403},
		{"queue pairs 0", func(r *createReqT) {
			r.NetworkInterfaceTrafficMode = tea.String("HighPerformance")
			r.QueuePairNumber = tea.Int32(0)
		}, "InvalidParameter.InvalidQueuePairNumber", 403},
		// ConnectionTrackingConfiguration ranges.
		{"closed timeout 2", func(r *createReqT) {
			r.ConnectionTrackingConfiguration = conntrack(2, 910, 30)
		}, "InvalidParameter.EniConnectionTrackingConfiguration", 400},
		{"established timeout 31", func(r *createReqT) {
			r.ConnectionTrackingConfiguration = conntrack(3, 31, 30)
		}, "InvalidParameter.EniConnectionTrackingConfiguration", 400},
		{"udp timeout 5", func(r *createReqT) {
			r.ConnectionTrackingConfiguration = conntrack(3, 910, 5)
		}, "InvalidParameter.EniConnectionTrackingConfiguration", 400},
		// EnhancedNetwork: documented as unavailable.
		{"enhanced network", func(r *createReqT) {
			r.EnhancedNetwork = &ecs.CreateNetworkInterfaceRequestEnhancedNetwork{
				EnableSriov: tea.Bool(true)}
		}, "UnsupportedParameter", 400},
		// PrimaryIpAddress: an idle address of the vSwitch CIDR.
		{"primary not an address", func(r *createReqT) {
			r.PrimaryIpAddress = tea.String("192.168.0.300")
		}, "InvalidIp.Address", 403},
		{"primary outside the vswitch", func(r *createReqT) {
			r.PrimaryIpAddress = tea.String("192.168.1.10")
		}, "InvalidVSwitchId.IpInvalid", 403},
		{"primary reserved first", func(r *createReqT) {
			r.PrimaryIpAddress = tea.String("192.168.0.0")
		}, "InvalidVSwitchId.IpInvalid", 403},
		{"primary reserved last", func(r *createReqT) {
			r.PrimaryIpAddress = tea.String("192.168.0.253")
		}, "InvalidVSwitchId.IpInvalid", 403},
		{"primary also secondary", func(r *createReqT) {
			r.PrimaryIpAddress = tea.String("192.168.0.9")
			r.PrivateIpAddress = strs([]string{"192.168.0.9"})
		}, "InvalidIp.IpRepeated", 403},
		{"secondary outside", func(r *createReqT) {
			r.PrivateIpAddress = strs([]string{"10.0.0.9"})
		}, "InvalidVSwitchId.IpInvalid", 403},
		// IPv6 only on an IPv6 vSwitch.
		{"ipv6 on an IPv4 vswitch", func(r *createReqT) {
			r.VSwitchId = tea.String(fakeecs.DefaultVSwitchI)
			r.Ipv6AddressCount = tea.Int32(1)
		}, "InvalidOperation.VSwitchIpv6Disabled", 404},
		{"ipv6 prefix on an IPv4 vswitch", func(r *createReqT) {
			r.VSwitchId = tea.String(fakeecs.DefaultVSwitchI)
			r.Ipv6PrefixCount = tea.Int32(1)
		}, "InvalidOperation.VSwitchIpv6Disabled", 404},
		{"ipv6 outside the vswitch", func(r *createReqT) {
			r.Ipv6Address = strs([]string{"2408:4005:3d0:a01::5"})
		}, "InvalidOperation.AddressNotInVSwitchCidr", 404},
		{"ipv6 malformed", func(r *createReqT) {
			r.Ipv6Address = strs([]string{"192.168.0.5"})
		}, "InvalidIp.Address", 403},
		// Ipv4Prefix: /28 in CIDR form.
		{"prefix not CIDR", func(r *createReqT) {
			r.Ipv4Prefix = strs([]string{"192.168.0.16"})
		}, "InvalidIp.IpPrefixIllegal", 403},
		{"prefix mask 27", func(r *createReqT) {
			r.Ipv4Prefix = strs([]string{"192.168.0.32/27"})
		}, "InvalidIp.IpPrefixMaskInvalid", 403},
		{"prefix masks differ", func(r *createReqT) {
			r.Ipv4Prefix = strs([]string{"192.168.0.16/28",
				"192.168.0.64/27"})
		}, "InvalidIp.IpPrefixMaskNotSame", 403},
		{"prefix not strict", func(r *createReqT) {
			r.Ipv4Prefix = strs([]string{"192.168.0.17/28"})
		}, "InvalidIp.IpPrefixNotStrict", 403},
		{"prefix outside", func(r *createReqT) {
			r.Ipv4Prefix = strs([]string{"192.168.1.16/28"})
		}, "InvalidIp.IpPrefixMustInReserveSegment", 403},
		{"prefix with a reserved address", func(r *createReqT) {
			r.Ipv4Prefix = strs([]string{"192.168.0.0/28"})
		}, "InvalidIp.IpPrefixNotAvailable", 403},
		{"ipv6 prefix mask 64", func(r *createReqT) {
			r.Ipv6Prefix = strs([]string{"2408:4005:3d0:a00::/64"})
		}, "InvalidIp.IpPrefixMaskInvalid", 403},
		// The small vSwitch has four usable addresses.
		{"vswitch too small", func(r *createReqT) {
			r.VSwitchId = tea.String(fakeecs.DefaultVSwitchSmall)
			r.SecondaryPrivateIpAddressCount = tea.Int32(4)
		}, "InvalidVSwitchId.IpNotEnough", 403},
		{"no prefix fits", func(r *createReqT) {
			r.VSwitchId = tea.String(fakeecs.DefaultVSwitchSmall)
			r.Ipv4PrefixCount = tea.Int32(1)
		}, "InvalidVSwitchId.IpPrefixNotEnough", 403},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			f, c := newFake(t)
			before := takeSnapshot(f)
			req := createReq()
			row.edit(req)
			resp, err := c.CreateNetworkInterface(req)
			requireCode(t, err, row.code, row.status)
			require.NotNil(t, resp)
			require.Nil(t, resp.Body)
			after := takeSnapshot(f)
			require.Empty(t, cmp.Diff(before, after, snapshotOpts...))
		})
	}
}

func tag(k, v string) []*ecs.CreateNetworkInterfaceRequestTag {
	return []*ecs.CreateNetworkInterfaceRequestTag{{
		Key: tea.String(k), Value: tea.String(v)}}
}

func tags(n int) []*ecs.CreateNetworkInterfaceRequestTag {
	var out []*ecs.CreateNetworkInterfaceRequestTag
	for i := range n {
		out = append(out, tag(string(rune('a'+i)), "v")...)
	}
	return out
}

type conntrackT = ecs.CreateNetworkInterfaceRequestConnectionTrackingConfiguration

func conntrack(closed, established, udp int32) *conntrackT {
	return &conntrackT{
		TcpClosedAndTimeWaitTimeout: tea.Int32(closed),
		TcpEstablishedTimeout:       tea.Int32(established),
		UdpTimeout:                  tea.Int32(udp),
	}
}

// addrs returns n addresses from the format, numbered from first.
func addrs(format string, first, n int) []*string {
	var out []*string
	for i := range n {
		out = append(out, tea.String(fmtAddr(format, first+i)))
	}
	return out
}
