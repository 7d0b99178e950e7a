package fakeecs

import (
	"net/netip"
	"slices"
)

// The address actions: AssignPrivateIpAddresses,
// UnassignPrivateIpAddresses, AssignIpv6Addresses and
// UnassignIpv6Addresses. They are synchronous and keep the ENI's state.

// assignV4Request is AssignPrivateIpAddresses' request.
type assignV4Request struct {
	RegionID           string   `rpc:"RegionId"`
	NetworkInterfaceID string   `rpc:"NetworkInterfaceId"`
	PrivateIPAddresses []string `rpc:"PrivateIpAddress"`
	SecondaryCount     *int32   `rpc:"SecondaryPrivateIpAddressCount"`
	IPv4Prefixes       []string `rpc:"Ipv4Prefix"`
	IPv4PrefixCount    *int32   `rpc:"Ipv4PrefixCount"`
	ClientToken        string
}

// assignV4Answer is AssignPrivateIpAddresses' answer: what was assigned.
type assignV4Answer struct {
	meta
	AssignedPrivateIpAddressesSet struct {
		NetworkInterfaceId string
		PrivateIpSet       struct{ PrivateIpAddress []string }
		Ipv4PrefixSet      struct{ Ipv4Prefixes []string }
	}
}

// assignLimits are the bounds of one assign: PrivateIpAddress.N with N
// from 1 to 50, Ipv6Address.N and Ipv6AddressCount from 1 to 10, and each
// kind of prefix from 1 to 10. A count has no bound of its own: the ENI's
// capacity bounds it.
var assignLimits = askLimits{v4List: 50, v4Count: 1 << 30, v6: 10,
	prefixes: 10}

// The most an ENI that is not attached holds: 49 secondary IPv4 and 10
// IPv6 addresses (AssignPrivateIpAddresses and AssignIpv6Addresses).
const (
	detachedV4Slots = 50
	detachedV6Slots = 10
)

// assignV4 serves AssignPrivateIpAddresses.
func (f *Fake) assignV4(q *assignV4Request) (*assignV4Answer, *Error) {
	a := addressAsk{v4: q.PrivateIPAddresses, v4Count: q.SecondaryCount,
		v4Prefixes: q.IPv4Prefixes, v4PrefixCount: q.IPv4PrefixCount}
	n, err := f.addressTarget(q.RegionID, q.NetworkInterfaceID, a,
		q.ClientToken)
	if err != nil {
		return nil, err
	}
	if a.v4Count == nil && len(a.v4) == 0 && !a.wantsV4Prefixes() {
		return nil, missing("SecondaryPrivateIpAddressCount")
	}
	if err := f.checkV4Room(n, a); err != nil {
		return nil, err
	}

	s := f.vswitches[n.VSwitchID]
	ips, prefixes, err := f.takeV4(s, a)
	if err != nil {
		return nil, err
	}
	extra := len(ips) + 16*len(prefixes)
	if err := f.checkPrivateIPQuota(n.RegionID, extra); err != nil {
		return nil, err
	}
	n.PrivateIPs = append(n.PrivateIPs, ips...)
	n.IPv4Prefixes = append(n.IPv4Prefixes, prefixes...)

	out := &assignV4Answer{}
	set := &out.AssignedPrivateIpAddressesSet
	set.NetworkInterfaceId = n.ID
	set.PrivateIpSet.PrivateIpAddress = mapList(ips, netip.Addr.String)
	set.Ipv4PrefixSet.Ipv4Prefixes = mapList(prefixes, netip.Prefix.String)
	return out, nil
}

// wantsV4Prefixes reports whether the ask wants IPv4 prefixes.
func (a addressAsk) wantsV4Prefixes() bool {
	return len(a.v4Prefixes) > 0 || a.v4PrefixCount != nil
}

// takeV4 takes the IPv4 addresses and prefixes an assign asks for.
func (f *Fake) takeV4(s *vswitchState, a addressAsk) ([]netip.Addr,
	[]netip.Prefix, *Error) {
	ips, err := f.takeAddrs(s.v4, assignFamily(ipv4), a.v4)
	if err != nil {
		return nil, nil, err
	}
	more, err := f.allocAddrs(s.v4, intOf(a.v4Count), ipNotEnough(s))
	if err != nil {
		return nil, nil, err
	}
	prefixes, err := f.ipv4Prefixes(s, a)
	return append(ips, more...), prefixes, err
}

// assignFamily refuses an address that is already held with the assign
// actions' code, InvalidIp.IpAssigned.
func assignFamily(fam family) family {
	fam.held = func(a netip.Addr) *Error {
		return apiErr("InvalidIp.IpAssigned", "The IP address %s is "+
			"already assigned.", a)
	}
	return fam
}

// addressTarget finds the ENI of an address action and checks the common
// rules: the ask's own rules, the token, an Available or InUse ENI, and
// for a primary ENI a Running or Stopped instance.
func (f *Fake) addressTarget(region, id string, a addressAsk,
	token string) (*NetworkInterface, *Error) {
	r, err := f.region(region)
	if err != nil {
		return nil, err
	}
	if err := a.check(assignLimits); err != nil {
		return nil, err
	}
	if err := checkClientToken(token); err != nil {
		return nil, err
	}
	n, err := f.eniOf(r.ID, id)
	if err != nil {
		return nil, err
	}
	return n, f.checkAddressState(n)
}

