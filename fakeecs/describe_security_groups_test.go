package fakeecs_test

import (
	"fmt"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

type groupsReqT = ecs.DescribeSecurityGroupsRequest

// The models of one group of a DescribeSecurityGroups answer and of its
// tags.
type (
	sgT   = ecs.DescribeSecurityGroupsResponseBodySecurityGroupsSecurityGroup
	tagsT = ecs.DescribeSecurityGroupsResponseBodySecurityGroupsSecurityGroupTags
	tagT  = ecs.DescribeSecurityGroupsResponseBodySecurityGroupsSecurityGroupTagsTag
)

// The groups that groupWorld adds to the default world.
const (
	classicSG = "sg-bp1classic"
	managedSG = "sg-bp1managed"
	secondSG  = "sg-bp1second"
	beijingSG = "sg-2zeother"
)

// groupWorld is the default world with a classic-network group, a
// managed and tagged group, a group of a second VPC named as the default
// group, and a second region with a group of its own.
func groupWorld() fakeecs.World {
	w := fakeecs.DefaultWorld()
	w.Regions = append(w.Regions, fakeecs.Region{ID: "cn-beijing",
		Zones: []string{"cn-beijing-a"}})
	w.VPCs = append(w.VPCs, fakeecs.VPC{ID: "vpc-bp1second",
		Region: region, CIDR: netipPrefix("10.0.0.0/16")},
		fakeecs.VPC{ID: "vpc-2zeother", Region: "cn-beijing",
			CIDR: netipPrefix("172.16.0.0/16")})
	w.SecurityGroups = append(w.SecurityGroups,
		fakeecs.SecurityGroup{ID: classicSG, Name: "classic"},
		fakeecs.SecurityGroup{ID: managedSG, VPC: fakeecs.DefaultVPC,
			Name: "managed", ServiceManaged: true,
			Description: "managed by a service",
			Tags:        []fakeecs.Tag{{Key: "k8s", Value: "yes"}}},
		fakeecs.SecurityGroup{ID: secondSG, VPC: "vpc-bp1second",
			Name: "default-sg",
			Tags: []fakeecs.Tag{{Key: "env", Value: "prod"}}},
		fakeecs.SecurityGroup{ID: beijingSG, VPC: "vpc-2zeother"})
	return w
}

// groupIDs returns the IDs of a DescribeSecurityGroups answer's groups.
func groupIDs(b *ecs.DescribeSecurityGroupsResponseBody) []string {
	var out []string
	for _, g := range b.SecurityGroups.SecurityGroup {
		out = append(out, tea.StringValue(g.SecurityGroupId))
	}
	return out
}

// TestDescribeSecurityGroupsFilters checks each filter of
// DescribeSecurityGroups (VpcId, SecurityGroupId, SecurityGroupIds,
// SecurityGroupName, SecurityGroupType, NetworkType, ServiceManaged,
// Tag.N, ResourceGroupId) and the region, with groups ordered by ID.
func TestDescribeSecurityGroupsFilters(t *testing.T) {
	ent, def := fakeecs.DefaultEnterpriseSG, fakeecs.DefaultSecurityGroup
	rows := []struct {
		name string
		edit func(r *groupsReqT)
		want []string
	}{
		{"none", func(r *groupsReqT) {},
			[]string{ent, classicSG, def, managedSG, secondSG}},
		{"other region", func(r *groupsReqT) {
			r.RegionId = tea.String("cn-beijing")
		}, []string{beijingSG, classicSG}},
		{"vpc", func(r *groupsReqT) {
			r.VpcId = tea.String(fakeecs.DefaultVPC)
		}, []string{ent, def, managedSG}},
		{"id", func(r *groupsReqT) { r.SecurityGroupId = tea.String(def) },
			[]string{def}},
		{"ids", func(r *groupsReqT) {
			r.SecurityGroupIds = tea.String(`["` + secondSG + `","` + def +
				`","sg-x"]`)
		}, []string{def, secondSG}},
		{"name", func(r *groupsReqT) {
			r.SecurityGroupName = tea.String("default-sg")
		}, []string{def, secondSG}},
		{"type", func(r *groupsReqT) {
			r.SecurityGroupType = tea.String("enterprise")
		}, []string{ent}},
		{"classic network", func(r *groupsReqT) {
			r.NetworkType = tea.String("classic")
		}, []string{classicSG}},
		{"vpc network", func(r *groupsReqT) {
			r.NetworkType = tea.String("vpc")
		}, []string{ent, def, managedSG, secondSG}},
		{"managed", func(r *groupsReqT) {
			r.ServiceManaged = tea.Bool(true)
		}, []string{managedSG}},
		{"not managed", func(r *groupsReqT) {
			r.ServiceManaged = tea.Bool(false)
		}, []string{ent, classicSG, def, secondSG}},
		{"tag", func(r *groupsReqT) {
			r.Tag = []*ecs.DescribeSecurityGroupsRequestTag{{
				Key: tea.String("env"), Value: tea.String("prod")}}
		}, []string{secondSG}},
		{"tag key only", func(r *groupsReqT) {
			r.Tag = []*ecs.DescribeSecurityGroupsRequestTag{{
				Key: tea.String("k8s")}}
		}, []string{managedSG}},
		{"resource group", func(r *groupsReqT) {
			r.ResourceGroupId = tea.String("rg-other")
		}, []string{ent, classicSG, def, managedSG, secondSG}},
		{"deprecated flags", func(r *groupsReqT) {
			r.FuzzyQuery, r.IsQueryEcsCount = tea.Bool(true), tea.Bool(false)
		}, []string{ent, classicSG, def, managedSG, secondSG}},
	}
	_, c := newFake(t, fakeecs.WithWorld(groupWorld()))
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			req := &groupsReqT{RegionId: tea.String(region)}
			row.edit(req)
			resp, err := c.DescribeSecurityGroups(req)
			require.NoError(t, err)
			require.Equal(t, row.want, groupIDs(resp.Body))
		})
	}
}

