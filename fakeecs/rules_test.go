package fakeecs_test

import (
	"context"
	"errors"
	"testing"
	"time"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// codes returns the error code of each call, "OK" for a success.
func codes(t *testing.T, n int, call func() error) []string {
	t.Helper()
	var out []string
	for range n {
		err := call()
		var se *tea.SDKError
		switch {
		case err == nil:
			out = append(out, "OK")
		case errors.As(err, &se):
			out = append(out, tea.StringValue(se.Code))
		default:
			out = append(out, err.Error())
		}
	}
	return out
}

func createCall(c *fakeecs.Client) func() error {
	return func() error {
		_, err := c.CreateNetworkInterface(createReq())
		return err
	}
}

// TestRuleFiringConditions checks each firing condition on a series of
// creates.
func TestRuleFiringConditions(t *testing.T) {
	rows := []struct {
		name string
		fire fakeecs.Firing
		want []string
	}{
		{"always", fakeecs.Always(), []string{"InternalError",
			"InternalError", "InternalError", "InternalError"}},
		{"the 2nd", fakeecs.OnNth(2), []string{"OK", "InternalError",
			"OK", "OK"}},
		{"the first 3", fakeecs.FirstN(3), []string{"InternalError",
			"InternalError", "InternalError", "OK"}},
		{"every 2nd", fakeecs.EveryKth(2), []string{"OK", "InternalError",
			"OK", "InternalError"}},
		{"scripted", fakeecs.Sequence(true, false, true), []string{
			"InternalError", "OK", "InternalError", "OK"}},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			f, c := newFake(t)
			f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
				Fire: row.fire, Effect: fakeecs.Fail("InternalError")})
			require.Equal(t, row.want, codes(t, 4, createCall(c)))
			require.Len(t, f.NetworkInterfaces(), countOK(row.want))
		})
	}
}

func countOK(codes []string) int {
	n := 0
	for _, c := range codes {
		if c == "OK" {
			n++
		}
	}
	return n
}

// TestRuleUntilAndProbability checks the clock-bound and the seeded
// random firing: the same seed gives the same series.
func TestRuleUntilAndProbability(t *testing.T) {
	f, c := newFake(t)
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
		Fire:   fakeecs.Until(f.Now().Add(time.Minute)),
		Effect: fakeecs.Fail("InternalError")})
	require.Equal(t, []string{"InternalError"}, codes(t, 1, createCall(c)))
	f.Advance(time.Minute)
	require.Equal(t, []string{"OK"}, codes(t, 1, createCall(c)))

	series := func() []string {
		f, c := newFake(t, fakeecs.WithSeed(3))
		f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
			Fire:   fakeecs.WithProbability(0.5),
			Effect: fakeecs.Fail("InternalError")})
		return codes(t, 12, createCall(c))
	}
	a := series()
	require.Equal(t, a, series())
	require.Contains(t, a, "OK")
	require.Contains(t, a, "InternalError")
}

// TestRuleBeforeCommitChangesNothing checks that an error before the call
// leaves the fake as it was, and that the journal names the rule.
func TestRuleBeforeCommitChangesNothing(t *testing.T) {
	f, c := newFake(t)
	f.AddRule(fakeecs.Rule{Name: "no creates",
		Action: fakeecs.ActionCreateNetworkInterface,
		Effect: fakeecs.Fail("InvalidVSwitchId.IpNotEnough")})
	before := takeSnapshot(f)
	resp, err := c.CreateNetworkInterface(createReq())
	requireCode(t, err, "InvalidVSwitchId.IpNotEnough", 403)
	require.Nil(t, resp.Body)
	require.Empty(t, diffSnapshots(before, takeSnapshot(f)))
	calls := f.Journal()
	require.Equal(t, "no creates", calls[0].Rule)
	require.Equal(t, "InvalidVSwitchId.IpNotEnough", calls[0].Code)
}

// TestRuleAfterCommitKeepsTheWork checks the ambiguous outcome: the ENI
// is made, and the client sees a 500.
func TestRuleAfterCommitKeepsTheWork(t *testing.T) {
	f, c := newFake(t)
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
		Fire: fakeecs.OnNth(1), Effect: fakeecs.Fail("InternalError"),
		AfterCommit: true})
	_, err := c.CreateNetworkInterface(createReq())
	requireCode(t, err, "InternalError", 500)
	require.Len(t, f.NetworkInterfaces(), 1)
	require.Len(t, describeAll(t, c), 1)
}