// checkAddressState requires an Available or InUse ENI, and a Running or
// Stopped instance for a primary ENI.
func (f *Fake) checkAddressState(n *NetworkInterface) *Error {
	if n.Status != StatusAvailable && n.Status != StatusInUse {
		return wrongENIState(n, StatusAvailable, StatusInUse)
	}
	if n.Type == TypePrimary {
		return checkInstanceState(f.instances[n.InstanceID])
	}
	return nil
}

// limits returns how many IPv4 and IPv6 slots the ENI has: those of its
// instance's type when attached, else 50 and 10.
func (f *Fake) limits(n *NetworkInterface) (v4, v6 int, t *InstanceType) {
	in := f.instances[n.InstanceID]
	if n.Status != StatusInUse || in == nil {
		return detachedV4Slots, detachedV6Slots, nil
	}
	t = f.types[in.Type]
	return t.EniPrivateIpAddressQuantity, t.EniIpv6AddressQuantity, t
}

// checkV4Room requires room on the ENI for what the ask wants: each
// address and each prefix takes one slot.
func (f *Fake) checkV4Room(n *NetworkInterface, a addressAsk) *Error {
	want := len(a.v4) + intOf(a.v4Count) + len(a.v4Prefixes) +
		intOf(a.v4PrefixCount)
	most, _, _ := f.limits(n)
	if v4Slots(n)+want > most {
		return apiErr("InvalidOperation.Ipv4CountExceeded", "The ENI "+
			"holds %d IPv4 addresses and prefixes and can hold %d; %d "+
			"more were asked.", v4Slots(n), most, want)
	}
	return nil
}

// unassignV4Request is UnassignPrivateIpAddresses' request.
type unassignV4Request struct {
	RegionID           string   `rpc:"RegionId"`
	NetworkInterfaceID string   `rpc:"NetworkInterfaceId"`
	PrivateIPAddresses []string `rpc:"PrivateIpAddress"`
	IPv4Prefixes       []string `rpc:"Ipv4Prefix"`
}

// unassignV4 serves UnassignPrivateIpAddresses: every address and prefix
// must be a secondary one of the ENI; the primary address cannot be
// unassigned.
func (f *Fake) unassignV4(q *unassignV4Request) (*emptyAnswer, *Error) {
	a := addressAsk{v4: q.PrivateIPAddresses, v4Prefixes: q.IPv4Prefixes}
	n, err := f.addressTarget(q.RegionID, q.NetworkInterfaceID, a, "")
	if err != nil {
		return nil, err
	}
	if len(a.v4) == 0 && len(a.v4Prefixes) == 0 {
		return nil, missing("PrivateIpAddress")
	}
	ips, err := heldAddrs(ipv4, a.v4, n.PrivateIPs)
	if err != nil {
		return nil, err
	}
	prefixes, err := heldPrefixes(ipv4, a.v4Prefixes, n.IPv4Prefixes)
	if err != nil {
		return nil, err
	}

	f.release(f.vswitches[n.VSwitchID].v4, ips, prefixes)
	n.PrivateIPs = without(n.PrivateIPs, ips)
	n.IPv4Prefixes = without(n.IPv4Prefixes, prefixes)

	return &emptyAnswer{}, nil
}

// heldAddrs parses the addresses an unassign names, each of which the ENI
// must hold.
func heldAddrs(fam family, list []string, held []netip.Addr) (
	[]netip.Addr, *Error) {
	out := make([]netip.Addr, 0, len(list))
	for _, s := range list {
		a, err := fam.parseAddr(s)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(held, a) || slices.Contains(out, a) {
			return nil, unassigned(s)
		}
		out = append(out, a)
	}
	return out, nil
}

// heldPrefixes parses the prefixes an unassign names, each of which the
// ENI must hold.
func heldPrefixes(fam family, list []string, held []netip.Prefix) (
	[]netip.Prefix, *Error) {
	ps, err := fam.parsePrefixes(list)
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		if !slices.Contains(held, p) {
			return nil, unassigned(p.String())
		}
	}
	return ps, nil
}

// unassigned is the error for an address the ENI does not hold as a
// secondary address, its primary address included.
func unassigned(s string) *Error {
	return apiErr("InvalidIp.IpUnassigned", "The IP address %s is not "+
		"assigned to the ENI as a secondary address.", s)
}

// release returns addresses and prefixes to a pool. They are held, so the
// pool cannot refuse.
func (f *Fake) release(p pool, ips []netip.Addr, prefixes []netip.Prefix) {
	for _, a := range ips {
		_ = p.Release(a)
		f.onUndo(func() { _ = p.Take(a) })
	}
	for _, q := range prefixes {
		_ = p.ReleasePrefix(q)
		f.onUndo(func() { _ = p.TakePrefix(q) })
	}
}

// without returns list without the values of drop, in order.
func without[T comparable](list, drop []T) []T {
	return slices.DeleteFunc(slices.Clone(list), func(x T) bool {
		return slices.Contains(drop, x)
	})
}