// TestDescribeSecurityGroupsAnswer checks every field the fake answers for
// a group; EcsCount counts the ENIs in it, an instance's primary ENI
// included (DescribeSecurityGroups, SecurityGroups.SecurityGroup).
func TestDescribeSecurityGroupsAnswer(t *testing.T) {
	f, c := newFake(t, fakeecs.WithWorld(groupWorld()))
	f.AddInstance(instanceSpec())
	mustCreate(t, c, createReq())
	resp, err := c.DescribeSecurityGroups(&groupsReqT{
		RegionId: tea.String(region),
		SecurityGroupIds: tea.String(`["` + fakeecs.DefaultSecurityGroup +
			`","` + managedSG + `"]`)})
	require.NoError(t, err)
	require.Equal(t, region, tea.StringValue(resp.Body.RegionId))
	want := []*sgT{{
		SecurityGroupId:         tea.String(fakeecs.DefaultSecurityGroup),
		SecurityGroupName:       tea.String("default-sg"),
		SecurityGroupType:       tea.String("normal"),
		VpcId:                   tea.String(fakeecs.DefaultVPC),
		Description:             tea.String(""),
		CreationTime:            tea.String("2026-01-01T00:00:00Z"),
		EcsCount:                tea.Int32(2),
		AvailableInstanceAmount: tea.Int32(1998),
		ResourceGroupId:         tea.String(fakeecs.DefaultResourceGroup),
		ServiceManaged:          tea.Bool(false),
		Tags:                    &tagsT{Tag: []*tagT{}},
	}, {
		SecurityGroupId:         tea.String(managedSG),
		SecurityGroupName:       tea.String("managed"),
		SecurityGroupType:       tea.String("normal"),
		VpcId:                   tea.String(fakeecs.DefaultVPC),
		Description:             tea.String("managed by a service"),
		CreationTime:            tea.String("2026-01-01T00:00:00Z"),
		EcsCount:                tea.Int32(0),
		AvailableInstanceAmount: tea.Int32(2000),
		ResourceGroupId:         tea.String(fakeecs.DefaultResourceGroup),
		ServiceManaged:          tea.Bool(true),
		Tags: &tagsT{Tag: []*tagT{{TagKey: tea.String("k8s"),
			TagValue: tea.String("yes")}}},
	}}
	require.Equal(t, want, resp.Body.SecurityGroups.SecurityGroup)
}

// manyGroups returns the default world with n more normal groups in the
// default VPC.
func manyGroups(n int) fakeecs.World {
	w := fakeecs.DefaultWorld()
	for i := range n {
		w.SecurityGroups = append(w.SecurityGroups, fakeecs.SecurityGroup{
			ID: fmt.Sprintf("sg-bp1many%03d", i), VPC: fakeecs.DefaultVPC})
	}
	return w
}

// TestDescribeSecurityGroupsTokenPaging walks 27 groups with NextToken and
// MaxResults, with TotalCount left out as the reference says of this
// mode, and checks that MaxResults above 100 counts as 100
// (DescribeSecurityGroups, MaxResults: "Maximum value: 100", NextToken,
// TotalCount).
func TestDescribeSecurityGroupsTokenPaging(t *testing.T) {
	_, c := newFake(t, fakeecs.WithWorld(manyGroups(25)))
	all, err := c.DescribeSecurityGroups(&groupsReqT{
		RegionId: tea.String(region), PageSize: tea.Int32(50)})
	require.NoError(t, err)
	require.Len(t, all.Body.SecurityGroups.SecurityGroup, 27)

	var got []string
	var sizes []int
	token := ""
	for {
		req := &groupsReqT{RegionId: tea.String(region),
			MaxResults: tea.Int32(10)}
		if token != "" {
			req.NextToken = tea.String(token)
		}
		resp, err := c.DescribeSecurityGroups(req)
		require.NoError(t, err)
		require.Nil(t, resp.Body.TotalCount)
		got = append(got, groupIDs(resp.Body)...)
		sizes = append(sizes, len(resp.Body.SecurityGroups.SecurityGroup))
		token = tea.StringValue(resp.Body.NextToken)
		if token == "" {
			break
		}
	}
	require.Equal(t, groupIDs(all.Body), got)
	require.Equal(t, []int{10, 10, 7}, sizes)

	_, c = newFake(t, fakeecs.WithWorld(manyGroups(120)))
	resp, err := c.DescribeSecurityGroups(&groupsReqT{
		RegionId: tea.String(region), MaxResults: tea.Int32(500)})
	require.NoError(t, err)
	require.Len(t, resp.Body.SecurityGroups.SecurityGroup, 100)
}

