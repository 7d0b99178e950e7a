package scenarios_test

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"testing"
	"time"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
	"github.com/ecsfake/ecsfake/scenarios"
)

func newKit(t *testing.T) kit { return newKitOf(t, kitWorld()) }

// newKitOf is a kit on the world w.
func newKitOf(t *testing.T, w fakeecs.World) kit {
	f := fakeecs.New(fakeecs.WithWorld(w))
	return kit{t: t, f: f, api: f.Client()}
}

func code(err error) string {
	var se *tea.SDKError
	if errors.As(err, &se) {
		return tea.StringValue(se.Code)
	}
	if err == nil {
		return "OK"
	}
	return err.Error()
}

// TestExhaustedVSwitch fills the small vSwitch: creates fail with
// InvalidVSwitchId.IpNotEnough and the vSwitch has no address left.
func TestExhaustedVSwitch(t *testing.T) {
	k := newKit(t)
	k.apply(scenarios.ExhaustedVSwitch(region, fakeecs.DefaultVSwitchH,
		fakeecs.DefaultSecurityGroup))
	n, _ := k.f.AvailableIPs(fakeecs.DefaultVSwitchH)
	require.Equal(t, 0, n)
	require.Equal(t, "InvalidVSwitchId.IpNotEnough", code(k.create(nil)))
	require.Equal(t, "OK", code(k.create(func(r *createReq) {
		r.VSwitchId = tea.String(fakeecs.DefaultVSwitchI)
	})))
}

// TestThrottledThenThrough checks that a throttled API recovers.
func TestThrottledThenThrough(t *testing.T) {
	k := newKit(t)
	k.apply(scenarios.ThrottledWith(fakeecs.ActionCreateNetworkInterface, 2,
		"Throttling.User"))
	got := []string{code(k.create(nil)), code(k.create(nil)),
		code(k.create(nil))}
	require.Equal(t, []string{"Throttling.User", "Throttling.User", "OK"},
		got)
	k2 := newKit(t)
	k2.apply(scenarios.Throttled(fakeecs.ActionCreateNetworkInterface, 1))
	require.Equal(t, "Throttling", code(k2.create(nil)))
}

// TestRateLimited checks a per-API quota on the virtual clock.
func TestRateLimited(t *testing.T) {
	k := newKit(t)
	k.apply(scenarios.RateLimited(fakeecs.ActionCreateNetworkInterface, 1, 1))
	require.Equal(t, "OK", code(k.create(nil)))
	require.Equal(t, "Throttling", code(k.create(nil)))
	k.f.Advance(time.Second)
	require.Equal(t, "OK", code(k.create(nil)))
}

// TestAttachRollsBackAndStuckDetaching checks the two transition
// scenarios: an attach that ends Available, a detach that never ends.
func TestAttachRollsBackAndStuckDetaching(t *testing.T) {
	k := newKit(t)
	in := k.instance("ecs.g7.large", fakeecs.DefaultVSwitchH)
	id := k.eni(nil)
	k.apply(scenarios.AttachRollsBack(id))
	require.NoError(t, k.attach(id, in.ID))
	k.f.Settle()
	n, _ := k.f.NetworkInterface(id)
	require.Equal(t, fakeecs.StatusAvailable, n.Status)

	require.NoError(t, k.attach(id, in.ID))
	k.f.Settle()
	k.apply(scenarios.StuckDetaching(id))
	_, err := k.api.DetachNetworkInterface(&ecs.DetachNetworkInterfaceRequest{
		RegionId: tea.String(region), NetworkInterfaceId: tea.String(id),
		InstanceId: tea.String(in.ID)})
	require.NoError(t, err)
	k.f.Advance(time.Hour)
	n, _ = k.f.NetworkInterface(id)
	require.Equal(t, fakeecs.StatusDetaching, n.Status)
}

// TestSlowTransitions checks that a delete takes the slow delay.
func TestSlowTransitions(t *testing.T) {
	k := newKit(t)
	k.apply(scenarios.SlowTransitions(30 * time.Second))
	id := k.eni(nil)
	require.NoError(t, k.delete(id))
	k.f.Advance(29 * time.Second)
	_, ok := k.f.NetworkInterface(id)
	require.True(t, ok)
	k.f.Advance(time.Second)
	_, ok = k.f.NetworkInterface(id)
	require.False(t, ok)
}

