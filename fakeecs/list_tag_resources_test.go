package fakeecs_test

import (
	"fmt"
	"net/netip"
	"strings"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

type listReqT = ecs.ListTagResourcesRequest

// listReq returns a ListTagResources request for resources of one type in
// the default region.
func listReq(typ string, ids ...string) *listReqT {
	return &listReqT{RegionId: tea.String(region),
		ResourceType: tea.String(typ), ResourceId: tea.StringSlice(ids)}
}

// exactTags returns the Tag.N of a ListTagResources request from key,
// value pairs.
func exactTags(kv ...string) []*ecs.ListTagResourcesRequestTag {
	var out []*ecs.ListTagResourcesRequestTag
	for i := 0; i < len(kv); i += 2 {
		out = append(out, &ecs.ListTagResourcesRequestTag{
			Key: tea.String(kv[i]), Value: tea.String(kv[i+1])})
	}
	return out
}

// filter returns a TagFilter of a key and its values.
func filter(key string,
	values ...string) *ecs.ListTagResourcesRequestTagFilter {
	return &ecs.ListTagResourcesRequestTagFilter{TagKey: tea.String(key),
		TagValues: tea.StringSlice(values)}
}

// mustList lists tags and returns the rows as "id key=value" and the
// NextToken, requiring that every row has the request's ResourceType.
func mustList(t *testing.T, c *fakeecs.Client, req *listReqT) ([]string,
	string) {
	t.Helper()
	resp, err := c.ListTagResources(req)
	require.NoError(t, err)
	require.NotEmpty(t, tea.StringValue(resp.Body.RequestId))
	var rows []string
	for _, r := range resp.Body.TagResources.TagResource {
		require.Equal(t, tea.StringValue(req.ResourceType),
			tea.StringValue(r.ResourceType))
		rows = append(rows, tea.StringValue(r.ResourceId)+" "+
			tea.StringValue(r.TagKey)+"="+tea.StringValue(r.TagValue))
	}
	require.NotNil(t, resp.Body.NextToken)
	return rows, tea.StringValue(resp.Body.NextToken)
}

// newListFake returns a fake with three ENIs, tagged env=prod team=net,
// none, and env=dev, and their IDs.
func newListFake(t *testing.T) (*fakeecs.Fake, *fakeecs.Client,
	[]string) {
	t.Helper()
	f, c := newFake(t)
	var ids []string
	for _, kv := range [][]string{{"env", "prod", "team", "net"}, nil,
		{"env", "dev"}} {
		id := tea.StringValue(mustCreate(t, c, createReq()).
			NetworkInterfaceId)
		if kv != nil {
			_, err := c.TagResources(tagReq("eni", []string{id}, kv...))
			require.NoError(t, err)
		}
		ids = append(ids, id)
	}
	return f, c, ids
}

// TestListTagResourcesByResourceId lists the tags of named ENIs: one row
// per tag, in creation order whatever the order named, an untagged ENI
// and an unknown ID giving no row (ListTagResources, ResourceId.N;
// TagResources.TagResource).
func TestListTagResourcesByResourceId(t *testing.T) {
	_, c, ids := newListFake(t)
	rows, next := mustList(t, c, listReq("eni", ids[2], "eni-none", ids[1],
		ids[0]))
	require.Equal(t, []string{ids[0] + " env=prod", ids[0] + " team=net",
		ids[2] + " env=dev"}, rows)
	require.Equal(t, "", next)
}

// TestListTagResourcesByTag lists by exact tags: a key alone matches any
// value, several tags must all match, and a ResourceId narrows further;
// each resource found answers all its tags (ListTagResources, Tag.N.Key:
// "If you specify only Tag.N.Key, all ECS resources whose tags contain
// the specified tag key are returned"; "If you specify multiple tag
// key-value pairs, only the ECS resources that have all these tag
// key-value pairs added are returned").
func TestListTagResourcesByTag(t *testing.T) {
	_, c, ids := newListFake(t)
	rows := []struct {
		name string
		req  *listReqT
		want []string
	}{
		{"key only", &listReqT{Tag: exactTags("env", "")},
			[]string{ids[0] + " env=prod", ids[0] + " team=net",
				ids[2] + " env=dev"}},
		{"key and value", &listReqT{Tag: exactTags("env", "dev")},
			[]string{ids[2] + " env=dev"}},
		{"two tags", &listReqT{Tag: exactTags("env", "", "team", "net")},
			[]string{ids[0] + " env=prod", ids[0] + " team=net"}},
		{"a value of another key", &listReqT{Tag: exactTags("team", "dev")},
			nil},
		{"tag and ResourceId", &listReqT{Tag: exactTags("env", ""),
			ResourceId: tea.StringSlice([]string{ids[2]})},
			[]string{ids[2] + " env=dev"}},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			row.req.RegionId = tea.String(region)
			row.req.ResourceType = tea.String("eni")
			got, _ := mustList(t, c, row.req)
			require.Equal(t, row.want, got)
		})
	}
}

