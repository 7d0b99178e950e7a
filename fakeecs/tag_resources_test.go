package fakeecs_test

import (
	"fmt"
	"strings"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// tagReq returns a TagResources request for resources of one type in the
// default region, with tags given as key, value pairs.
func tagReq(typ string, ids []string,
	kv ...string) *ecs.TagResourcesRequest {
	req := &ecs.TagResourcesRequest{RegionId: tea.String(region),
		ResourceType: tea.String(typ), ResourceId: tea.StringSlice(ids)}
	for i := 0; i < len(kv); i += 2 {
		req.Tag = append(req.Tag, &ecs.TagResourcesRequestTag{
			Key: tea.String(kv[i]), Value: tea.String(kv[i+1])})
	}
	return req
}

// keyValues returns n tags as key, value pairs: k0=v0, k1=v1, ...
func keyValues(n int) []string {
	var out []string
	for i := range n {
		out = append(out, fmt.Sprint("k", i), fmt.Sprint("v", i))
	}
	return out
}

// newTagFake returns a fake on the default world with one ENI, tagged
// env=test, and one instance, and the ENI's and the instance's IDs.
func newTagFake(t *testing.T) (*fakeecs.Fake, *fakeecs.Client, string,
	string) {
	t.Helper()
	f, c := newFake(t)
	req := createReq()
	req.Tag = tag("env", "test")
	eni := tea.StringValue(mustCreate(t, c, req).NetworkInterfaceId)
	in := f.AddInstance(fakeecs.InstanceSpec{VSwitch: fakeecs.DefaultVSwitchH,
		Type:           "ecs.g7.large",
		SecurityGroups: []string{fakeecs.DefaultSecurityGroup}})
	return f, c, eni, in.ID
}

// tagState is what a failed tag call must leave unchanged.
type tagState struct {
	ENIs      []fakeecs.NetworkInterface
	Instances []fakeecs.Instance
}

func takeTagState(f *fakeecs.Fake) tagState {
	return tagState{f.NetworkInterfaces(), f.Instances()}
}

// requireUnchanged requires that f's ENIs and instances are as before.
func requireUnchanged(t *testing.T, f *fakeecs.Fake, before tagState) {
	t.Helper()
	opts := append([]cmp.Option{cmp.AllowUnexported(fakeecs.Instance{})},
		snapshotOpts...)
	require.Empty(t, cmp.Diff(before, takeTagState(f), opts...))
}

// TestTagResourcesAddsAndOverwrites tags an ENI that has env=test with
// env=prod and team=net: the value of env is overwritten in place and
// team is appended, as DescribeNetworkInterfaces then reports
// (TagResources: "Creates and adds tags"; DescribeNetworkInterfaces,
// Tags.Tag).
func TestTagResourcesAddsAndOverwrites(t *testing.T) {
	f, c, eni, _ := newTagFake(t)
	resp, err := c.TagResources(tagReq("eni", []string{eni},
		"env", "prod", "team", "net"))
	require.NoError(t, err)
	require.Equal(t, int32(200), tea.Int32Value(resp.StatusCode))
	require.Regexp(t, `^[0-9A-F-]{36}$`, tea.StringValue(resp.Body.RequestId))

	n, _ := f.NetworkInterface(eni)
	require.Equal(t, []fakeecs.Tag{{Key: "env", Value: "prod"},
		{Key: "team", Value: "net"}}, n.Tags)
	got := describeAll(t, c)[0].Tags.Tag
	require.Len(t, got, 2)
	require.Equal(t, "env", tea.StringValue(got[0].TagKey))
	require.Equal(t, "prod", tea.StringValue(got[0].TagValue))
	require.Equal(t, "team", tea.StringValue(got[1].TagKey))
	require.Equal(t, "net", tea.StringValue(got[1].TagValue))

	dr, err := c.DescribeNetworkInterfaces(&describeReqT{
		RegionId: tea.String(region),
		Tag: []*ecs.DescribeNetworkInterfacesRequestTag{{
			Key: tea.String("team"), Value: tea.String("net")}}})
	require.NoError(t, err)
	require.Equal(t, []string{eni}, ids(dr.Body))
}

// TestTagResourcesEveryHeldType tags an instance and a security group
// (TagResources, ResourceType: instance, securitygroup) and several ENIs
// at once, naming one twice, which tags it once (ResourceId.N).
func TestTagResourcesEveryHeldType(t *testing.T) {
	f, c, eni, inst := newTagFake(t)
	_, err := c.TagResources(tagReq("instance", []string{inst}, "role", ""))
	require.NoError(t, err)
	require.Equal(t, []fakeecs.Tag{{Key: "role"}}, f.Instances()[0].Tags)

	_, err = c.TagResources(tagReq("securitygroup",
		[]string{fakeecs.DefaultSecurityGroup}, keyValues(20)...))
	require.NoError(t, err)
	_, err = c.TagResources(tagReq("securitygroup",
		[]string{fakeecs.DefaultSecurityGroup}, "k20", ""))
	requireCode(t, err, "QuotaExceed.Tags", 403)

	primary := f.Instances()[0].PrimaryENI
	_, err = c.TagResources(tagReq("eni", []string{eni, primary, eni},
		"a", "1"))
	require.NoError(t, err)
	for _, id := range []string{eni, primary} {
		n, _ := f.NetworkInterface(id)
		require.Equal(t, fakeecs.Tag{Key: "a", Value: "1"},
			n.Tags[len(n.Tags)-1], id)
	}
	n, _ := f.NetworkInterface(eni)
	require.Len(t, n.Tags, 2)
}

// TestTagResourcesQuota fills an ENI to the tag limit: overwriting keys it
// has is allowed at 20 tags, a new key is QuotaExceed.Tags (TagResources:
// "If the maximum number of tags is reached, an error message is
// returned").
func TestTagResourcesQuota(t *testing.T) {
	f, c, eni, _ := newTagFake(t)
	_, err := c.TagResources(tagReq("eni", []string{eni}, keyValues(19)...))
	require.NoError(t, err)
	n, _ := f.NetworkInterface(eni)
	require.Len(t, n.Tags, 20)
	_, err = c.TagResources(tagReq("eni", []string{eni},
		"env", "prod", "k0", "new"))
	require.NoError(t, err)
	n, _ = f.NetworkInterface(eni)
	require.Equal(t, fakeecs.Tag{Key: "env", Value: "prod"}, n.Tags[0])
	require.Equal(t, fakeecs.Tag{Key: "k0", Value: "new"}, n.Tags[1])

	before := takeTagState(f)
	_, err = c.TagResources(tagReq("eni", []string{eni}, "env", "x",
		"k19", "v"))
	requireCode(t, err, "QuotaExceed.Tags", 403)
	requireUnchanged(t, f, before)
}

// TestTagResourcesRefusals checks each refusal of TagResources and that
// the failed call changes no tag. The rules are the SDK's documentation
// of the request: RegionId, ResourceType, ResourceId and Tag are
// required; up to 50 resource IDs and 20 tags; a key of up to 128
// characters that does not start with acs: or aliyun and holds no
// http:// or https://; a value of up to 128 characters without them; no
// key twice.
func TestTagResourcesRefusals(t *testing.T) {
	long := strings.Repeat("x", 129)
	rows := []struct {
		name   string
		edit   func(r *ecs.TagResourcesRequest, eni, inst string)
		code   string
		status int
	}{
		{"no RegionId", func(r *ecs.TagResourcesRequest, _, _ string) {
			r.RegionId = nil
		}, "MissingParameter", 400},
		{"unknown region", func(r *ecs.TagResourcesRequest, _, _ string) {
			r.RegionId = tea.String("cn-beijing")
		}, "Forbidden.RegionId", 400},
		{"no ResourceType", func(r *ecs.TagResourcesRequest, _, _ string) {
			r.ResourceType = nil
		}, "MissingParameter", 400},
		{"documented type not held", func(r *ecs.TagResourcesRequest,
			_, _ string) {
			r.ResourceType = tea.String("disk")
		}, "InvalidParameter", 400},
		{"undocumented type", func(r *ecs.TagResourcesRequest, _, _ string) {
			r.ResourceType = tea.String("ENI")
		}, "InvalidParameter", 400},
		{"no ResourceId", func(r *ecs.TagResourcesRequest, _, _ string) {
			r.ResourceId = nil
		}, "MissingParameter", 400},
		{"51 resource IDs", func(r *ecs.TagResourcesRequest, eni, _ string) {
			r.ResourceId = nil
			for range 51 {
				r.ResourceId = append(r.ResourceId, tea.String(eni))
			}
		}, "InvalidParameter", 400},
		{"no Tag", func(r *ecs.TagResourcesRequest, _, _ string) {
			r.Tag = nil
		}, "MissingParameter", 400},
		{"21 tags", func(r *ecs.TagResourcesRequest, _, _ string) {
			r.Tag = tagReq("eni", nil, keyValues(21)...).Tag
		}, "QuotaExceed.Tags", 403},
		{"value without key", func(r *ecs.TagResourcesRequest, _, _ string) {
			r.Tag[0].Key = nil
		}, "InvalidTagKey.Malformed", 400},
		{"key aliyun", func(r *ecs.TagResourcesRequest, _, _ string) {
			r.Tag[0].Key = tea.String("aliyun-team")
		}, "InvalidTagKey.Malformed", 400},
		{"key acs:", func(r *ecs.TagResourcesRequest, _, _ string) {
			r.Tag[0].Key = tea.String("acs:team")
		}, "InvalidTagKey.Malformed", 400},
		{"key http://", func(r *ecs.TagResourcesRequest, _, _ string) {
			r.Tag[0].Key = tea.String("see http://x")
		}, "InvalidTagKey.Malformed", 400},
		{"key of 129", func(r *ecs.TagResourcesRequest, _, _ string) {
			r.Tag[0].Key = tea.String(long)
		}, "InvalidTagKey.Malformed", 400},
		{"value of 129", func(r *ecs.TagResourcesRequest, _, _ string) {
			r.Tag[0].Value = tea.String(long)
		}, "InvalidTagValue.Malformed", 400},
		{"value https://", func(r *ecs.TagResourcesRequest, _, _ string) {
			r.Tag[0].Value = tea.String("https://x")
		}, "InvalidTagValue.Malformed", 400},
		{"key twice", func(r *ecs.TagResourcesRequest, _, _ string) {
			r.Tag = tagReq("eni", nil, "a", "1", "a", "2").Tag
		}, "Duplicate.TagKey", 400},
		{"unknown ENI after a known one", func(r *ecs.TagResourcesRequest,
			eni, _ string) {
			r.ResourceId = tea.StringSlice([]string{eni, "eni-none"})
		}, "InvalidEniId.NotFound", 404},
		{"unknown instance", func(r *ecs.TagResourcesRequest, _, _ string) {
			r.ResourceType = tea.String("instance")
			r.ResourceId = tea.StringSlice([]string{"i-none"})
		}, "InvalidEcsId.NotFound", 404},
		{"an ENI named as an instance", func(r *ecs.TagResourcesRequest,
			eni, _ string) {
			r.ResourceType = tea.String("instance")
		}, "InvalidEcsId.NotFound", 404},
		{"unknown security group", func(r *ecs.TagResourcesRequest,
			_, _ string) {
			r.ResourceType = tea.String("securitygroup")
			r.ResourceId = tea.StringSlice([]string{"sg-none"})
		}, "InvalidSecurityGroupId.NotFound", 404},
		{"a full resource after one with room",
			func(r *ecs.TagResourcesRequest, _, inst string) {
				r.ResourceType = tea.String("instance")
				r.ResourceId = tea.StringSlice([]string{inst, "i-full"})
			}, "QuotaExceed.Tags", 403},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			f, c, eni, inst := newTagFake(t)
			f.AddInstance(fakeecs.InstanceSpec{ID: "i-full",
				VSwitch: fakeecs.DefaultVSwitchH, Type: "ecs.g7.large",
				SecurityGroups: []string{fakeecs.DefaultSecurityGroup}})
			_, err := c.TagResources(tagReq("instance",
				[]string{"i-full"}, keyValues(20)...))
			require.NoError(t, err)
			before := takeTagState(f)
			req := tagReq("eni", []string{eni}, "team", "net")
			row.edit(req, eni, inst)
			resp, err := c.TagResources(req)
			requireCode(t, err, row.code, row.status)
			require.Nil(t, resp.Body)
			requireUnchanged(t, f, before)
		})
	}
}

