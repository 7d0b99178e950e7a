package fakeecs_test

import (
	"context"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	legacy "github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// TestCreateHighPerformance creates an RDMA ENI with queue pairs and reads
// the mode back (NetworkInterfaceTrafficMode: Standard or
// HighPerformance; QueuePairNumber).
func TestCreateHighPerformance(t *testing.T) {
	f, c := newFake(t)
	req := createReq()
	req.NetworkInterfaceTrafficConfig =
		&ecs.CreateNetworkInterfaceRequestNetworkInterfaceTrafficConfig{
			NetworkInterfaceTrafficMode: tea.String("HighPerformance"),
			QueuePairNumber:             tea.Int32(8),
		}
	id := mustCreate(t, c, req).NetworkInterfaceId
	n, _ := f.NetworkInterface(tea.StringValue(id))
	require.Equal(t, fakeecs.TrafficHighPerformance, n.TrafficMode)
	require.Equal(t, 8, n.QueuePairNumber)
	a, err := c.DescribeNetworkInterfaceAttribute(
		&ecs.DescribeNetworkInterfaceAttributeRequest{
			RegionId: tea.String(region), NetworkInterfaceId: id,
			Attribute: tea.String("basic")})
	require.NoError(t, err)
	require.Equal(t, "HighPerformance",
		tea.StringValue(a.Body.NetworkInterfaceTrafficMode))
	require.Equal(t, "HighPerformance", tea.StringValue(
		a.Body.NetworkInterfaceTrafficConfig.NetworkInterfaceTrafficMode))
	require.Equal(t, int32(8), tea.Int32Value(a.Body.QueuePairNumber))
}

// TestCreateRefusesOddText checks text rules beyond the obvious: http://
// in any case, control characters, and digits other than 0 to 9 in names.
func TestCreateRefusesOddText(t *testing.T) {
	rows := []struct {
		name string
		edit func(r *createReqT)
		code string
	}{
		{"HTTPS description", func(r *createReqT) {
			r.Description = tea.String("HTTPS://x")
		}, "InvalidParameter"},
		{"control character", func(r *createReqT) {
			r.Description = tea.String("a\x00b")
		}, "InvalidParameter"},
		{"HTTP in a tag", func(r *createReqT) {
			r.Tag = tag("k", "Http://x")
		}, "InvalidTagValue.Malformed"},
		{"other digits", func(r *createReqT) {
			r.NetworkInterfaceName = tea.String("a١٢")
		}, "InvalidParams.NetworkInterfaceName"},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			_, c := newFake(t)
			req := createReq()
			row.edit(req)
			_, err := c.CreateNetworkInterface(req)
			require.True(t, fakeecs.IsCode(err, row.code), "%v", err)
		})
	}
}

// TestWorldRefusesSharedIPv6Blocks checks that two vSwitches cannot share
// an IPv6 /64, which would hand one address to two ENIs.
func TestWorldRefusesSharedIPv6Blocks(t *testing.T) {
	w := fakeecs.DefaultWorld()
	w.VSwitches[1].IPv6CIDR = w.VSwitches[0].IPv6CIDR
	require.ErrorContains(t, w.Validate(), `IPv6 CIDR `+
		`2408:4005:3d0:a00::/64 overlaps 2408:4005:3d0:a00::/64`)
}

// TestDescribeFarPage checks that a page number far beyond the end gives
// an empty page on any platform.
func TestDescribeFarPage(t *testing.T) {
	_, c := newFake(t)
	mustCreate(t, c, createReq())
	resp, err := c.DescribeNetworkInterfaces(&describeReqT{
		RegionId: tea.String(region), PageNumber: tea.Int32(2147483647),
		PageSize: tea.Int32(1000)})
	require.NoError(t, err)
	require.Empty(t, ids(resp.Body))
	require.Equal(t, int32(1), tea.Int32Value(resp.Body.TotalCount))
}

