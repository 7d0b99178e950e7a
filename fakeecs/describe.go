package fakeecs

import (
	"net/netip"
	"slices"
	"strconv"
	"strings"
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

// describeENIsAnswer is DescribeNetworkInterfaces' answer. It always
// carries NextToken; in page mode it carries TotalCount, PageNumber and
// PageSize too, which the reference documents as invalid in NextToken
// mode.
type describeENIsAnswer struct {
	meta
	NextToken            *string `json:",omitempty"`
	TotalCount           *int    `json:",omitempty"`
	PageNumber           *int    `json:",omitempty"`
	PageSize             *int    `json:",omitempty"`
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
	match := q.matcher(r.ID)

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
	if len(q.Tags) > maxTags {
		return apiErr("QuotaExceed.Tags", "The number of tags %d exceeds "+
			"the upper limit %d.", len(q.Tags), maxTags)
	}
	return q.checkEnums()
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
	return q.checkPaging()
}

func (q *describeENIsRequest) checkPaging() *Error {
	if p := q.PageNumber; p != nil && *p < 1 {
		return invalid("PageNumber")
	}
	if p := q.PageSize; p != nil && (*p < 1 || *p > maxPageSize) {
		return invalid("PageSize")
	}
	return nil
}

// matcher returns a predicate that holds for the ENIs of the region that
// pass every filter of the request.
func (q *describeENIsRequest) matcher(
	region string) func(*NetworkInterface) bool {
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
			eq(q.ResourceGroupID, n.ResourceGroupID) &&
			(q.ServiceManaged == nil || !*q.ServiceManaged) &&
			(q.SecurityGroupID == "" ||
				slices.Contains(n.SecurityGroups, q.SecurityGroupID)) &&
			anyAddr(q.PrivateIPAddresses, n.PrivateIPs) &&
			anyAddr(q.IPv6Addresses, n.IPv6s) &&
			hasTags(n, q.Tags)
	}
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
	for _, t := range tags {
		v, ok := n.tag(t.Key)
		if !ok || (t.Value != "" && v != t.Value) {
			return false
		}
	}
	return true
}

// describeByToken answers the page after the token's position.
func (f *Fake) describeByToken(q *describeENIsRequest,
	match func(*NetworkInterface) bool) (*describeENIsAnswer, *Error) {
	after, err := parseToken(q.NextToken)
	if err != nil {
		return nil, err
	}
	rest := f.matching(func(n *NetworkInterface) bool {
		return n.seq > after && match(n)
	})
	size := min(max(intOf(q.MaxResults), minMaxResults), maxMaxResults)
	return f.page(rest, size), nil
}

// describeByPage answers the page the request numbers. It also carries
// the NextToken of the position after the page, so that a client that
// loops on NextToken without setting MaxResults sees every ENI.
func (f *Fake) describeByPage(q *describeENIsRequest,
	match func(*NetworkInterface) bool) (*describeENIsAnswer, *Error) {
	number := max(intOf(q.PageNumber), 1)
	size := intOf(q.PageSize)
	if size == 0 {
		size = defaultPerPage
	}
	all := f.matching(match)
	total := len(all)
	skip := min((number-1)*size, total)
	a := f.page(all[skip:], size)
	a.TotalCount, a.PageNumber, a.PageSize = &total, &number, &size
	return a, nil
}

// matching returns the ENIs that match, in creation order.
func (f *Fake) matching(match func(*NetworkInterface) bool) []*NetworkInterface {
	var out []*NetworkInterface
	for _, n := range f.order {
		if match(n) {
			out = append(out, n)
		}
	}
	return out
}

// page answers the first size ENIs of list, with the token of the
// position after them when more follow.
func (f *Fake) page(list []*NetworkInterface, size int) *describeENIsAnswer {
	a := &describeENIsAnswer{}
	next := ""
	if len(list) > size {
		list = list[:size]
		next = makeToken(list[size-1].seq)
	}
	a.NextToken = &next
	a.NetworkInterfaceSets.NetworkInterfaceSet = mapList(list, f.detail)
	return a
}

// tokenPrefix starts every NextToken the fake makes.
const tokenPrefix = "AAAAA"

// makeToken returns the NextToken of the position after the ENI with the
// given creation number.
func makeToken(seq uint64) string {
	return tokenPrefix + strconv.FormatUint(seq, 36)
}

// parseToken reads a NextToken: empty for the first page, else a position
// made by makeToken.
func parseToken(s string) (uint64, *Error) {
	if s == "" {
		return 0, nil
	}
	rest, ok := strings.CutPrefix(s, tokenPrefix)
	n, err := strconv.ParseUint(rest, 36, 64)
	if !ok || err != nil {
		return 0, invalid("NextToken")
	}
	return n, nil
}
