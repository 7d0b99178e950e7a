package fakeecs

import "net/netip"

// The shapes of the service's JSON answers about ENIs. Field names are the
// service's, so that encoding/json writes exactly the service's keys; lists
// sit in their container objects as the service sends them, and are never
// nil, so that an empty list is written as [].

// eniView is what the CreateNetworkInterface answer says of an ENI; the
// Describe answers say more.
type eniView struct {
	NetworkInterfaceId   string
	Status               string
	Type                 string
	VpcId                string
	VSwitchId            string
	ZoneId               string
	PrivateIpAddress     string
	MacAddress           string
	NetworkInterfaceName string
	Description          string
	OwnerId              string
	ResourceGroupId      string
	ServiceManaged       bool
	SourceDestCheck      bool
	SecurityGroupIds     struct{ SecurityGroupId []string }
	PrivateIpSets        struct{ PrivateIpSet []privateIPView }
	Ipv6Sets             struct{ Ipv6Set []ipv6View }
	Ipv4PrefixSets       struct{ Ipv4PrefixSet []ipv4PrefixView }
	Ipv6PrefixSets       struct{ Ipv6PrefixSet []ipv6PrefixView }
	Tags                 struct{ Tag []tagView }
}

type privateIPView struct {
	PrivateIpAddress string
	Primary          bool
}

type ipv6View struct{ Ipv6Address string }

type ipv4PrefixView struct{ Ipv4Prefix string }

type ipv6PrefixView struct{ Ipv6Prefix string }

type tagView struct {
	TagKey   string
	TagValue string
}

// eniDetail is what the Describe answers say of an ENI.
type eniDetail struct {
	eniView
	CreationTime                string
	DeleteOnRelease             bool
	InstanceId                  string
	NetworkInterfaceTrafficMode string
	QueueNumber                 int             `json:",omitempty"`
	QueuePairNumber             int             `json:",omitempty"`
	Attachment                  *attachmentView `json:",omitempty"`
}

// attachmentView is where an attached ENI sits on its instance.
type attachmentView struct {
	InstanceId  string
	DeviceIndex int
}

// timeFormat is how the service writes times: UTC, to the second.
const timeFormat = "2006-01-02T15:04:05Z"

// view renders what the Create answer says of n.
func (f *Fake) view(n *NetworkInterface) eniView {
	v := eniView{
		NetworkInterfaceId:   n.ID,
		Status:               string(n.Status),
		Type:                 string(n.Type),
		VpcId:                n.VPCID,
		VSwitchId:            n.VSwitchID,
		ZoneId:               n.ZoneID,
		PrivateIpAddress:     n.PrimaryIP.String(),
		MacAddress:           n.MAC,
		NetworkInterfaceName: n.Name,
		Description:          n.Description,
		OwnerId:              f.cfg.ownerID,
		ResourceGroupId:      n.ResourceGroupID,
		SourceDestCheck:      n.SourceDestCheck,
	}
	v.SecurityGroupIds.SecurityGroupId = append([]string{},
		n.SecurityGroups...)
	v.PrivateIpSets.PrivateIpSet = privateIPViews(n)
	v.Ipv6Sets.Ipv6Set = mapList(n.IPv6s, func(a netip.Addr) ipv6View {
		return ipv6View{a.String()}
	})
	v.Ipv4PrefixSets.Ipv4PrefixSet = mapList(n.IPv4Prefixes,
		func(p netip.Prefix) ipv4PrefixView { return ipv4PrefixView{p.String()} })
	v.Ipv6PrefixSets.Ipv6PrefixSet = mapList(n.IPv6Prefixes,
		func(p netip.Prefix) ipv6PrefixView { return ipv6PrefixView{p.String()} })
	v.Tags.Tag = mapList(n.Tags, func(t Tag) tagView {
		return tagView{t.Key, t.Value}
	})
	return v
}

// detail renders what the Describe answers say of n.
func (f *Fake) detail(n *NetworkInterface) eniDetail {
	d := eniDetail{
		eniView:                     f.view(n),
		CreationTime:                n.CreatedAt.UTC().Format(timeFormat),
		DeleteOnRelease:             n.DeleteOnRelease,
		InstanceId:                  n.InstanceID,
		NetworkInterfaceTrafficMode: string(n.TrafficMode),
		QueueNumber:                 n.QueueNumber,
		QueuePairNumber:             n.QueuePairNumber,
	}
	if n.InstanceID != "" {
		d.Attachment = &attachmentView{n.InstanceID, n.DeviceIndex}
	}
	return d
}

// privateIPViews lists the primary address first, then the secondaries.
func privateIPViews(n *NetworkInterface) []privateIPView {
	out := []privateIPView{{n.PrimaryIP.String(), true}}
	for _, a := range n.PrivateIPs {
		out = append(out, privateIPView{a.String(), false})
	}
	return out
}

// mapList applies fn to each element of in, giving a non-nil list.
func mapList[T, U any](in []T, fn func(T) U) []U {
	out := make([]U, len(in))
	for i, x := range in {
		out[i] = fn(x)
	}
	return out
}
