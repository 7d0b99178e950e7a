package fakeecs_test

import (
	"math"
	"testing"
	"time"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// TestENIQuota checks MaxEniCountExceeded once the region holds its quota
// of ENIs ("A limit is imposed on the number of ENIs that can be created
// per Alibaba Cloud region per account"); primary ENIs do not count, and
// the quota changes mid-test.
func TestENIQuota(t *testing.T) {
	f, c := newFake(t, fakeecs.WithQuotas(fakeecs.Quotas{ENIsPerRegion: 2}))
	addInstance(f)
	mustCreate(t, c, createReq())
	mustCreate(t, c, createReq())
	before := takeSnapshot(f)
	_, err := c.CreateNetworkInterface(createReq())
	requireCode(t, err, "MaxEniCountExceeded", 403)
	require.Empty(t, diffSnapshots(before, takeSnapshot(f)))
	f.SetQuotas(fakeecs.Quotas{ENIsPerRegion: 3})
	mustCreate(t, c, createReq())
	require.Equal(t, 3, f.Quotas().ENIsPerRegion)
	require.Equal(t, 5, f.Quotas().SecurityGroupsPerENI)
}

// TestPrivateIPQuota checks QuotaExceeded.PrivateIpAddress on create and
// on assign once the account's ENIs hold their quota of addresses.
func TestPrivateIPQuota(t *testing.T) {
	f, c := newFake(t, fakeecs.WithQuotas(fakeecs.Quotas{PrivateIPs: 4}))
	req := createReq()
	req.SecondaryPrivateIpAddressCount = tea.Int32(2)
	id := tea.StringValue(mustCreate(t, c, req).NetworkInterfaceId)
	_, err := c.CreateNetworkInterface(req)
	requireCode(t, err, "QuotaExceeded.PrivateIpAddress", 400)
	a := assignReq(id)
	a.SecondaryPrivateIpAddressCount = tea.Int32(2)
	before := takeSnapshot(f)
	_, err = c.AssignPrivateIpAddresses(a)
	requireCode(t, err, "QuotaExceeded.PrivateIpAddress", 400)
	require.Empty(t, diffSnapshots(before, takeSnapshot(f)))
	a.SecondaryPrivateIpAddressCount = tea.Int32(1)
	_, err = c.AssignPrivateIpAddresses(a)
	require.NoError(t, err)
}

// TestTagQuota checks QuotaExceed.Tags past a lowered tags-per-resource
// quota.
func TestTagQuota(t *testing.T) {
	f, c := newFake(t, fakeecs.WithQuotas(fakeecs.Quotas{TagsPerResource: 1}))
	id := newENI(t, c)
	tagReq := func(k string) *ecs.TagResourcesRequest {
		return &ecs.TagResourcesRequest{RegionId: tea.String(region),
			ResourceType: tea.String("eni"),
			ResourceId:   tea.StringSlice([]string{id}),
			Tag: []*ecs.TagResourcesRequestTag{{Key: tea.String(k),
				Value: tea.String("v")}}}
	}
	_, err := c.TagResources(tagReq("a"))
	require.NoError(t, err)
	_, err = c.TagResources(tagReq("b"))
	requireCode(t, err, "QuotaExceed.Tags", 403)
	_, err = c.TagResources(tagReq("a"))
	require.NoError(t, err)
	require.Equal(t, 1, f.Quotas().TagsPerResource)
}

// TestRateLimit throttles DescribeNetworkInterfaces to a burst of 2 and 1
// call a second on the virtual clock, with the code the SDK reads as
// throttling.
func TestRateLimit(t *testing.T) {
	f, c := newFake(t)
	f.SetRateLimit(fakeecs.ActionDescribeNetworkInterfaces,
		fakeecs.RateLimit{PerSecond: 1, Burst: 2, Code: "Throttling.Api"})
	call := func() error {
		_, err := c.DescribeNetworkInterfaces(&describeReqT{
			RegionId: tea.String(region)})
		return err
	}
	require.Equal(t, []string{"OK", "OK", "Throttling.Api"},
		codes(t, 3, call))
	f.Advance(time.Second)
	require.Equal(t, []string{"OK", "Throttling.Api"}, codes(t, 2, call))
	f.Advance(10 * time.Second)
	require.Equal(t, []string{"OK", "OK", "Throttling.Api"},
		codes(t, 3, call))
	requireCode(t, call(), "Throttling.Api", 400)
	f.SetRateLimit(fakeecs.ActionDescribeNetworkInterfaces,
		fakeecs.RateLimit{})
	require.NoError(t, call())
	bad := []struct {
		l    fakeecs.RateLimit
		want string
	}{
		{fakeecs.RateLimit{Burst: 1, Code: "InternalError"},
			`code "InternalError" is not Throttling, Throttling.User or ` +
				`Throttling.Api`},
		{fakeecs.RateLimit{PerSecond: 1}, "a burst of 0 lets no call through"},
		{fakeecs.RateLimit{PerSecond: math.NaN(), Burst: 1},
			"perSecond NaN is not a finite rate of 0 or more"},
		{fakeecs.RateLimit{PerSecond: math.Inf(1), Burst: 1},
			"perSecond +Inf is not a finite rate of 0 or more"},
		{fakeecs.RateLimit{Burst: -1}, "burst -1 is negative"},
		{fakeecs.RateLimit{Code: "Throttling.Api"}, "a limit with no " +
			"rate and no burst removes the limit and takes no code or " +
			"status"},
	}
	for _, b := range bad {
		require.PanicsWithValue(t, "fakeecs: bad rate limit: "+b.want,
			func() {
				f.SetRateLimit(fakeecs.ActionDescribeNetworkInterfaces, b.l)
			})
	}
	require.NoError(t, call(), "a refused limit changes nothing")
}

// TestClientTokenReplays checks idempotence: the same token with the same
// parameters returns the original ENI and makes no second one; with other
// parameters IdempotentParameterMismatch; a failed call leaves its token
// free; a token expires after its lifetime on the virtual clock.
func TestClientTokenReplays(t *testing.T) {
	f, c := newFake(t, fakeecs.WithTokenLifetime(time.Minute))
	req := createReq()
	req.ClientToken = tea.String("token-1")
	first := mustCreate(t, c, req)
	again := mustCreate(t, c, req)
	require.Equal(t, tea.StringValue(first.NetworkInterfaceId),
		tea.StringValue(again.NetworkInterfaceId))
	require.NotEqual(t, tea.StringValue(first.RequestId),
		tea.StringValue(again.RequestId))
	require.Len(t, f.NetworkInterfaces(), 1)

	other := createReq()
	other.ClientToken = tea.String("token-1")
	other.Description = tea.String("different")
	_, err := c.CreateNetworkInterface(other)
	requireCode(t, err, "IdempotentParameterMismatch", 400)

	bad := createReq()
	bad.ClientToken = tea.String("token-2")
	bad.VSwitchId = tea.String("vsw-none")
	_, err = c.CreateNetworkInterface(bad)
	requireCode(t, err, "InvalidVSwitchId.NotFound", 404)
	bad.VSwitchId = tea.String(fakeecs.DefaultVSwitchH)
	mustCreate(t, c, bad)
	require.Len(t, f.NetworkInterfaces(), 2)

	f.Advance(time.Minute)
	mustCreate(t, c, req)
	require.Len(t, f.NetworkInterfaces(), 3)
}

// TestClientTokenAfterALostAnswer is the case idempotence exists for: the
// create commits, the client sees a 500, and its retry with the same
// token gets the ENI that was made, not a second one.
func TestClientTokenAfterALostAnswer(t *testing.T) {
	f, c := newFake(t)
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
		Fire: fakeecs.OnNth(1), Effect: fakeecs.Fail("InternalError"),
		AfterCommit: true})
	req := createReq()
	req.ClientToken = tea.String("retry-me")
	_, err := c.CreateNetworkInterface(req)
	requireCode(t, err, "InternalError", 500)
	made := f.NetworkInterfaces()
	require.Len(t, made, 1)
	got := mustCreate(t, c, req)
	require.Equal(t, made[0].ID, tea.StringValue(got.NetworkInterfaceId))
	require.Len(t, f.NetworkInterfaces(), 1)

	// Over the wire, the signature fields change between attempts.
	_, err = f.SDKClient().CreateNetworkInterface(req)
	require.NoError(t, err)
	require.Len(t, f.NetworkInterfaces(), 1)
}

