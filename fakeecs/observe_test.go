package fakeecs_test

import (
	"fmt"
	"testing"
	"time"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// TestSnapshotRestore takes a snapshot, changes the fake in every way,
// restores the snapshot, and checks the state, the pools and the random
// source are back: the next create gets the same ID and address as it
// would have.
func TestSnapshotRestore(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f)
	id := newENI(t, c)
	_, err := c.AttachNetworkInterface(attachReq(id, in.ID))
	require.NoError(t, err)
	snap := f.Snapshot()
	before := f.State()

	next := mustCreate(t, c, createReq())
	f.Settle()
	f.ReleaseInstance(in.ID)
	mustCreate(t, c, createReq())
	require.NotEmpty(t, cmp.Diff(before, f.State()))

	f.Restore(snap)
	require.Empty(t, cmp.Diff(before, f.State()))
	again := mustCreate(t, c, createReq())
	require.Equal(t, tea.StringValue(next.NetworkInterfaceId),
		tea.StringValue(again.NetworkInterfaceId))
	require.Equal(t, tea.StringValue(next.PrivateIpAddress),
		tea.StringValue(again.PrivateIpAddress))
	f.Settle()
	require.Equal(t, "InUse", status(t, c, id))
}

// TestStateDiffsReadably checks that cmp.Diff of two States names what
// changed.
func TestStateDiffsReadably(t *testing.T) {
	f, c := newFake(t)
	a := f.State()
	id := newENI(t, c)
	d := cmp.Diff(a, f.State())
	require.Contains(t, d, id)
	require.Contains(t, d, `"192.168.0.1"`)
	require.Contains(t, d, fakeecs.DefaultVSwitchH)
}

// TestReadLag makes DescribeNetworkInterfaces trail the writes by two
// changing calls, and DescribeNetworkInterfaceAttribute by five seconds:
// an ENI is created but not yet visible, then visible.
func TestReadLag(t *testing.T) {
	f, c := newFake(t)
	f.SetReadLag(fakeecs.ActionDescribeNetworkInterfaces,
		fakeecs.Lag{Calls: 2})
	f.SetReadLag(fakeecs.ActionDescribeNetworkInterfaceAttribute,
		fakeecs.Lag{For: 5 * time.Second})
	first := newENI(t, c)
	require.Empty(t, describeAll(t, c))
	newENI(t, c)
	require.Empty(t, describeAll(t, c))
	newENI(t, c)
	require.Len(t, describeAll(t, c), 1)

	_, err := c.DescribeNetworkInterfaceAttribute(
		&attrReqT{RegionId: tea.String(region),
			NetworkInterfaceId: tea.String(first)})
	requireCode(t, err, "InvalidEniId.NotFound", 404)
	f.Advance(5 * time.Second)
	require.Equal(t, "Available", status(t, c, first))

	f.SetReadLag(fakeecs.ActionDescribeNetworkInterfaces, fakeecs.Lag{})
	require.Len(t, describeAll(t, c), 3)
	require.Panics(t, func() {
		f.SetReadLag(fakeecs.ActionCreateNetworkInterface,
			fakeecs.Lag{Calls: 1})
	})
}

// TestReadLagSeesControlChanges checks that a lagged read catches up
// with changes made through the control methods once the lag has passed:
// an added instance appears, a stopping one is seen Stopping, and a
// released one's primary ENI goes away.
func TestReadLagSeesControlChanges(t *testing.T) {
	f, c := newFake(t)
	f.SetReadLag(fakeecs.ActionDescribeNetworkInterfaces,
		fakeecs.Lag{For: time.Second})
	f.SetReadLag(fakeecs.ActionDescribeInstances,
		fakeecs.Lag{For: time.Second})
	in := addInstance(f)
	require.Empty(t, describeAll(t, c))
	f.Advance(time.Second)
	require.Len(t, describeAll(t, c), 1)

	f.StopInstance(in.ID)
	f.Advance(time.Second)
	require.Equal(t, "Stopping", instanceStatus(t, c))
	f.Settle()
	f.Advance(time.Second)
	require.Equal(t, "Stopped", instanceStatus(t, c))

	f.ReleaseInstance(in.ID)
	require.Len(t, describeAll(t, c), 1)
	f.Advance(time.Second)
	require.Empty(t, describeAll(t, c))
}

// instanceStatus is the status DescribeInstances gives the only
// instance.
func instanceStatus(t *testing.T, c *fakeecs.Client) string {
	t.Helper()
	resp, err := c.DescribeInstances(&ecs.DescribeInstancesRequest{
		RegionId: tea.String(region)})
	require.NoError(t, err)
	return tea.StringValue(resp.Body.Instances.Instance[0].Status)
}

