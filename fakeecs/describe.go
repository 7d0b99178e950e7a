package fakeecs

import (
	"net/netip"
	"slices"
)

// describeENIsRequest is DescribeNetworkInterfaces' request.
type describeENIsRequest struct {
	RegionID             string     `rpc:"RegionId"`
	NetworkInterfaceIDs  []string   `rpc:"NetworkInterfaceId"`
	VSwitchID            string     `rpc:"VSwitchId"`
	VpcID                string     `rpc:"VpcId"`
	InstanceID           string     `rpc:"InstanceId"`
	Status               string     `rpc:"Status"`
	Type                 string     `rpc:"Type"`
	PrimaryIPAddress     string     `rpc:"PrimaryIpAddress"`
	PrivateIPAddresses   []string   `rpc:"PrivateIpAddress"`
	IPv6Addresses        []string   `rpc:"Ipv6Address"`
	NetworkInterfaceName string     `rpc:"NetworkInterfaceName"`
	ResourceGroupID      string     `rpc:"ResourceGroupId"`
	SecurityGroupID      string     `rpc:"SecurityGroupId"`
	ServiceManaged       *bool      `rpc:"ServiceManaged"`
	Tags                 []tagParam `rpc:"Tag"`

	NextToken  string
	MaxResults *int32
	PageNumber *int32
	PageSize   *int32
}

// describeENIsAnswer is DescribeNetworkInterfaces' answer.
type describeENIsAnswer struct {
	meta
	listPaging
	NetworkInterfaceSets struct{ NetworkInterfaceSet []eniDetail }
}

// The bounds of the list filters and of paging
// (DescribeNetworkInterfaces: NetworkInterfaceId.N, PrivateIpAddress.N and
// Ipv6Address.N up to 100, Tag.N up to 20, MaxResults 10 to 500 with
// smaller values raised and larger ones lowered, PageSize 1 to 1000
// defaulting to 10).
const (
	maxFilterIDs   = 100
	minMaxResults  = 10
	maxMaxResults  = 500
	maxPageSize    = 1000
	defaultPerPage = 10
)

// describeENIs serves DescribeNetworkInterfaces: the ENIs of the region
// that match every filter, in creation order, one page of them.
func (f *Fake) describeENIs(q *describeENIsRequest) (
	*describeENIsAnswer, *Error) {
	r, err := f.region(q.RegionID)
	if err != nil {
		return nil, err
	}
	if err := q.check(); err != nil {
		return nil, err
	}
	match := q.matcher(r.ID, f.defaultRG)

	if q.tokenMode() {
		return f.describeByToken(q, match)
	}
	return f.describeByPage(q, match)
}

// tokenMode reports whether the request pages with NextToken and
// MaxResults rather than PageNumber and PageSize.
func (q *describeENIsRequest) tokenMode() bool {
	return q.NextToken != "" || q.MaxResults != nil
}

func (q *describeENIsRequest) check() *Error {
	for _, c := range []func() *Error{q.checkLists, q.checkEnums,
		q.checkPaging} {
		if err := c(); err != nil {
			return err
		}
	}
	return nil
}

// checkLists checks the lengths of the list filters.
func (q *describeENIsRequest) checkLists() *Error {
	lists := []struct {
		name string
		n    int
	}{
		{"NetworkInterfaceId", len(q.NetworkInterfaceIDs)},
		{"PrivateIpAddress", len(q.PrivateIPAddresses)},
		{"Ipv6Address", len(q.IPv6Addresses)},
	}
	for _, l := range lists {
		if l.n > maxFilterIDs {
			return invalid(l.name)
		}
	}
	return checkFilterTags(q.Tags)
}

// checkEnums checks the filters that take one of a set of values.
func (q *describeENIsRequest) checkEnums() *Error {
	statuses := []string{"", "Available", "Attaching", "InUse",
		"Detaching", "Deleting"}
	if !slices.Contains(statuses, q.Status) {
		return invalid("Status")
	}
	types := []string{"", "Primary", "Secondary", "Trunk", "Member"}
	if !slices.Contains(types, q.Type) {
		return invalid("Type")
	}
	return nil
}

func (q *describeENIsRequest) checkPaging() *Error {
	return checkPages(q.PageNumber, q.PageSize, maxPageSize)
}