// TestAccountRateLimit checks the account's rate limit over every
// action together, with a status of choice (the SDKs read any 4xx or
// 5xx with a throttling code as throttling): two calls of different
// actions take the burst, the third is refused and changes nothing, and
// a second on the clock lets one more through. A call that its action's
// limit refuses still takes the account's token.
func TestAccountRateLimit(t *testing.T) {
	f, c := newFake(t)
	f.SetAccountRateLimit(fakeecs.RateLimit{PerSecond: 1, Burst: 2,
		Code: "Throttling.User", Status: 429})
	regions := func() error {
		_, err := c.DescribeRegions(&ecs.DescribeRegionsRequest{})
		return err
	}
	create := func() error {
		_, err := c.CreateNetworkInterface(createReq())
		return err
	}
	require.NoError(t, regions())
	require.NoError(t, create())
	requireCode(t, create(), "Throttling.User", 429)
	require.Len(t, f.NetworkInterfaces(), 1)
	f.Advance(time.Second)
	require.NoError(t, regions())
	requireCode(t, regions(), "Throttling.User", 429)

	f.Advance(2 * time.Second)
	f.SetRateLimit(fakeecs.ActionDescribeRegions,
		fakeecs.RateLimit{Burst: 1, Code: "Throttling.Api"})
	require.NoError(t, regions())
	requireCode(t, regions(), "Throttling.Api", 400)
	requireCode(t, create(), "Throttling.User", 429)

	f.SetAccountRateLimit(fakeecs.RateLimit{})
	require.NoError(t, create())
	require.PanicsWithValue(t, "fakeecs: bad rate limit: status 302 is "+
		"not from 400 to 599", func() {
		f.SetAccountRateLimit(fakeecs.RateLimit{Burst: 1, Status: 302})
	})
}
