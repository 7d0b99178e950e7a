package fakeecs

import (
	"net/netip"
	"slices"
	"time"
)

// Status is the state of an ENI.
type Status string

// The states of an ENI. Create gives an Available ENI; attach passes
// through Attaching to InUse, detach through Detaching back to Available,
// and delete through Deleting until the ENI is gone.
const (
	StatusAvailable Status = "Available"
	StatusAttaching Status = "Attaching"
	StatusInUse     Status = "InUse"
	StatusDetaching Status = "Detaching"
	StatusDeleting  Status = "Deleting"
)

// ENIType is the type of an ENI.
type ENIType string

// The types of ENI: the primary ENI of an instance, a secondary ENI, a
// trunk ENI, and a member ENI attached to a trunk.
const (
	TypePrimary   ENIType = "Primary"
	TypeSecondary ENIType = "Secondary"
	TypeTrunk     ENIType = "Trunk"
	TypeMember    ENIType = "Member"
)

// TrafficMode is the communication mode of an ENI.
type TrafficMode string

// The traffic modes of an ENI: TCP, or RDMA through an elastic RDMA
// interface.
const (
	TrafficStandard        TrafficMode = "Standard"
	TrafficHighPerformance TrafficMode = "HighPerformance"
)

// Tag is a tag of a resource: a key, unique on the resource, and a value,
// which may be empty.
type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// ConnectionTracking holds an ENI's connection tracking timeouts, in
// seconds, as ConnectionTrackingConfiguration sets them.
type ConnectionTracking struct {
	TCPClosedAndTimeWait int // TcpClosedAndTimeWaitTimeout, 3 to 15
	TCPEstablished       int // TcpEstablishedTimeout
	UDP                  int // UdpTimeout
}

// defaultConnectionTracking is what an ENI has when its creator sets no
// timeouts: the documented defaults.
var defaultConnectionTracking = ConnectionTracking{
	TCPClosedAndTimeWait: 3,
	TCPEstablished:       910,
	UDP:                  30,
}

// NetworkInterface is the fake's record of one ENI. The fake hands out
// copies; changing one changes nothing in the fake. The fields hold what
// the Describe actions report, in the fake's own types.
type NetworkInterface struct {
	ID string // "eni-" and the region's prefix
	// RegionID, ZoneID and VPCID are those of the ENI's vSwitch.
	RegionID  string
	ZoneID    string
	VPCID     string
	VSwitchID string
	Status    Status
	Type      ENIType
	MAC       string // under 00:16:3e, unique in the fake

	Name        string // empty when not set
	Description string // empty when not set

	PrimaryIP    netip.Addr
	PrivateIPs   []netip.Addr // secondary addresses, in assignment order
	IPv6s        []netip.Addr // in assignment order
	IPv4Prefixes []netip.Prefix
	IPv6Prefixes []netip.Prefix

	SecurityGroups  []string // IDs, in the order given
	Tags            []Tag    // in the order added
	ResourceGroupID string
	// DeleteOnRelease says whether releasing the ENI's instance deletes
	// the ENI.
	DeleteOnRelease bool
	SourceDestCheck bool

	TrafficMode     TrafficMode
	QueueNumber     int // zero when not set
	QueuePairNumber int // zero when not set
	RxQueueSize     int // zero when not set
	TxQueueSize     int // zero when not set
	ConnTrack       ConnectionTracking

	// InstanceID is the instance the ENI is attached or attaching to.
	InstanceID string
	// DeviceIndex is the ENI's place on its instance: 0 for the primary
	// ENI, from 1 for the others.
	DeviceIndex int
	CreatedAt   time.Time

	seq uint64 // creation order, for stable lists and paging
}

// clone returns a deep copy of n.
func (n *NetworkInterface) clone() NetworkInterface {
	c := *n
	c.PrivateIPs = slices.Clone(n.PrivateIPs)
	c.IPv6s = slices.Clone(n.IPv6s)
	c.IPv4Prefixes = slices.Clone(n.IPv4Prefixes)
	c.IPv6Prefixes = slices.Clone(n.IPv6Prefixes)
	c.SecurityGroups = slices.Clone(n.SecurityGroups)
	c.Tags = slices.Clone(n.Tags)
	return c
}
