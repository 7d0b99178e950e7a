package fakeecs

import "net/netip"

// The identifiers of the default world, for tests that name its parts.
const (
	DefaultRegion        = "cn-hangzhou"
	DefaultZoneH         = "cn-hangzhou-h"
	DefaultZoneI         = "cn-hangzhou-i"
	DefaultVPC           = "vpc-bp1ujzde8gxd6ncf10ep"
	DefaultVSwitchH      = "vsw-bp1f91dhodzdoc9is0j8"
	DefaultVSwitchI      = "vsw-bp1ht9lgmxg9edn581u3"
	DefaultVSwitchSmall  = "vsw-bp13xtplpft75v2seh60"
	DefaultSecurityGroup = "sg-bp1kvj50ce9uvw53efr"
	DefaultEnterpriseSG  = "sg-bp14edt2sywb3wkh5dn"
	DefaultResourceGroup = "rg-acfmsipzz5fk2z9"
)

// DefaultWorld returns a small world ready for use: region cn-hangzhou with
// zones h and i; one VPC, 192.168.0.0/16 with an IPv6 /56; three
// vSwitches: 192.168.0.0/24 in zone h with IPv6, 192.168.1.0/24 in zone i,
// and 192.168.2.0/29 in zone h, with four usable addresses for tests
// that run a vSwitch dry; a normal and an enterprise security group; and
// the account's default resource group. Each call returns a new value.
func DefaultWorld() World {
	return World{
		Regions: []Region{{
			ID:    DefaultRegion,
			Zones: []string{DefaultZoneH, DefaultZoneI},
		}},
		VPCs: []VPC{{
			ID:       DefaultVPC,
			Region:   DefaultRegion,
			CIDR:     netip.MustParsePrefix("192.168.0.0/16"),
			IPv6CIDR: netip.MustParsePrefix("2408:4005:3d0:a00::/56"),
			Name:     "default-vpc",
		}},
		VSwitches: []VSwitch{{
			ID:       DefaultVSwitchH,
			VPC:      DefaultVPC,
			Zone:     DefaultZoneH,
			CIDR:     netip.MustParsePrefix("192.168.0.0/24"),
			IPv6CIDR: netip.MustParsePrefix("2408:4005:3d0:a00::/64"),
			Name:     "vsw-h-dualstack",
		}, {
			ID:   DefaultVSwitchI,
			VPC:  DefaultVPC,
			Zone: DefaultZoneI,
			CIDR: netip.MustParsePrefix("192.168.1.0/24"),
			Name: "vsw-i",
		}, {
			ID:   DefaultVSwitchSmall,
			VPC:  DefaultVPC,
			Zone: DefaultZoneH,
			CIDR: netip.MustParsePrefix("192.168.2.0/29"),
			Name: "vsw-h-small",
		}},
		SecurityGroups: []SecurityGroup{{
			ID:   DefaultSecurityGroup,
			VPC:  DefaultVPC,
			Type: SecurityGroupNormal,
			Name: "default-sg",
		}, {
			ID:   DefaultEnterpriseSG,
			VPC:  DefaultVPC,
			Type: SecurityGroupEnterprise,
			Name: "enterprise-sg",
		}},
		ResourceGroups: []ResourceGroup{{
			ID:      DefaultResourceGroup,
			Name:    "default",
			Default: true,
		}},
	}
}