// matcher returns a predicate that holds for the ENIs of the region that
// pass every filter of the request.
func (q *describeENIsRequest) matcher(region,
	defaultRG string) func(*NetworkInterface) bool {
	return func(n *NetworkInterface) bool {
		return n.RegionID == region &&
			in(q.NetworkInterfaceIDs, n.ID) &&
			eq(q.VSwitchID, n.VSwitchID) &&
			eq(q.VpcID, n.VPCID) &&
			eq(q.InstanceID, n.InstanceID) &&
			eq(q.Status, string(n.Status)) &&
			eq(q.Type, string(n.Type)) &&
			eq(q.PrimaryIPAddress, n.PrimaryIP.String()) &&
			eq(q.NetworkInterfaceName, n.Name) &&
			q.inResourceGroup(n, defaultRG) &&
			(q.ServiceManaged == nil || !*q.ServiceManaged) &&
			q.inGroup(n) &&
			anyAddr(q.PrivateIPAddresses, n.PrivateIPs) &&
			anyAddr(q.IPv6Addresses, n.IPv6s) &&
			hasTags(n, q.Tags)
	}
}

// inResourceGroup holds when the request names no resource group, or n
// is in it, or n is in the default group: the reference says ENIs of the
// default group are listed whatever ResourceGroupId says.
func (q *describeENIsRequest) inResourceGroup(n *NetworkInterface,
	defaultRG string) bool {
	return eq(q.ResourceGroupID, n.ResourceGroupID) ||
		n.ResourceGroupID == defaultRG
}

// inGroup holds when the request names no security group, or n is a
// secondary ENI of the group: the filter finds no primary ENI, which
// DescribeInstances finds by group instead.
func (q *describeENIsRequest) inGroup(n *NetworkInterface) bool {
	return q.SecurityGroupID == "" || (n.Type != TypePrimary &&
		slices.Contains(n.SecurityGroups, q.SecurityGroupID))
}

// eq holds when the filter is empty or equals the value.
func eq(filter, v string) bool { return filter == "" || filter == v }

// in holds when the list filter is empty or contains the value.
func in(filter []string, v string) bool {
	return len(filter) == 0 || slices.Contains(filter, v)
}

// anyAddr holds when the filter is empty or one of its addresses is held.
func anyAddr(filter []string, held []netip.Addr) bool {
	if len(filter) == 0 {
		return true
	}
	for _, s := range filter {
		a, err := netip.ParseAddr(s)
		if err == nil && slices.Contains(held, a) {
			return true
		}
	}
	return false
}

// hasTags holds when n carries every tag of the filter; a filter tag with
// an empty value matches any value of its key.
func hasTags(n *NetworkInterface, tags []tagParam) bool {
	return tagsMatch(n.Tags, tags)
}

// describeByToken answers the page after the token's position.
func (f *Fake) describeByToken(q *describeENIsRequest,
	match func(*NetworkInterface) bool) (*describeENIsAnswer, *Error) {
	size := min(max(intOf(q.MaxResults), minMaxResults), maxMaxResults)
	page, p, err := pageByToken(f.matching(match), eniKey, q.NextToken,
		size, q.filters())
	if err != nil {
		return nil, err
	}
	return f.answerPage(page, p), nil
}

// describeByPage answers the page the request numbers. It also carries
// the NextToken of the position after the page, so that a client that
// loops on NextToken without setting MaxResults sees every ENI.
func (f *Fake) describeByPage(q *describeENIsRequest,
	match func(*NetworkInterface) bool) (*describeENIsAnswer, *Error) {
	page, p := pageByNumber(f.matching(match), eniKey,
		max(intOf(q.PageNumber), 1), sizeOr(q.PageSize), q.filters())
	return f.answerPage(page, p), nil
}

// answerPage answers a page of ENIs with its paging.
func (f *Fake) answerPage(page []*NetworkInterface,
	p listPaging) *describeENIsAnswer {
	a := &describeENIsAnswer{listPaging: p}
	a.NetworkInterfaceSets.NetworkInterfaceSet = mapList(page, f.detail)
	return a
}

// eniKey is an ENI's position key in a listing.
func eniKey(n *NetworkInterface) string { return seqKey(n.seq) }

// matching returns the ENIs that match, in creation order.
func (f *Fake) matching(
	match func(*NetworkInterface) bool) []*NetworkInterface {
	var out []*NetworkInterface
	for _, n := range f.order {
		if match(n) {
			out = append(out, n)
		}
	}
	return out
}

// filters is the query with its paging left out.
func (q *describeENIsRequest) filters() describeENIsRequest {
	c := *q
	c.NextToken, c.MaxResults, c.PageNumber, c.PageSize = "", nil, nil, nil
	return c
}
