package fakeecs_test

import (
	"context"
	"errors"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/alibabacloud-go/tea/tea"
	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	legacy "github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// tagAPI is the kind of interface downstream code declares over the v7
// SDK's client for the tag actions, in all three forms.
type tagAPI interface {
	TagResources(*ecs.TagResourcesRequest) (*ecs.TagResourcesResponse,
		error)
	TagResourcesWithOptions(*ecs.TagResourcesRequest,
		*dara.RuntimeOptions) (*ecs.TagResourcesResponse, error)
	TagResourcesWithContext(context.Context, *ecs.TagResourcesRequest,
		*dara.RuntimeOptions) (*ecs.TagResourcesResponse, error)
	UntagResources(*ecs.UntagResourcesRequest) (
		*ecs.UntagResourcesResponse, error)
	UntagResourcesWithOptions(*ecs.UntagResourcesRequest,
		*dara.RuntimeOptions) (*ecs.UntagResourcesResponse, error)
	UntagResourcesWithContext(context.Context, *ecs.UntagResourcesRequest,
		*dara.RuntimeOptions) (*ecs.UntagResourcesResponse, error)
	ListTagResources(*ecs.ListTagResourcesRequest) (
		*ecs.ListTagResourcesResponse, error)
	ListTagResourcesWithOptions(*ecs.ListTagResourcesRequest,
		*dara.RuntimeOptions) (*ecs.ListTagResourcesResponse, error)
	ListTagResourcesWithContext(context.Context,
		*ecs.ListTagResourcesRequest, *dara.RuntimeOptions) (
		*ecs.ListTagResourcesResponse, error)
}

// The real client and the fake's typed client satisfy the same interface.
var (
	_ tagAPI = (*ecs.Client)(nil)
	_ tagAPI = (*fakeecs.Client)(nil)
)

// socketFake returns a fake on the default world with one ENI, served on
// a loopback socket, a v7 client of the socket, and the ENI's ID.
func socketFake(t *testing.T) (*fakeecs.Fake, string, *ecs.Client,
	string) {
	t.Helper()
	f := wireFake()
	srv := f.NewServer()
	t.Cleanup(srv.Close)
	c, err := ecs.NewClient(socketConfig(t, srv.URL))
	require.NoError(t, err)
	eni := tea.StringValue(mustCreate(t, f.Client(), createReq()).
		NetworkInterfaceId)
	return f, srv.URL, c, eni
}

// requireLegacyCode requires that err is the older SDK's server error of
// the code and status.
func requireLegacyCode(t *testing.T, err error, code string, status int) {
	t.Helper()
	var se *sdkerrors.ServerError
	require.True(t, errors.As(err, &se), "not a ServerError: %v", err)
	require.Equal(t, code, se.ErrorCode())
	require.Equal(t, status, se.HttpStatus())
}

// TestTagResourcesOverASocket tags an ENI with an unmodified v7 client
// over a loopback socket, reads the tags back with
// DescribeNetworkInterfaces, and checks the error of an unknown ENI.
func TestTagResourcesOverASocket(t *testing.T) {
	_, _, c, eni := socketFake(t)
	resp, err := c.TagResources(tagReq("eni", []string{eni}, "env", "e2e",
		"empty", ""))
	require.NoError(t, err)
	require.Equal(t, tea.StringValue(resp.Body.RequestId),
		tea.StringValue(resp.Headers["x-acs-request-id"]))

	dr, err := c.DescribeNetworkInterfaces(&describeReqT{
		RegionId: tea.String(region)})
	require.NoError(t, err)
	got := dr.Body.NetworkInterfaceSets.NetworkInterfaceSet[0].Tags.Tag
	require.Len(t, got, 2)
	require.Equal(t, "e2e", tea.StringValue(got[0].TagValue))
	require.Equal(t, "empty", tea.StringValue(got[1].TagKey))
	require.Equal(t, "", tea.StringValue(got[1].TagValue))

	resp, err = c.TagResources(tagReq("eni", []string{"eni-none"}, "a", ""))
	requireCode(t, err, "InvalidEniId.NotFound", 404)
	require.Nil(t, resp.Body)
}

// TestOlderSDKTagResourcesOverASocket tags an ENI with the older SDK's
// client, which leaves out an empty tag value, and checks its error for
// an unknown ENI.
func TestOlderSDKTagResourcesOverASocket(t *testing.T) {
	f, url, _, eni := socketFake(t)
	c := legacyClient(t, url)
	req := legacy.CreateTagResourcesRequest()
	req.ResourceType = "eni"
	req.ResourceId = &[]string{eni}
	req.Tag = &[]legacy.TagResourcesTag{{Key: "env", Value: "old"},
		{Key: "empty", Value: ""}}
	resp, err := c.TagResources(req)
	require.NoError(t, err)
	require.Equal(t, 200, resp.GetHttpStatus())
	require.NotEmpty(t, resp.RequestId)
	n, _ := f.NetworkInterface(eni)
	require.Equal(t, []fakeecs.Tag{{Key: "env", Value: "old"},
		{Key: "empty"}}, n.Tags)

	req.ResourceId = &[]string{"eni-none"}
	_, err = c.TagResources(req)
	requireLegacyCode(t, err, "InvalidEniId.NotFound", 404)
}

// TestUntagResourcesOverASocket removes a tag and then every tag of an
// ENI with an unmodified v7 client over a loopback socket.
func TestUntagResourcesOverASocket(t *testing.T) {
	f, _, c, eni := socketFake(t)
	_, err := c.TagResources(tagReq("eni", []string{eni}, "a", "1",
		"b", "2"))
	require.NoError(t, err)
	resp, err := c.UntagResources(untagReq("eni", []string{eni}, "a"))
	require.NoError(t, err)
	require.NotEmpty(t, tea.StringValue(resp.Body.RequestId))
	n, _ := f.NetworkInterface(eni)
	require.Equal(t, []fakeecs.Tag{{Key: "b", Value: "2"}}, n.Tags)

	req := untagReq("eni", []string{eni})
	req.All = tea.Bool(true)
	_, err = c.UntagResources(req)
	require.NoError(t, err)
	n, _ = f.NetworkInterface(eni)
	require.Empty(t, n.Tags)

	_, err = c.UntagResources(untagReq("eni", []string{eni}))
	requireCode(t, err, "MissingParameter", 400)
}

// TestOlderSDKUntagResourcesOverASocket removes every tag of an ENI with
// the older SDK's client, and checks its error for an unknown ENI.
func TestOlderSDKUntagResourcesOverASocket(t *testing.T) {
	f, url, c7, eni := socketFake(t)
	_, err := c7.TagResources(tagReq("eni", []string{eni}, "a", "1"))
	require.NoError(t, err)
	c := legacyClient(t, url)
	req := legacy.CreateUntagResourcesRequest()
	req.ResourceType = "eni"
	req.ResourceId = &[]string{eni}
	req.All = requests.NewBoolean(true)
	resp, err := c.UntagResources(req)
	require.NoError(t, err)
	require.Equal(t, 200, resp.GetHttpStatus())
	n, _ := f.NetworkInterface(eni)
	require.Empty(t, n.Tags)

	req.ResourceId = &[]string{"eni-none"}
	_, err = c.UntagResources(req)
	requireLegacyCode(t, err, "InvalidEniId.NotFound", 404)
}

// TestListTagResourcesOverASocket lists tags with an unmodified v7 client
// over a loopback socket, by ID, by exact tag and by fuzzy filter, and
// pages through 60 rows.
func TestListTagResourcesOverASocket(t *testing.T) {
	_, _, c, eni := socketFake(t)
	_, err := c.TagResources(tagReq("eni", []string{eni}, "env", "prod",
		"team", ""))
	require.NoError(t, err)
	for _, req := range []*listReqT{listReq("eni", eni),
		{Tag: exactTags("env", "prod")},
		{TagFilter: []*ecs.ListTagResourcesRequestTagFilter{
			filter("env", "pr*")}}} {
		req.RegionId, req.ResourceType = tea.String(region),
			tea.String("eni")
		resp, err := c.ListTagResources(req)
		require.NoError(t, err)
		rows := resp.Body.TagResources.TagResource
		require.Len(t, rows, 2)
		require.Equal(t, eni, tea.StringValue(rows[0].ResourceId))
		require.Equal(t, "eni", tea.StringValue(rows[0].ResourceType))
		require.Equal(t, "prod", tea.StringValue(rows[0].TagValue))
		require.Equal(t, "team", tea.StringValue(rows[1].TagKey))
		require.Equal(t, "", tea.StringValue(rows[1].TagValue))
		require.Equal(t, "", tea.StringValue(resp.Body.NextToken))
	}

	_, err = c.ListTagResources(&listReqT{RegionId: tea.String(region),
		ResourceType: tea.String("eni"), Tag: exactTags("", "prod")})
	requireCode(t, err, "InvalidParameter.TagValue", 400)
}

// TestListTagResourcesPagesOverASocket pages through 60 rows with an
// unmodified v7 client over a loopback socket, following NextToken.
func TestListTagResourcesPagesOverASocket(t *testing.T) {
	f, _, c, eni := socketFake(t)
	ids := []string{eni}
	for range 2 {
		ids = append(ids, tea.StringValue(mustCreate(t, f.Client(),
			createReq()).NetworkInterfaceId))
	}
	_, err := c.TagResources(tagReq("eni", ids, keyValues(20)...))
	require.NoError(t, err)
	req := listReq("eni", ids...)
	var got []string
	for page := 0; ; page++ {
		require.Less(t, page, 2)
		resp, err := c.ListTagResources(req)
		require.NoError(t, err)
		for _, r := range resp.Body.TagResources.TagResource {
			got = append(got, tea.StringValue(r.TagKey))
		}
		if tea.StringValue(resp.Body.NextToken) == "" {
			break
		}
		req.NextToken = resp.Body.NextToken
	}
	require.Len(t, got, 60)
	require.Equal(t, "k19", got[59])
}

// TestOlderSDKListTagResourcesOverASocket lists tags with the older SDK's
// client by a fuzzy filter, whose values are a list inside a list, and
// checks its error for a filter with Tag.N.
func TestOlderSDKListTagResourcesOverASocket(t *testing.T) {
	_, url, c7, eni := socketFake(t)
	_, err := c7.TagResources(tagReq("eni", []string{eni}, "env", "prod"))
	require.NoError(t, err)
	c := legacyClient(t, url)
	req := legacy.CreateListTagResourcesRequest()
	req.ResourceType = "eni"
	req.TagFilter = &[]legacy.ListTagResourcesTagFilter{{TagKey: "env",
		TagValues: &[]string{"*ro*", "dev"}}}
	resp, err := c.ListTagResources(req)
	require.NoError(t, err)
	require.Equal(t, []legacy.TagResource{{ResourceId: eni,
		ResourceType: "eni", TagKey: "env", TagValue: "prod"}},
		resp.TagResources.TagResource)
	require.Equal(t, "", resp.NextToken)

	req.Tag = &[]legacy.ListTagResourcesTag{{Key: "env"}}
	_, err = c.ListTagResources(req)
	requireLegacyCode(t, err, "InvalidParameter.Conflict", 400)
}
