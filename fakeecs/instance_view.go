package fakeecs

// instanceView is what DescribeInstances says of an instance.
type instanceView struct {
	InstanceId          string
	InstanceName        string
	InstanceType        string
	InstanceTypeFamily  string
	Cpu                 int
	Memory              int // MiB
	Status              string
	RegionId            string
	ZoneId              string
	InstanceNetworkType string
	ResourceGroupId     string
	CreationTime        string
	VpcAttributes       vpcAttributesView
	SecurityGroupIds    struct{ SecurityGroupId []string }
	NetworkInterfaces   struct{ NetworkInterface []instanceENIView }
	Tags                struct{ Tag []tagView }
}

// vpcAttributesView is where an instance sits in its VPC.
type vpcAttributesView struct {
	VpcId            string
	VSwitchId        string
	PrivateIpAddress struct{ IpAddress []string }
}

// instanceENIView is what DescribeInstances says of an ENI of an
// instance.
type instanceENIView struct {
	NetworkInterfaceId string
	Type               string
	MacAddress         string
	PrimaryIpAddress   string
	PrivateIpSets      struct{ PrivateIpSet []privateIPView }
	Ipv6Sets           struct{ Ipv6Set []ipv6View }
	Ipv4PrefixSets     struct{ Ipv4PrefixSet []ipv4PrefixView }
	Ipv6PrefixSets     struct{ Ipv6PrefixSet []ipv6PrefixView }
}

// instanceTimeFormat is how DescribeInstances writes an instance's
// creation time: UTC, to the minute, as its Filter.N.Value takes it.
const instanceTimeFormat = filterTimeFormat

// instanceView renders what DescribeInstances says of x.
func (f *Fake) instanceView(x *Instance) instanceView {
	v := instanceView{
		InstanceId:          x.ID,
		InstanceName:        x.Name,
		InstanceType:        x.Type,
		Status:              string(x.Status),
		RegionId:            x.RegionID,
		ZoneId:              x.ZoneID,
		InstanceNetworkType: "vpc",
		ResourceGroupId:     f.defaultRG,
		CreationTime:        x.CreatedAt.UTC().Format(instanceTimeFormat),
	}
	if t := f.types[x.Type]; t != nil {
		v.InstanceTypeFamily = t.Family
		v.Cpu = t.CPUCores
		v.Memory = int(t.MemoryGiB * 1024)
	}
	v.VpcAttributes.VpcId, v.VpcAttributes.VSwitchId = x.VPCID, x.VSwitchID
	v.VpcAttributes.PrivateIpAddress.IpAddress = []string{}
	if ip := f.primaryIPOf(x); ip.IsValid() {
		v.VpcAttributes.PrivateIpAddress.IpAddress = []string{ip.String()}
	}
	v.SecurityGroupIds.SecurityGroupId = append([]string{},
		f.groupsOf(x)...)
	v.NetworkInterfaces.NetworkInterface = mapList(f.attachedTo(x.ID),
		f.instanceENIView)
	v.Tags.Tag = mapList(x.Tags, func(t Tag) tagView {
		return tagView{t.Key, t.Value}
	})
	return v
}

// instanceENIView renders what DescribeInstances says of an ENI of an
// instance.
func (f *Fake) instanceENIView(n *NetworkInterface) instanceENIView {
	e := f.view(n)
	return instanceENIView{
		NetworkInterfaceId: e.NetworkInterfaceId,
		Type:               e.Type,
		MacAddress:         e.MacAddress,
		PrimaryIpAddress:   e.PrivateIpAddress,
		PrivateIpSets:      e.PrivateIpSets,
		Ipv6Sets:           e.Ipv6Sets,
		Ipv4PrefixSets:     e.Ipv4PrefixSets,
		Ipv6PrefixSets:     e.Ipv6PrefixSets,
	}
}
