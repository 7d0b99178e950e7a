package fakeecs

import "slices"

// createENIRequest is CreateNetworkInterface's request as the fake reads
// it. Each field is a request parameter of the API reference page, named
// on the wire by its rpc tag.
type createENIRequest struct {
	RegionID         string   `rpc:"RegionId"`
	VSwitchID        string   `rpc:"VSwitchId"`
	SecurityGroupID  string   `rpc:"SecurityGroupId"`
	SecurityGroupIDs []string `rpc:"SecurityGroupIds"`
	ResourceGroupID  string   `rpc:"ResourceGroupId"`

	PrimaryIPAddress   string   `rpc:"PrimaryIpAddress"`
	PrivateIPAddresses []string `rpc:"PrivateIpAddress"`
	SecondaryCount     *int32   `rpc:"SecondaryPrivateIpAddressCount"`
	IPv6Addresses      []string `rpc:"Ipv6Address"`
	IPv6AddressCount   *int32   `rpc:"Ipv6AddressCount"`
	IPv4Prefixes       []string `rpc:"Ipv4Prefix"`
	IPv4PrefixCount    *int32   `rpc:"Ipv4PrefixCount"`
	IPv6Prefixes       []string `rpc:"Ipv6Prefix"`
	IPv6PrefixCount    *int32   `rpc:"Ipv6PrefixCount"`

	NetworkInterfaceName string
	Description          string
	Tags                 []tagParam `rpc:"Tag"`
	ClientToken          string
	DeleteOnRelease      *bool
	SourceDestCheck      *bool
	InstanceType         string

	NetworkInterfaceTrafficMode string
	QueueNumber                 *int32
	QueuePairNumber             *int32
	RxQueueSize                 *int32
	TxQueueSize                 *int32
	TrafficConfig               *trafficParam `rpc:"NetworkInterfaceTrafficConfig"`

	ConnTrack       *connTrackParam `rpc:"ConnectionTrackingConfiguration"`
	EnhancedNetwork *enhancedNetworkParam

	// BusinessType and Visible are documented as no longer used; the
	// service accepts and ignores them, and so does the fake.
	BusinessType string
	Visible      *bool
}

// trafficParam is the NetworkInterfaceTrafficConfig object.
type trafficParam struct {
	NetworkInterfaceTrafficMode string
	QueueNumber                 *int32
	QueuePairNumber             *int32
	RxQueueSize                 *int32
	TxQueueSize                 *int32
}

// connTrackParam is the ConnectionTrackingConfiguration object.
type connTrackParam struct {
	TcpClosedAndTimeWaitTimeout *int32
	TcpEstablishedTimeout       *int32
	UdpTimeout                  *int32
}

// enhancedNetworkParam is the EnhancedNetwork object, documented as
// unavailable.
type enhancedNetworkParam struct {
	EnableRss                       *bool
	EnableSriov                     *bool
	VirtualFunctionQuantity         *int32
	VirtualFunctionTotalQueueNumber *int32
}

// groupIDs returns the security groups the request names, by either
// parameter.
func (q *createENIRequest) groupIDs() []string {
	if q.SecurityGroupID != "" {
		return []string{q.SecurityGroupID}
	}
	return q.SecurityGroupIDs
}

// ask returns the addresses and prefixes the request asks for.
func (q *createENIRequest) ask() addressAsk {
	return addressAsk{
		v4:            q.PrivateIPAddresses,
		v4Count:       q.SecondaryCount,
		v6:            q.IPv6Addresses,
		v6Count:       q.IPv6AddressCount,
		v4Prefixes:    q.IPv4Prefixes,
		v4PrefixCount: q.IPv4PrefixCount,
		v6Prefixes:    q.IPv6Prefixes,
		v6PrefixCount: q.IPv6PrefixCount,
	}
}

// check runs the checks that need only the request, in order, and returns
// the first failure.
func (q *createENIRequest) check(quotas Quotas) *Error {
	checks := []func() *Error{
		q.checkVSwitchGiven,
		func() *Error { return q.checkGroups(quotas.SecurityGroupsPerENI) },
		func() *Error { return checkENIName(q.NetworkInterfaceName) },
		func() *Error { return checkDescription(q.Description, 256) },
		func() *Error { return checkTags(q.Tags) },
		func() *Error { return checkClientToken(q.ClientToken) },
		q.checkENIType,
		func() *Error { return checkEnhanced(q.EnhancedNetwork) },
		q.checkAddressAsk,
		q.checkTraffic,
		func() *Error { return checkConnTrack(q.ConnTrack) },
	}
	for _, c := range checks {
		if err := c(); err != nil {
			return err
		}
	}
	return nil
}