// TestNilContext checks that a nil context is an error, not a panic.
func TestNilContext(t *testing.T) {
	_, c := newFake(t)
	var ctx context.Context
	resp, err := c.DescribeNetworkInterfacesWithContext(ctx,
		&describeReqT{RegionId: tea.String(region)}, nil)
	require.EqualError(t, err, "fakeecs: nil Context")
	require.NotNil(t, resp)
}

// TestDescribeResourceGroupKeepsTheDefault checks the reference's rule
// for the ResourceGroupId filter: ENIs of the default resource group are
// listed whatever the filter says.
func TestDescribeResourceGroupKeepsTheDefault(t *testing.T) {
	w := fakeecs.DefaultWorld()
	w.ResourceGroups = append(w.ResourceGroups,
		fakeecs.ResourceGroup{ID: "rg-other"}, fakeecs.ResourceGroup{ID: "rg-x"})
	_, c := newFake(t, fakeecs.WithWorld(w))
	a := mustCreate(t, c, createReq()).NetworkInterfaceId
	req := createReq()
	req.ResourceGroupId = tea.String("rg-other")
	b := mustCreate(t, c, req).NetworkInterfaceId
	for rg, want := range map[string][]string{
		"rg-other": {*a, *b}, "rg-x": {*a},
		fakeecs.DefaultResourceGroup: {*a},
	} {
		resp, err := c.DescribeNetworkInterfaces(&describeReqT{
			RegionId: tea.String(region), ResourceGroupId: tea.String(rg)})
		require.NoError(t, err)
		require.Equal(t, want, ids(resp.Body), rg)
	}
}

// TestNextTokenBelongsToItsQuery checks that a NextToken is good only for
// the query that made it.
func TestNextTokenBelongsToItsQuery(t *testing.T) {
	_, c := newFake(t)
	for range 12 {
		mustCreate(t, c, createReq())
	}
	resp, err := c.DescribeNetworkInterfaces(&describeReqT{
		RegionId: tea.String(region), VpcId: tea.String(fakeecs.DefaultVPC)})
	require.NoError(t, err)
	token := resp.Body.NextToken
	require.NotEmpty(t, tea.StringValue(token))
	_, err = c.DescribeNetworkInterfaces(&describeReqT{
		RegionId: tea.String(region), NextToken: token})
	requireCode(t, err, "InvalidParameter", 400)
	for _, forged := range []string{"AAAAAz", "AAAAA0", "AAAAAzz.1"} {
		_, err = c.DescribeNetworkInterfaces(&describeReqT{
			RegionId: tea.String(region), NextToken: tea.String(forged)})
		requireCode(t, err, "InvalidParameter", 400)
	}
	resp, err = c.DescribeNetworkInterfaces(&describeReqT{
		RegionId: tea.String(region), VpcId: tea.String(fakeecs.DefaultVPC),
		NextToken: token})
	require.NoError(t, err)
	require.Len(t, ids(resp.Body), 2)
}

// TestIsCodeReadsEveryErrorValue checks IsCode against the errors of the
// typed client, the v7 SDK, and the older SDK.
func TestIsCodeReadsEveryErrorValue(t *testing.T) {
	f, c := newFake(t)
	_, err := c.DeleteNetworkInterface(deleteReq(tea.String("eni-x")))
	require.True(t, fakeecs.IsCode(err, "InvalidEniId.NotFound"))
	require.False(t, fakeecs.IsCode(err, "InvalidParameter"))
	_, err = f.SDKClient().DeleteNetworkInterface(deleteReq(tea.String("eni-x")))
	require.True(t, fakeecs.IsCode(err, "InvalidEniId.NotFound"))
	lreq := legacy.CreateDeleteNetworkInterfaceRequest()
	lreq.NetworkInterfaceId = "eni-x"
	_, err = f.LegacyClient(region).DeleteNetworkInterface(lreq)
	require.True(t, fakeecs.IsCode(err, "InvalidEniId.NotFound"))
	require.False(t, fakeecs.IsCode(nil, "InvalidEniId.NotFound"))
}
