package fakeecs_test

import (
	"maps"
	"slices"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// vswitchIDs returns the IDs of the ECS API's DescribeVSwitches answer.
func vswitchIDs(b *ecs.DescribeVSwitchesResponseBody) []string {
	var out []string
	for _, s := range b.VSwitches.VSwitch {
		out = append(out, tea.StringValue(s.VSwitchId))
	}
	return out
}

// TestECSDescribeVSwitchesFilters checks the filters and paging of the
// ECS API's DescribeVSwitches (RegionId, VpcId, VSwitchId, ZoneId,
// IsDefault, PageNumber, PageSize), with vSwitches ordered by ID.
func TestECSDescribeVSwitchesFilters(t *testing.T) {
	h, i := fakeecs.DefaultVSwitchH, fakeecs.DefaultVSwitchI
	small := fakeecs.DefaultVSwitchSmall
	type reqT = ecs.DescribeVSwitchesRequest
	rows := []struct {
		name string
		edit func(r *reqT)
		want []string
	}{
		{"none", func(r *reqT) {}, []string{small, h, i}},
		{"zone", func(r *reqT) {
			r.ZoneId = tea.String(fakeecs.DefaultZoneH)
		}, []string{small, h}},
		{"vpc", func(r *reqT) { r.VpcId = tea.String(fakeecs.DefaultVPC) },
			[]string{small, h, i}},
		{"other vpc", func(r *reqT) { r.VpcId = tea.String("vpc-x") }, nil},
		{"id", func(r *reqT) { r.VSwitchId = tea.String(i) }, []string{i}},
		{"default", func(r *reqT) { r.IsDefault = tea.Bool(true) }, nil},
		{"not default", func(r *reqT) { r.IsDefault = tea.Bool(false) },
			[]string{small, h, i}},
		{"second page", func(r *reqT) {
			r.PageNumber, r.PageSize = tea.Int32(2), tea.Int32(2)
		}, []string{i}},
	}
	_, c := newFake(t)
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			req := &reqT{RegionId: tea.String(region)}
			row.edit(req)
			resp, err := c.DescribeVSwitches(req)
			require.NoError(t, err)
			require.Equal(t, row.want, vswitchIDs(resp.Body))
		})
	}
}

// TestECSDescribeVSwitchesAnswer checks every field of a vSwitch in the
// ECS API's answer, whose free address count follows the ENIs made.
func TestECSDescribeVSwitchesAnswer(t *testing.T) {
	_, c := newFake(t)
	mustCreate(t, c, createReq())
	resp, err := c.DescribeVSwitches(&ecs.DescribeVSwitchesRequest{
		RegionId: tea.String(region), VSwitchId: tea.String(
			fakeecs.DefaultVSwitchH)})
	require.NoError(t, err)
	b := resp.Body
	require.Equal(t, int32(1), tea.Int32Value(b.TotalCount))
	require.Equal(t, int32(1), tea.Int32Value(b.PageNumber))
	require.Equal(t, int32(10), tea.Int32Value(b.PageSize))
	want := &ecs.DescribeVSwitchesResponseBodyVSwitchesVSwitch{
		AvailableIpAddressCount: tea.Int64(251),
		CidrBlock:               tea.String("192.168.0.0/24"),
		CreationTime:            tea.String("2026-01-01T00:00:00Z"),
		Description:             tea.String(""),
		IsDefault:               tea.Bool(false),
		ResourceGroupId:         tea.String(fakeecs.DefaultResourceGroup),
		Status:                  tea.String("Available"),
		VSwitchId:               tea.String(fakeecs.DefaultVSwitchH),
		VSwitchName:             tea.String("vsw-h-dualstack"),
		VpcId:                   tea.String(fakeecs.DefaultVPC),
		ZoneId:                  tea.String(fakeecs.DefaultZoneH),
	}
	require.Equal(t, want, b.VSwitches.VSwitch[0])
}

