package fakeecs

// detachENIRequest is DetachNetworkInterface's request.
type detachENIRequest struct {
	RegionID           string `rpc:"RegionId"`
	NetworkInterfaceID string `rpc:"NetworkInterfaceId"`
	InstanceID         string `rpc:"InstanceId"`
	// TrunkNetworkInstanceID is documented as unavailable.
	TrunkNetworkInstanceID string `rpc:"TrunkNetworkInstanceId"`
}

// detachENI serves DetachNetworkInterface: an InUse secondary ENI of the
// named instance, which must be Running or Stopped. The ENI is Detaching
// until the Detach delay passes on the clock, then Available. Detaching
// an ENI that is already Detaching succeeds and changes nothing.
func (f *Fake) detachENI(q *detachENIRequest) (*emptyAnswer, *Error) {
	n, in, err := f.attachPair(q.RegionID, q.NetworkInterfaceID,
		q.InstanceID)
	if err != nil {
		return nil, err
	}
	if err := checkDetach(q, n, in); err != nil {
		return nil, err
	}

	if n.Status == StatusInUse {
		n.Status = StatusDetaching
		f.onUndo(func() { n.Status = StatusInUse })
		f.schedule(n.ID, f.cfg.delays.Detach, endDetach, "")
	}

	return &emptyAnswer{}, nil
}

// checkDetach runs the preconditions of a detach in order.
func checkDetach(q *detachENIRequest, n *NetworkInterface,
	in *Instance) *Error {
	checks := []func() *Error{
		func() *Error { return checkTrunkMember(q.TrunkNetworkInstanceID) },
		func() *Error {
			if n.Type == TypePrimary {
				return apiErr("InvalidOperation.DetachPrimaryEniNotAllowed",
					"The primary ENI %q cannot be detached.", n.ID)
			}
			return nil
		},
		func() *Error {
			if n.Status != StatusInUse && n.Status != StatusDetaching {
				return wrongENIState(n, StatusInUse, StatusDetaching)
			}
			return nil
		},
		func() *Error {
			if n.InstanceID != in.ID {
				return apiErr("InvalidParameter", "The ENI %q is not "+
					"attached to instance %q.", n.ID, in.ID)
			}
			return nil
		},
		func() *Error { return checkInstanceState(in) },
	}
	for _, c := range checks {
		if err := c(); err != nil {
			return err
		}
	}
	return nil
}