// TestRuleMatchesTheTypedRequest narrows a rule to creates on one vSwitch,
// through the typed client and over the wire.
func TestRuleMatchesTheTypedRequest(t *testing.T) {
	f, c := newFake(t)
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
		Match: fakeecs.MatchRequest(
			func(r *ecs.CreateNetworkInterfaceRequest) bool {
				return tea.StringValue(r.VSwitchId) ==
					fakeecs.DefaultVSwitchI &&
					tea.Int32Value(r.SecondaryPrivateIpAddressCount) == 2
			}),
		Effect: fakeecs.Fail("InvalidVSwitchId.IpNotEnough")})
	req := createReq()
	req.VSwitchId = tea.String(fakeecs.DefaultVSwitchI)
	req.SecondaryPrivateIpAddressCount = tea.Int32(2)
	for _, api := range []interface {
		CreateNetworkInterface(*ecs.CreateNetworkInterfaceRequest) (
			*ecs.CreateNetworkInterfaceResponse, error)
	}{c, f.SDKClient()} {
		_, err := api.CreateNetworkInterface(req)
		requireCode(t, err, "InvalidVSwitchId.IpNotEnough", 403)
		_, err = api.CreateNetworkInterface(createReq())
		require.NoError(t, err)
	}
}

// TestRuleMatchesTheFlatParams narrows a rule by flat RPC parameters,
// compared as text and required present, through the typed client and
// over the wire.
func TestRuleMatchesTheFlatParams(t *testing.T) {
	rows := []struct {
		name  string
		match map[string]string
		fails bool
	}{
		{"no parameters", nil, true},
		{"one parameter", map[string]string{
			"VSwitchId": fakeecs.DefaultVSwitchI}, true},
		{"two parameters", map[string]string{
			"VSwitchId":                      fakeecs.DefaultVSwitchI,
			"SecondaryPrivateIpAddressCount": "2"}, true},
		{"another value", map[string]string{
			"VSwitchId": fakeecs.DefaultVSwitchH}, false},
		{"the same number written otherwise", map[string]string{
			"SecondaryPrivateIpAddressCount": "02"}, false},
		{"an absent parameter", map[string]string{"Description": ""},
			false},
	}
	req := createReq()
	req.VSwitchId = tea.String(fakeecs.DefaultVSwitchI)
	req.SecondaryPrivateIpAddressCount = tea.Int32(2)
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			f, c := newFake(t)
			f.AddRule(fakeecs.Rule{
				Action: fakeecs.ActionCreateNetworkInterface,
				Match:  fakeecs.MatchParams(row.match),
				Effect: fakeecs.Fail("InternalError")})
			for _, call := range []func() error{
				func() error {
					_, err := c.CreateNetworkInterface(req)
					return err
				},
				func() error {
					_, err := f.SDKClient().CreateNetworkInterface(req)
					return err
				},
			} {
				if err := call(); row.fails {
					requireCode(t, err, "InternalError", 500)
				} else {
					require.NoError(t, err)
				}
			}
		})
	}
}

// TestRuleThrottlesAndRecovers scripts "throttled twice, then OK" and
// checks the codes the SDK reads as throttling, with their status.
func TestRuleThrottlesAndRecovers(t *testing.T) {
	f, c := newFake(t)
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionDescribeNetworkInterfaces,
		Fire:   fakeecs.Sequence(true, true),
		Effect: fakeecs.Throttle("Throttling.User")})
	call := func() error {
		_, err := c.DescribeNetworkInterfaces(&describeReqT{
			RegionId: tea.String(region)})
		return err
	}
	err := call()
	requireCode(t, err, "Throttling.User", 400)
	require.Equal(t, []string{"Throttling.User", "OK"}, codes(t, 2, call))
	require.Panics(t, func() { fakeecs.Throttle("InternalError") })
}

