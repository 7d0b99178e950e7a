package fakeecs

import (
	"maps"
	"slices"
)

// describeSecurityGroupsRequest is DescribeSecurityGroups' request.
type describeSecurityGroupsRequest struct {
	RegionID        string `rpc:"RegionId"`
	VpcID           string `rpc:"VpcId"`
	SecurityGroupID string `rpc:"SecurityGroupId"`
	// SecurityGroupIDs is a JSON array of up to 100 group IDs.
	SecurityGroupIDs  string `rpc:"SecurityGroupIds"`
	SecurityGroupName string
	SecurityGroupType string
	NetworkType       string
	ResourceGroupID   string `rpc:"ResourceGroupId"`
	ServiceManaged    *bool
	Tags              []tagParam `rpc:"Tag"`
	DryRun            *bool
	// FuzzyQuery and IsQueryEcsCount are documented as deprecated; the
	// fake reads them as the service does, and ignores them: every answer
	// carries a valid EcsCount.
	FuzzyQuery      *bool
	IsQueryEcsCount *bool

	NextToken  string
	MaxResults *int32
	PageNumber *int32
	PageSize   *int32

	ids []string // parsed from SecurityGroupIDs
}

// describeSecurityGroupsAnswer is DescribeSecurityGroups' answer.
type describeSecurityGroupsAnswer struct {
	meta
	listPaging
	RegionId       string
	SecurityGroups struct{ SecurityGroup []securityGroupView }
}

// securityGroupView is what DescribeSecurityGroups says of a group.
// EcsCount counts the ENIs in the group, primary ENIs included, and
// AvailableInstanceAmount the places left.
type securityGroupView struct {
	SecurityGroupId         string
	SecurityGroupName       string
	SecurityGroupType       string
	VpcId                   string
	Description             string
	CreationTime            string
	EcsCount                int
	AvailableInstanceAmount int
	ResourceGroupId         string
	ServiceManaged          bool
	Tags                    struct{ Tag []tagView }
}

// The bounds of DescribeSecurityGroups: SecurityGroupIds holds up to 100
// IDs; MaxResults is at most 100 and defaults to 10. The reference gives
// no range for the deprecated PageSize; the fake takes 1 to 50, with a
// default of 10, as the VPC API's lists do.
const (
	groupMaxIDs      = 100
	groupMaxResults  = 100
	groupMaxPageSize = 50
)

// describeSecurityGroups serves DescribeSecurityGroups: the security
// groups of the region that match every filter, ordered by ID, one page
// of them.
func (f *Fake) describeSecurityGroups(q *describeSecurityGroupsRequest) (
	*describeSecurityGroupsAnswer, *Error) {
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

	var all []*groupState
	for _, id := range slices.Sorted(maps.Keys(f.groups)) {
		if g := f.groups[id]; f.groupRegion(g, r.ID) && q.matches(g) {
			all = append(all, g)
		}
	}
	key := func(g *groupState) string { return g.ID }
	var page []*groupState
	a := &describeSecurityGroupsAnswer{RegionId: r.ID}
	if q.NextToken != "" || q.MaxResults != nil {
		size := min(intOf(q.MaxResults), groupMaxResults)
		if q.MaxResults == nil {
			size = defaultPerPage
		}
		page, a.listPaging, err = pageByToken(all, key, q.NextToken, size,
			q.filters())
	} else {
		page, a.listPaging = pageByNumber(all, key,
			max(intOf(q.PageNumber), 1), sizeOr(q.PageSize), q.filters())
	}
	if err != nil {
		return nil, err
	}
	a.SecurityGroups.SecurityGroup = mapList(page, f.groupView)
	return a, nil
}

// check runs the request's own rules in order.
func (q *describeSecurityGroupsRequest) check() *Error {
	var err *Error
	if q.ids, err = jsonList("SecurityGroupIds", q.SecurityGroupIDs,
		groupMaxIDs); err != nil {
		return err
	}
	checks := []func() *Error{
		func() *Error { return checkFilterTags(q.Tags) },
		q.checkEnums,
		q.checkPaging,
	}
	for _, c := range checks {
		if err := c(); err != nil {
			return err
		}
	}
	return nil
}

// checkEnums checks the filters that take one of a set of values.
func (q *describeSecurityGroupsRequest) checkEnums() *Error {
	types := []string{"", string(SecurityGroupNormal),
		string(SecurityGroupEnterprise)}
	if !slices.Contains(types, q.SecurityGroupType) {
		return invalid("SecurityGroupType")
	}
	if !slices.Contains([]string{"", "vpc", "classic"}, q.NetworkType) {
		return invalid("NetworkType")
	}
	return nil
}

func (q *describeSecurityGroupsRequest) checkPaging() *Error {
	if m := q.MaxResults; m != nil && *m < 1 {
		return invalid("MaxResults")
	}
	return checkPages(q.PageNumber, q.PageSize, groupMaxPageSize)
}

// filters returns the query without its paging, for NextTokens.
func (q *describeSecurityGroupsRequest) filters() any {
	c := *q
	c.NextToken, c.MaxResults, c.PageNumber, c.PageSize = "", nil, nil, nil
	return c
}

// groupRegion reports whether g is listed in the region: the region of
// its VPC, or any region for a group of the classic network, to which
// the world gives no region.
func (f *Fake) groupRegion(g *groupState, region string) bool {
	return g.VPC == "" || f.vpcs[g.VPC].Region == region
}

// matches reports whether g passes every filter of the request. Every
// group is in the default resource group, which the reference says every
// query lists, so ResourceGroupId filters out none.
func (q *describeSecurityGroupsRequest) matches(g *groupState) bool {
	network := "vpc"
	if g.VPC == "" {
		network = "classic"
	}
	return eq(q.VpcID, g.VPC) && eq(q.SecurityGroupID, g.ID) &&
		in(q.ids, g.ID) && eq(q.SecurityGroupName, g.Name) &&
		eq(q.SecurityGroupType, string(g.Type)) &&
		eq(q.NetworkType, network) &&
		(q.ServiceManaged == nil || *q.ServiceManaged == g.ServiceManaged) &&
		tagsMatch(g.Tags, q.Tags)
}

// groupView renders what DescribeSecurityGroups says of g.
func (f *Fake) groupView(g *groupState) securityGroupView {
	v := securityGroupView{
		SecurityGroupId:         g.ID,
		SecurityGroupName:       g.Name,
		SecurityGroupType:       string(g.Type),
		VpcId:                   g.VPC,
		Description:             g.Description,
		CreationTime:            f.cfg.start.Format(timeFormat),
		EcsCount:                g.members,
		AvailableInstanceAmount: max(g.Capacity-g.members, 0),
		ResourceGroupId:         f.defaultRG,
		ServiceManaged:          g.ServiceManaged,
	}
	v.Tags.Tag = mapList(g.Tags, func(t Tag) tagView {
		return tagView{t.Key, t.Value}
	})
	return v
}
