package fakeecs

import "slices"

// traffic is an ENI's traffic settings as a request gives them; nil
// pointers are settings left out.
type traffic struct {
	mode   string
	queues *int32
	pairs  *int32
	rx, tx *int32
}

// trafficMode is the mode the settings give, Standard by default.
func (t traffic) trafficMode() TrafficMode {
	if t.mode == "" {
		return TrafficStandard
	}
	return TrafficMode(t.mode)
}

// check checks the settings against each other, the ENI's type and
// whether the request asks for IPv6 (CreateNetworkInterface:
// NetworkInterfaceTrafficMode, QueueNumber 1 to 2048, QueuePairNumber,
// RxQueueSize and TxQueueSize equal and 8192 or 16384).
func (t traffic) check(typ ENIType, ipv6 bool) *Error {
	checks := []func() *Error{
		t.checkMode,
		func() *Error { return t.checkHighPerformance(typ, ipv6) },
		t.checkQueues,
		t.checkPairs,
		t.checkSizes,
	}
	for _, c := range checks {
		if err := c(); err != nil {
			return err
		}
	}
	return nil
}

func (t traffic) checkMode() *Error {
	switch TrafficMode(t.mode) {
	case "", TrafficStandard, TrafficHighPerformance:
		return nil
	}
	return apiErr("InvalidParameter.EniTrafficMode", "The specified "+
		"NetworkInterfaceTrafficMode %q is not valid.", t.mode)
}

// checkHighPerformance checks that an RDMA ENI is a secondary ENI without
// IPv6.
func (t traffic) checkHighPerformance(typ ENIType, ipv6 bool) *Error {
	if t.trafficMode() != TrafficHighPerformance {
		return nil
	}
	if typ != "" && typ != TypeSecondary {
		return apiErr("InvalidOperation."+
			"HighPerformanceTrafficModeEniUnsupported", "High performance "+
			"traffic mode does not support the current ENI type. Expected "+
			"ENI type is %q but the current ENI type is %q.",
			TypeSecondary, typ)
	}
	if ipv6 {
		return apiErr("InvalidOperation.EniTrafficModeNotSupportIpv6", "")
	}
	return nil
}

func (t traffic) checkQueues() *Error {
	if t.queues != nil && (*t.queues < 1 || *t.queues > 2048) {
		return apiErr("InvalidParameter.InvalidEniQueueNumber", "The "+
			"specified QueueNumber %d must be between 1 and 2048.",
			*t.queues)
	}
	return nil
}

// checkPairs checks QueuePairNumber, which only an RDMA ENI takes.
func (t traffic) checkPairs() *Error {
	switch {
	case t.pairs == nil:
		return nil
	case t.trafficMode() != TrafficHighPerformance:
		return apiErr("InvalidParameter.QueuePairNumberMustEmpty", "")
	case *t.pairs < 1:
		return apiErr("InvalidParameter.InvalidQueuePairNumber", "The "+
			"specified QueuePairNumber %d is not valid.", *t.pairs)
	}
	return nil
}

// checkSizes checks the queue depths: both or neither, equal, and 8192 or
// 16384.
func (t traffic) checkSizes() *Error {
	if t.rx == nil && t.tx == nil {
		return nil
	}
	ok := t.rx != nil && t.tx != nil && *t.rx == *t.tx &&
		(*t.rx == 8192 || *t.rx == 16384)
	if !ok {
		return apiErr("InvalidParameter.EniQueueSize", "")
	}
	return nil
}

// The allowed connection tracking timeouts, in seconds
// (ConnectionTrackingConfiguration).
var (
	tcpEstablishedTimeouts = []int32{30, 60, 80, 100, 200, 300, 500, 700,
		910}
	udpTimeouts = []int32{10, 20, 30, 60, 80, 100}
)

// checkConnTrack checks the connection tracking timeouts:
// TcpClosedAndTimeWaitTimeout from 3 to 15, TcpEstablishedTimeout and
// UdpTimeout from their lists of allowed values.
func checkConnTrack(c *connTrackParam) *Error {
	if c == nil {
		return nil
	}
	if v := c.TcpClosedAndTimeWaitTimeout; v != nil && (*v < 3 || *v > 15) {
		return connTrackErr("TcpClosedAndTimeWaitTimeout", 3, 15)
	}
	v := c.TcpEstablishedTimeout
	if v != nil && !slices.Contains(tcpEstablishedTimeouts, *v) {
		return connTrackListErr("TcpEstablishedTimeout",
			tcpEstablishedTimeouts)
	}
	if v := c.UdpTimeout; v != nil && !slices.Contains(udpTimeouts, *v) {
		return connTrackListErr("UdpTimeout", udpTimeouts)
	}
	return nil
}

// connTrackErr is the error for a timeout outside its range, in the
// message format of the reference page's error table.
func connTrackErr(name string, lo, hi int) *Error {
	return apiErr("InvalidParameter.EniConnectionTrackingConfiguration",
		"The specified ENI connection tracking configuration %q must be "+
			"between %d and %d.", name, lo, hi)
}

// connTrackListErr is the error for a timeout that is none of its
// allowed values.
func connTrackListErr(name string, allowed []int32) *Error {
	return apiErr("InvalidParameter.EniConnectionTrackingConfiguration",
		"The specified ENI connection tracking configuration %q must be "+
			"one of %v.", name, allowed)
}

// mergeConnTrack applies the given timeouts over old ones.
func mergeConnTrack(old ConnectionTracking,
	c *connTrackParam) ConnectionTracking {
	out := old
	if c == nil {
		return out
	}
	set := func(dst *int, v *int32) {
		if v != nil {
			*dst = int(*v)
		}
	}
	set(&out.TCPClosedAndTimeWait, c.TcpClosedAndTimeWaitTimeout)
	set(&out.TCPEstablished, c.TcpEstablishedTimeout)
	set(&out.UDP, c.UdpTimeout)
	return out
}
