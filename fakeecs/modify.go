package fakeecs

import (
	"slices"
	"unicode"
)

// modifyENIRequest is ModifyNetworkInterfaceAttribute's request.
type modifyENIRequest struct {
	RegionID             string `rpc:"RegionId"`
	NetworkInterfaceID   string `rpc:"NetworkInterfaceId"`
	NetworkInterfaceName string
	Description          string
	// SecurityGroupIDs replaces the ENI's whole set of security groups.
	SecurityGroupIDs []string `rpc:"SecurityGroupId"`
	DeleteOnRelease  *bool
	SourceDestCheck  *bool
	QueueNumber      *int32
	RxQueueSize      *int32
	TxQueueSize      *int32
	TrafficConfig    *trafficParam   `rpc:"NetworkInterfaceTrafficConfig"`
	ConnTrack        *connTrackParam `rpc:"ConnectionTrackingConfiguration"`
	EnhancedNetwork  *enhancedNetworkParam
}

// modifyENI serves ModifyNetworkInterfaceAttribute: it checks every
// change first and then makes them all.
func (f *Fake) modifyENI(q *modifyENIRequest) (*emptyAnswer, *Error) {
	r, err := f.region(q.RegionID)
	if err != nil {
		return nil, err
	}
	if err := q.check(f.cfg.quotas); err != nil {
		return nil, err
	}
	n, err := f.eniOf(r.ID, q.NetworkInterfaceID)
	if err != nil {
		return nil, err
	}
	t, _ := q.traffic() // q.check has refused a conflict
	if err := f.checkTrafficChange(n, t); err != nil {
		return nil, err
	}
	groups, err := f.regroup(n, q.SecurityGroupIDs)
	if err != nil {
		return nil, err
	}

	q.apply(n, t)
	f.moveGroups(n, groups)

	return &emptyAnswer{}, nil
}

// check runs the checks that need only the request.
func (q *modifyENIRequest) check(quotas Quotas) *Error {
	checks := []func() *Error{
		func() *Error { return checkModifiedName(q.NetworkInterfaceName) },
		func() *Error { return checkDescription(q.Description, 255) },
		func() *Error {
			return checkGroupList("SecurityGroupId", q.SecurityGroupIDs,
				quotas.SecurityGroupsPerENI)
		},
		func() *Error { return checkEnhanced(q.EnhancedNetwork) },
		func() *Error {
			t, err := q.traffic()
			if err != nil {
				return err
			}
			return t.check("", false)
		},
		func() *Error { return checkConnTrack(q.ConnTrack) },
	}
	for _, c := range checks {
		if err := c(); err != nil {
			return err
		}
	}
	return nil
}

// checkModifiedName checks a new ENI name: the rules of a name at
// creation, and it must start with a letter
// (ModifyNetworkInterfaceAttribute, NetworkInterfaceName).
func checkModifiedName(s string) *Error {
	if err := checkENIName(s); err != nil {
		return err
	}
	if s != "" && !unicode.IsLetter([]rune(s)[0]) {
		return apiErr("InvalidParams.NetworkInterfaceName", "The "+
			"specified NetworkInterfaceName %q must start with a letter.", s)
	}
	return nil
}

// traffic merges the top-level queue settings with the
// NetworkInterfaceTrafficConfig object.
func (q *modifyENIRequest) traffic() (traffic, *Error) {
	c := createENIRequest{QueueNumber: q.QueueNumber,
		RxQueueSize: q.RxQueueSize, TxQueueSize: q.TxQueueSize,
		TrafficConfig: q.TrafficConfig}
	return c.traffic()
}

