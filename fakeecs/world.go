package fakeecs

import (
	"errors"
	"fmt"
	"net/netip"
)

// World is the cloud around the network interfaces: regions and their
// zones, VPCs, vSwitches, security groups and resource groups. A test
// writes it as a literal, or starts from [DefaultWorld], and gives it to
// [New] with [WithWorld]. The zero World is empty: a fake built on it
// answers every call with the error for an unknown region. A World is a
// plain value; the fake copies it and never changes the caller's.
type World struct {
	Regions        []Region        `json:"regions"`
	VPCs           []VPC           `json:"vpcs"`
	VSwitches      []VSwitch       `json:"vswitches"`
	SecurityGroups []SecurityGroup `json:"securityGroups"`
	// ResourceGroups are the account's resource groups; the one marked
	// Default holds every ENI made without a ResourceGroupId. A real
	// account always has a default group; in a world without one, such
	// ENIs carry an empty ResourceGroupId.
	ResourceGroups []ResourceGroup `json:"resourceGroups"`
	// InstanceTypes adds instance types to the fake's catalogue of real
	// ones, or replaces those of the same ID.
	InstanceTypes []InstanceType `json:"instanceTypes,omitempty"`
	// Instances are added, each with its primary ENI, when the fake is
	// made; New panics if one cannot be.
	Instances []InstanceSpec `json:"instances,omitempty"`
}

// Region is one region of the world, such as "cn-hangzhou", with its zones.
type Region struct {
	ID    string   `json:"id"`    // such as "cn-hangzhou"
	Zones []string `json:"zones"` // such as "cn-hangzhou-h", at least one
	// IDPrefix is the three characters that follow the dash in the IDs of
	// resources made in the region ("bp1" in cn-hangzhou). Empty means the
	// region's real prefix where the fake knows it, else one derived from
	// the region ID.
	IDPrefix string `json:"idPrefix,omitempty"`
}

// VPC is a virtual private cloud in one region.
type VPC struct {
	ID     string `json:"id"`
	Region string `json:"region"` // one of the world's regions
	// CIDR is the VPC's IPv4 block, with a mask from /8 to /28.
	CIDR netip.Prefix `json:"cidr"`
	// IPv6CIDR is the VPC's IPv6 block, a /56; the zero Prefix means the
	// VPC has no IPv6.
	IPv6CIDR netip.Prefix `json:"ipv6Cidr,omitzero"`
	Name     string       `json:"name,omitempty"`
}

// VSwitchStatus is the state of a vSwitch.
type VSwitchStatus string

// The states of a vSwitch. A new vSwitch is Pending for a moment and then
// Available; only an Available vSwitch hands out addresses.
const (
	VSwitchAvailable VSwitchStatus = "Available"
	VSwitchPending   VSwitchStatus = "Pending"
)

// VSwitch is a subnet of a VPC in one zone.
type VSwitch struct {
	ID   string `json:"id"`
	VPC  string `json:"vpc"`  // one of the world's VPCs
	Zone string `json:"zone"` // a zone of the VPC's region
	// CIDR is the vSwitch's IPv4 block, inside its VPC's, with a mask
	// from /16 to /29.
	CIDR netip.Prefix `json:"cidr"`
	// IPv6CIDR is the vSwitch's IPv6 block, a /64 inside its VPC's /56;
	// the zero Prefix means the vSwitch has no IPv6.
	IPv6CIDR netip.Prefix `json:"ipv6Cidr,omitzero"`
	// Status is Available when empty.
	Status VSwitchStatus `json:"status,omitempty"`
	Name   string        `json:"name,omitempty"`
}

// SecurityGroupType is the type of a security group.
type SecurityGroupType string

// The types of security group. An ENI joins groups of one type only.
const (
	SecurityGroupNormal     SecurityGroupType = "normal"
	SecurityGroupEnterprise SecurityGroupType = "enterprise"
)

// SecurityGroup is a security group of one VPC.
type SecurityGroup struct {
	ID string `json:"id"` // such as "sg-bp1…"
	// VPC is the group's VPC. Empty means a group of the classic
	// network, which no ENI can join.
	VPC string `json:"vpc"`
	// Type is normal when empty.
	Type SecurityGroupType `json:"type,omitempty"`
	Name string            `json:"name,omitempty"`
	// Capacity is how many ENIs the group holds at most; zero means the
	// service's default for the type (see DefaultGroupCapacity).
	Capacity int `json:"capacity,omitempty"`
	// ServiceManaged marks a group that a cloud service manages; users
	// cannot put their ENIs in it.
	ServiceManaged bool   `json:"serviceManaged,omitempty"`
	Description    string `json:"description,omitempty"`
	// Tags are the group's tags when the fake is made: at most 20, with
	// the keys and values TagResources accepts.
	Tags []Tag `json:"tags,omitempty"`
}

