package fakeecs_test

import (
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// twoRegions is the default world with a second region, known to the
// fake, and a third that it does not know.
func twoRegions() fakeecs.World {
	w := fakeecs.DefaultWorld()
	w.Regions = append(w.Regions,
		fakeecs.Region{ID: "ap-southeast-1", Zones: []string{
			"ap-southeast-1-c", "ap-southeast-1-a"}},
		fakeecs.Region{ID: "xx-test-1", Zones: []string{"xx-test-1z"}})
	return w
}

// TestDescribeRegions checks that DescribeRegions, which takes no
// RegionId, lists the world's regions by ID with their names, endpoints
// and status (DescribeRegions, Regions.Region).
func TestDescribeRegions(t *testing.T) {
	_, c := newFake(t, fakeecs.WithWorld(twoRegions()))
	resp, err := c.DescribeRegions(&ecs.DescribeRegionsRequest{
		AcceptLanguage: tea.String("en-US")})
	require.NoError(t, err)
	type regionT = ecs.DescribeRegionsResponseBodyRegionsRegion
	want := func(id, name string) *regionT {
		return &regionT{RegionId: tea.String(id),
			LocalName:      tea.String(name),
			RegionEndpoint: tea.String("ecs." + id + ".aliyuncs.com"),
			Status:         tea.String("available")}
	}
	require.Equal(t, []*regionT{
		want("ap-southeast-1", "Singapore"),
		want("cn-hangzhou", "China (Hangzhou)"),
		want("xx-test-1", "xx-test-1"),
	}, resp.Body.Regions.Region)
}

// TestDescribeRegionsRefusals checks the values DescribeRegions takes for
// AcceptLanguage, InstanceChargeType and ResourceType.
func TestDescribeRegionsRefusals(t *testing.T) {
	_, c := newFake(t)
	ok := []*ecs.DescribeRegionsRequest{
		{AcceptLanguage: tea.String("zh-CN")},
		{InstanceChargeType: tea.String("SpotAsPriceGo")},
		{ResourceType: tea.String("disk")},
	}
	for _, req := range ok {
		_, err := c.DescribeRegions(req)
		require.NoError(t, err, req.String())
	}
	bad := []*ecs.DescribeRegionsRequest{
		{AcceptLanguage: tea.String("klingon")},
		{InstanceChargeType: tea.String("Free")},
		{ResourceType: tea.String("eni")},
	}
	for _, req := range bad {
		_, err := c.DescribeRegions(req)
		requireCode(t, err, "InvalidParameter", 400)
	}
}

// zoneIDs returns the IDs of a DescribeZones answer's zones.
func zoneIDs(b *ecs.DescribeZonesResponseBody) []string {
	var out []string
	for _, z := range b.Zones.Zone {
		out = append(out, tea.StringValue(z.ZoneId))
	}
	return out
}

// TestDescribeZones checks that DescribeZones lists a region's zones by
// ID, named after the region's city, each offering instances, vSwitches
// and every type of the catalogue, and that Verbose false leaves the
// lists out (DescribeZones, Verbose: "Default value: true").
func TestDescribeZones(t *testing.T) {
	_, c := newFake(t, fakeecs.WithWorld(twoRegions()))
	resp, err := c.DescribeZones(&ecs.DescribeZonesRequest{
		RegionId: tea.String("ap-southeast-1")})
	require.NoError(t, err)
	require.Equal(t, []string{"ap-southeast-1-a", "ap-southeast-1-c"},
		zoneIDs(resp.Body))
	z := resp.Body.Zones.Zone[0]
	require.Equal(t, "Singapore Zone A", tea.StringValue(z.LocalName))
	require.Equal(t, "AvailabilityZone", tea.StringValue(z.ZoneType))
	require.Equal(t, []string{"Instance", "VSwitch"}, tea.StringSliceValue(
		z.AvailableResourceCreation.ResourceTypes))
	types := tea.StringSliceValue(z.AvailableInstanceTypes.InstanceTypes)
	require.Len(t, types, 16)
	require.Equal(t, "ecs.c7.2xlarge", types[0])
	require.Equal(t, "ecs.xn4.small", types[15])
	require.Nil(t, z.AvailableDiskCategories)

	resp, err = c.DescribeZones(&ecs.DescribeZonesRequest{
		RegionId: tea.String(region), Verbose: tea.Bool(false)})
	require.NoError(t, err)
	require.Equal(t, []string{fakeecs.DefaultZoneH, fakeecs.DefaultZoneI},
		zoneIDs(resp.Body))
	z = resp.Body.Zones.Zone[0]
	require.Equal(t, "Hangzhou Zone H", tea.StringValue(z.LocalName))
	require.Nil(t, z.AvailableResourceCreation)
	require.Nil(t, z.AvailableInstanceTypes)

	resp, err = c.DescribeZones(&ecs.DescribeZonesRequest{
		RegionId: tea.String("xx-test-1")})
	require.NoError(t, err)
	require.Equal(t, "xx-test-1z",
		tea.StringValue(resp.Body.Zones.Zone[0].LocalName))
}

// TestDescribeZonesRefusals checks DescribeZones' required RegionId and
// the values it takes for its options.
func TestDescribeZonesRefusals(t *testing.T) {
	rows := []struct {
		name string
		req  *ecs.DescribeZonesRequest
		code string
	}{
		{"no region", &ecs.DescribeZonesRequest{}, "MissingParameter"},
		{"unknown region", &ecs.DescribeZonesRequest{
			RegionId: tea.String("cn-nowhere")}, "Forbidden.RegionId"},
		{"language", &ecs.DescribeZonesRequest{RegionId: tea.String(region),
			AcceptLanguage: tea.String("xx")}, "InvalidParameter"},
		{"charge type", &ecs.DescribeZonesRequest{
			RegionId:           tea.String(region),
			InstanceChargeType: tea.String("Free")}, "InvalidParameter"},
		{"spot strategy", &ecs.DescribeZonesRequest{
			RegionId:     tea.String(region),
			SpotStrategy: tea.String("Always")}, "InvalidParameter"},
	}
	_, c := newFake(t)
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			_, err := c.DescribeZones(row.req)
			requireCode(t, err, row.code, 400)
		})
	}
	_, err := c.DescribeZones(&ecs.DescribeZonesRequest{
		RegionId: tea.String(region), InstanceChargeType: tea.String("Prepaid"),
		SpotStrategy: tea.String("NoSpot")})
	require.NoError(t, err)
}
