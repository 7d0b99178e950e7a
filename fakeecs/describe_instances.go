package fakeecs

import (
	"net/netip"
	"slices"
	"time"
)

// describeInstancesRequest is DescribeInstances' request.
type describeInstancesRequest struct {
	RegionID string `rpc:"RegionId"`
	// InstanceIDs and PrivateIPAddresses are JSON arrays of up to 100
	// strings, such as `["i-1","i-2"]`.
	InstanceIDs         string `rpc:"InstanceIds"`
	PrivateIPAddresses  string `rpc:"PrivateIpAddresses"`
	VpcID               string `rpc:"VpcId"`
	VSwitchID           string `rpc:"VSwitchId"`
	ZoneID              string `rpc:"ZoneId"`
	SecurityGroupID     string `rpc:"SecurityGroupId"`
	Status              string
	InstanceType        string
	InstanceTypeFamily  string
	InstanceNetworkType string
	// InstanceName may hold * wildcards.
	InstanceName    string
	IPv6Addresses   []string      `rpc:"Ipv6Address"`
	ResourceGroupID string        `rpc:"ResourceGroupId"`
	Tags            []tagParam    `rpc:"Tag"`
	Filters         []filterParam `rpc:"Filter"`
	DryRun          *bool

	NextToken  string
	MaxResults *int32
	PageNumber *int32
	PageSize   *int32

	// Filters on what the fake's instances do not have.
	AdditionalAttributes []string `fake:"unsupported"`
	DeviceAvailable      *bool    `fake:"unsupported"`
	EipAddresses         string   `fake:"unsupported"`
	HpcClusterID         string   `rpc:"HpcClusterId" fake:"unsupported"`
	HTTPEndpoint         string   `rpc:"HttpEndpoint" fake:"unsupported"`
	HopLimit             *int32   `rpc:"HttpPutResponseHopLimit" fake:"unsupported"`
	HTTPTokens           string   `rpc:"HttpTokens" fake:"unsupported"`
	ImageID              string   `rpc:"ImageId" fake:"unsupported"`
	InnerIPAddresses     string   `rpc:"InnerIpAddresses" fake:"unsupported"`
	InstanceChargeType   string   `fake:"unsupported"`
	InternetChargeType   string   `fake:"unsupported"`
	IoOptimized          *bool    `fake:"unsupported"`
	KeyPairName          string   `fake:"unsupported"`
	LockReason           string   `fake:"unsupported"`
	NeedSaleCycle        *bool    `fake:"unsupported"`
	PublicIPAddresses    string   `rpc:"PublicIpAddresses" fake:"unsupported"`
	RdmaIPAddresses      string   `rpc:"RdmaIpAddresses" fake:"unsupported"`

	// Parsed from the fields above by parse.
	ids   []string
	ips   []string
	since time.Time
}

// filterParam is one Filter.N of DescribeInstances.
type filterParam struct {
	Key   string
	Value string
}

// describeInstancesAnswer is DescribeInstances' answer.
type describeInstancesAnswer struct {
	meta
	listPaging
	Instances struct{ Instance []instanceView }
}

// The bounds of DescribeInstances (InstanceIds and PrivateIpAddresses up
// to 100; MaxResults from 1 to 100, a value below 10 counting as 10 and
// one above 100 as 100). The reference gives no range for the deprecated
// PageSize; the fake takes 1 to 100, defaulting to 10, as MaxResults.
const (
	instanceMaxIDs      = 100
	instanceMinResults  = 10
	instanceMaxResults  = 100
	instanceMaxPageSize = 100
)

// describeInstances serves DescribeInstances: the instances of the region
// that match every filter, in the order they were added, one page of
// them. Each instance lists its primary ENI and the ENIs attached to it.
func (f *Fake) describeInstances(q *describeInstancesRequest) (
	*describeInstancesAnswer, *Error) {
	r, err := f.region(q.RegionID)
	if err != nil {
		return nil, err
	}
	if err := q.check(); err != nil {
		return nil, err
	}
	if boolOf(q.DryRun) {
		return nil, dryRun()
	}

	all := filtered(f.instanceList(), f.instanceMatcher(q, r.ID))
	key := func(in *Instance) string { return seqKey(in.seq) }
	var page []*Instance
	a := &describeInstancesAnswer{}
	if q.NextToken != "" || q.MaxResults != nil {
		size := min(max(intOf(q.MaxResults), instanceMinResults),
			instanceMaxResults)
		page, a.listPaging, err = pageByToken(all, key, q.NextToken, size,
			q.filters())
	} else {
		page, a.listPaging = pageByNumber(all, key,
			max(intOf(q.PageNumber), 1), sizeOr(q.PageSize), q.filters())
	}
	if err != nil {
		return nil, err
	}
	a.Instances.Instance = mapList(page, f.instanceView)
	return a, nil
}

