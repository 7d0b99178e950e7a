package scenarios_test

import (
	"net/netip"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
	"github.com/ecsfake/ecsfake/scenarios"
)

// api is what the tests call: the fake's typed client and a real v7
// client over the wire both have it.
type api interface {
	CreateNetworkInterface(*ecs.CreateNetworkInterfaceRequest) (
		*ecs.CreateNetworkInterfaceResponse, error)
	DeleteNetworkInterface(*ecs.DeleteNetworkInterfaceRequest) (
		*ecs.DeleteNetworkInterfaceResponse, error)
	AttachNetworkInterface(*ecs.AttachNetworkInterfaceRequest) (
		*ecs.AttachNetworkInterfaceResponse, error)
	DetachNetworkInterface(*ecs.DetachNetworkInterfaceRequest) (
		*ecs.DetachNetworkInterfaceResponse, error)
	AssignPrivateIpAddresses(*ecs.AssignPrivateIpAddressesRequest) (
		*ecs.AssignPrivateIpAddressesResponse, error)
	AssignIpv6Addresses(*ecs.AssignIpv6AddressesRequest) (
		*ecs.AssignIpv6AddressesResponse, error)
	DescribeNetworkInterfaces(*ecs.DescribeNetworkInterfacesRequest) (
		*ecs.DescribeNetworkInterfacesResponse, error)
}

const region = fakeecs.DefaultRegion

// kitWorld is the default world with what some causes need: a Pending
// vSwitch, a second VPC with its group, a classic group, a group a cloud
// service manages, groups of one ENI, and an instance type whose queues
// run out before its ENIs do.
func kitWorld() fakeecs.World {
	p := netip.MustParsePrefix
	w := fakeecs.DefaultWorld()
	w.VPCs = append(w.VPCs, fakeecs.VPC{ID: "vpc-2", Region: region,
		CIDR: p("10.0.0.0/16")})
	w.VSwitches = append(w.VSwitches, fakeecs.VSwitch{ID: "vsw-pending",
		VPC: fakeecs.DefaultVPC, Zone: fakeecs.DefaultZoneH,
		CIDR: p("192.168.9.0/24"), Status: fakeecs.VSwitchPending})
	w.SecurityGroups = append(w.SecurityGroups,
		fakeecs.SecurityGroup{ID: "sg-2", VPC: "vpc-2"},
		fakeecs.SecurityGroup{ID: "sg-classic"},
		fakeecs.SecurityGroup{ID: "sg-managed", VPC: fakeecs.DefaultVPC,
			ServiceManaged: true},
		fakeecs.SecurityGroup{ID: "sg-one", VPC: fakeecs.DefaultVPC,
			Capacity: 1},
		fakeecs.SecurityGroup{ID: "sg-eone", VPC: fakeecs.DefaultVPC,
			Type: fakeecs.SecurityGroupEnterprise, Capacity: 1})
	w.InstanceTypes = append(w.InstanceTypes, fakeecs.InstanceType{
		ID: "ecs.test.tight", Family: "ecs.test", CPUCores: 4,
		MemoryGiB: 8, EniQuantity: 4, EniTotalQuantity: 4,
		EniPrivateIpAddressQuantity: 10, EniIpv6AddressQuantity: 10,
		MaximumQueueNumberPerEni: 4, PrimaryEniQueueNumber: 2,
		SecondaryEniQueueNumber: 2, TotalEniQueueQuantity: 6,
		NetworkCardQuantity: 1})
	return w
}

// kit is one fake and a client of it, with helpers for the causes.
type kit struct {
	t   *testing.T
	f   *fakeecs.Fake
	api api
}

func (k kit) apply(ss ...scenarios.Scenario) { scenarios.Apply(k.f, ss...) }

// req returns a valid create on the default dual-stack vSwitch, edited.
func req(edit func(r *ecs.CreateNetworkInterfaceRequest)) *ecs.CreateNetworkInterfaceRequest {
	r := &ecs.CreateNetworkInterfaceRequest{
		RegionId:        tea.String(region),
		VSwitchId:       tea.String(fakeecs.DefaultVSwitchH),
		SecurityGroupId: tea.String(fakeecs.DefaultSecurityGroup),
	}
	if edit != nil {
		edit(r)
	}
	return r
}

// create sends an edited create and returns its error.
func (k kit) create(edit func(r *ecs.CreateNetworkInterfaceRequest)) error {
	_, err := k.api.CreateNetworkInterface(req(edit))
	return err
}

// eni creates an ENI that must succeed and returns its ID.
func (k kit) eni(edit func(r *ecs.CreateNetworkInterfaceRequest)) string {
	k.t.Helper()
	resp, err := k.api.CreateNetworkInterface(req(edit))
	require.NoError(k.t, err)
	return tea.StringValue(resp.Body.NetworkInterfaceId)
}

// instance adds a Running instance of the type on the vSwitch.
func (k kit) instance(typ, vsw string) fakeecs.Instance {
	return k.f.AddInstance(fakeecs.InstanceSpec{VSwitch: vsw, Type: typ,
		SecurityGroups: []string{fakeecs.DefaultSecurityGroup}})
}

func (k kit) attach(eni, instance string) error {
	_, err := k.api.AttachNetworkInterface(&ecs.AttachNetworkInterfaceRequest{
		RegionId: tea.String(region), NetworkInterfaceId: tea.String(eni),
		InstanceId: tea.String(instance)})
	return err
}

func (k kit) delete(eni string) error {
	_, err := k.api.DeleteNetworkInterface(&ecs.DeleteNetworkInterfaceRequest{
		RegionId: tea.String(region), NetworkInterfaceId: tea.String(eni)})
	return err
}

// tags returns n distinct tags.
func tags(n int) []*ecs.CreateNetworkInterfaceRequestTag {
	var out []*ecs.CreateNetworkInterfaceRequestTag
	for i := range n {
		out = append(out, &ecs.CreateNetworkInterfaceRequestTag{
			Key: tea.String(string(rune('a' + i))), Value: tea.String("v")})
	}
	return out
}

func tag(k, v string) []*ecs.CreateNetworkInterfaceRequestTag {
	return []*ecs.CreateNetworkInterfaceRequestTag{{Key: tea.String(k),
		Value: tea.String(v)}}
}
