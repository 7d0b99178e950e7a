package fakeecs_test

import (
	"net/http/httptest"
	"net/netip"
	"testing"
	"time"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// TestWireTakesPOSTAndGETOnly checks that other methods run no action:
// a HEAD or an OPTIONS must not create ENIs.
func TestWireTakesPOSTAndGETOnly(t *testing.T) {
	f := wireFake()
	for _, m := range []string{"HEAD", "OPTIONS", "PUT", "DELETE"} {
		rec := httptest.NewRecorder()
		f.Handler().ServeHTTP(rec, httptest.NewRequest(m, "/?"+createQuery+
			"&Action=CreateNetworkInterface&Version=2014-05-26", nil))
		require.Equal(t, 400, rec.Code, m)
	}
	require.Empty(t, f.NetworkInterfaces())
	require.Equal(t, "UnsupportedHTTPMethod", f.Journal()[0].Code)
}

// TestPanickingMatcherLeavesTheFakeUsable checks that a test's matcher
// that panics does not leave the fake locked.
func TestPanickingMatcherLeavesTheFakeUsable(t *testing.T) {
	f, c := newFake(t)
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
		Match: fakeecs.MatchRequest(
			func(r *ecs.CreateNetworkInterfaceRequest) bool {
				return *r.Description == "busy" // nil when not given
			}),
		Effect: fakeecs.Fail("InternalError")})
	require.Panics(t, func() { _, _ = c.CreateNetworkInterface(createReq()) })
	f.ClearRules()
	mustCreate(t, c, createReq())
	require.Equal(t, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), f.Now())
}

// TestMalformedRulesPanic checks that rules that could never act, or act
// in a way the SDKs cannot read, are refused when they are made.
func TestMalformedRulesPanic(t *testing.T) {
	f, _ := newFake(t)
	add := func(fire fakeecs.Firing) func() {
		return func() {
			f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
				Fire: fire, Effect: fakeecs.Fail("InternalError")})
		}
	}
	for name, add := range map[string]func(){
		"no effect": func() {
			f.AddRule(fakeecs.Rule{
				Action: fakeecs.ActionCreateNetworkInterface})
		},
		"0th call":   add(fakeecs.OnNth(0)),
		"first -1":   add(fakeecs.FirstN(-1)),
		"every 0th":  add(fakeecs.EveryKth(0)),
		"empty seq":  add(fakeecs.Sequence()),
		"status 200": func() { fakeecs.FailWith("Boom", 200, "x") },
		"no code":    func() { fakeecs.FailWith("", 500, "x") },
		"back in time": func() {
			fakeecs.Delay(-time.Second)
		},
		"pointer request": func() {
			fakeecs.MatchRequest(
				func(**ecs.CreateNetworkInterfaceRequest) bool { return true })
		},
	} {
		require.Panics(t, add, name)
	}
}

// TestPendingInstanceStarts checks that an instance added Pending stays
// so, refuses attaches, and starts like a stopped one.
func TestPendingInstanceStarts(t *testing.T) {
	f, c := newFake(t)
	in := f.AddInstance(fakeecs.InstanceSpec{VSwitch: fakeecs.DefaultVSwitchH,
		Type: "ecs.g7.large", Status: fakeecs.InstancePending,
		SecurityGroups: []string{fakeecs.DefaultSecurityGroup}})
	require.Equal(t, fakeecs.InstancePending, in.Status)
	_, err := c.AttachNetworkInterface(attachReq(newENI(t, c), in.ID))
	requireCode(t, err, "InvalidOperation.InvalidEcsState", 400)
	f.StartInstance(in.ID)
	f.Settle()
	require.Equal(t, fakeecs.InstanceRunning, f.Instances()[0].Status)
}

// TestReleaseTakesThePrimaryENI checks that a primary ENI goes with its
// instance whatever its DeleteOnRelease says.
func TestReleaseTakesThePrimaryENI(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f)
	_, err := c.ModifyNetworkInterfaceAttribute(&ecs.ModifyNetworkInterfaceAttributeRequest{
		RegionId: tea.String(region), NetworkInterfaceId: &in.PrimaryENI,
		DeleteOnRelease: tea.Bool(false)})
	require.NoError(t, err)
	f.ReleaseInstance(in.ID)
	_, ok := f.NetworkInterface(in.PrimaryENI)
	require.False(t, ok)
	n, _ := f.AvailableIPs(fakeecs.DefaultVSwitchH)
	require.Equal(t, 252, n)
}