// TestRuleCustomCode answers with a code the catalogue does not hold.
func TestRuleCustomCode(t *testing.T) {
	f, c := newFake(t)
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionDeleteNetworkInterface,
		Effect: fakeecs.FailWith("ServiceUnavailable", 503,
			"The request has failed due to a temporary failure.")})
	_, err := c.DeleteNetworkInterface(deleteReq(tea.String("eni-x")))
	requireCode(t, err, "ServiceUnavailable", 503)
}

// TestRuleDelay makes an attach take 10 seconds of virtual time: the
// clock moves, and the journal shows the call's start and end.
func TestRuleDelay(t *testing.T) {
	f, c := newFake(t)
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
		Effect: fakeecs.Delay(10 * time.Second)})
	start := f.Now()
	mustCreate(t, c, createReq())
	require.Equal(t, start.Add(10*time.Second), f.Now())
	call := f.Journal()[0]
	require.Equal(t, 10*time.Second, call.End.Sub(call.At))
}

// TestRuleHang holds a call until its context ends, through the typed
// client and through a real v7 client in-process.
func TestRuleHang(t *testing.T) {
	f, c := newFake(t)
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionDescribeNetworkInterfaces,
		Effect: fakeecs.Hang()})
	ctx, cancel := context.WithTimeout(context.Background(),
		20*time.Millisecond)
	defer cancel()
	_, err := c.DescribeNetworkInterfacesWithContext(ctx,
		&describeReqT{RegionId: tea.String(region)}, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.True(t, f.Journal()[0].Hung)

	ctx2, cancel2 := context.WithTimeout(context.Background(),
		20*time.Millisecond)
	defer cancel2()
	_, err = f.SDKClient().DescribeNetworkInterfacesWithContext(ctx2,
		&describeReqT{RegionId: tea.String(region)},
		&dara.RuntimeOptions{})
	require.ErrorIs(t, err, context.DeadlineExceeded)

	// Other calls go on while one hangs: the hung call holds no lock.
	ctx3, cancel3 := context.WithCancel(context.Background())
	hung := make(chan error)
	go func() {
		_, err := c.DescribeNetworkInterfacesWithContext(ctx3,
			&describeReqT{RegionId: tea.String(region)}, nil)
		hung <- err
	}()
	require.Eventually(t, func() bool { return len(f.Journal()) == 3 },
		5*time.Second, time.Millisecond)
	mustCreate(t, c, createReq())
	select {
	case err := <-hung:
		t.Fatalf("the hung call returned %v before its context ended", err)
	default:
	}
	cancel3()
	require.ErrorIs(t, <-hung, context.Canceled)
}

// TestRemoveRule removes a rule mid-test.
func TestRemoveRule(t *testing.T) {
	f, c := newFake(t)
	id := f.AddRule(fakeecs.Rule{
		Action: fakeecs.ActionCreateNetworkInterface,
		Effect: fakeecs.Fail("InternalError")})
	require.Equal(t, []string{"InternalError"}, codes(t, 1, createCall(c)))
	f.RemoveRule(id)
	require.Equal(t, []string{"OK"}, codes(t, 1, createCall(c)))
}

// TestRuleMisuse checks that a rule for an unknown action, or whose
// matcher reads another action's request, panics.
func TestRuleMisuse(t *testing.T) {
	f, _ := newFake(t)
	require.PanicsWithValue(t, `fakeecs: rule for unknown action "Nope"`,
		func() { f.AddRule(fakeecs.Rule{Action: "Nope"}) })
	require.PanicsWithValue(t, "fakeecs: rule for DeleteNetworkInterface "+
		"matches a client.CreateNetworkInterfaceRequest, not a "+
		"client.DeleteNetworkInterfaceRequest", func() {
		f.AddRule(fakeecs.Rule{Action: fakeecs.ActionDeleteNetworkInterface,
			Match: fakeecs.MatchRequest(
				func(*ecs.CreateNetworkInterfaceRequest) bool { return true })})
	})
	require.PanicsWithValue(t, "fakeecs: rule for CreateNetworkInterface "+
		"matches a field VswitchId *string that "+
		"client.CreateNetworkInterfaceRequest does not have", func() {
		f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
			Match: fakeecs.MatchRequest(
				func(*struct{ VswitchId *string }) bool { return true })})
	})
	require.PanicsWithValue(t, "fakeecs: rule for CreateNetworkInterface: "+
		"probability 2 outside [0, 1]", func() {
		f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
			Fire:   fakeecs.WithProbability(2),
			Effect: fakeecs.Fail("InternalError")})
	})
}

