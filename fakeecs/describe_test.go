package fakeecs_test

import (
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

type describeReqT = ecs.DescribeNetworkInterfacesRequest

// ids returns the IDs of a Describe answer's ENIs.
func ids(b *ecs.DescribeNetworkInterfacesResponseBody) []string {
	var out []string
	for _, n := range b.NetworkInterfaceSets.NetworkInterfaceSet {
		out = append(out, tea.StringValue(n.NetworkInterfaceId))
	}
	return out
}

// TestDescribeFilters checks each filter of DescribeNetworkInterfaces
// (NetworkInterfaceId.N, VSwitchId, VpcId, Status, Type, PrimaryIpAddress,
// PrivateIpAddress.N, Ipv6Address.N, NetworkInterfaceName,
// ResourceGroupId, SecurityGroupId, Tag.N) against three ENIs.
func TestDescribeFilters(t *testing.T) {
	_, c := newFake(t)
	a := createReq()
	a.NetworkInterfaceName = tea.String("alpha")
	a.Tag = append(tag("team", "net"), tag("env", "prod")...)
	a.Ipv6AddressCount = tea.Int32(1)
	ea := tea.StringValue(mustCreate(t, c, a).NetworkInterfaceId)
	b := createReq()
	b.VSwitchId = tea.String(fakeecs.DefaultVSwitchI)
	b.SecurityGroupId = tea.String(fakeecs.DefaultEnterpriseSG)
	b.SecondaryPrivateIpAddressCount = tea.Int32(1)
	b.Tag = tag("team", "db")
	eb := tea.StringValue(mustCreate(t, c, b).NetworkInterfaceId)
	tr := createReq()
	tr.InstanceType = tea.String("Trunk")
	et := tea.StringValue(mustCreate(t, c, tr).NetworkInterfaceId)

	rows := []struct {
		name string
		edit func(r *describeReqT)
		want []string
	}{
		{"none", func(r *describeReqT) {}, []string{ea, eb, et}},
		{"ids", func(r *describeReqT) {
			r.NetworkInterfaceId = tea.StringSlice([]string{et, ea, "eni-x"})
		}, []string{ea, et}},
		{"vswitch", func(r *describeReqT) {
			r.VSwitchId = tea.String(fakeecs.DefaultVSwitchI)
		}, []string{eb}},
		{"vpc", func(r *describeReqT) {
			r.VpcId = tea.String(fakeecs.DefaultVPC)
		}, []string{ea, eb, et}},
		{"other vpc", func(r *describeReqT) {
			r.VpcId = tea.String("vpc-x")
		}, nil},
		{"status", func(r *describeReqT) {
			r.Status = tea.String("Available")
		}, []string{ea, eb, et}},
		{"status in use", func(r *describeReqT) {
			r.Status = tea.String("InUse")
		}, nil},
		{"type", func(r *describeReqT) { r.Type = tea.String("Trunk") },
			[]string{et}},
		{"primary address", func(r *describeReqT) {
			r.PrimaryIpAddress = tea.String("192.168.1.1")
		}, []string{eb}},
		{"secondary address", func(r *describeReqT) {
			r.PrivateIpAddress = tea.StringSlice([]string{"192.168.1.2"})
		}, []string{eb}},
		{"primary is not secondary", func(r *describeReqT) {
			r.PrivateIpAddress = tea.StringSlice([]string{"192.168.1.1"})
		}, nil},
		{"ipv6", func(r *describeReqT) {
			r.Ipv6Address = tea.StringSlice([]string{"2408:4005:3d0:a00::1"})
		}, []string{ea}},
		{"name", func(r *describeReqT) {
			r.NetworkInterfaceName = tea.String("alpha")
		}, []string{ea}},
		{"resource group", func(r *describeReqT) {
			r.ResourceGroupId = tea.String(fakeecs.DefaultResourceGroup)
		}, []string{ea, eb, et}},
		{"security group", func(r *describeReqT) {
			r.SecurityGroupId = tea.String(fakeecs.DefaultEnterpriseSG)
		}, []string{eb}},
		{"one tag", func(r *describeReqT) {
			r.Tag = []*ecs.DescribeNetworkInterfacesRequestTag{{
				Key: tea.String("team"), Value: tea.String("net")}}
		}, []string{ea}},
		{"every tag must match", func(r *describeReqT) {
			r.Tag = []*ecs.DescribeNetworkInterfacesRequestTag{
				{Key: tea.String("team"), Value: tea.String("net")},
				{Key: tea.String("env"), Value: tea.String("dev")}}
		}, nil},
		{"tag key only", func(r *describeReqT) {
			r.Tag = []*ecs.DescribeNetworkInterfacesRequestTag{{
				Key: tea.String("team")}}
		}, []string{ea, eb}},
		{"not service managed", func(r *describeReqT) {
			r.ServiceManaged = tea.Bool(false)
		}, []string{ea, eb, et}},
		{"service managed", func(r *describeReqT) {
			r.ServiceManaged = tea.Bool(true)
		}, nil},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			req := &describeReqT{RegionId: tea.String(region)}
			row.edit(req)
			resp, err := c.DescribeNetworkInterfaces(req)
			require.NoError(t, err)
			require.Equal(t, row.want, ids(resp.Body))
		})
	}
}

