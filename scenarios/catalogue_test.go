package scenarios_test

import (
	"errors"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
	"github.com/ecsfake/ecsfake/scenarios"
)

type createReq = ecs.CreateNetworkInterfaceRequest

// reach is one way to meet an error code: a natural cause of the model,
// or a named scenario for a cause the model does not hold.
type reach struct {
	code   string
	status int
	cause  func(k kit) error
}

// causes reach every code of the CreateNetworkInterface reference page's
// error table, with the table's HTTP status.
var causes = []reach{
	{"MissingParameter", 400, func(k kit) error {
		return k.create(func(r *createReq) { r.RegionId = nil })
	}},
	{"UnsupportedParameter", 400, func(k kit) error {
		return k.create(func(r *createReq) {
			r.EnhancedNetwork = &ecs.CreateNetworkInterfaceRequestEnhancedNetwork{
				EnableSriov: tea.Bool(true)}
		})
	}},
	{"InvalidParameter", 400, func(k kit) error {
		return k.create(func(r *createReq) {
			r.Description = tea.String("https://x")
		})
	}},
	{"InvalidInstanceID.Malformed", 400, func(k kit) error {
		return k.attach(k.eni(nil), "vm-1")
	}},
	{"InvalidOperation.InvalidEcsState", 400, func(k kit) error {
		in := k.instance("ecs.g7.large", fakeecs.DefaultVSwitchH)
		k.f.StopInstance(in.ID)
		return k.attach(k.eni(nil), in.ID)
	}},
	{"InvalidOperation.InvalidEniState", 400, func(k kit) error {
		in := k.instance("ecs.g7.large", fakeecs.DefaultVSwitchH)
		id := k.eni(nil)
		require.NoError(k.t, k.attach(id, in.ID))
		return k.delete(id)
	}},
	{"InvalidOperation.DetachPrimaryEniNotAllowed", 400, func(k kit) error {
		in := k.instance("ecs.g7.large", fakeecs.DefaultVSwitchH)
		_, err := k.api.DetachNetworkInterface(
			&ecs.DetachNetworkInterfaceRequest{RegionId: tea.String(region),
				NetworkInterfaceId: tea.String(in.PrimaryENI),
				InstanceId:         tea.String(in.ID)})
		return err
	}},
	{"Forbidden.RegionId", 400, func(k kit) error {
		return k.create(func(r *createReq) {
			r.RegionId = tea.String("cn-nowhere")
		})
	}},
	{"Duplicate.TagKey", 400, func(k kit) error {
		return k.create(func(r *createReq) {
			r.Tag = append(tag("k", "1"), tag("k", "2")...)
		})
	}},
	{"InvalidTagKey.Malformed", 400, func(k kit) error {
		return k.create(func(r *createReq) { r.Tag = tag("acs:x", "v") })
	}},
	{"InvalidTagValue.Malformed", 400, func(k kit) error {
		return k.create(func(r *createReq) { r.Tag = tag("k", "http://x") })
	}},
	{"JoinedGroupLimitExceed", 400, func(k kit) error {
		return k.create(func(r *createReq) {
			r.SecurityGroupId = nil
			r.SecurityGroupIds = tea.StringSlice([]string{"a", "b", "c",
				"d", "e", "f"})
		})
	}},
	{"InvalidParameter.SecurityGroupIdRepeated", 400, func(k kit) error {
		return k.create(func(r *createReq) {
			r.SecurityGroupId = nil
			r.SecurityGroupIds = tea.StringSlice([]string{"a", "a"})
		})
	}},
	{"InvalidSecurityGroupId.SingleIdAndMultiIdConflict", 400,
		func(k kit) error {
			return k.create(func(r *createReq) {
				r.SecurityGroupIds = tea.StringSlice([]string{"a"})
			})
		}},
	{"InvalidParameter.Conflict", 400, func(k kit) error {
		return k.create(func(r *createReq) {
			r.SecondaryPrivateIpAddressCount = tea.Int32(1)
			r.PrivateIpAddress = tea.StringSlice([]string{"192.168.0.9"})
		})
	}},
	{"InvalidConnectionTrackingConfiguration.RegionOrUserNotSupported", 400,
		func(k kit) error {
			k.apply(scenarios.ConnTrackNotWhitelisted())
			return k.create(func(r *createReq) {
				r.ConnectionTrackingConfiguration =
					&ecs.CreateNetworkInterfaceRequestConnectionTrackingConfiguration{
						UdpTimeout: tea.Int32(30)}
			})
		}},
	{"InvalidOperation.EniCountExceeded", 400, func(k kit) error {
		in := func(r *createReq) { r.SecurityGroupId = tea.String("sg-eone") }
		k.eni(in)
		return k.create(in)
	}},
	{"InvalidPrivateIpAddress.Duplicated", 400, func(k kit) error {
		at := func(r *createReq) {
			r.PrimaryIpAddress = tea.String("192.168.0.50")
		}
		k.eni(at)
		return k.create(at)
	}},
	{"IncorrectVSwitchStatus", 400, func(k kit) error {
		return k.create(func(r *createReq) {
			r.VSwitchId = tea.String("vsw-pending")
		})
	}},
	{"InvalidEniQueueSize.RegionOrUserNotSupported", 400, func(k kit) error {
		k.apply(scenarios.QueueSizeNotWhitelisted())
		return k.create(func(r *createReq) {
			r.RxQueueSize, r.TxQueueSize = tea.Int32(8192), tea.Int32(8192)
		})
	}},
	{"InvalidParameter.EniQueueSize", 400, func(k kit) error {
		return k.create(func(r *createReq) { r.RxQueueSize = tea.Int32(1) })
	}},
	{"InvalidParameter.EniConnectionTrackingConfiguration", 400,
		func(k kit) error {
			return k.create(func(r *createReq) {
				r.ConnectionTrackingConfiguration =
					&ecs.CreateNetworkInterfaceRequestConnectionTrackingConfiguration{
						UdpTimeout: tea.Int32(7)}
			})
		}},
	{"QuotaExceeded.PrivateIpAddress", 400, func(k kit) error {
		k.eni(nil)
		k.apply(scenarios.PrivateIPQuotaReached(region))
		return k.create(nil)
	}},
	{"InvalidUserType.NotSupported", 403, func(k kit) error {
		k.apply(scenarios.UserTypeUnsupported())
		return k.create(nil)
	}},
	{"Abs.InvalidAccount.NotFound", 403, func(k kit) error {
		k.apply(scenarios.AccountGone())
		return k.create(nil)
	}},
	{"Forbidden.NotSupportRAM", 403, func(k kit) error {
		k.apply(scenarios.RAMUserUnsupported())
		return k.create(nil)
	}},
	{"Forbidden.SubUser", 403, func(k kit) error {
		k.apply(scenarios.RAMUserDenied())
		return k.delete("eni-x")
	}},
	{"InValidParameter", 403, func(k kit) error {
		k.apply(scenarios.ParameterRefused())
		return k.create(nil)
	}},
	{"MaxEniCountExceeded", 403, func(k kit) error {
		k.eni(nil)
		k.apply(scenarios.RegionENIQuotaReached(region))
		return k.create(nil)
	}},
	{"EniPerInstanceLimitExceeded", 403, func(k kit) error {
		in := k.instance("ecs.g7.large", fakeecs.DefaultVSwitchH)
		one := func(r *createReq) { r.QueueNumber = tea.Int32(1) }
		require.NoError(k.t, k.attach(k.eni(one), in.ID))
		require.NoError(k.t, k.attach(k.eni(one), in.ID))
		return k.attach(k.eni(one), in.ID)
	}},
	{"InvalidOperation.AvailabilityZoneMismatch", 403, func(k kit) error {
		in := k.instance("ecs.g7.large", fakeecs.DefaultVSwitchI)
		return k.attach(k.eni(nil), in.ID)
	}},
	{"InvalidOperation.VpcMismatch", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.SecurityGroupId = tea.String("sg-2")
		})
	}},
	{"SecurityGroupInstanceLimitExceed", 403, func(k kit) error {
		in := func(r *createReq) { r.SecurityGroupId = tea.String("sg-one") }
		k.eni(in)
		return k.create(in)
	}},
	{"InvalidSecurityGroupId.NotVpc", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.SecurityGroupId = tea.String("sg-classic")
		})
	}},
	{"InvalidOperation.InvalidEniType", 403, func(k kit) error {
		return k.delete(k.instance("ecs.g7.large",
			fakeecs.DefaultVSwitchH).PrimaryENI)
	}},
	{"InvalidVSwitchId.IpNotEnough", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.VSwitchId = tea.String(fakeecs.DefaultVSwitchSmall)
			r.SecondaryPrivateIpAddressCount = tea.Int32(4)
		})
	}},
	{"InvalidVSwitchId.IpInvalid", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.PrimaryIpAddress = tea.String("10.9.9.9")
		})
	}},
	{"QuotaExceed.Tags", 403, func(k kit) error {
		return k.create(func(r *createReq) { r.Tag = tags(21) })
	}},
	{"InvalidIp.Address", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.PrimaryIpAddress = tea.String("192.168.0.300")
		})
	}},
	{"InvalidIp.IpRepeated", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.PrivateIpAddress = tea.StringSlice([]string{"192.168.0.9",
				"192.168.0.9"})
		})
	}},
	{"MaxEniPrivateIpsCountExceeded", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.SecondaryPrivateIpAddressCount = tea.Int32(50)
		})
	}},
	{"InvalidOperation.ResourceManagedByCloudProduct", 403,
		func(k kit) error {
			return k.create(func(r *createReq) {
				r.SecurityGroupId = tea.String("sg-managed")
			})
		}},
	{"InvalidOperation.TrunkingIsNotAllowed", 403, func(k kit) error {
		in := k.instance("ecs.g7.large", fakeecs.DefaultVSwitchH)
		return k.attach(k.eni(func(r *createReq) {
			r.InstanceType = tea.String("Trunk")
		}), in.ID)
	}},
	{"InvalidParameter.InvalidEniQueueNumber", 403, func(k kit) error {
		return k.create(func(r *createReq) { r.QueueNumber = tea.Int32(0) })
	}},
	{"InvalidOperation.MaxEniQueueNumberExceeded", 403, func(k kit) error {
		in := k.instance("ecs.g7.large", fakeecs.DefaultVSwitchH)
		return k.attach(k.eni(func(r *createReq) {
			r.QueueNumber = tea.Int32(4)
		}), in.ID)
	}},
	{"InvalidOperation.ExceedInstanceTypeQueueNumber", 403,
		func(k kit) error {
			in := k.instance("ecs.test.tight", fakeecs.DefaultVSwitchH)
			four := func(r *createReq) { r.QueueNumber = tea.Int32(4) }
			require.NoError(k.t, k.attach(k.eni(four), in.ID))
			return k.attach(k.eni(four), in.ID)
		}},
	{"InvalidParameter.EniTrafficMode", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.NetworkInterfaceTrafficMode = tea.String("Fast")
		})
	}},
	{"InvalidOperation.HighPerformanceTrafficModeIsNotAllowed", 403,
		func(k kit) error {
			in := k.instance("ecs.g7.large", fakeecs.DefaultVSwitchH)
			return k.attach(k.eni(func(r *createReq) {
				r.NetworkInterfaceTrafficMode = tea.String("HighPerformance")
			}), in.ID)
		}},
	{"InvalidParameter.QueuePairNumberMustEmpty", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.QueuePairNumber = tea.Int32(2)
		})
	}},
	{"InvalidParameter.InvalidQueuePairNumber", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.NetworkInterfaceTrafficMode = tea.String("HighPerformance")
			r.QueuePairNumber = tea.Int32(0)
		})
	}},
	{"InvalidParams.NetworkInterfaceName", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.NetworkInterfaceName = tea.String("a")
		})
	}},
	{"InvalidIp.IpPrefixIllegal", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.Ipv4Prefix = tea.StringSlice([]string{"x"})
		})
	}},
	{"InvalidIp.IpPrefixMustInReserveSegment", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.Ipv4Prefix = tea.StringSlice([]string{"10.0.0.16/28"})
		})
	}},
	{"InvalidOperation.Ipv4CountExceeded", 403, func(k kit) error {
		_, err := k.api.AssignPrivateIpAddresses(
			&ecs.AssignPrivateIpAddressesRequest{
				RegionId:                       tea.String(region),
				NetworkInterfaceId:             tea.String(k.eni(nil)),
				SecondaryPrivateIpAddressCount: tea.Int32(50)})
		return err
	}},
	{"InvalidOperation.Ipv6CountExceeded", 403, func(k kit) error {
		id := k.eni(func(r *createReq) { r.Ipv6AddressCount = tea.Int32(10) })
		_, err := k.api.AssignIpv6Addresses(&ecs.AssignIpv6AddressesRequest{
			RegionId: tea.String(region), NetworkInterfaceId: tea.String(id),
			Ipv6AddressCount: tea.Int32(1)})
		return err
	}},
	{"InvalidOperation.HighPerformanceTrafficModeEniUnsupported", 403,
		func(k kit) error {
			return k.create(func(r *createReq) {
				r.NetworkInterfaceTrafficMode = tea.String("HighPerformance")
				r.InstanceType = tea.String("Trunk")
			})
		}},
	{"AclLimitExceed", 403, func(k kit) error {
		k.apply(scenarios.ACLFull())
		return k.create(nil)
	}},
	{"InvalidIp.IpPrefixMaskInvalid", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.Ipv4Prefix = tea.StringSlice([]string{"192.168.0.32/27"})
		})
	}},
	{"InvalidVSwitchId.IpPrefixNotEnough", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.VSwitchId = tea.String(fakeecs.DefaultVSwitchSmall)
			r.Ipv4PrefixCount = tea.Int32(1)
		})
	}},
	{"InvalidIp.IpPrefixMaskNotSame", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.Ipv4Prefix = tea.StringSlice([]string{"192.168.0.16/28",
				"192.168.0.32/27"})
		})
	}},
	{"EnterpriseGroupLimited.MutliGroupType", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.SecurityGroupId = nil
			r.SecurityGroupIds = tea.StringSlice([]string{
				fakeecs.DefaultSecurityGroup, fakeecs.DefaultEnterpriseSG})
		})
	}},
	{"InvalidOperation.BoundingEniSlaveQuotaExceed", 403, func(k kit) error {
		k.apply(scenarios.BondFull())
		return k.create(nil)
	}},
	{"InvalidIp.IpPrefixNotAvailable", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.Ipv4Prefix = tea.StringSlice([]string{"192.168.0.0/28"})
		})
	}},
	{"InvalidIp.IpPrefixMaskIllegal", 403, func(k kit) error {
		k.apply(scenarios.PrefixMaskRefused())
		return k.create(func(r *createReq) {
			r.Ipv4Prefix = tea.StringSlice([]string{"192.168.0.16/28"})
		})
	}},
	{"InvalidIp.IpPrefixNotStrict", 403, func(k kit) error {
		return k.create(func(r *createReq) {
			r.Ipv4Prefix = tea.StringSlice([]string{"192.168.0.17/28"})
		})
	}},
	{"InvalidOperation.NotSupport", 403, func(k kit) error {
		k.apply(scenarios.IPv6AtCreateUnsupported())
		return k.create(func(r *createReq) {
			r.Ipv6AddressCount = tea.Int32(1)
		})
	}},
	{"InvalidEcsId.NotFound", 404, func(k kit) error {
		return k.attach(k.eni(nil), "i-bp1none")
	}},
	{"InvalidEniId.NotFound", 404, func(k kit) error {
		return k.delete("eni-bp1none")
	}},
	{"InvalidVSwitchId.NotFound", 404, func(k kit) error {
		return k.create(func(r *createReq) {
			r.VSwitchId = tea.String("vsw-none")
		})
	}},
	{"InvalidSecurityGroupId.NotFound", 404, func(k kit) error {
		return k.create(func(r *createReq) {
			r.SecurityGroupId = tea.String("sg-none")
		})
	}},
	{"InvalidResourceGroup.NotFound", 404, func(k kit) error {
		return k.create(func(r *createReq) {
			r.ResourceGroupId = tea.String("rg-none")
		})
	}},
	{"InvalidOperation.MaxEniIpv6IpsCountExceeded", 404, func(k kit) error {
		return k.create(func(r *createReq) {
			r.Ipv6AddressCount = tea.Int32(11)
		})
	}},
	{"InvalidOperation.VSwitchIpv6Disabled", 404, func(k kit) error {
		return k.create(func(r *createReq) {
			r.VSwitchId = tea.String(fakeecs.DefaultVSwitchI)
			r.Ipv6AddressCount = tea.Int32(1)
		})
	}},
	{"InvalidOperation.EnableIpv6Failed", 404, func(k kit) error {
		k.apply(scenarios.IPv6EnableFails())
		return k.create(func(r *createReq) {
			r.Ipv6AddressCount = tea.Int32(1)
		})
	}},
	{"InvalidOperation.AddressAlreadyAllocated", 404, func(k kit) error {
		at := func(r *createReq) {
			r.Ipv6Address = tea.StringSlice([]string{"2408:4005:3d0:a00::9"})
		}
		k.eni(at)
		return k.create(at)
	}},
	{"InvalidOperation.AddressNotInVSwitchCidr", 404, func(k kit) error {
		return k.create(func(r *createReq) {
			r.Ipv6Address = tea.StringSlice([]string{"2001:db8::1"})
		})
	}},
	{"InvalidOperation.SlaveEniMustHaveBondingEni", 404, func(k kit) error {
		k.apply(scenarios.SlaveWithoutBond())
		return k.create(nil)
	}},
	{"InvalidOperation.EniTrafficModeNotSupportIpv6", 404, func(k kit) error {
		return k.create(func(r *createReq) {
			r.NetworkInterfaceTrafficMode = tea.String("HighPerformance")
			r.Ipv6AddressCount = tea.Int32(1)
		})
	}},
	{"InvalidOperation.VSwitchCidrReservationNotExist", 404,
		func(k kit) error {
			k.apply(scenarios.NoCIDRReservation())
			return k.create(func(r *createReq) {
				r.Ipv4Prefix = tea.StringSlice([]string{"192.168.0.16/28"})
			})
		}},
	{"InternalError", 500, func(k kit) error {
		k.apply(scenarios.ServiceErrors(fakeecs.ActionCreateNetworkInterface,
			1))
		return k.create(nil)
	}},
	{"InvalidOperation.RegionNotSupportIpPrefix", 500, func(k kit) error {
		k.apply(scenarios.PrefixesUnsupported())
		return k.create(func(r *createReq) {
			r.Ipv4PrefixCount = tea.Int32(1)
		})
	}},
}

// TestEveryDocumentedCodeIsReachable walks the 81 codes of the reference
// page's error table and meets each, by a natural cause or a named
// scenario, through the typed client and through a real v7 client over
// the wire, with the table's HTTP status.
func TestEveryDocumentedCodeIsReachable(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range causes {
		seen[c.code] = true
	}
	require.Len(t, seen, 81)
	require.Len(t, causes, 81)
	doors := map[string]func(f *fakeecs.Fake) api{
		"typed": func(f *fakeecs.Fake) api { return f.Client() },
		"wire":  func(f *fakeecs.Fake) api { return f.SDKClient() },
	}
	for name, door := range doors {
		for _, c := range causes {
			t.Run(name+"/"+c.code, func(t *testing.T) {
				f := fakeecs.New(fakeecs.WithWorld(kitWorld()))
				err := c.cause(kit{t: t, f: f, api: door(f)})
				var se *tea.SDKError
				require.True(t, errors.As(err, &se), "got %v", err)
				require.Equal(t, c.code, tea.StringValue(se.Code))
				require.Equal(t, c.status, tea.IntValue(se.StatusCode))
				status, ok := fakeecs.StatusOf(c.code)
				require.True(t, ok)
				require.Equal(t, c.status, status)
			})
		}
	}
}
