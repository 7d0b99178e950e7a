package scenarios

import (
	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// The refusals whose cause lies in the account, its permissions or its
// region's features, which the fake's world does not hold. Each makes the
// service refuse with the code its error table gives for that cause.

// everyAction returns a scenario that refuses every call of every action
// with code.
func everyAction(name, models, code string) Scenario {
	return Scenario{Name: name, Models: models,
		apply: func(f *fakeecs.Fake) {
			for _, a := range fakeecs.Actions() {
				f.AddRule(fakeecs.Rule{Name: name, Action: a,
					Effect: fakeecs.Fail(code)})
			}
		}}
}

// RAMUserDenied refuses every call with Forbidden.SubUser: a RAM user
// without the permission for the resources it calls on.
func RAMUserDenied() Scenario {
	return everyAction("RAM user denied",
		"a RAM user not authorised for the resources",
		"Forbidden.SubUser")
}

// RAMUserUnsupported refuses every call with Forbidden.NotSupportRAM: an
// operation that only the account itself, not a RAM user, may perform.
func RAMUserUnsupported() Scenario {
	return everyAction("RAM user unsupported",
		"an operation closed to RAM users", "Forbidden.NotSupportRAM")
}

// AccountGone refuses every call with Abs.InvalidAccount.NotFound: an
// account closed, or an AccessKey pair expired.
func AccountGone() Scenario {
	return everyAction("account gone",
		"a closed account or an expired AccessKey pair",
		"Abs.InvalidAccount.NotFound")
}

// UserTypeUnsupported refuses every call with
// InvalidUserType.NotSupported: an account of a kind the operation does
// not serve.
func UserTypeUnsupported() Scenario {
	return everyAction("user type unsupported",
		"an account type the operation does not serve",
		"InvalidUserType.NotSupported")
}

// createWhere returns a scenario that refuses the creates whose request
// pred accepts with code.
func createWhere(name, models, code string,
	pred func(r *ecs.CreateNetworkInterfaceRequest) bool) Scenario {
	return rule(name, models, fakeecs.Rule{
		Action: fakeecs.ActionCreateNetworkInterface,
		Match:  fakeecs.MatchRequest(pred), Effect: fakeecs.Fail(code)})
}

// QueueSizeNotWhitelisted refuses creates that set RxQueueSize or
// TxQueueSize with InvalidEniQueueSize.RegionOrUserNotSupported: queue
// depths offered only in some regions, to allow-listed accounts.
func QueueSizeNotWhitelisted() Scenario {
	return createWhere("queue size not allow-listed",
		"queue depths closed to the region or account",
		"InvalidEniQueueSize.RegionOrUserNotSupported",
		func(r *ecs.CreateNetworkInterfaceRequest) bool {
			c := r.NetworkInterfaceTrafficConfig
			return r.RxQueueSize != nil || r.TxQueueSize != nil ||
				(c != nil && (c.RxQueueSize != nil || c.TxQueueSize != nil))
		})
}

// ConnTrackNotWhitelisted refuses creates that set
// ConnectionTrackingConfiguration with
// InvalidConnectionTrackingConfiguration.RegionOrUserNotSupported.
func ConnTrackNotWhitelisted() Scenario {
	return createWhere("connection tracking not allow-listed",
		"connection tracking closed to the region or account",
		"InvalidConnectionTrackingConfiguration.RegionOrUserNotSupported",
		func(r *ecs.CreateNetworkInterfaceRequest) bool {
			return r.ConnectionTrackingConfiguration != nil
		})
}

// IPv6AtCreateUnsupported refuses creates that ask for IPv6 with
// InvalidOperation.NotSupport: a region that does not assign IPv6 when
// it creates an ENI, where code must assign it afterwards.
func IPv6AtCreateUnsupported() Scenario {
	return createWhere("IPv6 at create unsupported",
		"a region without IPv6 on create", "InvalidOperation.NotSupport",
		func(r *ecs.CreateNetworkInterfaceRequest) bool {
			return len(r.Ipv6Address) > 0 || r.Ipv6AddressCount != nil
		})
}

// IPv6EnableFails refuses creates that ask for IPv6 with
// InvalidOperation.EnableIpv6Failed: the service failing to enable IPv6
// on the ENI.
func IPv6EnableFails() Scenario {
	return createWhere("IPv6 enable fails", "IPv6 failing to enable",
		"InvalidOperation.EnableIpv6Failed",
		func(r *ecs.CreateNetworkInterfaceRequest) bool {
			return len(r.Ipv6Address) > 0 || r.Ipv6AddressCount != nil
		})
}

// wantsPrefix reports whether a create asks for prefixes.
func wantsPrefix(r *ecs.CreateNetworkInterfaceRequest) bool {
	return len(r.Ipv4Prefix) > 0 || r.Ipv4PrefixCount != nil ||
		len(r.Ipv6Prefix) > 0 || r.Ipv6PrefixCount != nil
}

// PrefixesUnsupported refuses creates that ask for prefixes with
// InvalidOperation.RegionNotSupportIpPrefix (500): a region without
// prefix delegation, where code must fall back to single addresses.
func PrefixesUnsupported() Scenario {
	return createWhere("prefixes unsupported", "a region without prefixes",
		"InvalidOperation.RegionNotSupportIpPrefix", wantsPrefix)
}

// NoCIDRReservation refuses creates that name a prefix with
// InvalidOperation.VSwitchCidrReservationNotExist: a vSwitch without the
// reserved CIDR block that given prefixes come from.
func NoCIDRReservation() Scenario {
	return createWhere("no CIDR reservation",
		"a vSwitch without a reserved block for prefixes",
		"InvalidOperation.VSwitchCidrReservationNotExist",
		func(r *ecs.CreateNetworkInterfaceRequest) bool {
			return len(r.Ipv4Prefix) > 0 || len(r.Ipv6Prefix) > 0
		})
}

// PrefixMaskRefused refuses creates that name a prefix with
// InvalidIp.IpPrefixMaskIllegal: a prefix length the region does not
// accept.
func PrefixMaskRefused() Scenario {
	return createWhere("prefix mask refused", "a prefix length refused",
		"InvalidIp.IpPrefixMaskIllegal",
		func(r *ecs.CreateNetworkInterfaceRequest) bool {
			return len(r.Ipv4Prefix) > 0 || len(r.Ipv6Prefix) > 0
		})
}

// SlaveWithoutBond refuses every create with
// InvalidOperation.SlaveEniMustHaveBondingEni: a slave ENI asked for
// before its bond ENI exists. The fake does not model bond ENIs.
func SlaveWithoutBond() Scenario {
	return rule("slave without bond", "a slave ENI without its bond ENI",
		fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
			Effect: fakeecs.Fail(
				"InvalidOperation.SlaveEniMustHaveBondingEni")})
}

// BondFull refuses every create with
// InvalidOperation.BoundingEniSlaveQuotaExceed: a bond ENI that holds
// all the slave ENIs it may.
func BondFull() Scenario {
	return rule("bond full", "a bond ENI with all its slave ENIs",
		fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
			Effect: fakeecs.Fail(
				"InvalidOperation.BoundingEniSlaveQuotaExceed")})
}

// ACLFull refuses every create with AclLimitExceed: the ENI or instance
// at its limit of network ACL rules.
func ACLFull() Scenario {
	return rule("ACL full", "network ACL rules at their limit",
		fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
			Effect: fakeecs.Fail("AclLimitExceed")})
}

// ParameterRefused refuses every create with InValidParameter (403), the
// service's refusal of a parameter at its access layer rather than by the
// operation.
func ParameterRefused() Scenario {
	return rule("parameter refused", "a parameter refused at access",
		fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
			Effect: fakeecs.Fail("InValidParameter")})
}