// TestRuleMatchesAStructOfFields checks a matcher over an unnamed struct
// of some of the request's fields: the call it names fails, another
// passes.
func TestRuleMatchesAStructOfFields(t *testing.T) {
	f, c := newFake(t)
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
		Match: fakeecs.MatchRequest(
			func(r *struct{ VSwitchId *string }) bool {
				return tea.StringValue(r.VSwitchId) == fakeecs.DefaultVSwitchI
			}),
		Effect: fakeecs.Fail("InternalError")})
	mustCreate(t, c, createReq())
	other := createReq()
	other.VSwitchId = tea.String(fakeecs.DefaultVSwitchI)
	_, err := c.CreateNetworkInterface(other)
	requireCode(t, err, "InternalError", 500)
}

// TestRuleThen checks that a Then effect runs after a call that
// succeeded, outside the lock, so that it may use the fake's control
// methods, and does not run after a call that failed.
func TestRuleThen(t *testing.T) {
	f, c := newFake(t)
	var ran []string
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
		Effect: fakeecs.Then(func(f *fakeecs.Fake) {
			ran = append(ran, f.NetworkInterfaces()[len(ran)].ID)
		})})
	id := tea.StringValue(mustCreate(t, c, createReq()).NetworkInterfaceId)
	require.Equal(t, []string{id}, ran)
	bad := createReq()
	bad.VSwitchId = tea.String("vsw-none")
	_, err := c.CreateNetworkInterface(bad)
	requireCode(t, err, "InvalidVSwitchId.NotFound", 404)
	require.Equal(t, []string{id}, ran, "a failed call runs no Then")
	require.Equal(t, "rule 1", f.Journal()[1].Rule)
}

// TestEveryMatchingRuleCounts checks that a rule counts the calls that
// another rule acted on: the second rule fires on the second call, not
// on the second call it saw alone.
func TestEveryMatchingRuleCounts(t *testing.T) {
	f, c := newFake(t)
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
		Fire: fakeecs.FirstN(1), Effect: fakeecs.Fail("InternalError")})
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionCreateNetworkInterface,
		Fire: fakeecs.OnNth(2), Effect: fakeecs.Fail("ServiceUnavailable")})
	require.Equal(t, []string{"InternalError", "ServiceUnavailable", "OK"},
		codes(t, 3, func() error {
			_, err := c.CreateNetworkInterface(createReq())
			return err
		}))
}

// TestThenTakesNoRulesPlace checks that a Then rule added first leaves
// the call to the next rule that fires: a Delay still delays it and the
// Then runs after it; a Fail still fails it and the Then does not run.
func TestThenTakesNoRulesPlace(t *testing.T) {
	f, c := newFake(t)
	runs := 0
	f.AddRule(fakeecs.Rule{Name: "watch",
		Action: fakeecs.ActionCreateNetworkInterface,
		Effect: fakeecs.Then(func(*fakeecs.Fake) { runs++ })})
	f.AddRule(fakeecs.Rule{Name: "slow",
		Action: fakeecs.ActionCreateNetworkInterface,
		Fire:   fakeecs.OnNth(1), Effect: fakeecs.Delay(time.Second)})
	f.AddRule(fakeecs.Rule{Name: "fail",
		Action: fakeecs.ActionCreateNetworkInterface,
		Fire:   fakeecs.OnNth(2), Effect: fakeecs.Fail("InternalError")})
	mustCreate(t, c, createReq())
	_, err := c.CreateNetworkInterface(createReq())
	requireCode(t, err, "InternalError", 500)
	mustCreate(t, c, createReq())
	require.Equal(t, 2, runs)
	j := f.Journal()
	require.Equal(t, []string{"slow", "fail", "watch"},
		[]string{j[0].Rule, j[1].Rule, j[2].Rule})
	require.Equal(t, time.Second, j[0].End.Sub(j[0].At))
}