// TestJournalLimit keeps the last calls only, numbered as they came.
func TestJournalLimit(t *testing.T) {
	f, c := newFake(t, fakeecs.WithJournalLimit(2))
	for range 5 {
		newENI(t, c)
	}
	calls := f.Journal()
	require.Len(t, calls, 2)
	require.Equal(t, []int{4, 5}, []int{calls[0].Seq, calls[1].Seq})
}

// TestStateGivesDevicesOnlyOnInstances checks that State gives a device
// index to the ENIs on an instance alone, and as a copy: a detached ENI
// has none, rather than the primary ENI's index 0.
func TestStateGivesDevicesOnlyOnInstances(t *testing.T) {
	f, c := newFake(t)
	in := f.AddInstance(instanceSpec())
	id := tea.StringValue(mustCreate(t, c, createReq()).NetworkInterfaceId)
	s := f.State()
	require.Equal(t, in.PrimaryENI, s.ENIs[0].ID)
	require.Equal(t, 0, *s.ENIs[0].Device)
	require.Equal(t, id, s.ENIs[1].ID)
	require.Nil(t, s.ENIs[1].Device)
}

// TestNilRequestIsEmpty checks the documented choice for a nil request
// to the typed client: it is an empty request, so a create misses its
// RegionId and DescribeRegions, which needs nothing, answers.
func TestNilRequestIsEmpty(t *testing.T) {
	_, c := newFake(t)
	_, err := c.CreateNetworkInterface(nil)
	requireCode(t, err, "MissingParameter", 400)
	resp, err := c.DescribeRegions(nil)
	require.NoError(t, err)
	require.Equal(t, "cn-hangzhou",
		tea.StringValue(resp.Body.Regions.Region[0].RegionId))
}

// TestFailedAddInstanceDrawsNoIDs checks that an instance refused for its
// primary address, after its IDs were drawn, leaves the random source as
// it found it: the next instance gets the IDs it would have had.
func TestFailedAddInstanceDrawsNoIDs(t *testing.T) {
	f, _ := newFake(t)
	twin, _ := newFake(t)
	bad := instanceSpec()
	bad.PrimaryIP = netip.MustParseAddr("10.9.9.9")
	require.Panics(t, func() { f.AddInstance(bad) })
	got, want := f.AddInstance(instanceSpec()), twin.AddInstance(
		instanceSpec())
	require.Equal(t, want.ID, got.ID)
	require.Equal(t, want.PrimaryENI, got.PrimaryENI)
	require.Equal(t, twin.NetworkInterfaces(), f.NetworkInterfaces())
}

// TestFarClock checks a clock near the end of year 9999: Settle still
// ends a transition, and an admin answer holding a time that JSON cannot
// write is a 500 with a message, not an empty 200.
func TestFarClock(t *testing.T) {
	f, c := newFake(t, fakeecs.WithStartTime(
		time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)))
	in := f.AddInstance(instanceSpec())
	id := newENI(t, c)
	_, err := c.AttachNetworkInterface(attachReq(id, in.ID))
	require.NoError(t, err)
	require.Equal(t, 3*time.Second, f.Settle())
	require.Equal(t, fakeecs.StatusInUse, statusOf(t, f, id))

	rec := httptest.NewRecorder()
	f.AdminHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/clock",
		nil))
	require.Equal(t, 500, rec.Code)
	require.Contains(t, rec.Body.String(),
		`{"error":"the answer cannot be encoded: json: error calling `+
			`MarshalJSON for type time.Time`)
}

// TestUnservedCallsMeetNoRule checks that a create sent with the VPC
// API's version, which the fake refuses with InvalidVersion, is refused
// before the rules: a rule on creates neither acts on it nor counts it.
func TestUnservedCallsMeetNoRule(t *testing.T) {
	f := wireFake()
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
		Fire: fakeecs.OnNth(1), Effect: fakeecs.Fail("InternalError")})
	status, _, out := rawCall(t, f, "POST", createQuery+
		"&Action=CreateNetworkInterface&Version=2016-04-28", nil, "")
	require.Equal(t, 400, status)
	require.Equal(t, "InvalidVersion", out["Code"])
	require.True(t, f.Journal()[0].Refused)
	_, err := f.Client().CreateNetworkInterface(createReq())
	requireCode(t, err, "InternalError", 500)
	require.False(t, f.Journal()[1].Refused)
}
