package fakeecs

import (
	"net/netip"
	"slices"
	"strings"
)

// deleteENIRequest is DeleteNetworkInterface's request.
type deleteENIRequest struct {
	RegionID           string `rpc:"RegionId"`
	NetworkInterfaceID string `rpc:"NetworkInterfaceId"`
}

// deleteENIAnswer is DeleteNetworkInterface's answer.
type deleteENIAnswer struct{ meta }

// deleteENI serves DeleteNetworkInterface: the ENI must be Available, or
// already Deleting, which a second call leaves as it is. It is Deleting
// until the Delete delay passes on the clock, and then gone, its
// addresses, tags and security group places released.
func (f *Fake) deleteENI(q *deleteENIRequest) (*deleteENIAnswer, *Error) {
	r, err := f.region(q.RegionID)
	if err != nil {
		return nil, err
	}
	n, err := f.eniOf(r.ID, q.NetworkInterfaceID)
	if err != nil {
		return nil, err
	}
	if n.Type == TypePrimary {
		return nil, apiErr("InvalidOperation.InvalidEniType", "The "+
			"primary ENI %q is deleted with its instance.", n.ID)
	}
	if n.Status != StatusAvailable && n.Status != StatusDeleting {
		return nil, wrongENIState(n, StatusAvailable)
	}

	if n.Status == StatusAvailable {
		n.Status = StatusDeleting
		f.onUndo(func() { n.Status = StatusAvailable })
		f.schedule(n.ID, f.cfg.delays.Delete, endDelete, "")
	}

	return &deleteENIAnswer{}, nil
}

// eniOf finds an ENI of the region by the ID a request names.
func (f *Fake) eniOf(region, id string) (*NetworkInterface, *Error) {
	if id == "" {
		return nil, missing("NetworkInterfaceId")
	}
	n, ok := f.enis[id]
	if !ok || n.RegionID != region {
		return nil, apiErr("InvalidEniId.NotFound", "The specified "+
			"NetworkInterfaceId %q does not exist.", id)
	}
	return n, nil
}

// wrongENIState is the error for an ENI that is not in a state the call
// needs.
func wrongENIState(n *NetworkInterface, want ...Status) *Error {
	names := make([]string, len(want))
	for i, s := range want {
		names[i] = string(s)
	}
	return apiErr("InvalidOperation.InvalidEniState", "The operation is "+
		"not allowed in the current ENI state. Expecting status is %q "+
		"while current status is %q.", strings.Join(names, " or "),
		string(n.Status))
}

// remove deletes an ENI from the fake and frees everything it held.
func (f *Fake) remove(n *NetworkInterface) {
	s := f.vswitches[n.VSwitchID]
	for _, a := range append([]netip.Addr{n.PrimaryIP}, n.PrivateIPs...) {
		_ = s.v4.Release(a)
	}
	for _, q := range n.IPv4Prefixes {
		_ = s.v4.ReleasePrefix(q)
	}
	for _, a := range n.IPv6s {
		_ = s.v6.Release(a)
	}
	for _, q := range n.IPv6Prefixes {
		_ = s.v6.ReleasePrefix(q)
	}
	for _, id := range n.SecurityGroups {
		f.groups[id].members--
	}
	delete(f.enis, n.ID)
	delete(f.held, n.ID)
	delete(f.failAttach, n.ID)
	i := slices.Index(f.order, n)
	f.order = slices.Delete(f.order, i, i+1)
}