// TestDescribeSecurityGroupsPageNumbers walks 27 groups with the
// deprecated PageNumber and PageSize, which echo back with TotalCount, as
// clients that page by 50 and stop on TotalCount expect.
func TestDescribeSecurityGroupsPageNumbers(t *testing.T) {
	_, c := newFake(t, fakeecs.WithWorld(manyGroups(25)))
	resp, err := c.DescribeSecurityGroups(&groupsReqT{
		RegionId: tea.String(region), PageNumber: tea.Int32(3),
		PageSize: tea.Int32(10)})
	require.NoError(t, err)
	require.Len(t, resp.Body.SecurityGroups.SecurityGroup, 7)
	require.Equal(t, int32(27), tea.Int32Value(resp.Body.TotalCount))
	require.Equal(t, int32(3), tea.Int32Value(resp.Body.PageNumber))
	require.Equal(t, int32(10), tea.Int32Value(resp.Body.PageSize))

	resp, err = c.DescribeSecurityGroups(&groupsReqT{
		RegionId: tea.String(region)})
	require.NoError(t, err)
	require.Len(t, resp.Body.SecurityGroups.SecurityGroup, 10)
	require.Equal(t, int32(1), tea.Int32Value(resp.Body.PageNumber))
	require.Equal(t, int32(10), tea.Int32Value(resp.Body.PageSize))
}

// TestDescribeSecurityGroupsRefusals checks the errors of
// DescribeSecurityGroups' bounds and values.
func TestDescribeSecurityGroupsRefusals(t *testing.T) {
	many := `["sg-1"` + strings101() + `]`
	rows := []struct {
		name   string
		edit   func(r *groupsReqT)
		code   string
		status int
	}{
		{"no region", func(r *groupsReqT) { r.RegionId = nil },
			"MissingParameter", 400},
		{"unknown region", func(r *groupsReqT) {
			r.RegionId = tea.String("cn-nowhere")
		}, "Forbidden.RegionId", 400},
		{"ids not JSON", func(r *groupsReqT) {
			r.SecurityGroupIds = tea.String("sg-1,sg-2")
		}, "InvalidParameter", 400},
		{"101 ids", func(r *groupsReqT) {
			r.SecurityGroupIds = tea.String(many)
		}, "InvalidParameter", 400},
		{"unknown type", func(r *groupsReqT) {
			r.SecurityGroupType = tea.String("premium")
		}, "InvalidParameter", 400},
		{"unknown network", func(r *groupsReqT) {
			r.NetworkType = tea.String("vlan")
		}, "InvalidParameter", 400},
		{"21 tags", func(r *groupsReqT) {
			for range 21 {
				r.Tag = append(r.Tag, &ecs.DescribeSecurityGroupsRequestTag{
					Key: tea.String("k")})
			}
		}, "QuotaExceed.Tags", 403},
		{"MaxResults 0", func(r *groupsReqT) {
			r.MaxResults = tea.Int32(0)
		}, "InvalidParameter", 400},
		{"page size 51", func(r *groupsReqT) {
			r.PageSize = tea.Int32(51)
		}, "InvalidParameter", 400},
		{"page size 0", func(r *groupsReqT) { r.PageSize = tea.Int32(0) },
			"InvalidParameter", 400},
		{"page number 0", func(r *groupsReqT) {
			r.PageNumber = tea.Int32(0)
		}, "InvalidParameter", 400},
		{"bad token", func(r *groupsReqT) {
			r.NextToken = tea.String("e71d8a535bd9cc11")
		}, "InvalidParameter", 400},
		{"dry run", func(r *groupsReqT) { r.DryRun = tea.Bool(true) },
			"DryRunOperation", 400},
	}
	_, c := newFake(t)
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			req := &groupsReqT{RegionId: tea.String(region)}
			row.edit(req)
			resp, err := c.DescribeSecurityGroups(req)
			requireCode(t, err, row.code, row.status)
			require.Nil(t, resp.Body)
		})
	}
}

// TestWorldRefusesBadGroupTags checks that a group's tags follow the
// rules of a request's Tag.N (CreateNetworkInterface, Tag.N.Key).
func TestWorldRefusesBadGroupTags(t *testing.T) {
	w := fakeecs.DefaultWorld()
	w.SecurityGroups[0].Tags = []fakeecs.Tag{{Key: "acs:x"}}
	require.ErrorContains(t, w.Validate(), "tags")
}
