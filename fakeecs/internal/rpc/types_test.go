package rpc_test

// request is shaped like DescribeNetworkInterfaces, with one field of
// each shape the codec carries, including a list inside list members and
// objects at two depths. The decoding tables, the fuzz test and its
// reference decoder all use it.
type request struct {
	RegionId           string
	MaxResults         *int32
	OwnerId            *int64
	DryRun             *bool
	NetworkInterfaceId []string
	Tag                []tag
	TagFilter          []tagFilter
	Config             *config `rpc:"NetworkInterfaceTrafficConfig"`
	Note               string  `rpc:"-"`
}

// tag is a Tag.N member: Tag.N.Key and Tag.N.Value.
type tag struct {
	Key   string
	Value string
}

// tagFilter is a TagFilter.N member, holding a list of its own.
type tagFilter struct {
	TagKey    string
	TagValues []string
	Limit     *int32
	Config    *config
}

// config is an object: NetworkInterfaceTrafficConfig.QueueNumber.
type config struct {
	NetworkInterfaceTrafficMode string
	QueueNumber                 *int32
	Enabled                     *bool
}

// createENI mirrors every field of the v7 SDK's
// CreateNetworkInterfaceRequest.
type createENI struct {
	BusinessType                    string
	ClientToken                     string
	ConnectionTrackingConfiguration *connTrack
	DeleteOnRelease                 *bool
	Description                     string
	EnhancedNetwork                 *enhancedNetwork
	InstanceType                    string
	Ipv4Prefix                      []string
	Ipv4PrefixCount                 *int32
	Ipv6Address                     []string
	Ipv6AddressCount                *int32
	Ipv6Prefix                      []string
	Ipv6PrefixCount                 *int32
	NetworkInterfaceName            string
	TrafficConfig                   *trafficConfig `rpc:"NetworkInterfaceTrafficConfig"`
	NetworkInterfaceTrafficMode     string
	OwnerAccount                    string
	OwnerId                         *int64
	PrimaryIpAddress                string
	PrivateIpAddress                []string
	QueueNumber                     *int32
	QueuePairNumber                 *int32
	RegionId                        string
	ResourceGroupId                 string
	ResourceOwnerAccount            string
	ResourceOwnerId                 *int64
	RxQueueSize                     *int32
	SecondaryPrivateIpAddressCount  *int32
	SecurityGroupId                 string
	SecurityGroupIds                []string
	SourceDestCheck                 *bool
	Tags                            []tag `rpc:"Tag"`
	TxQueueSize                     *int32
	VSwitchId                       string
	Visible                         *bool
}

// connTrack is CreateNetworkInterface's ConnectionTrackingConfiguration.
type connTrack struct {
	TcpClosedAndTimeWaitTimeout *int32
	TcpEstablishedTimeout       *int32
	UdpTimeout                  *int32
}

// enhancedNetwork is CreateNetworkInterface's EnhancedNetwork.
type enhancedNetwork struct {
	EnableRss                       *bool
	EnableSriov                     *bool
	VirtualFunctionQuantity         *int32
	VirtualFunctionTotalQueueNumber *int32
}

// trafficConfig is CreateNetworkInterface's NetworkInterfaceTrafficConfig.
type trafficConfig struct {
	NetworkInterfaceTrafficMode string
	QueueNumber                 *int32
	QueuePairNumber             *int32
	RxQueueSize                 *int32
	TxQueueSize                 *int32
}

func i32(n int32) *int32 { return &n }
func i64(n int64) *int64 { return &n }
func yes() *bool         { b := true; return &b }
func no() *bool          { b := false; return &b }