// TestListTagResourcesByTagFilter lists by fuzzy filters: a key exact,
// by prefix or by infix without values; values exact, by prefix or by
// infix, any one matching; several filters all matching; and one method
// for all the values of a key, that of the first (ListTagResources,
// TagFilter.N.TagKey: "env* for prefix search, *env* for infix search,
// or env for exact search"; "If multiple search methods are configured
// for a tag key, the first search method prevails").
func TestListTagResourcesByTagFilter(t *testing.T) {
	_, c, ids := newListFake(t)
	a := []string{ids[0] + " env=prod", ids[0] + " team=net"}
	b := []string{ids[2] + " env=dev"}
	both := append(append([]string{}, a...), b...)
	type tf = *ecs.ListTagResourcesRequestTagFilter
	rows := []struct {
		name    string
		filters []tf
		want    []string
	}{
		{"key exact", []tf{filter("team")}, a},
		{"key prefix", []tf{filter("te*")}, a},
		{"key infix", []tf{filter("*nv*")}, both},
		{"key exact is not a prefix", []tf{filter("en")}, nil},
		{"value exact", []tf{filter("env", "dev")}, b},
		{"value prefix", []tf{filter("env", "pr*")}, a},
		{"value infix", []tf{filter("env", "*e*")}, b},
		{"any value", []tf{filter("env", "dev", "prod")}, both},
		{"all filters", []tf{filter("env*"), filter("team", "n*")}, a},
		{"first method prevails", []tf{filter("env", "d*", "*ro*")}, b},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			req := listReq("eni")
			req.TagFilter = row.filters
			got, _ := mustList(t, c, req)
			require.Equal(t, row.want, got)
		})
	}
}

// TestListTagResourcesPages lists 60 rows: the first page holds 50 and a
// NextToken, the last the other 10 and an empty NextToken. The token is
// the same for the same query, good only for it, and a tag removed from
// a resource of the first page does not shift the rows of the next
// (ListTagResources, NextToken).
func TestListTagResourcesPages(t *testing.T) {
	_, c, ids := newListFake(t)
	for _, id := range ids {
		_, err := c.UntagResources(&ecs.UntagResourcesRequest{
			RegionId: tea.String(region), ResourceType: tea.String("eni"),
			ResourceId: tea.StringSlice([]string{id}), All: tea.Bool(true)})
		require.NoError(t, err)
		_, err = c.TagResources(tagReq("eni", []string{id},
			keyValues(20)...))
		require.NoError(t, err)
	}
	req := listReq("eni", ids...)
	first, next := mustList(t, c, req)
	require.Len(t, first, 50)
	require.Equal(t, ids[2]+" k9=v9", first[49])
	require.NotEmpty(t, next)
	_, again := mustList(t, c, req)
	require.Equal(t, next, again)

	_, err := c.UntagResources(untagReq("eni", []string{ids[0]}, "k0"))
	require.NoError(t, err)
	req.NextToken = tea.String(next)
	last, end := mustList(t, c, req)
	require.Len(t, last, 10)
	require.Equal(t, ids[2]+" k10=v10", last[0])
	require.Equal(t, "", end)

	other := listReq("eni", ids[0])
	other.NextToken = tea.String(next)
	_, err = c.ListTagResources(other)
	requireCode(t, err, "InvalidParameter", 400)
}