// checkTrafficChange checks the traffic settings against the ENI: queues
// change only while the ENI is Available, or InUse on a Stopped instance,
// and within its instance type's limits; the mode changes only while the
// ENI is Available; queue pairs go with the HighPerformance mode.
func (f *Fake) checkTrafficChange(n *NetworkInterface, t traffic) *Error {
	mode := n.TrafficMode
	if t.mode != "" {
		mode = TrafficMode(t.mode)
		if mode != n.TrafficMode && n.Status != StatusAvailable {
			return wrongENIState(n, StatusAvailable)
		}
	}
	if t.pairs != nil && mode != TrafficHighPerformance {
		return apiErr("InvalidParameter.QueuePairNumberMustEmpty", "")
	}
	ipv6 := len(n.IPv6s)+len(n.IPv6Prefixes) > 0
	err := traffic{mode: string(mode)}.checkHighPerformance(n.Type, ipv6)
	if err != nil {
		return err
	}
	if t.queues == nil {
		return nil
	}
	return f.checkQueueChange(n, int(*t.queues))
}

// checkQueueChange checks a new QueueNumber against the ENI's state and
// its instance's type.
func (f *Fake) checkQueueChange(n *NetworkInterface, queues int) *Error {
	if n.Status == StatusAvailable {
		return nil
	}
	if n.Status != StatusInUse {
		return wrongENIState(n, StatusAvailable, StatusInUse)
	}
	in := f.instances[n.InstanceID]
	if in.Status != InstanceStopped {
		return apiErr("InvalidOperation.InvalidEcsState", "The queue "+
			"number of an attached ENI changes only while its instance is "+
			"stopped. Expecting status is %q while current status is %q.",
			string(InstanceStopped), string(in.Status))
	}
	m := *n
	m.QueueNumber = queues
	others := without(f.attachedTo(in.ID), []*NetworkInterface{n})
	return checkQueueFit(&m, others, f.types[in.Type])
}

// regroup finds the security groups that replace the ENI's, or nil when
// the request names none. Only a secondary ENI changes groups this way.
func (f *Fake) regroup(n *NetworkInterface, ids []string) (
	[]*groupState, *Error) {
	if len(ids) == 0 {
		return nil, nil
	}
	if n.Type == TypePrimary {
		return nil, apiErr("InvalidOperation.InvalidEniType", "The "+
			"security groups of the primary ENI %q change with its "+
			"instance's.", n.ID)
	}
	s := f.vswitches[n.VSwitchID]
	out := make([]*groupState, 0, len(ids))
	for _, id := range ids {
		g, err := f.joinableGroup(s, id)
		if isFull(err) && slices.Contains(n.SecurityGroups, id) {
			g, err = f.groups[id], nil // it stays; it takes no new place
		}
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

// isFull reports whether err is a security group's capacity error.
func isFull(err *Error) bool {
	return err != nil && (err.Code == "SecurityGroupInstanceLimitExceed" ||
		err.Code == "InvalidOperation.EniCountExceeded")
}

// apply makes the checked changes of the request on the ENI.
func (q *modifyENIRequest) apply(n *NetworkInterface, t traffic) {
	if q.NetworkInterfaceName != "" {
		n.Name = q.NetworkInterfaceName
	}
	if q.Description != "" {
		n.Description = q.Description
	}
	setBool(&n.DeleteOnRelease, q.DeleteOnRelease)
	setBool(&n.SourceDestCheck, q.SourceDestCheck)
	if t.mode != "" {
		n.TrafficMode = TrafficMode(t.mode)
	}
	setInt(&n.QueueNumber, t.queues)
	setInt(&n.QueuePairNumber, t.pairs)
	setInt(&n.RxQueueSize, t.rx)
	setInt(&n.TxQueueSize, t.tx)
	n.ConnTrack = mergeConnTrack(n.ConnTrack, q.ConnTrack)
}

// moveGroups takes the ENI out of its groups and puts it in the new ones;
// nil groups leave it where it is.
func (f *Fake) moveGroups(n *NetworkInterface, groups []*groupState) {
	if groups == nil {
		return
	}
	for _, id := range n.SecurityGroups {
		f.groups[id].members--
	}
	n.SecurityGroups = make([]string, len(groups))
	for i, g := range groups {
		g.members++
		n.SecurityGroups[i] = g.ID
	}
}

func setBool(dst *bool, v *bool) {
	if v != nil {
		*dst = *v
	}
}

func setInt(dst *int, v *int32) {
	if v != nil {
		*dst = int(*v)
	}
}