// TestECSDescribeVpcsAnswer checks the ECS API's DescribeVpcs: its
// filters, paging and every field of a VPC.
func TestECSDescribeVpcsAnswer(t *testing.T) {
	_, c := newFake(t)
	resp, err := c.DescribeVpcs(&ecs.DescribeVpcsRequest{
		RegionId: tea.String(region), VpcId: tea.String(fakeecs.DefaultVPC)})
	require.NoError(t, err)
	require.Equal(t, int32(1), tea.Int32Value(resp.Body.TotalCount))
	want := &ecs.DescribeVpcsResponseBodyVpcsVpc{
		CidrBlock:    tea.String("192.168.0.0/16"),
		CreationTime: tea.String("2026-01-01T00:00:00Z"),
		Description:  tea.String(""),
		IsDefault:    tea.Bool(false),
		RegionId:     tea.String(region),
		Status:       tea.String("Available"),
		UserCidrs: &ecs.DescribeVpcsResponseBodyVpcsVpcUserCidrs{
			UserCidr: []*string{}},
		VSwitchIds: &ecs.DescribeVpcsResponseBodyVpcsVpcVSwitchIds{
			VSwitchId: tea.StringSlice([]string{fakeecs.DefaultVSwitchSmall,
				fakeecs.DefaultVSwitchH, fakeecs.DefaultVSwitchI})},
		VpcId:   tea.String(fakeecs.DefaultVPC),
		VpcName: tea.String("default-vpc"),
	}
	require.Equal(t, want, resp.Body.Vpcs.Vpc[0])

	resp, err = c.DescribeVpcs(&ecs.DescribeVpcsRequest{
		RegionId: tea.String(region), IsDefault: tea.Bool(true)})
	require.NoError(t, err)
	require.Empty(t, resp.Body.Vpcs.Vpc)
	require.Equal(t, int32(0), tea.Int32Value(resp.Body.TotalCount))
}

// TestECSVSwitchesAndVpcsRefusals checks the errors of the ECS API's
// DescribeVSwitches and DescribeVpcs, which are the VPC API's.
func TestECSVSwitchesAndVpcsRefusals(t *testing.T) {
	_, c := newFake(t)
	_, err := c.DescribeVSwitches(&ecs.DescribeVSwitchesRequest{})
	requireCode(t, err, "MissingParameter", 400)
	_, err = c.DescribeVSwitches(&ecs.DescribeVSwitchesRequest{
		RegionId: tea.String("cn-nowhere")})
	requireCode(t, err, "Forbidden.RegionId", 400)
	_, err = c.DescribeVSwitches(&ecs.DescribeVSwitchesRequest{
		RegionId: tea.String(region), PageSize: tea.Int32(51)})
	requireCode(t, err, "InvalidParameter", 400)
	_, err = c.DescribeVpcs(&ecs.DescribeVpcsRequest{
		RegionId: tea.String(region), PageNumber: tea.Int32(0)})
	requireCode(t, err, "InvalidParameter", 400)
	_, err = c.DescribeVpcs(&ecs.DescribeVpcsRequest{})
	requireCode(t, err, "MissingParameter", 400)
}

// TestECSVSwitchesAndVpcsShape checks that the ECS API's answers carry
// exactly the keys of the ECS SDK's models, not the VPC API's extra ones
// (DescribeVSwitchesResponseBodyVSwitchesVSwitch,
// DescribeVpcsResponseBodyVpcsVpc).
func TestECSVSwitchesAndVpcsShape(t *testing.T) {
	f := wireFake()
	q := "Version=2014-05-26&RegionId=cn-hangzhou&Action="
	_, _, out := rawCall(t, f, "POST", q+"DescribeVSwitches", nil, "")
	s := out["VSwitches"].(map[string]any)["VSwitch"].([]any)[0]
	require.Equal(t, []string{"AvailableIpAddressCount", "CidrBlock",
		"CreationTime", "Description", "IsDefault", "ResourceGroupId",
		"Status", "VSwitchId", "VSwitchName", "VpcId", "ZoneId"},
		slices.Sorted(maps.Keys(s.(map[string]any))))
	_, _, out = rawCall(t, f, "POST", q+"DescribeVpcs", nil, "")
	v := out["Vpcs"].(map[string]any)["Vpc"].([]any)[0]
	require.Equal(t, []string{"CidrBlock", "CreationTime", "Description",
		"IsDefault", "RegionId", "Status", "UserCidrs", "VSwitchIds",
		"VpcId", "VpcName"}, slices.Sorted(maps.Keys(v.(map[string]any))))
}
