package fakeecs

import (
	"net/netip"
)

// createENIAnswer is CreateNetworkInterface's answer.
type createENIAnswer struct {
	meta
	eniView
}

// createENI serves CreateNetworkInterface: it checks the request, finds
// the vSwitch, security groups and resource group, takes the addresses,
// and records an Available ENI.
func (f *Fake) createENI(q *createENIRequest) (*createENIAnswer, *Error) {
	r, err := f.region(q.RegionID)
	if err != nil {
		return nil, err
	}
	if err := q.check(f.cfg.quotas); err != nil {
		return nil, err
	}
	s, err := f.usableVSwitch(r.ID, q.VSwitchID)
	if err != nil {
		return nil, err
	}
	rg, err := f.resourceGroupOrDefault(q.ResourceGroupID)
	if err != nil {
		return nil, err
	}
	groups, err := f.joinableGroups(s, q.groupIDs())
	if err != nil {
		return nil, err
	}
	if err := f.checkENIQuota(r.ID); err != nil {
		return nil, err
	}

	n := f.newENI(r, s, q)
	n.ResourceGroupID = rg
	if err := f.fillAddresses(s, n, q.PrimaryIPAddress, q.ask()); err != nil {
		return nil, err
	}
	extra := 1 + len(n.PrivateIPs) + 16*len(n.IPv4Prefixes)
	if err := f.checkPrivateIPQuota(r.ID, extra); err != nil {
		return nil, err
	}
	for _, g := range groups {
		g.members++
	}
	f.insert(n)

	return &createENIAnswer{eniView: f.view(n)}, nil
}

// usableVSwitch finds a vSwitch of the region that can hand out addresses.
func (f *Fake) usableVSwitch(region, id string) (*vswitchState, *Error) {
	s, ok := f.vswitches[id]
	if !ok || s.region != region {
		return nil, apiErr("InvalidVSwitchId.NotFound", "")
	}
	if s.Status != VSwitchAvailable {
		return nil, apiErr("IncorrectVSwitchStatus", "The operation is "+
			"not allowed in the current VSwitch state. Expecting state "+
			"includes \"Created Available\", but current state is %q.",
			string(s.Status))
	}
	return s, nil
}

// resourceGroupOrDefault checks a named resource group, or gives the
// account's default group when none is named.
func (f *Fake) resourceGroupOrDefault(id string) (string, *Error) {
	if id == "" {
		return f.defaultRG, nil
	}
	if _, ok := f.rgroups[id]; !ok {
		return "", apiErr("InvalidResourceGroup.NotFound", "")
	}
	return id, nil
}

// joinableGroups finds the security groups an ENI on vSwitch s joins: each
// must exist, be a VPC group of s's VPC that no cloud service manages,
// have room, and be of one type with the others.
func (f *Fake) joinableGroups(s *vswitchState, ids []string) (
	[]*groupState, *Error) {
	out := make([]*groupState, 0, len(ids))
	for _, id := range ids {
		g, err := f.joinableGroup(s, id)
		if err != nil {
			return nil, err
		}
		if len(out) > 0 && out[0].Type != g.Type {
			return nil, apiErr("EnterpriseGroupLimited.MutliGroupType", "")
		}
		out = append(out, g)
	}
	return out, nil
}

func (f *Fake) joinableGroup(s *vswitchState, id string) (
	*groupState, *Error) {
	g, ok := f.groups[id]
	switch {
	case !ok || (g.VPC != "" && f.vpcs[g.VPC].Region != s.region):
		return nil, apiErr("InvalidSecurityGroupId.NotFound", "The "+
			"specified security group %q does not exist.", id)
	case g.VPC == "":
		return nil, apiErr("InvalidSecurityGroupId.NotVpc", "")
	case g.VPC != s.VPC:
		return nil, apiErr("InvalidOperation.VpcMismatch", "The security "+
			"group %q is not in VPC %q of the vSwitch.", id, s.VPC)
	case g.ServiceManaged:
		return nil, apiErr("InvalidOperation.ResourceManagedByCloudProduct",
			"")
	case g.members >= g.Capacity && g.Type == SecurityGroupEnterprise:
		return nil, apiErr("InvalidOperation.EniCountExceeded", "The "+
			"enterprise security group %q holds %d ENIs, its maximum.",
			id, g.Capacity)
	case g.members >= g.Capacity:
		return nil, apiErr("SecurityGroupInstanceLimitExceed", "The "+
			"security group %q holds %d ENIs, its maximum.", id, g.Capacity)
	}
	return g, nil
}