// TestListTagResourcesEveryHeldType lists the tags of instances and of
// the security groups the world tagged, in world order
// (ListTagResources, ResourceType: instance, securitygroup).
func TestListTagResourcesEveryHeldType(t *testing.T) {
	w := fakeecs.DefaultWorld()
	w.SecurityGroups[1].Tags = []fakeecs.Tag{{Key: "tier", Value: "ent"}}
	f := fakeecs.New(fakeecs.WithWorld(w))
	c := f.Client()
	_, err := c.TagResources(tagReq("securitygroup",
		[]string{fakeecs.DefaultSecurityGroup}, "tier", "normal"))
	require.NoError(t, err)
	req := listReq("securitygroup")
	req.Tag = exactTags("tier", "")
	rows, _ := mustList(t, c, req)
	require.Equal(t, []string{fakeecs.DefaultSecurityGroup + " tier=normal",
		fakeecs.DefaultEnterpriseSG + " tier=ent"}, rows)

	in := f.AddInstance(fakeecs.InstanceSpec{VSwitch: fakeecs.DefaultVSwitchH,
		Type:           "ecs.g7.large",
		SecurityGroups: []string{fakeecs.DefaultSecurityGroup}})
	_, err = c.TagResources(tagReq("instance", []string{in.ID}, "role",
		"node"))
	require.NoError(t, err)
	rows, _ = mustList(t, c, listReq("instance", in.ID))
	require.Equal(t, []string{in.ID + " role=node"}, rows)
	rows, _ = mustList(t, c, listReq("eni", in.PrimaryENI))
	require.Empty(t, rows)
}

// TestListTagResourcesByResourceGroup lists the resources of a resource
// group other than the default one with Tag.N.Key acs:rm:rgId, and checks
// its refusals (ListTagResources, Tag.N.Key, method 2: "you must set Value
// to the ID of a non-default resource group"; "you cannot specify other
// Tag.N parameter pairs").
func TestListTagResourcesByResourceGroup(t *testing.T) {
	w := fakeecs.DefaultWorld()
	w.ResourceGroups = append(w.ResourceGroups,
		fakeecs.ResourceGroup{ID: "rg-team"})
	c := fakeecs.New(fakeecs.WithWorld(w)).Client()
	req := createReq()
	req.ResourceGroupId = tea.String("rg-team")
	req.Tag = tag("env", "team")
	id := tea.StringValue(mustCreate(t, c, req).NetworkInterfaceId)
	req = createReq()
	req.Tag = tag("env", "default")
	mustCreate(t, c, req)

	lreq := listReq("eni")
	lreq.Tag = exactTags("acs:rm:rgId", "rg-team")
	rows, _ := mustList(t, c, lreq)
	require.Equal(t, []string{id + " env=team"}, rows)

	lreq.Tag = exactTags("acs:rm:rgId", fakeecs.DefaultResourceGroup)
	_, err := c.ListTagResources(lreq)
	requireCode(t, err, "InvalidParameter", 400)
	lreq.Tag = exactTags("acs:rm:rgId", "rg-team", "env", "")
	_, err = c.ListTagResources(lreq)
	requireCode(t, err, "InvalidParameter", 400)
}