// ResourceGroup is a resource group of the account.
type ResourceGroup struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	// Default marks the account's default group, which holds every ENI
	// created without a ResourceGroupId. At most one group is Default.
	Default bool `json:"default,omitempty"`
}

// DefaultGroupCapacity returns how many ENIs a security group of type t
// holds when its Capacity is zero: 2,000 for a normal group and 65,536 for
// an enterprise group, the service's published limits.
func DefaultGroupCapacity(t SecurityGroupType) int {
	if t == SecurityGroupEnterprise {
		return 65536
	}
	return 2000
}

// Validate reports every way the world cannot exist, or nil: duplicate or
// empty IDs, references to unknown regions, zones or VPCs, blocks of the
// wrong size or outside their VPC, vSwitches that overlap, and security
// group tags that TagResources would refuse.
func (w World) Validate() error {
	v := &worldCheck{
		ids:     map[string]bool{},
		regions: map[string]bool{},
		zones:   map[string]string{},
		vpcs:    map[string]VPC{},
	}
	for _, r := range w.Regions {
		v.region(r)
	}
	for _, x := range w.VPCs {
		v.vpc(x)
	}
	for i, s := range w.VSwitches {
		v.vswitch(s, w.VSwitches[:i])
	}
	for _, g := range w.SecurityGroups {
		v.group(g)
	}
	v.resourceGroups(w.ResourceGroups)
	if len(v.errs) == 0 {
		v.instances(w)
	}
	return errors.Join(v.errs...)
}

// instances adds the world's instances, in order, to a fake of the rest
// of the world, so that each is checked by the rules of AddInstance and
// every fault is named, a vSwitch too small for them all included.
func (v *worldCheck) instances(w World) {
	if len(w.Instances) == 0 {
		return
	}
	rest := w
	rest.Instances = nil
	f := New(WithWorld(rest))
	for i, s := range w.Instances {
		if _, err := f.addInstance(s); err != nil {
			v.fail("instance %d%s: %v", i+1, parenthesised(s.ID), err)
		}
	}
}

// worldCheck collects the faults of a World.
type worldCheck struct {
	errs    []error
	ids     map[string]bool
	regions map[string]bool
	zones   map[string]string // zone to region
	vpcs    map[string]VPC
}

func (v *worldCheck) fail(format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf("fakeecs: world: "+format, args...))
}

// id records an identifier and reports whether it is new and not empty.
func (v *worldCheck) id(kind, id string) bool {
	switch {
	case id == "":
		v.fail("a %s has no ID", kind)
	case v.ids[id]:
		v.fail("%s %q: the ID is used twice", kind, id)
	default:
		v.ids[id] = true
		return true
	}
	return false
}

func (v *worldCheck) region(r Region) {
	if !v.id("region", r.ID) {
		return
	}
	v.regions[r.ID] = true
	if len(r.Zones) == 0 {
		v.fail("region %q has no zones", r.ID)
	}
	for _, z := range r.Zones {
		if v.id("zone", z) {
			v.zones[z] = r.ID
		}
	}
}

func (v *worldCheck) vpc(x VPC) {
	if !v.id("VPC", x.ID) {
		return
	}
	v.vpcs[x.ID] = x
	if !v.regions[x.Region] {
		v.fail("VPC %q: unknown region %q", x.ID, x.Region)
	}
	if !x.CIDR.Addr().Is4() || x.CIDR.Bits() < 8 || x.CIDR.Bits() > 28 {
		v.fail("VPC %q: CIDR %s is not an IPv4 block from /8 to /28",
			x.ID, x.CIDR)
	} else if x.CIDR != x.CIDR.Masked() {
		v.fail("VPC %q: CIDR %s has host bits set", x.ID, x.CIDR)
	}
	if x.IPv6CIDR.IsValid() && !isBlock6(x.IPv6CIDR, 56) {
		v.fail("VPC %q: IPv6 CIDR %s is not a /56", x.ID, x.IPv6CIDR)
	}
}