// TestDescribeUnknownIDsGiveAnEmptyList checks that IDs the fake does not
// hold match nothing, without an error.
func TestDescribeUnknownIDsGiveAnEmptyList(t *testing.T) {
	_, c := newFake(t)
	resp, err := c.DescribeNetworkInterfaces(&describeReqT{
		RegionId:           tea.String(region),
		NetworkInterfaceId: tea.StringSlice([]string{"eni-bp1nosuch"}),
	})
	require.NoError(t, err)
	require.Empty(t, resp.Body.NetworkInterfaceSets.NetworkInterfaceSet)
	require.Equal(t, "", tea.StringValue(resp.Body.NextToken))
}

// TestDescribeTokenPaging walks 25 ENIs with NextToken and MaxResults:
// MaxResults below 10 counts as 10, and the last page's NextToken is empty
// (DescribeNetworkInterfaces, MaxResults and NextToken).
func TestDescribeTokenPaging(t *testing.T) {
	_, c := newFake(t)
	var all []string
	for range 25 {
		all = append(all,
			tea.StringValue(mustCreate(t, c, createReq()).NetworkInterfaceId))
	}
	var got []string
	var sizes []int
	token := ""
	for {
		req := &describeReqT{RegionId: tea.String(region),
			MaxResults: tea.Int32(3)}
		if token != "" {
			req.NextToken = tea.String(token)
		}
		resp, err := c.DescribeNetworkInterfaces(req)
		require.NoError(t, err)
		page := ids(resp.Body)
		got = append(got, page...)
		sizes = append(sizes, len(page))
		require.Nil(t, resp.Body.TotalCount)
		token = tea.StringValue(resp.Body.NextToken)
		if token == "" {
			break
		}
	}
	require.Equal(t, all, got)
	require.Equal(t, []int{10, 10, 5}, sizes)
}

// TestDescribeTokenSurvivesDeletes checks that a NextToken stays good when
// the ENI it points after is deleted between pages.
func TestDescribeTokenSurvivesDeletes(t *testing.T) {
	_, c := newFake(t)
	var all []string
	for range 12 {
		all = append(all,
			tea.StringValue(mustCreate(t, c, createReq()).NetworkInterfaceId))
	}
	resp, err := c.DescribeNetworkInterfaces(&describeReqT{
		RegionId: tea.String(region), MaxResults: tea.Int32(10)})
	require.NoError(t, err)
	_, err = c.DeleteNetworkInterface(&ecs.DeleteNetworkInterfaceRequest{
		RegionId: tea.String(region), NetworkInterfaceId: tea.String(all[9])})
	require.NoError(t, err)
	resp, err = c.DescribeNetworkInterfaces(&describeReqT{
		RegionId: tea.String(region), MaxResults: tea.Int32(10),
		NextToken: resp.Body.NextToken})
	require.NoError(t, err)
	require.Equal(t, all[10:], ids(resp.Body))
}

// TestDescribeMaxResultsAbove500 checks that MaxResults above 500 counts as
// 500.
func TestDescribeMaxResultsAbove500(t *testing.T) {
	w := fakeecs.DefaultWorld()
	w.VSwitches[1].CIDR = netipPrefix("192.168.4.0/22")
	_, c := newFake(t, fakeecs.WithWorld(w))
	req := createReq()
	req.VSwitchId = tea.String(fakeecs.DefaultVSwitchI)
	for range 501 {
		mustCreate(t, c, req)
	}
	resp, err := c.DescribeNetworkInterfaces(&describeReqT{
		RegionId: tea.String(region), MaxResults: tea.Int32(1000)})
	require.NoError(t, err)
	require.Len(t, ids(resp.Body), 500)
	require.NotEmpty(t, tea.StringValue(resp.Body.NextToken))
}

