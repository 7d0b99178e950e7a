package fakeecs

import "net/netip"

// assignV6Request is AssignIpv6Addresses' request.
type assignV6Request struct {
	RegionID           string   `rpc:"RegionId"`
	NetworkInterfaceID string   `rpc:"NetworkInterfaceId"`
	IPv6Addresses      []string `rpc:"Ipv6Address"`
	IPv6AddressCount   *int32   `rpc:"Ipv6AddressCount"`
	IPv6Prefixes       []string `rpc:"Ipv6Prefix"`
	IPv6PrefixCount    *int32   `rpc:"Ipv6PrefixCount"`
	ClientToken        string
}

// assignV6Answer is AssignIpv6Addresses' answer: what was assigned, as
// flat lists.
type assignV6Answer struct {
	meta
	NetworkInterfaceId string
	Ipv6Sets           struct{ Ipv6Address []string }
	Ipv6PrefixSets     struct{ Ipv6Prefix []string }
}

// assignV6 serves AssignIpv6Addresses: the ENI's vSwitch must have IPv6,
// and the ENI room for the addresses: 10 when it is not attached, the
// instance type's EniIpv6AddressQuantity when it is.
func (f *Fake) assignV6(q *assignV6Request) (*assignV6Answer, *Error) {
	a := addressAsk{v6: q.IPv6Addresses, v6Count: q.IPv6AddressCount,
		v6Prefixes: q.IPv6Prefixes, v6PrefixCount: q.IPv6PrefixCount}
	n, err := f.addressTarget(q.RegionID, q.NetworkInterfaceID, a,
		q.ClientToken)
	if err != nil {
		return nil, err
	}
	if !a.wantsIPv6() {
		return nil, missing("Ipv6AddressCount")
	}
	if err := f.checkV6Room(n, a); err != nil {
		return nil, err
	}

	var got NetworkInterface
	if err := f.fillIPv6(f.vswitches[n.VSwitchID], &got, a); err != nil {
		return nil, err
	}
	n.IPv6s = append(n.IPv6s, got.IPv6s...)
	n.IPv6Prefixes = append(n.IPv6Prefixes, got.IPv6Prefixes...)

	out := &assignV6Answer{NetworkInterfaceId: n.ID}
	out.Ipv6Sets.Ipv6Address = mapList(got.IPv6s, netip.Addr.String)
	out.Ipv6PrefixSets.Ipv6Prefix = mapList(got.IPv6Prefixes,
		netip.Prefix.String)
	return out, nil
}

// checkV6Room requires room on the ENI for the IPv6 addresses and prefixes
// the ask wants, each taking one slot.
func (f *Fake) checkV6Room(n *NetworkInterface, a addressAsk) *Error {
	want := len(a.v6) + intOf(a.v6Count) + len(a.v6Prefixes) +
		intOf(a.v6PrefixCount)
	_, most, _ := f.limits(n)
	have := len(n.IPv6s) + len(n.IPv6Prefixes)
	if have+want > most {
		return apiErr("InvalidOperation.Ipv6CountExceeded", "The ENI "+
			"holds %d IPv6 addresses and prefixes and can hold %d; %d "+
			"more were asked.", have, most, want)
	}
	return nil
}

// unassignV6Request is UnassignIpv6Addresses' request.
type unassignV6Request struct {
	RegionID           string   `rpc:"RegionId"`
	NetworkInterfaceID string   `rpc:"NetworkInterfaceId"`
	IPv6Addresses      []string `rpc:"Ipv6Address"`
	IPv6Prefixes       []string `rpc:"Ipv6Prefix"`
}

// unassignV6 serves UnassignIpv6Addresses: every address and prefix must
// be the ENI's.
func (f *Fake) unassignV6(q *unassignV6Request) (*emptyAnswer, *Error) {
	a := addressAsk{v6: q.IPv6Addresses, v6Prefixes: q.IPv6Prefixes}
	n, err := f.addressTarget(q.RegionID, q.NetworkInterfaceID, a, "")
	if err != nil {
		return nil, err
	}
	if !a.wantsIPv6() {
		return nil, missing("Ipv6Address")
	}
	ips, err := heldAddrs(ipv6, a.v6, n.IPv6s)
	if err != nil {
		return nil, err
	}
	prefixes, err := heldPrefixes(ipv6, a.v6Prefixes, n.IPv6Prefixes)
	if err != nil {
		return nil, err
	}

	f.release(f.vswitches[n.VSwitchID].v6, ips, prefixes)
	n.IPv6s = without(n.IPv6s, ips)
	n.IPv6Prefixes = without(n.IPv6Prefixes, prefixes)

	return &emptyAnswer{}, nil
}