func (v *worldCheck) vswitch(s VSwitch, before []VSwitch) {
	if !v.id("vSwitch", s.ID) {
		return
	}
	x, ok := v.vpcs[s.VPC]
	if !ok {
		v.fail("vSwitch %q: unknown VPC %q", s.ID, s.VPC)
		return
	}
	if v.zones[s.Zone] != x.Region {
		v.fail("vSwitch %q: zone %q is not in region %q of VPC %q",
			s.ID, s.Zone, x.Region, x.ID)
	}
	v.vswitchCIDR(s, x)
	v.vswitchIPv6(s, x)
	if s.Status != "" && s.Status != VSwitchAvailable &&
		s.Status != VSwitchPending {
		v.fail("vSwitch %q: unknown status %q", s.ID, s.Status)
	}
	for _, o := range before {
		v.overlap(s, o)
	}
}

// overlap refuses two vSwitches of one VPC whose IPv4 blocks overlap, and
// two vSwitches anywhere with one IPv6 block.
func (v *worldCheck) overlap(s, o VSwitch) {
	if o.VPC == s.VPC && s.CIDR.Overlaps(o.CIDR) {
		v.fail("vSwitch %q: CIDR %s overlaps %s of vSwitch %q",
			s.ID, s.CIDR, o.CIDR, o.ID)
	}
	if s.IPv6CIDR.IsValid() && s.IPv6CIDR.Overlaps(o.IPv6CIDR) {
		v.fail("vSwitch %q: IPv6 CIDR %s overlaps %s of vSwitch %q",
			s.ID, s.IPv6CIDR, o.IPv6CIDR, o.ID)
	}
}

func (v *worldCheck) vswitchCIDR(s VSwitch, x VPC) {
	c := s.CIDR
	switch {
	case !c.Addr().Is4() || c.Bits() < 16 || c.Bits() > 29:
		v.fail("vSwitch %q: CIDR %s is not an IPv4 block from /16 to /29",
			s.ID, c)
	case c != c.Masked():
		v.fail("vSwitch %q: CIDR %s has host bits set", s.ID, c)
	case !x.CIDR.Contains(c.Addr()) || c.Bits() < x.CIDR.Bits():
		v.fail("vSwitch %q: CIDR %s is outside %s of VPC %q",
			s.ID, c, x.CIDR, x.ID)
	}
}

func (v *worldCheck) vswitchIPv6(s VSwitch, x VPC) {
	c := s.IPv6CIDR
	switch {
	case !c.IsValid():
	case !isBlock6(c, 64):
		v.fail("vSwitch %q: IPv6 CIDR %s is not a /64", s.ID, c)
	case !x.IPv6CIDR.IsValid():
		v.fail("vSwitch %q: has IPv6 but VPC %q has none", s.ID, x.ID)
	case !x.IPv6CIDR.Contains(c.Addr()):
		v.fail("vSwitch %q: IPv6 CIDR %s is outside %s of VPC %q",
			s.ID, c, x.IPv6CIDR, x.ID)
	}
}

func (v *worldCheck) group(g SecurityGroup) {
	if !v.id("security group", g.ID) {
		return
	}
	if _, ok := v.vpcs[g.VPC]; g.VPC != "" && !ok {
		v.fail("security group %q: unknown VPC %q", g.ID, g.VPC)
	}
	if g.Type != "" && g.Type != SecurityGroupNormal &&
		g.Type != SecurityGroupEnterprise {
		v.fail("security group %q: unknown type %q", g.ID, g.Type)
	}
	if g.Capacity < 0 {
		v.fail("security group %q: negative capacity", g.ID)
	}
	if err := checkTags(tagParams(g.Tags)); err != nil {
		v.fail("security group %q: tags: %s: %s", g.ID, err.Code,
			err.Message)
	}
}

func (v *worldCheck) resourceGroups(gs []ResourceGroup) {
	defaults := 0
	for _, g := range gs {
		v.id("resource group", g.ID)
		if g.Default {
			defaults++
		}
	}
	if defaults > 1 {
		v.fail("%d resource groups are marked default; at most one may be",
			defaults)
	}
}

// isBlock6 reports whether p is a masked IPv6 prefix of the given length.
func isBlock6(p netip.Prefix, bits int) bool {
	return p.Addr().Is6() && !p.Addr().Is4In6() && p.Bits() == bits &&
		p == p.Masked()
}

// parenthesised returns " (s)", or nothing when s is empty.
func parenthesised(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}