// TestDescribePageNumbers walks 25 ENIs with the deprecated PageNumber and
// PageSize, which echo back with TotalCount (PageSize 1 to 1000, default
// 10; PageNumber from 1, default 1).
func TestDescribePageNumbers(t *testing.T) {
	_, c := newFake(t)
	var all []string
	for range 25 {
		all = append(all,
			tea.StringValue(mustCreate(t, c, createReq()).NetworkInterfaceId))
	}
	resp, err := c.DescribeNetworkInterfaces(&describeReqT{
		RegionId: tea.String(region), PageNumber: tea.Int32(3),
		PageSize: tea.Int32(10)})
	require.NoError(t, err)
	require.Equal(t, all[20:], ids(resp.Body))
	require.Equal(t, int32(25), tea.Int32Value(resp.Body.TotalCount))
	require.Equal(t, int32(3), tea.Int32Value(resp.Body.PageNumber))
	require.Equal(t, int32(10), tea.Int32Value(resp.Body.PageSize))

	resp, err = c.DescribeNetworkInterfaces(&describeReqT{
		RegionId: tea.String(region), PageNumber: tea.Int32(2)})
	require.NoError(t, err)
	require.Equal(t, all[10:20], ids(resp.Body))
	require.Equal(t, int32(10), tea.Int32Value(resp.Body.PageSize))

	resp, err = c.DescribeNetworkInterfaces(&describeReqT{
		RegionId: tea.String(region), PageNumber: tea.Int32(9)})
	require.NoError(t, err)
	require.Empty(t, ids(resp.Body))
	require.Equal(t, int32(25), tea.Int32Value(resp.Body.TotalCount))
}

// TestDescribeRefusals checks the errors of DescribeNetworkInterfaces'
// bounds and values.
func TestDescribeRefusals(t *testing.T) {
	many := make([]string, 101)
	for i := range many {
		many[i] = "eni-x"
	}
	rows := []struct {
		name   string
		edit   func(r *describeReqT)
		code   string
		status int
	}{
		{"no region", func(r *describeReqT) { r.RegionId = nil },
			"MissingParameter", 400},
		{"101 ids", func(r *describeReqT) {
			r.NetworkInterfaceId = tea.StringSlice(many)
		}, "InvalidParameter", 400},
		{"page size 0", func(r *describeReqT) { r.PageSize = tea.Int32(0) },
			"InvalidParameter", 400},
		{"page size 1001", func(r *describeReqT) {
			r.PageSize = tea.Int32(1001)
		}, "InvalidParameter", 400},
		{"page number 0", func(r *describeReqT) {
			r.PageNumber = tea.Int32(0)
		}, "InvalidParameter", 400},
		{"unknown status", func(r *describeReqT) {
			r.Status = tea.String("Broken")
		}, "InvalidParameter", 400},
		{"unknown type", func(r *describeReqT) {
			r.Type = tea.String("Tertiary")
		}, "InvalidParameter", 400},
		{"bad token", func(r *describeReqT) {
			r.NextToken = tea.String("not-a-token")
		}, "InvalidParameter", 400},
	}
	_, c := newFake(t)
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			req := &describeReqT{RegionId: tea.String(region)}
			row.edit(req)
			_, err := c.DescribeNetworkInterfaces(req)
			requireCode(t, err, row.code, row.status)
		})
	}
}

// TestDescribeAttributeUnknownENI checks that
// DescribeNetworkInterfaceAttribute answers an unknown ID with
// InvalidEniId.NotFound (404), and a missing one with MissingParameter.
func TestDescribeAttributeUnknownENI(t *testing.T) {
	_, c := newFake(t)
	_, err := c.DescribeNetworkInterfaceAttribute(
		&ecs.DescribeNetworkInterfaceAttributeRequest{
			RegionId:           tea.String(region),
			NetworkInterfaceId: tea.String("eni-bp1nosuch000000000"),
		})
	requireCode(t, err, "InvalidEniId.NotFound", 404)
	_, err = c.DescribeNetworkInterfaceAttribute(
		&ecs.DescribeNetworkInterfaceAttributeRequest{
			RegionId: tea.String(region)})
	requireCode(t, err, "MissingParameter", 400)
	_, err = c.DescribeNetworkInterfaceAttribute(
		&ecs.DescribeNetworkInterfaceAttributeRequest{
			RegionId:           tea.String(region),
			NetworkInterfaceId: tea.String("eni-x"),
			Attribute:          tea.String("everything")})
	requireCode(t, err, "InvalidParameter", 400)
}
