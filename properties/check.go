// Package properties checks the invariants of a fake ECS service and runs
// random sequences of calls against it beside a small reference model.
//
// [Check] is usable from any test: after a test drives a fake, it reports
// every invariant the fake's state breaks. The package's own tests are
// rapid state machines; a failing run prints its steps and the seed that
// replays it.
package properties

import (
	"errors"
	"fmt"
	"net/netip"

	"go4.org/netipx"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// Check returns every way the state of f breaks the fake's invariants, or
// nil. w must be the world f was made with. The invariants: every ENI lies
// in a vSwitch of the world, with that vSwitch's zone, VPC and region, and
// in a known state; every address and prefix lies inside its vSwitch's
// block and outside the reserved addresses; no address is held twice;
// each vSwitch's available count is its size less the reserved and held
// addresses; an ENI is on an instance exactly when it is Attaching, InUse
// or Detaching, and then on one instance of its zone and VPC; no instance
// holds more ENIs than its type allows, nor an InUse ENI more addresses;
// an ENI on no instance holds at most 50 IPv4 and 10 IPv6 addresses;
// each security group counts the ENIs that name it; and no two ENIs of
// an instance share a device index.
func Check(f *fakeecs.Fake, w fakeecs.World) error {
	c := checker{
		f:      f,
		vsw:    map[string]fakeecs.VSwitch{},
		region: map[string]string{},
		count4: map[string]int{},
		seen:   map[netip.Addr]string{},
		macs:   map[string]string{},
	}
	for _, v := range w.VPCs {
		c.region[v.ID] = v.Region
	}
	for _, s := range w.VSwitches {
		c.vsw[s.ID] = s
	}
	enis := f.NetworkInterfaces()
	for _, n := range enis {
		c.eni(n)
	}
	for _, s := range w.VSwitches {
		c.available(s)
	}
	c.instances(f.Instances(), enis, f.InstanceTypes())
	c.members(f.State().Members, enis)
	c.devices(enis)
	return errors.Join(c.errs...)
}

// members checks each security group's count of ENIs against the ENIs
// that name it.
func (c *checker) members(got map[string]int,
	enis []fakeecs.NetworkInterface) {
	want := map[string]int{}
	for _, n := range enis {
		for _, g := range n.SecurityGroups {
			want[g]++
		}
	}
	for g, n := range got {
		if n != want[g] {
			c.fail("security group %s counts %d ENIs; %d name it", g, n,
				want[g])
		}
	}
	for g := range want {
		if _, ok := got[g]; !ok {
			c.fail("ENIs name security group %s, which is unknown", g)
		}
	}
}

// devices checks that no two ENIs of an instance share a device index.
func (c *checker) devices(enis []fakeecs.NetworkInterface) {
	seen := map[string]string{}
	for _, n := range enis {
		if n.InstanceID == "" {
			continue
		}
		k := fmt.Sprintf("%s/%d", n.InstanceID, n.DeviceIndex)
		if other, ok := seen[k]; ok {
			c.fail("%s and %s share device %s", n.ID, other, k)
		}
		seen[k] = n.ID
	}
}

type checker struct {
	f      *fakeecs.Fake
	errs   []error
	vsw    map[string]fakeecs.VSwitch
	region map[string]string
	count4 map[string]int
	seen   map[netip.Addr]string // IPv4 address to the ENI holding it
	held6  []held
	macs   map[string]string
}

func (c *checker) fail(format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf(format, args...))
}

var statuses = map[fakeecs.Status]bool{
	fakeecs.StatusAvailable: true, fakeecs.StatusAttaching: true,
	fakeecs.StatusInUse: true, fakeecs.StatusDetaching: true,
	fakeecs.StatusDeleting: true,
}