// TestListTagResourcesRefusals checks each refusal of ListTagResources.
// The rules are the SDK's documentation of the request: RegionId and
// ResourceType are required, and one of ResourceId.N, Tag.N and
// TagFilter.N; up to 50 resource IDs and 20 tags of keys and values of 1
// to 128 characters; a value without its key is InvalidParameter.TagValue;
// up to 5 filters of up to 5 values, a fuzzy key only without values,
// never with Tag.N.
func TestListTagResourcesRefusals(t *testing.T) {
	long := strings.Repeat("x", 129)
	rows := []struct {
		name   string
		edit   func(r *listReqT)
		code   string
		status int
	}{
		{"no RegionId", func(r *listReqT) { r.RegionId = nil },
			"MissingParameter", 400},
		{"unknown region", func(r *listReqT) {
			r.RegionId = tea.String("cn-beijing")
		}, "Forbidden.RegionId", 400},
		{"no ResourceType", func(r *listReqT) { r.ResourceType = nil },
			"MissingParameter", 400},
		{"documented type not held", func(r *listReqT) {
			r.ResourceType = tea.String("image")
		}, "InvalidParameter", 400},
		{"51 resource IDs", func(r *listReqT) {
			for i := range 51 {
				r.ResourceId = append(r.ResourceId,
					tea.String(fmt.Sprint("eni-", i)))
			}
		}, "InvalidParameter", 400},
		{"no query", func(r *listReqT) {}, "MissingParameter", 400},
		{"Tag and TagFilter", func(r *listReqT) {
			r.Tag = exactTags("env", "")
			r.TagFilter = append(r.TagFilter, filter("env"))
		}, "InvalidParameter.Conflict", 400},
		{"21 tags", func(r *listReqT) {
			r.Tag = exactTags(keyValues(21)...)
		}, "InvalidParameter", 400},
		{"value without key", func(r *listReqT) {
			r.Tag = exactTags("", "prod")
		}, "InvalidParameter.TagValue", 400},
		{"key of 129", func(r *listReqT) {
			r.Tag = exactTags(long, "")
		}, "InvalidTagKey.Malformed", 400},
		{"value of 129", func(r *listReqT) {
			r.Tag = exactTags("env", long)
		}, "InvalidTagValue.Malformed", 400},
		{"6 filters", func(r *listReqT) {
			for range 6 {
				r.TagFilter = append(r.TagFilter, filter("env"))
			}
		}, "InvalidParameter", 400},
		{"filter without key", func(r *listReqT) {
			r.TagFilter = append(r.TagFilter, filter("", "prod"))
		}, "MissingParameter", 400},
		{"fuzzy key with values", func(r *listReqT) {
			r.TagFilter = append(r.TagFilter, filter("env*", "prod"))
		}, "InvalidParameter", 400},
		{"suffix key", func(r *listReqT) {
			r.TagFilter = append(r.TagFilter, filter("*env"))
		}, "InvalidParameter", 400},
		{"lone wildcard", func(r *listReqT) {
			r.TagFilter = append(r.TagFilter, filter("env", "*"))
		}, "InvalidParameter", 400},
		{"key of 129 in a filter", func(r *listReqT) {
			r.TagFilter = append(r.TagFilter, filter(long))
		}, "InvalidParameter", 400},
		{"6 values", func(r *listReqT) {
			r.TagFilter = append(r.TagFilter, filter("env", "a", "b", "c",
				"d", "e", "f"))
		}, "InvalidParameter", 400},
		{"unknown NextToken", func(r *listReqT) {
			r.Tag = exactTags("env", "")
			r.NextToken = tea.String("AAAAA1.0.x")
		}, "InvalidParameter", 400},
	}
	_, c, _ := newListFake(t)
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			req := listReq("eni")
			row.edit(req)
			resp, err := c.ListTagResources(req)
			requireCode(t, err, row.code, row.status)
			require.Nil(t, resp.Body)
		})
	}
}

// TestListTagResourcesSkipsOtherRegions lists the tags of an ENI of
// another region: it is not found from the default region.
func TestListTagResourcesSkipsOtherRegions(t *testing.T) {
	w := fakeecs.DefaultWorld()
	w.Regions = append(w.Regions, fakeecs.Region{ID: "cn-beijing",
		Zones: []string{"cn-beijing-a"}})
	w.VPCs = append(w.VPCs, fakeecs.VPC{ID: "vpc-bj", Region: "cn-beijing",
		CIDR: netip.MustParsePrefix("10.0.0.0/16")})
	w.VSwitches = append(w.VSwitches, fakeecs.VSwitch{ID: "vsw-bj",
		VPC: "vpc-bj", Zone: "cn-beijing-a",
		CIDR: netip.MustParsePrefix("10.0.0.0/24")})
	w.SecurityGroups = append(w.SecurityGroups,
		fakeecs.SecurityGroup{ID: "sg-bj", VPC: "vpc-bj"})
	c := fakeecs.New(fakeecs.WithWorld(w)).Client()
	req := &ecs.CreateNetworkInterfaceRequest{
		RegionId: tea.String("cn-beijing"), VSwitchId: tea.String("vsw-bj"),
		SecurityGroupId: tea.String("sg-bj"), Tag: tag("env", "bj")}
	id := tea.StringValue(mustCreate(t, c, req).NetworkInterfaceId)

	rows, _ := mustList(t, c, listReq("eni", id))
	require.Empty(t, rows)
	_, err := c.TagResources(tagReq("eni", []string{id}, "a", ""))
	requireCode(t, err, "InvalidEniId.NotFound", 404)
	breq := listReq("eni", id)
	breq.RegionId = tea.String("cn-beijing")
	rows, _ = mustList(t, c, breq)
	require.Equal(t, []string{id + " env=bj"}, rows)
}