// TestSlowTransitionsKeepsInstanceDelays checks that the scenario changes
// the ENI delays alone, not delays of instances set before it.
func TestSlowTransitionsKeepsInstanceDelays(t *testing.T) {
	k := newKit(t)
	ds := k.f.Delays()
	ds.StopInstance = time.Minute
	k.f.SetDelays(ds)
	k.apply(scenarios.SlowTransitions(30 * time.Second))
	want := ds
	want.Attach, want.Detach, want.Delete = 30*time.Second,
		30*time.Second, 30*time.Second
	require.Equal(t, want, k.f.Delays())
}

// TestLostAnswer checks that the work is done though the client sees a
// 500.
func TestLostAnswer(t *testing.T) {
	k := newKit(t)
	k.apply(scenarios.LostAnswer(fakeecs.ActionCreateNetworkInterface, 1))
	require.Equal(t, "InternalError", code(k.create(nil)))
	require.Len(t, k.f.NetworkInterfaces(), 1)
}

// TestAccountRateLimited checks that the account's burst is shared by
// every action and refills on the clock.
func TestAccountRateLimited(t *testing.T) {
	k := newKit(t)
	k.apply(scenarios.AccountRateLimited(1, 2))
	id := k.eni(nil)
	require.NoError(t, k.delete(id))
	require.Equal(t, "Throttling", code(k.create(nil)))
	k.f.Advance(time.Second)
	require.NoError(t, k.create(nil))
}

// TestConnectionDropped checks that the work is done though the client
// meets a transport error, not an API error, and that the next call
// gets an answer.
func TestConnectionDropped(t *testing.T) {
	k := newKit(t)
	k.apply(scenarios.ConnectionDropped(
		fakeecs.ActionCreateNetworkInterface, 1))
	err := k.create(nil)
	var ue *url.Error
	require.True(t, errors.As(err, &ue), "%T %v", err, err)
	require.ErrorIs(t, err, syscall.ECONNRESET)
	require.Len(t, k.f.NetworkInterfaces(), 1)
	require.NoError(t, k.create(nil))
}

// TestConcurrentModification checks Operation.Conflict, then success.
func TestConcurrentModification(t *testing.T) {
	k := newKit(t)
	k.apply(scenarios.ConcurrentModification(
		fakeecs.ActionDeleteNetworkInterface, 1))
	id := k.eni(nil)
	require.Equal(t, "Operation.Conflict", code(k.delete(id)))
	require.Equal(t, "OK", code(k.delete(id)))
}

// TestStaleReads checks that a new ENI is not yet listed.
func TestStaleReads(t *testing.T) {
	k := newKit(t)
	k.apply(scenarios.StaleReads(1))
	k.eni(nil)
	resp, err := k.api.DescribeNetworkInterfaces(
		&ecs.DescribeNetworkInterfacesRequest{RegionId: tea.String(region)})
	require.NoError(t, err)
	require.Empty(t, resp.Body.NetworkInterfaceSets.NetworkInterfaceSet)
	k.eni(nil)
	resp, err = k.api.DescribeNetworkInterfaces(
		&ecs.DescribeNetworkInterfacesRequest{RegionId: tea.String(region)})
	require.NoError(t, err)
	require.Len(t, resp.Body.NetworkInterfaceSets.NetworkInterfaceSet, 1)
}

// TestInstanceStopsMidAttach checks that the instance is Stopping while
// the ENI is still Attaching.
func TestInstanceStopsMidAttach(t *testing.T) {
	k := newKit(t)
	in := k.instance("ecs.g7.large", fakeecs.DefaultVSwitchH)
	k.apply(scenarios.InstanceStopsMidAttach(in.ID))
	id := k.eni(nil)
	require.NoError(t, k.attach(id, in.ID))
	require.Equal(t, fakeecs.InstanceStopping, k.f.Instances()[0].Status)
	n, _ := k.f.NetworkInterface(id)
	require.Equal(t, fakeecs.StatusAttaching, n.Status)
}