func (c *checker) eni(n fakeecs.NetworkInterface) {
	s, ok := c.vsw[n.VSwitchID]
	if !ok {
		c.fail("%s: unknown vSwitch %q", n.ID, n.VSwitchID)
		return
	}
	if n.ZoneID != s.Zone || n.VPCID != s.VPC ||
		n.RegionID != c.region[s.VPC] {
		c.fail("%s: zone %s, VPC %s, region %s do not match vSwitch %s",
			n.ID, n.ZoneID, n.VPCID, n.RegionID, s.ID)
	}
	if !statuses[n.Status] {
		c.fail("%s: unknown status %q", n.ID, n.Status)
	}
	if other, dup := c.macs[n.MAC]; dup {
		c.fail("%s: MAC %s also on %s", n.ID, n.MAC, other)
	}
	c.macs[n.MAC] = n.ID
	c.addresses(n, s)
}

func (c *checker) addresses(n fakeecs.NetworkInterface, s fakeecs.VSwitch) {
	for _, a := range append([]netip.Addr{n.PrimaryIP}, n.PrivateIPs...) {
		c.hold(n.ID, netip.PrefixFrom(a, 32), s.CIDR, reserved4(s.CIDR))
	}
	for _, p := range n.IPv4Prefixes {
		c.prefix(n.ID, p, 28, s.CIDR, reserved4(s.CIDR))
	}
	for _, a := range n.IPv6s {
		c.hold(n.ID, netip.PrefixFrom(a, 128), s.IPv6CIDR,
			reserved6(s.IPv6CIDR))
	}
	for _, p := range n.IPv6Prefixes {
		c.prefix(n.ID, p, 80, s.IPv6CIDR, reserved6(s.IPv6CIDR))
	}
}

func (c *checker) prefix(id string, p netip.Prefix, bits int,
	block netip.Prefix, reserved *netipx.IPSet) {
	if p.Bits() != bits || p != p.Masked() {
		c.fail("%s: prefix %s is not an aligned /%d", id, p, bits)
		return
	}
	c.hold(id, p, block, reserved)
}

// hold records that ENI id holds the addresses of p, which must lie in
// block and outside reserved, and belong to no other ENI.
func (c *checker) hold(id string, p netip.Prefix, block netip.Prefix,
	reserved *netipx.IPSet) {
	r := netipx.RangeOfPrefix(p)
	if !block.IsValid() || !block.Contains(r.From()) ||
		!block.Contains(r.To()) {
		c.fail("%s: %s is outside the vSwitch block %s", id, p, block)
		return
	}
	if reserved.OverlapsPrefix(p) {
		c.fail("%s: %s covers a reserved address of %s", id, p, block)
	}
	c.unique(id, p)
	if p.Addr().Is4() {
		c.count4[block.String()] += 1 << (32 - p.Bits())
	}
}

// unique checks that no other ENI holds any address of p: IPv4 address by
// address, IPv6 by the overlap of prefixes.
func (c *checker) unique(id string, p netip.Prefix) {
	if p.Addr().Is6() {
		for _, h := range c.held6 {
			if h.p.Overlaps(p) {
				c.fail("%s: %s overlaps %s of %s", id, p, h.p, h.id)
			}
		}
		c.held6 = append(c.held6, held{id, p})
		return
	}
	r := netipx.RangeOfPrefix(p)
	for a := r.From(); ; a = a.Next() {
		if other, ok := c.seen[a]; ok {
			c.fail("%s: %s is also held by %s", id, a, other)
		}
		c.seen[a] = id
		if a == r.To() {
			return
		}
	}
}

// held is an IPv6 address or prefix and the ENI holding it.
type held struct {
	id string
	p  netip.Prefix
}

// available checks a vSwitch's available count against the held addresses.
func (c *checker) available(s fakeecs.VSwitch) {
	got, ok := c.f.AvailableIPs(s.ID)
	if !ok {
		c.fail("vSwitch %s: unknown to the fake", s.ID)
		return
	}
	size := 1 << (32 - s.CIDR.Bits())
	want := size - 4 - c.count4[s.CIDR.String()]
	if got != want {
		c.fail("vSwitch %s: %d available addresses, want %d", s.ID, got,
			want)
	}
}

