package fakeecs

// describeENIRequest is DescribeNetworkInterfaceAttribute's request.
type describeENIRequest struct {
	RegionID           string `rpc:"RegionId"`
	NetworkInterfaceID string `rpc:"NetworkInterfaceId"`
	// Attribute asks for one part of the answer: "attachment" (trunk
	// members), "connectionTrackingConfiguration", or "basic", which ENI
	// plugins send for a cheap lookup and which answers as no Attribute.
	Attribute string
	// Tags is documented as unavailable; the service ignores it.
	Tags []tagParam `rpc:"Tag"`
}

// describeENIAnswer is DescribeNetworkInterfaceAttribute's answer.
type describeENIAnswer struct {
	meta
	eniDetail
	NetworkInterfaceTrafficConfig   trafficView
	ConnectionTrackingConfiguration *connTrackView `json:",omitempty"`
}

type trafficView struct {
	NetworkInterfaceTrafficMode string
	QueueNumber                 int `json:",omitempty"`
	QueuePairNumber             int `json:",omitempty"`
}

type connTrackView struct {
	TcpClosedAndTimeWaitTimeout int
	TcpEstablishedTimeout       int
	UdpTimeout                  int
}

// The values of Attribute that the reference documents.
const (
	attrAttachment = "attachment"
	attrConnTrack  = "connectionTrackingConfiguration"
	attrBasic      = "basic"
)

// describeENI serves DescribeNetworkInterfaceAttribute: the full record of
// one ENI.
func (f *Fake) describeENI(q *describeENIRequest) (
	*describeENIAnswer, *Error) {
	r, err := f.region(q.RegionID)
	if err != nil {
		return nil, err
	}
	switch q.Attribute {
	case "", attrAttachment, attrConnTrack, attrBasic:
	default:
		return nil, invalid("Attribute")
	}
	n, err := f.eniOf(r.ID, q.NetworkInterfaceID)
	if err != nil {
		return nil, err
	}

	a := &describeENIAnswer{eniDetail: f.detail(n)}
	a.NetworkInterfaceTrafficConfig = trafficView{
		NetworkInterfaceTrafficMode: string(n.TrafficMode),
		QueueNumber:                 n.QueueNumber,
		QueuePairNumber:             n.QueuePairNumber,
	}
	if q.Attribute == attrConnTrack {
		c := n.ConnTrack
		a.ConnectionTrackingConfiguration = &connTrackView{
			c.TCPClosedAndTimeWait, c.TCPEstablished, c.UDP}
	}
	return a, nil
}