// TestInstanceStopsMidAttachLetsOtherRulesAct checks that the scenario
// takes no other rule's place: a service error on the attach still
// fails it, and the next attach, accepted, stops the instance.
func TestInstanceStopsMidAttachLetsOtherRulesAct(t *testing.T) {
	k := newKit(t)
	in := k.instance("ecs.g7.large", fakeecs.DefaultVSwitchH)
	k.apply(scenarios.InstanceStopsMidAttach(in.ID),
		scenarios.ServiceErrors(fakeecs.ActionAttachNetworkInterface, 1))
	id := k.eni(nil)
	require.Equal(t, "InternalError", code(k.attach(id, in.ID)))
	require.Equal(t, fakeecs.InstanceRunning, k.f.Instances()[0].Status)
	require.NoError(t, k.attach(id, in.ID))
	require.Equal(t, fakeecs.InstanceStopping, k.f.Instances()[0].Status)
	j := k.f.Journal()
	require.Equal(t, "service errors", j[len(j)-2].Rule)
	require.Equal(t, "instance stops mid-attach", j[len(j)-1].Rule)
}

// TestInstanceStopsMidAttachWaitsForAnAcceptedAttach checks that a
// refused attach passes the scenario by, that only the first accepted
// attach stops the instance, and that an instance already Stopped, to
// which an attach is allowed (AttachNetworkInterface, InstanceId), stays
// Stopped without a panic.
func TestInstanceStopsMidAttachWaitsForAnAcceptedAttach(t *testing.T) {
	k := newKit(t)
	in := k.instance("ecs.g7.xlarge", fakeecs.DefaultVSwitchH)
	k.apply(scenarios.InstanceStopsMidAttach(in.ID))
	require.Equal(t, "InvalidEniId.NotFound",
		code(k.attach("eni-none", in.ID)))
	require.Equal(t, fakeecs.InstanceRunning, k.f.Instances()[0].Status)
	require.NoError(t, k.attach(k.eni(nil), in.ID))
	k.f.Settle()
	require.Equal(t, fakeecs.InstanceStopped, k.f.Instances()[0].Status)
	require.NoError(t, k.attach(k.eni(nil), in.ID))
	require.Equal(t, fakeecs.InstanceStopped, k.f.Instances()[0].Status)
	k.f.StartInstance(in.ID)
	k.f.Settle()
	require.NoError(t, k.attach(k.eni(nil), in.ID))
	require.Equal(t, fakeecs.InstanceRunning, k.f.Instances()[0].Status,
		"only the first accepted attach stops the instance")
}

// TestVSwitchBusyAndBurntToken checks IncorrectVSwitchStatus for a while
// and IdempotentFailed for calls with a token.
func TestVSwitchBusyAndBurntToken(t *testing.T) {
	k := newKit(t)
	k.apply(scenarios.VSwitchBusy(fakeecs.DefaultVSwitchH, 1),
		scenarios.BurntToken(fakeecs.ActionCreateNetworkInterface))
	require.Equal(t, "IncorrectVSwitchStatus", code(k.create(nil)))
	require.Equal(t, "OK", code(k.create(nil)))
	require.Equal(t, "IdempotentFailed", code(k.create(func(r *createReq) {
		r.ClientToken = tea.String("t-1")
	})))
}

// TestUnavailable checks ServiceUnavailable (503).
func TestUnavailable(t *testing.T) {
	k := newKit(t)
	k.apply(scenarios.Unavailable(fakeecs.ActionCreateNetworkInterface, 1))
	err := k.create(nil)
	var se *tea.SDKError
	require.True(t, errors.As(err, &se))
	require.Equal(t, 503, tea.IntValue(se.StatusCode))
}

// lifecycle is a body a downstream test might run: create an ENI, attach
// it and wait for InUse. With retry, it retries every call on
// InternalError, as ENI controllers do, reusing a ClientToken for the
// create.
func lifecycle(retry bool) func(f *fakeecs.Fake) error {
	return func(f *fakeecs.Fake) error {
		c := f.Client()
		in := f.Instances()[0]
		again := func(call func() error) error {
			err := call()
			for retry && fakeecs.IsCode(err, "InternalError") {
				err = call()
			}
			return err
		}
		var id string
		err := again(func() error {
			resp, err := c.CreateNetworkInterface(req(func(r *createReq) {
				r.ClientToken = tea.String("sweep")
			}))
			if err == nil {
				id = tea.StringValue(resp.Body.NetworkInterfaceId)
			}
			return err
		})
		if err != nil {
			return err
		}
		err = again(func() error {
			_, err := c.AttachNetworkInterface(&ecs.AttachNetworkInterfaceRequest{
				RegionId: tea.String(region), NetworkInterfaceId: &id,
				InstanceId: &in.ID})
			return err
		})
		if err != nil {
			return err
		}
		f.Settle()
		if n, _ := f.NetworkInterface(id); n.Status != fakeecs.StatusInUse {
			return fmt.Errorf("ENI is %s", n.Status)
		}
		return nil
	}
}

