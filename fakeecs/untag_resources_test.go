package fakeecs_test

import (
	"fmt"
	"strings"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// untagReq returns an UntagResources request for resources of one type in
// the default region.
func untagReq(typ string, ids []string,
	keys ...string) *ecs.UntagResourcesRequest {
	return &ecs.UntagResourcesRequest{RegionId: tea.String(region),
		ResourceType: tea.String(typ), ResourceId: tea.StringSlice(ids),
		TagKey: tea.StringSlice(keys)}
}

// TestUntagResourcesRemovesKeys removes keys from an ENI and an instance:
// the other tags keep their order, and a key a resource does not have is
// passed over (UntagResources, TagKey.N).
func TestUntagResourcesRemovesKeys(t *testing.T) {
	f, c, eni, inst := newTagFake(t)
	_, err := c.TagResources(tagReq("eni", []string{eni}, "a", "1",
		"b", "2", "c", "3"))
	require.NoError(t, err)
	resp, err := c.UntagResources(untagReq("eni", []string{eni}, "b",
		"env", "none", "b"))
	require.NoError(t, err)
	require.NotEmpty(t, tea.StringValue(resp.Body.RequestId))
	n, _ := f.NetworkInterface(eni)
	require.Equal(t, []fakeecs.Tag{{Key: "a", Value: "1"},
		{Key: "c", Value: "3"}}, n.Tags)
	got := describeAll(t, c)[0].Tags.Tag
	require.Len(t, got, 2)
	require.Equal(t, "c", tea.StringValue(got[1].TagKey))

	_, err = c.TagResources(tagReq("instance", []string{inst}, "x", ""))
	require.NoError(t, err)
	_, err = c.UntagResources(untagReq("instance", []string{inst}, "x"))
	require.NoError(t, err)
	require.Empty(t, f.Instances()[0].Tags)
}

// TestUntagResourcesAll removes every tag with All, which takes effect
// only when TagKey.N is absent (UntagResources, All: "This parameter
// takes effect only if you do not specify TagKey.N").
func TestUntagResourcesAll(t *testing.T) {
	f, c, eni, _ := newTagFake(t)
	_, err := c.TagResources(tagReq("eni", []string{eni}, "a", "1"))
	require.NoError(t, err)

	req := untagReq("eni", []string{eni}, "a")
	req.All = tea.Bool(true)
	_, err = c.UntagResources(req)
	require.NoError(t, err)
	n, _ := f.NetworkInterface(eni)
	require.Equal(t, []fakeecs.Tag{{Key: "env", Value: "test"}}, n.Tags)

	req = untagReq("eni", []string{eni})
	req.All = tea.Bool(true)
	_, err = c.UntagResources(req)
	require.NoError(t, err)
	n, _ = f.NetworkInterface(eni)
	require.Empty(t, n.Tags)
	require.Empty(t, describeAll(t, c)[0].Tags.Tag)
}

// TestUntagResourcesRefusals checks each refusal of UntagResources and
// that the failed call changes no tag. The rules are the SDK's
// documentation of the request: RegionId, ResourceType and ResourceId
// are required, 1 to 50 resource IDs, 1 to 20 tag keys.
func TestUntagResourcesRefusals(t *testing.T) {
	rows := []struct {
		name   string
		edit   func(r *ecs.UntagResourcesRequest, eni string)
		code   string
		status int
	}{
		{"no RegionId", func(r *ecs.UntagResourcesRequest, _ string) {
			r.RegionId = nil
		}, "MissingParameter", 400},
		{"unknown region", func(r *ecs.UntagResourcesRequest, _ string) {
			r.RegionId = tea.String("cn-beijing")
		}, "Forbidden.RegionId", 400},
		{"no ResourceType", func(r *ecs.UntagResourcesRequest, _ string) {
			r.ResourceType = nil
		}, "MissingParameter", 400},
		{"documented type not held", func(r *ecs.UntagResourcesRequest,
			_ string) {
			r.ResourceType = tea.String("snapshot")
		}, "InvalidParameter", 400},
		{"no ResourceId", func(r *ecs.UntagResourcesRequest, _ string) {
			r.ResourceId = nil
		}, "MissingParameter", 400},
		{"51 resource IDs", func(r *ecs.UntagResourcesRequest, eni string) {
			for range 50 {
				r.ResourceId = append(r.ResourceId, tea.String(eni))
			}
		}, "InvalidParameter", 400},
		{"neither TagKey nor All", func(r *ecs.UntagResourcesRequest,
			_ string) {
			r.TagKey = nil
		}, "MissingParameter", 400},
		{"All false", func(r *ecs.UntagResourcesRequest, _ string) {
			r.TagKey, r.All = nil, tea.Bool(false)
		}, "MissingParameter", 400},
		{"21 keys", func(r *ecs.UntagResourcesRequest, _ string) {
			r.TagKey = nil
			for i := range 21 {
				r.TagKey = append(r.TagKey, tea.String(fmt.Sprint("k", i)))
			}
		}, "InvalidParameter", 400},
		{"empty key", func(r *ecs.UntagResourcesRequest, _ string) {
			r.TagKey = append(r.TagKey, tea.String(""))
		}, "InvalidTagKey.Malformed", 400},
		{"key of 129", func(r *ecs.UntagResourcesRequest, _ string) {
			r.TagKey = tea.StringSlice([]string{strings.Repeat("k", 129)})
		}, "InvalidTagKey.Malformed", 400},
		{"unknown ENI after a known one", func(r *ecs.UntagResourcesRequest,
			_ string) {
			r.ResourceId = append(r.ResourceId, tea.String("eni-none"))
		}, "InvalidEniId.NotFound", 404},
		{"an ENI named as an instance", func(r *ecs.UntagResourcesRequest,
			_ string) {
			r.ResourceType = tea.String("instance")
		}, "InvalidEcsId.NotFound", 404},
		{"an ENI named as a security group", func(r *ecs.UntagResourcesRequest,
			_ string) {
			r.ResourceType = tea.String("securitygroup")
		}, "InvalidSecurityGroupId.NotFound", 404},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			f, c, eni, _ := newTagFake(t)
			before := takeTagState(f)
			req := untagReq("eni", []string{eni}, "env")
			row.edit(req, eni)
			resp, err := c.UntagResources(req)
			requireCode(t, err, row.code, row.status)
			require.Nil(t, resp.Body)
			requireUnchanged(t, f, before)
		})
	}
}
