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
	after, err := f.parseToken(q)
	if err != nil {
		return nil, err
	}
	rest := f.matching(func(n *NetworkInterface) bool {
		return n.seq > after && match(n)
	})
	size := min(max(intOf(q.MaxResults), minMaxResults), maxMaxResults)
	return f.page(rest, size, q), nil
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
	skip := total
	if int64(number-1)*int64(size) < int64(total) {
		skip = (number - 1) * size
	}
	a := f.page(all[skip:], size, q)
	a.TotalCount, a.PageNumber, a.PageSize = &total, &number, &size
	return a, nil
}

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

// page answers the first size ENIs of list, with the token of the
// position after them when more follow.
func (f *Fake) page(list []*NetworkInterface, size int,
	q *describeENIsRequest) *describeENIsAnswer {
	a := &describeENIsAnswer{}
	next := ""
	if len(list) > size {
		list = list[:size]
		next = makeToken(list[size-1].seq, q)
	}
	a.NextToken = &next
	a.NetworkInterfaceSets.NetworkInterfaceSet = mapList(list, f.detail)
	return a
}

// tokenPrefix starts every NextToken the fake makes.
const tokenPrefix = "AAAAA"

// A NextToken holds the creation number of the last ENI of its page and
// a hash of the filters of its query, so that a token is good only for
// the query that made it: "AAAAA" + seq in base 36 + "." + the hash.

// makeToken returns the NextToken of the position after the ENI with the
// given creation number, for the query q.
func makeToken(seq uint64, q *describeENIsRequest) string {
	return tokenPrefix + strconv.FormatUint(seq, 36) + "." + q.filterHash()
}

// parseToken reads a NextToken: empty for the first page, else a position
// made by makeToken for this query, no later than the last ENI made.
func (f *Fake) parseToken(q *describeENIsRequest) (uint64, *Error) {
	if q.NextToken == "" {
		return 0, nil
	}
	rest, ok := strings.CutPrefix(q.NextToken, tokenPrefix)
	num, hash, ok2 := strings.Cut(rest, ".")
	n, err := strconv.ParseUint(num, 36, 64)
	if !ok || !ok2 || err != nil || n > f.seq || hash != q.filterHash() {
		return 0, invalid("NextToken")
	}
	return n, nil
}

// filterHash hashes the filters of the query, paging left out.
func (q *describeENIsRequest) filterHash() string {
	c := *q
	c.NextToken, c.MaxResults, c.PageNumber, c.PageSize = "", nil, nil, nil
	return hashOf(c)
}