func (q *createENIRequest) checkVSwitchGiven() *Error {
	if q.VSwitchID == "" {
		return missing("VSwitchId")
	}
	return nil
}

// checkGroups checks the shape of the security group parameters: exactly
// one of SecurityGroupId and SecurityGroupIds.N, no group twice, and no
// more groups than an ENI can join.
func (q *createENIRequest) checkGroups(limit int) *Error {
	ids := q.SecurityGroupIDs
	switch {
	case q.SecurityGroupID != "" && len(ids) > 0:
		return apiErr("InvalidSecurityGroupId.SingleIdAndMultiIdConflict",
			"")
	case q.SecurityGroupID == "" && len(ids) == 0:
		return missing("SecurityGroupId")
	}
	return checkGroupList("SecurityGroupIds", ids, limit)
}

// checkGroupList checks a list of security group IDs, the parameter
// named param: no empty ID, no group twice, and no more than an ENI can
// join.
func checkGroupList(param string, ids []string, limit int) *Error {
	if len(ids) > limit {
		return apiErr("JoinedGroupLimitExceed", "An ENI can join at "+
			"most %d security groups; %d were specified.", limit, len(ids))
	}
	for i, id := range ids {
		if id == "" {
			return invalid(param)
		}
		if slices.Contains(ids[:i], id) {
			return apiErr("InvalidParameter.SecurityGroupIdRepeated",
				"The security group %q is specified twice.", id)
		}
	}
	return nil
}

// checkENIType checks InstanceType, the ENI's type: Secondary (the
// default) or Trunk.
func (q *createENIRequest) checkENIType() *Error {
	switch ENIType(q.InstanceType) {
	case "", TypeSecondary, TypeTrunk:
		return nil
	}
	return invalid("InstanceType")
}

// checkEnhanced refuses EnhancedNetwork, which the reference page
// documents as unavailable.
func checkEnhanced(e *enhancedNetworkParam) *Error {
	if e != nil {
		return apiErr("UnsupportedParameter", "The parameter "+
			"\"EnhancedNetwork\" is not supported.")
	}
	return nil
}

// checkAddressAsk checks the address parameters' exclusions and ranges.
func (q *createENIRequest) checkAddressAsk() *Error {
	return q.ask().check(createLimits)
}

// checkTraffic checks the traffic mode, the queues and the queue sizes,
// given either at the top level or in NetworkInterfaceTrafficConfig.
func (q *createENIRequest) checkTraffic() *Error {
	t, err := q.traffic()
	if err != nil {
		return err
	}
	return t.check(ENIType(q.InstanceType), q.ask().wantsIPv6())
}

// traffic merges the top-level traffic parameters with the
// NetworkInterfaceTrafficConfig object. A setting given in both places
// with two values is a conflict.
func (q *createENIRequest) traffic() (traffic, *Error) {
	c := q.TrafficConfig
	if c == nil {
		c = &trafficParam{}
	}
	var t traffic
	var err *Error
	t.mode, err = mergeString("NetworkInterfaceTrafficMode",
		q.NetworkInterfaceTrafficMode, c.NetworkInterfaceTrafficMode)
	pairs := []struct {
		name     string
		dst      **int32
		top, obj *int32
	}{
		{"QueueNumber", &t.queues, q.QueueNumber, c.QueueNumber},
		{"QueuePairNumber", &t.pairs, q.QueuePairNumber, c.QueuePairNumber},
		{"RxQueueSize", &t.rx, q.RxQueueSize, c.RxQueueSize},
		{"TxQueueSize", &t.tx, q.TxQueueSize, c.TxQueueSize},
	}
	for _, p := range pairs {
		if err != nil {
			break
		}
		*p.dst, err = mergeInt(p.name, p.top, p.obj)
	}
	return t, err
}

func mergeString(name, top, obj string) (string, *Error) {
	switch {
	case top == "":
		return obj, nil
	case obj != "" && obj != top:
		return "", conflict(name, "NetworkInterfaceTrafficConfig."+name)
	}
	return top, nil
}

func mergeInt(name string, top, obj *int32) (*int32, *Error) {
	switch {
	case top == nil:
		return obj, nil
	case obj != nil && *obj != *top:
		return nil, conflict(name, "NetworkInterfaceTrafficConfig."+name)
	}
	return top, nil
}

// conflict is the error for two parameters that cannot be given together.
func conflict(a, b string) *Error {
	return apiErr("InvalidParameter.Conflict", "The parameters %q and %q "+
		"cannot be specified at the same time.", a, b)
}
