package fakeecs

import (
	"slices"
	"strings"
)

// attachENIRequest is AttachNetworkInterface's request.
type attachENIRequest struct {
	RegionID           string `rpc:"RegionId"`
	NetworkInterfaceID string `rpc:"NetworkInterfaceId"`
	InstanceID         string `rpc:"InstanceId"`
	NetworkCardIndex   *int32
	// TrunkNetworkInstanceId is documented as unavailable;
	// WaitForNetworkConfigurationReady as no longer supported. The fake
	// refuses the first and ignores the second.
	TrunkNetworkInstanceID           string `rpc:"TrunkNetworkInstanceId"`
	WaitForNetworkConfigurationReady *bool
}

// emptyAnswer is the answer of the actions that answer only a request ID.
type emptyAnswer struct{ meta }

// attachENI serves AttachNetworkInterface: an Available ENI and a Running
// or Stopped instance of its zone and VPC, with room for one more ENI of
// its queues and addresses. The ENI is Attaching until the Attach delay
// passes on the clock, then InUse; or Available again when the attach
// fails ([Fake.FailAttach]).
func (f *Fake) attachENI(q *attachENIRequest) (*emptyAnswer, *Error) {
	n, in, err := f.attachPair(q.RegionID, q.NetworkInterfaceID,
		q.InstanceID)
	if err != nil {
		return nil, err
	}
	if err := f.checkAttach(q, n, in); err != nil {
		return nil, err
	}

	f.startAttach(n, in)

	return &emptyAnswer{}, nil
}

// attachPair finds the ENI and the instance a request names.
func (f *Fake) attachPair(region, eniID, instanceID string) (
	*NetworkInterface, *Instance, *Error) {
	r, err := f.region(region)
	if err != nil {
		return nil, nil, err
	}
	if instanceID == "" {
		return nil, nil, missing("InstanceId")
	}
	n, err := f.eniOf(r.ID, eniID)
	if err != nil {
		return nil, nil, err
	}
	in, err := f.instanceIn(r.ID, instanceID)
	return n, in, err
}

// instanceIn finds an instance of the region by the ID a request names.
func (f *Fake) instanceIn(region, id string) (*Instance, *Error) {
	if !strings.HasPrefix(id, "i-") {
		return nil, apiErr("InvalidInstanceID.Malformed", "The specified "+
			"InstanceId %q is not valid.", id)
	}
	in := f.instances[id]
	if in == nil || in.RegionID != region {
		return nil, apiErr("InvalidEcsId.NotFound", "The specified "+
			"instance %q does not exist.", id)
	}
	return in, nil
}

// checkAttach runs the preconditions of an attach in order.
func (f *Fake) checkAttach(q *attachENIRequest, n *NetworkInterface,
	in *Instance) *Error {
	t := f.types[in.Type]
	checks := []func() *Error{
		func() *Error { return checkTrunkMember(q.TrunkNetworkInstanceID) },
		func() *Error { return checkCardIndex(q.NetworkCardIndex, t) },
		func() *Error { return checkAttachable(n) },
		func() *Error { return checkInstanceState(in) },
		func() *Error { return checkPlacement(n, in) },
		func() *Error { return f.checkRoom(n, in, t) },
		func() *Error { return checkFits(n, t) },
		func() *Error { return f.checkQueues(n, in, t) },
	}
	for _, c := range checks {
		if err := c(); err != nil {
			return err
		}
	}
	return nil
}

// checkTrunkMember refuses TrunkNetworkInstanceId, which the reference
// documents as unavailable.
func checkTrunkMember(id string) *Error {
	if id != "" {
		return apiErr("UnsupportedParameter", "The parameter "+
			"\"TrunkNetworkInstanceId\" is not supported.")
	}
	return nil
}

// checkCardIndex checks NetworkCardIndex against the type's cards.
func checkCardIndex(i *int32, t *InstanceType) *Error {
	if i != nil && (*i < 0 || int(*i) >= t.NetworkCardQuantity) {
		return invalid("NetworkCardIndex")
	}
	return nil
}

// checkAttachable requires an Available secondary or trunk ENI.
func checkAttachable(n *NetworkInterface) *Error {
	if n.Type == TypePrimary {
		return apiErr("InvalidOperation.InvalidEniType", "The primary "+
			"ENI %q cannot be attached.", n.ID)
	}
	if n.Status != StatusAvailable {
		return wrongENIState(n, StatusAvailable)
	}
	return nil
}

// checkInstanceState requires a Running or Stopped instance.
func checkInstanceState(in *Instance) *Error {
	if in.Status == InstanceRunning || in.Status == InstanceStopped {
		return nil
	}
	return apiErr("InvalidOperation.InvalidEcsState", "The operation is "+
		"not allowed in the current instance state. Expecting status is "+
		"%q while current status is %q.", "Running or Stopped",
		string(in.Status))
}

// checkPlacement requires the ENI and the instance in one zone and VPC.
func checkPlacement(n *NetworkInterface, in *Instance) *Error {
	if n.ZoneID != in.ZoneID {
		return apiErr("InvalidOperation.AvailabilityZoneMismatch", "The "+
			"ENI is in zone %q and the instance in zone %q.", n.ZoneID,
			in.ZoneID)
	}
	if n.VPCID != in.VPCID {
		return apiErr("InvalidOperation.VpcMismatch", "The ENI is in VPC "+
			"%q and the instance in VPC %q.", n.VPCID, in.VPCID)
	}
	return nil
}