// newENI makes the record of a new ENI from a checked request, before it
// holds any address.
func (f *Fake) newENI(r *regionState, s *vswitchState,
	q *createENIRequest) *NetworkInterface {
	t, _ := q.traffic() // q.check has refused a conflict
	n := &NetworkInterface{
		ID:              f.newENIID(r.prefix),
		RegionID:        r.ID,
		ZoneID:          s.Zone,
		VPCID:           s.VPC,
		VSwitchID:       s.ID,
		Status:          StatusAvailable,
		Type:            TypeSecondary,
		MAC:             f.newMAC(),
		Name:            q.NetworkInterfaceName,
		Description:     q.Description,
		SecurityGroups:  append([]string{}, q.groupIDs()...),
		Tags:            toTags(q.Tags),
		DeleteOnRelease: boolOf(q.DeleteOnRelease),
		SourceDestCheck: boolOf(q.SourceDestCheck),
		TrafficMode:     t.trafficMode(),
		QueueNumber:     intOf(t.queues),
		QueuePairNumber: intOf(t.pairs),
		RxQueueSize:     intOf(t.rx),
		TxQueueSize:     intOf(t.tx),
		ConnTrack: mergeConnTrack(defaultConnectionTracking,
			q.ConnTrack),
		CreatedAt: f.now,
	}
	if q.InstanceType != "" {
		n.Type = ENIType(q.InstanceType)
	}
	return n
}

// newENIID returns an ENI ID that no live ENI has.
func (f *Fake) newENIID(prefix string) string {
	for {
		id := newID(f.rng, "eni", prefix)
		if f.enis[id] == nil {
			return id
		}
	}
}

// newMAC returns a MAC address that no ENI of the fake has had.
func (f *Fake) newMAC() string {
	for {
		m := newMAC(f.rng)
		if !f.macs[m] {
			f.macs[m] = true
			f.onUndo(func() { delete(f.macs, m) })
			return m
		}
	}
}

// fillAddresses gives a new ENI its primary address and what the ask
// wants, all from vSwitch s. The order matters: addresses and prefixes
// given by value are taken first, so that those picked by count avoid
// them; prefixes before the primary address, so that on a nearly full
// vSwitch the single addresses do not break up the last free block.
func (f *Fake) fillAddresses(s *vswitchState, n *NetworkInterface,
	primary string, a addressAsk) *Error {
	explicit := a.v4
	if primary != "" {
		explicit = append([]string{primary}, a.v4...)
	}
	v4, err := f.takeAddrs(s.v4, ipv4, explicit)
	if err != nil {
		return err
	}
	n.IPv4Prefixes, err = f.ipv4Prefixes(s, a)
	if err != nil {
		return err
	}
	if primary == "" {
		p, err := f.allocAddrs(s.v4, 1, ipNotEnough(s))
		if err != nil {
			return err
		}
		v4 = append(p, v4...)
	}
	more, err := f.allocAddrs(s.v4, intOf(a.v4Count), ipNotEnough(s))
	if err != nil {
		return err
	}
	n.PrimaryIP, n.PrivateIPs = v4[0], append(v4[1:], more...)
	return f.fillIPv6(s, n, a)
}

// ipv4Prefixes takes the IPv4 prefixes the ask wants.
func (f *Fake) ipv4Prefixes(s *vswitchState, a addressAsk) (
	[]netip.Prefix, *Error) {
	if a.v4PrefixCount != nil {
		return f.allocPrefixes(s.v4, intOf(a.v4PrefixCount))
	}
	return f.takePrefixes(s.v4, ipv4, a.v4Prefixes)
}

// fillIPv6 gives n the IPv6 addresses and prefixes the ask wants.
func (f *Fake) fillIPv6(s *vswitchState, n *NetworkInterface,
	a addressAsk) *Error {
	if !a.wantsIPv6() {
		return nil
	}
	if s.v6 == nil {
		return apiErr("InvalidOperation.VSwitchIpv6Disabled", "")
	}
	var err *Error
	if a.v6Count != nil {
		n.IPv6s, err = f.allocAddrs(s.v6, intOf(a.v6Count), ipNotEnough(s))
	} else {
		n.IPv6s, err = f.takeAddrs(s.v6, ipv6, a.v6)
	}
	if err != nil {
		return err
	}
	if a.v6PrefixCount != nil {
		n.IPv6Prefixes, err = f.allocPrefixes(s.v6, intOf(a.v6PrefixCount))
	} else {
		n.IPv6Prefixes, err = f.takePrefixes(s.v6, ipv6, a.v6Prefixes)
	}
	return err
}

// ipNotEnough returns the error for a vSwitch that runs out of addresses.
func ipNotEnough(s *vswitchState) func() *Error {
	return func() *Error {
		return apiErr("InvalidVSwitchId.IpNotEnough", "The vSwitch %q "+
			"does not have enough available IP addresses.", s.ID)
	}
}

// insert adds a new ENI to the fake's records.
func (f *Fake) insert(n *NetworkInterface) {
	f.seq++
	n.seq = f.seq
	f.enis[n.ID] = n
	f.order = append(f.order, n)
}