// TestTagResourcesEdgesOfTheRules checks the values the rules allow: a
// key and a value of 128 characters, an empty value (TagResources,
// Tag.N.Value: "can be an empty string"), and a key that holds aliyun or
// acs: without starting with it.
func TestTagResourcesEdgesOfTheRules(t *testing.T) {
	f, c, eni, _ := newTagFake(t)
	long := strings.Repeat("é", 128)
	_, err := c.TagResources(tagReq("eni", []string{eni}, long, long,
		"empty", "", "my-aliyun", "acs:x"))
	require.NoError(t, err)
	n, _ := f.NetworkInterface(eni)
	require.Equal(t, []fakeecs.Tag{{Key: "env", Value: "test"},
		{Key: long, Value: long}, {Key: "empty"},
		{Key: "my-aliyun", Value: "acs:x"}}, n.Tags)
}

// TestTagResourcesLeavesTheWorldAlone tags a security group that the
// world gave tags and checks that the caller's World is unchanged: the
// fake copies it (World: "the fake copies it and never changes the
// caller's").
func TestTagResourcesLeavesTheWorldAlone(t *testing.T) {
	w := fakeecs.DefaultWorld()
	w.SecurityGroups[0].Tags = []fakeecs.Tag{{Key: "env", Value: "test"}}
	c := fakeecs.New(fakeecs.WithWorld(w)).Client()
	_, err := c.TagResources(tagReq("securitygroup",
		[]string{fakeecs.DefaultSecurityGroup}, "env", "prod"))
	require.NoError(t, err)
	require.Equal(t, []fakeecs.Tag{{Key: "env", Value: "test"}},
		w.SecurityGroups[0].Tags)
}