// checkRoom requires room on the instance: fewer ENIs than EniQuantity,
// the primary included, fewer RDMA ENIs than EriQuantity, and trunking
// only where the type supports it.
func (f *Fake) checkRoom(n *NetworkInterface, in *Instance,
	t *InstanceType) *Error {
	on := f.attachedTo(in.ID)
	if len(on) >= t.EniQuantity {
		return apiErr("EniPerInstanceLimitExceeded", "The instance %q "+
			"of type %s holds at most %d ENIs.", in.ID, t.ID,
			t.EniQuantity)
	}
	if n.Type == TypeTrunk && !t.EniTrunkSupported {
		return apiErr("InvalidOperation.TrunkingIsNotAllowed", "The "+
			"instance type %s does not support trunk ENIs.", t.ID)
	}
	if n.TrafficMode == TrafficHighPerformance &&
		countRDMA(on) >= t.EriQuantity {
		return apiErr("InvalidOperation.HighPerformanceTrafficModeIsNotAllowed",
			"The instance type %s holds at most %d ENIs in the "+
				"HighPerformance traffic mode.", t.ID, t.EriQuantity)
	}
	return nil
}

func countRDMA(ns []*NetworkInterface) int {
	c := 0
	for _, n := range ns {
		if n.TrafficMode == TrafficHighPerformance {
			c++
		}
	}
	return c
}

// checkFits requires that the ENI's addresses fit the type's limits per
// ENI.
func checkFits(n *NetworkInterface, t *InstanceType) *Error {
	if v4 := v4Slots(n); v4 > t.EniPrivateIpAddressQuantity {
		return apiErr("InvalidOperation.Ipv4CountExceeded", "The ENI "+
			"holds %d IPv4 addresses and prefixes; an ENI of type %s "+
			"holds at most %d.", v4, t.ID, t.EniPrivateIpAddressQuantity)
	}
	if v6 := len(n.IPv6s) + len(n.IPv6Prefixes); v6 > t.EniIpv6AddressQuantity {
		return apiErr("InvalidOperation.Ipv6CountExceeded", "The ENI "+
			"holds %d IPv6 addresses and prefixes; an ENI of type %s "+
			"holds at most %d.", v6, t.ID, t.EniIpv6AddressQuantity)
	}
	return nil
}

// v4Slots counts what an ENI holds against EniPrivateIpAddressQuantity:
// its primary and secondary addresses, and each IPv4 prefix as one.
func v4Slots(n *NetworkInterface) int {
	return 1 + len(n.PrivateIPs) + len(n.IPv4Prefixes)
}

// checkQueues requires the ENI's queues to fit the instance beside the
// ENIs already on it.
func (f *Fake) checkQueues(n *NetworkInterface, in *Instance,
	t *InstanceType) *Error {
	return checkQueueFit(n, f.attachedTo(in.ID), t)
}

// checkQueueFit requires the ENI's queues within MaximumQueueNumberPerEni
// and, with those of the other ENIs on the instance, within
// TotalEniQueueQuantity.
func checkQueueFit(n *NetworkInterface, others []*NetworkInterface,
	t *InstanceType) *Error {
	q := queuesOn(n, t)
	if q > t.MaximumQueueNumberPerEni {
		return apiErr("InvalidOperation.MaxEniQueueNumberExceeded", "The "+
			"ENI has %d queues; an ENI of type %s has at most %d.", q,
			t.ID, t.MaximumQueueNumberPerEni)
	}
	total := q
	for _, m := range others {
		total += queuesOn(m, t)
	}
	if total > t.TotalEniQueueQuantity {
		return apiErr("InvalidOperation.ExceedInstanceTypeQueueNumber",
			"The ENIs of the instance would have %d queues; type %s "+
				"allows %d.", total, t.ID, t.TotalEniQueueQuantity)
	}
	return nil
}

// queuesOn is the number of queues an ENI has on an instance of type t:
// its own QueueNumber, or the type's default for its kind.
func queuesOn(n *NetworkInterface, t *InstanceType) int {
	switch {
	case n.QueueNumber > 0:
		return n.QueueNumber
	case n.Type == TypePrimary:
		return t.PrimaryEniQueueNumber
	}
	return t.SecondaryEniQueueNumber
}

// startAttach puts the ENI in Attaching on the instance, at the lowest
// free device index, and schedules the end of the attach.
func (f *Fake) startAttach(n *NetworkInterface, in *Instance) {
	n.Status, n.InstanceID = StatusAttaching, in.ID
	n.DeviceIndex = f.freeDevice(in.ID)
	f.onUndo(func() { f.detached(n) })
	fail := f.failAttach[n.ID]
	if fail {
		delete(f.failAttach, n.ID)
		f.onUndo(func() { f.failAttach[n.ID] = true })
	}
	kind := endAttach
	if fail {
		kind = endFailAttach
	}
	f.schedule(n.ID, f.cfg.delays.Attach, kind, "")
}

// freeDevice returns the lowest device index free on an instance.
func (f *Fake) freeDevice(id string) int {
	var used []int
	for _, n := range f.attachedTo(id) {
		used = append(used, n.DeviceIndex)
	}
	i := 1
	for slices.Contains(used, i) {
		i++
	}
	return i
}

// detached makes an ENI Available and free of any instance.
func (f *Fake) detached(n *NetworkInterface) {
	n.Status, n.InstanceID, n.DeviceIndex = StatusAvailable, "", 0
}

// FailAttach makes the next attach of the ENI fail: it passes through
// Attaching and returns to Available, as the service's attach does when it
// rolls back. It panics for an unknown ENI.
func (f *Fake) FailAttach(eniID string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.enis[eniID] == nil {
		panic("fakeecs: FailAttach of unknown ENI " + eniID)
	}
	f.failAttach[eniID] = true
}
