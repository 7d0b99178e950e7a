package fakeecs_test

import (
	"fmt"
	"net/netip"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// TestDefaultWorldIsValid checks that the ready-made world passes its own
// checks.
func TestDefaultWorldIsValid(t *testing.T) {
	require.NoError(t, fakeecs.DefaultWorld().Validate())
}

// TestImpossibleWorlds checks that each impossible world is refused with a
// message that names the fault.
func TestImpossibleWorlds(t *testing.T) {
	p := netip.MustParsePrefix
	rows := []struct {
		name string
		edit func(w *fakeecs.World)
		want string
	}{
		{"vswitch outside its VPC", func(w *fakeecs.World) {
			w.VSwitches[0].CIDR = p("10.1.0.0/24")
		}, `vSwitch "vsw-bp1f91dhodzdoc9is0j8": CIDR 10.1.0.0/24 is ` +
			`outside 192.168.0.0/16`},
		{"overlapping vswitches", func(w *fakeecs.World) {
			w.VSwitches[1].CIDR = p("192.168.0.128/25")
		}, `CIDR 192.168.0.128/25 overlaps 192.168.0.0/24`},
		{"vswitch mask /30", func(w *fakeecs.World) {
			w.VSwitches[2].CIDR = p("192.168.2.0/30")
		}, `is not an IPv4 block from /16 to /29`},
		{"vswitch mask /15", func(w *fakeecs.World) {
			w.VPCs[0].CIDR = p("10.0.0.0/8")
			w.VSwitches[0].CIDR = p("10.0.0.0/15")
		}, `is not an IPv4 block from /16 to /29`},
		{"host bits", func(w *fakeecs.World) {
			w.VSwitches[0].CIDR = p("192.168.0.1/24")
		}, `has host bits set`},
		{"zone of another region", func(w *fakeecs.World) {
			w.VSwitches[0].Zone = "cn-beijing-a"
		}, `zone "cn-beijing-a" is not in region "cn-hangzhou"`},
		{"unknown VPC", func(w *fakeecs.World) {
			w.VSwitches[0].VPC = "vpc-x"
		}, `unknown VPC "vpc-x"`},
		{"IPv6 /64 outside the /56", func(w *fakeecs.World) {
			w.VSwitches[0].IPv6CIDR = p("2408:4005:3d0:b00::/64")
		}, `IPv6 CIDR 2408:4005:3d0:b00::/64 is outside`},
		{"IPv6 without a VPC block", func(w *fakeecs.World) {
			w.VPCs[0].IPv6CIDR = netip.Prefix{}
		}, `has IPv6 but VPC`},
		{"IPv6 not /64", func(w *fakeecs.World) {
			w.VSwitches[0].IPv6CIDR = p("2408:4005:3d0:a00::/72")
		}, `is not a /64`},
		{"duplicate ID", func(w *fakeecs.World) {
			w.SecurityGroups[1].ID = w.SecurityGroups[0].ID
		}, `the ID is used twice`},
		{"group of an unknown VPC", func(w *fakeecs.World) {
			w.SecurityGroups[0].VPC = "vpc-x"
		}, `security group "sg-bp1kvj50ce9uvw53efr": unknown VPC "vpc-x"`},
		{"group tag key starting with acs:", func(w *fakeecs.World) {
			w.SecurityGroups[0].Tags = []fakeecs.Tag{{Key: "acs:x"}}
		}, `security group "sg-bp1kvj50ce9uvw53efr": tags: ` +
			`InvalidTagKey.Malformed`},
		{"group tag key twice", func(w *fakeecs.World) {
			w.SecurityGroups[0].Tags = []fakeecs.Tag{{Key: "k"}, {Key: "k"}}
		}, `tags: Duplicate.TagKey`},
		{"21 group tags", func(w *fakeecs.World) {
			for i := range 21 {
				w.SecurityGroups[0].Tags = append(w.SecurityGroups[0].Tags,
					fakeecs.Tag{Key: fmt.Sprint("k", i)})
			}
		}, `tags: QuotaExceed.Tags`},
		{"two default resource groups", func(w *fakeecs.World) {
			w.ResourceGroups = append(w.ResourceGroups,
				fakeecs.ResourceGroup{ID: "rg-2", Default: true})
		}, `2 resource groups are marked default`},
		{"region without zones", func(w *fakeecs.World) {
			w.Regions = append(w.Regions, fakeecs.Region{ID: "cn-beijing"})
		}, `region "cn-beijing" has no zones`},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			w := fakeecs.DefaultWorld()
			row.edit(&w)
			err := w.Validate()
			require.Error(t, err)
			require.Contains(t, err.Error(), row.want)
			require.PanicsWithError(t, err.Error(), func() {
				fakeecs.New(fakeecs.WithWorld(w))
			})
		})
	}
}