func sweepFake() *fakeecs.Fake {
	f := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()))
	f.AddInstance(fakeecs.InstanceSpec{VSwitch: fakeecs.DefaultVSwitchH,
		Type: "ecs.g7.large", SecurityGroups: []string{
			fakeecs.DefaultSecurityGroup}})
	return f
}

// TestSweep sweeps a failure over every call of the lifecycle: the body
// that retries survives them all; the one that does not loses both runs.
func TestSweep(t *testing.T) {
	runs := scenarios.SweepRuns(sweepFake, "InternalError", lifecycle(true))
	require.Len(t, runs, 2)
	for _, r := range runs {
		require.NoError(t, r.Err)
	}
	runs = scenarios.SweepRuns(sweepFake, "InternalError", lifecycle(false))
	require.Equal(t, []fakeecs.Action{fakeecs.ActionCreateNetworkInterface,
		fakeecs.ActionAttachNetworkInterface},
		[]fakeecs.Action{runs[0].Action, runs[1].Action})
	require.True(t, fakeecs.IsCode(runs[0].Err, "InternalError"))
	require.True(t, fakeecs.IsCode(runs[1].Err, "InternalError"))

	var r recorder
	scenarios.Sweep(&r, sweepFake, "InternalError", lifecycle(false))
	require.Len(t, r.failures, 1)
	require.Contains(t, r.failures[0], "did not survive 2 of its calls")
	require.Contains(t, r.failures[0],
		"call 2 (AttachNetworkInterface) failing with InternalError")
}

// recorder is a TB that keeps the failures it is given.
type recorder struct{ failures []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}

// TestQuotaReachedIsPerRegion checks that the quota scenarios refuse
// creates in their region (MaxEniCountExceeded and
// QuotaExceeded.PrivateIpAddress, the reference page's error table),
// empty or not, and leave another region's creates alone.
func TestQuotaReachedIsPerRegion(t *testing.T) {
	p := netip.MustParsePrefix
	w := kitWorld()
	w.Regions = append(w.Regions, fakeecs.Region{ID: "cn-beijing",
		Zones: []string{"cn-beijing-a"}})
	w.VPCs = append(w.VPCs, fakeecs.VPC{ID: "vpc-bj",
		Region: "cn-beijing", CIDR: p("172.16.0.0/16")})
	w.VSwitches = append(w.VSwitches, fakeecs.VSwitch{ID: "vsw-bj",
		VPC: "vpc-bj", Zone: "cn-beijing-a", CIDR: p("172.16.0.0/24")})
	w.SecurityGroups = append(w.SecurityGroups,
		fakeecs.SecurityGroup{ID: "sg-bj", VPC: "vpc-bj"})
	inBeijing := func(r *createReq) {
		r.RegionId = tea.String("cn-beijing")
		r.VSwitchId = tea.String("vsw-bj")
		r.SecurityGroupId = tea.String("sg-bj")
	}
	for _, tt := range []struct {
		s    scenarios.Scenario
		code string
	}{
		{scenarios.RegionENIQuotaReached(region), "MaxEniCountExceeded"},
		{scenarios.PrivateIPQuotaReached(region),
			"QuotaExceeded.PrivateIpAddress"},
	} {
		k := newKitOf(t, w)
		k.apply(tt.s)
		require.Equal(t, tt.code, code(k.create(nil)))
		require.Empty(t, k.f.NetworkInterfaces())
		require.NoError(t, k.create(inBeijing))
		require.NoError(t, k.create(inBeijing))
		require.Equal(t, tt.code, code(k.create(nil)))
	}
}

// TestExhaustedVSwitchAfterARefusalPanics checks that ExhaustedVSwitch,
// which fills through the client, says how to order it when an earlier
// scenario refuses its creates.
func TestExhaustedVSwitchAfterARefusalPanics(t *testing.T) {
	k := newKit(t)
	k.apply(scenarios.Throttled(fakeecs.ActionCreateNetworkInterface, 1))
	defer func() {
		msg, _ := recover().(string)
		require.True(t, strings.HasPrefix(msg, "scenarios: "+
			"ExhaustedVSwitch cannot fill the vSwitch (apply it before "+
			"scenarios that refuse creates): Throttling"), msg)
	}()
	k.apply(scenarios.ExhaustedVSwitch(region, fakeecs.DefaultVSwitchH,
		fakeecs.DefaultSecurityGroup))
}