// TestReadLagSetAgainStartsFresh checks that a lag removed and set again
// trails the writes made since, not a history kept from before, also
// while another action's lag keeps that history.
func TestReadLagSetAgainStartsFresh(t *testing.T) {
	f, c := newFake(t)
	f.SetReadLag(fakeecs.ActionDescribeInstances, fakeecs.Lag{Calls: 9})
	lag := func(n int) {
		f.SetReadLag(fakeecs.ActionDescribeNetworkInterfaces,
			fakeecs.Lag{Calls: n})
	}
	lag(1)
	newENI(t, c)
	lag(0)
	newENI(t, c)
	newENI(t, c)
	newENI(t, c)
	lag(1)
	require.Len(t, describeAll(t, c), 4)
	newENI(t, c)
	require.Len(t, describeAll(t, c), 4)
}

// recorder is a TB that keeps the failures it is given.
type recorder struct{ failures []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}

// TestJournalHelpers checks Calls, CallsWhere and ExpectCalls.
func TestJournalHelpers(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f)
	id := newENI(t, c)
	_, err := c.AttachNetworkInterface(attachReq(id, in.ID))
	require.NoError(t, err)
	_, err = c.DeleteNetworkInterface(deleteReq(tea.String(id)))
	requireCode(t, err, "InvalidOperation.InvalidEniState", 400)

	require.Len(t, f.Calls(), 3)
	require.Len(t, f.Calls(fakeecs.ActionAttachNetworkInterface), 1)
	failed := f.CallsWhere(func(c fakeecs.Call) bool { return c.Code != "" })
	require.Equal(t, fakeecs.ActionDeleteNetworkInterface, failed[0].Action)
	require.Equal(t, id, failed[0].Params["NetworkInterfaceId"])

	var r recorder
	fakeecs.ExpectCalls(&r, f, fakeecs.ActionCreateNetworkInterface,
		fakeecs.ActionDeleteNetworkInterface)
	require.Empty(t, r.failures)
	fakeecs.ExpectCalls(&r, f, fakeecs.ActionDeleteNetworkInterface,
		fakeecs.ActionCreateNetworkInterface)
	require.Equal(t, []string{"fakeecs: the journal has no " +
		"CreateNetworkInterface after the calls [DeleteNetworkInterface]"},
		r.failures)
}

// TestReset puts a fake back as it was made.
func TestReset(t *testing.T) {
	f, c := newFake(t, fakeecs.WithQuotas(fakeecs.Quotas{ENIsPerRegion: 5}))
	start := f.State()
	addInstance(f)
	newENI(t, c)
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
		Effect: fakeecs.Fail("InternalError")})
	f.SetQuotas(fakeecs.Quotas{ENIsPerRegion: 1})
	f.Advance(time.Hour)
	f.Reset()
	require.Empty(t, cmp.Diff(start, f.State()))
	require.Empty(t, f.Journal())
	require.Equal(t, 5, f.Quotas().ENIsPerRegion)
	newENI(t, c)
}

// TestResetRestartsFaultsAndDelays checks that after Reset a seeded
// probability rule decides as on a new fake, and that delays set since
// are back to those the fake was made with.
func TestResetRestartsFaultsAndDelays(t *testing.T) {
	coin := fakeecs.Rule{Action: fakeecs.ActionDescribeRegions,
		Fire: fakeecs.WithProbability(0.5), Effect: fakeecs.Fail("InternalError")}
	outcomes := func(f *fakeecs.Fake) []string {
		f.AddRule(coin)
		c := f.Client()
		return codes(t, 16, func() error {
			_, err := c.DescribeRegions(&ecs.DescribeRegionsRequest{})
			return err
		})
	}
	f, _ := newFake(t)
	fresh, _ := newFake(t)
	first := outcomes(f)
	require.Contains(t, first, "OK")
	require.Contains(t, first, "InternalError")
	f.SetDelays(fakeecs.Delays{Attach: time.Minute})
	f.Reset()
	require.Equal(t, first, outcomes(f))
	require.Equal(t, first, outcomes(fresh))

	c := f.Client()
	in := addInstance(f)
	_, err := c.AttachNetworkInterface(&ecs.AttachNetworkInterfaceRequest{
		RegionId: tea.String(region), InstanceId: tea.String(in.ID),
		NetworkInterfaceId: tea.String(newENI(t, c))})
	require.NoError(t, err)
	require.Equal(t, fakeecs.DefaultDelays().Attach, f.Settle())
}