// reserved4 is the set of reserved addresses of an IPv4 block: the first
// and the last three.
func reserved4(p netip.Prefix) *netipx.IPSet {
	r := netipx.RangeOfPrefix(p)
	last := r.To()
	var b netipx.IPSetBuilder
	b.Add(r.From())
	b.AddRange(netipx.IPRangeFrom(last.Prev().Prev(), last))
	s, _ := b.IPSet()
	return s
}

// reserved6 is the set of reserved addresses of an IPv6 /64: the first and
// the last nine.
func reserved6(p netip.Prefix) *netipx.IPSet {
	var b netipx.IPSetBuilder
	if !p.IsValid() {
		s, _ := b.IPSet()
		return s
	}
	r := netipx.RangeOfPrefix(p)
	first := r.To()
	for range 8 {
		first = first.Prev()
	}
	b.Add(r.From())
	b.AddRange(netipx.IPRangeFrom(first, r.To()))
	s, _ := b.IPSet()
	return s
}

// onInstance are the states of an ENI that is on an instance.
var onInstance = map[fakeecs.Status]bool{
	fakeecs.StatusAttaching: true, fakeecs.StatusInUse: true,
	fakeecs.StatusDetaching: true,
}

// instances checks the ENIs against the instances they are on.
func (c *checker) instances(ins []fakeecs.Instance,
	enis []fakeecs.NetworkInterface, types []fakeecs.InstanceType) {
	byID := map[string]fakeecs.Instance{}
	for _, in := range ins {
		byID[in.ID] = in
	}
	typ := map[string]fakeecs.InstanceType{}
	for _, t := range types {
		typ[t.ID] = t
	}
	count := map[string]int{}
	for _, n := range enis {
		in, ok := byID[n.InstanceID]
		c.placement(n, in, ok)
		if ok {
			count[in.ID]++
			c.fits(n, typ[in.Type])
		} else {
			c.fitsAlone(n)
		}
	}
	for _, in := range ins {
		if t := typ[in.Type]; count[in.ID] > t.EniQuantity {
			c.fail("instance %s holds %d ENIs; type %s allows %d", in.ID,
				count[in.ID], t.ID, t.EniQuantity)
		}
	}
}

// placement checks that an ENI is on an instance exactly when its state
// says so, and on one of its zone and VPC.
func (c *checker) placement(n fakeecs.NetworkInterface, in fakeecs.Instance,
	ok bool) {
	switch {
	case n.InstanceID != "" && !ok:
		c.fail("%s: on unknown instance %q", n.ID, n.InstanceID)
	case ok != onInstance[n.Status]:
		c.fail("%s: %s, on instance %q", n.ID, n.Status, n.InstanceID)
	case ok && (in.ZoneID != n.ZoneID || in.VPCID != n.VPCID):
		c.fail("%s: in %s/%s, on instance %s in %s/%s", n.ID, n.ZoneID,
			n.VPCID, in.ID, in.ZoneID, in.VPCID)
	}
}

// fits checks an InUse ENI's addresses against its instance's type.
func (c *checker) fits(n fakeecs.NetworkInterface, t fakeecs.InstanceType) {
	v4 := 1 + len(n.PrivateIPs) + len(n.IPv4Prefixes)
	v6 := len(n.IPv6s) + len(n.IPv6Prefixes)
	if n.Status == fakeecs.StatusInUse &&
		(v4 > t.EniPrivateIpAddressQuantity || v6 > t.EniIpv6AddressQuantity) {
		c.fail("%s: %d IPv4 and %d IPv6 on type %s", n.ID, v4, v6, t.ID)
	}
}

// fitsAlone checks an ENI on no instance: at most 50 IPv4 and 10 IPv6.
func (c *checker) fitsAlone(n fakeecs.NetworkInterface) {
	v4 := 1 + len(n.PrivateIPs) + len(n.IPv4Prefixes)
	v6 := len(n.IPv6s) + len(n.IPv6Prefixes)
	if v4 > 50 || v6 > 10 {
		c.fail("%s: %d IPv4 and %d IPv6 on no instance", n.ID, v4, v6)
	}
}