// TestEmptyFakeAnswersUnknownRegion checks that New with no options gives a
// usable fake whose empty world has no region.
func TestEmptyFakeAnswersUnknownRegion(t *testing.T) {
	c := fakeecs.New().Client()
	_, err := c.CreateNetworkInterface(createReq())
	requireCode(t, err, "Forbidden.RegionId", 400)
}

// TestWorldErrorsAreAllReported checks that Validate reports every fault,
// not only the first.
func TestWorldErrorsAreAllReported(t *testing.T) {
	w := fakeecs.DefaultWorld()
	w.VSwitches[0].VPC = "vpc-x"
	w.SecurityGroups[0].Type = "special"
	err := w.Validate()
	require.Equal(t, 2, strings.Count(err.Error(), "fakeecs: world:"))
}

// TestImpossibleInstances checks that Validate, and so New, names every
// fault of a world's instances, each by its place in the list, with the
// rules of AddInstance; the small vSwitch of the default world (a /29 with
// 4 free addresses) holds four instances, not five.
func TestImpossibleInstances(t *testing.T) {
	const small = "vsw-bp13xtplpft75v2seh60"
	good := fakeecs.InstanceSpec{VSwitch: small, Type: "ecs.g7.large",
		SecurityGroups: []string{"sg-bp1kvj50ce9uvw53efr"}}
	bad := func(edit func(s *fakeecs.InstanceSpec)) fakeecs.InstanceSpec {
		s := good
		edit(&s)
		return s
	}
	w := fakeecs.DefaultWorld()
	w.Instances = []fakeecs.InstanceSpec{
		bad(func(s *fakeecs.InstanceSpec) { s.VSwitch = "vsw-9" }),
		bad(func(s *fakeecs.InstanceSpec) { s.Type = "ecs.nope" }),
		bad(func(s *fakeecs.InstanceSpec) {
			s.SecurityGroups = []string{"sg-nope"}
		}),
		bad(func(s *fakeecs.InstanceSpec) { s.SecurityGroups = nil }),
		bad(func(s *fakeecs.InstanceSpec) { s.Status = "Bogus" }),
		bad(func(s *fakeecs.InstanceSpec) {
			s.ID = "i-1"
			s.PrimaryIP = netip.MustParseAddr("10.0.0.1")
		}),
		good, good, good, good, good,
	}
	err := w.Validate()
	require.Error(t, err)
	want := []string{
		`fakeecs: world: instance 1: unknown vSwitch "vsw-9"`,
		`fakeecs: world: instance 2: unknown instance type "ecs.nope"`,
		`fakeecs: world: instance 3: unknown security group "sg-nope"`,
		`fakeecs: world: instance 4: no security group`,
		`fakeecs: world: instance 5: an instance cannot start Bogus`,
		`fakeecs: world: instance 6 (i-1): primary address: ` +
			`InvalidVSwitchId.IpInvalid: The specified private IP ` +
			`address 10.0.0.1 is not in the CIDR block 192.168.2.0/29 ` +
			`of the vSwitch.`,
		`fakeecs: world: instance 11: primary address: ` +
			`InvalidVSwitchId.IpNotEnough: The vSwitch ` +
			`"vsw-bp13xtplpft75v2seh60" does not have enough available ` +
			`IP addresses.`,
	}
	require.Equal(t, want, strings.Split(err.Error(), "\n"))
	require.PanicsWithError(t, err.Error(), func() {
		fakeecs.New(fakeecs.WithWorld(w))
	})
}