// check runs the request's own rules in order, parsing its JSON lists
// and time filter on the way.
func (q *describeInstancesRequest) check() *Error {
	checks := []func() *Error{
		func() *Error { return unsupported(q) },
		q.parseLists,
		func() *Error { return checkFilterTags(q.Tags) },
		q.checkEnums,
		q.parseFilters,
		q.checkPaging,
	}
	for _, c := range checks {
		if err := c(); err != nil {
			return err
		}
	}
	return nil
}

// parseLists reads InstanceIds and PrivateIpAddresses.
func (q *describeInstancesRequest) parseLists() *Error {
	var err *Error
	if q.ids, err = jsonList("InstanceIds", q.InstanceIDs,
		instanceMaxIDs); err != nil {
		return err
	}
	q.ips, err = jsonList("PrivateIpAddresses", q.PrivateIPAddresses,
		instanceMaxIDs)
	return err
}

// checkEnums checks the filters that take one of a set of values.
func (q *describeInstancesRequest) checkEnums() *Error {
	statuses := []string{"", string(InstancePending),
		string(InstanceRunning), string(InstanceStarting),
		string(InstanceStopping), string(InstanceStopped)}
	if !slices.Contains(statuses, q.Status) {
		return invalid("Status")
	}
	if !slices.Contains([]string{"", "vpc", "classic"},
		q.InstanceNetworkType) {
		return invalid("InstanceNetworkType")
	}
	return nil
}

// filterTimeFormat is how Filter.N.Value writes a time: UTC, to the
// minute (DescribeInstances, Filter.N.Value: yyyy-MM-ddTHH:mmZ).
const filterTimeFormat = "2006-01-02T15:04Z"

// parseFilters reads Filter.N, whose only documented key is
// CreationStartTime: the instances created at or after a time.
func (q *describeInstancesRequest) parseFilters() *Error {
	for _, p := range q.Filters {
		if p.Key != "CreationStartTime" {
			return invalid("Filter.N.Key")
		}
		t, err := time.Parse(filterTimeFormat, p.Value)
		if err != nil {
			return invalid("Filter.N.Value")
		}
		q.since = maxTime(q.since, t)
	}
	return nil
}

func (q *describeInstancesRequest) checkPaging() *Error {
	return checkPages(q.PageNumber, q.PageSize, instanceMaxPageSize)
}

// filters returns the query without its paging, for NextTokens.
func (q *describeInstancesRequest) filters() any {
	c := *q
	c.NextToken, c.MaxResults, c.PageNumber, c.PageSize = "", nil, nil, nil
	return c
}

// instanceMatcher returns a predicate that holds for the instances of the
// region that pass every filter of the request. Every instance is in the
// default resource group, which the reference says every query lists, so
// ResourceGroupId filters out none.
func (f *Fake) instanceMatcher(q *describeInstancesRequest,
	region string) func(*Instance) bool {
	return func(x *Instance) bool {
		return x.RegionID == region && in(q.ids, x.ID) &&
			eq(q.VpcID, x.VPCID) && eq(q.VSwitchID, x.VSwitchID) &&
			eq(q.ZoneID, x.ZoneID) && eq(q.Status, string(x.Status)) &&
			eq(q.InstanceType, x.Type) &&
			eq(q.InstanceTypeFamily, f.familyOf(x)) &&
			q.InstanceNetworkType != "classic" &&
			(q.InstanceName == "" || globMatch(q.InstanceName, x.Name)) &&
			(q.SecurityGroupID == "" ||
				slices.Contains(f.groupsOf(x), q.SecurityGroupID)) &&
			anyAddr(q.ips, []netip.Addr{f.primaryIPOf(x)}) &&
			anyAddr(q.IPv6Addresses, f.ipv6Of(x)) &&
			tagsMatch(x.Tags, q.Tags) && !x.CreatedAt.Before(q.since)
	}
}

// familyOf returns the family of an instance's type.
func (f *Fake) familyOf(x *Instance) string {
	if t := f.types[x.Type]; t != nil {
		return t.Family
	}
	return ""
}

// groupsOf returns an instance's security groups: those of its primary
// ENI.
func (f *Fake) groupsOf(x *Instance) []string {
	if n := f.enis[x.PrimaryENI]; n != nil {
		return n.SecurityGroups
	}
	return x.SecurityGroups
}

// primaryIPOf returns the primary address of an instance's primary ENI.
func (f *Fake) primaryIPOf(x *Instance) netip.Addr {
	if n := f.enis[x.PrimaryENI]; n != nil {
		return n.PrimaryIP
	}
	return netip.Addr{}
}

// ipv6Of returns the IPv6 addresses of every ENI of an instance.
func (f *Fake) ipv6Of(x *Instance) []netip.Addr {
	var out []netip.Addr
	for _, n := range f.attachedTo(x.ID) {
		out = append(out, n.IPv6s...)
	}
	return out
}

// dryRun is the answer to a request with DryRun that passes its checks
// (DescribeInstances and DescribeSecurityGroups, DryRun).
func dryRun() *Error {
	return apiErr("DryRunOperation", "")
}
