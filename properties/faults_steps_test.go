package properties_test

import (
	"fmt"
	"net/netip"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"pgregory.net/rapid"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// The state machine's fault steps: each adds a one-shot rule to the fake
// and its twin, sends a call the rule meets, and checks what the rule
// promises.

// oneShot adds the same rule to the fake and its twin: the next call of
// the action fails with code, before or after its commit.
func (mc *machine) oneShot(a fakeecs.Action, code string, after bool) {
	r := fakeecs.Rule{Action: a, Fire: fakeecs.OnNth(1),
		Effect: fakeecs.Fail(code), AfterCommit: after}
	for _, f := range []*fakeecs.Fake{mc.f, mc.tf} {
		f.ClearRules()
		f.AddRule(r)
	}
}

// faultyCreate creates an ENI with a ClientToken through a fault before
// or after the commit, and retries with the same token: however the
// first attempt ended, there is exactly one new ENI, and after a lost
// answer the retry names the ENI the first attempt made.
func (mc *machine) faultyCreate(t *rapid.T) {
	after := rapid.Bool().Draw(t, "after commit")
	code := rapid.SampledFrom([]string{"InternalError",
		"ServiceUnavailable", "Throttling"}).Draw(t, "code")
	mc.oneShot(fakeecs.ActionCreateNetworkInterface, code, after)
	mc.tokens++
	req := &ecs.CreateNetworkInterfaceRequest{
		RegionId:        tea.String(fakeecs.DefaultRegion),
		VSwitchId:       tea.String(fakeecs.DefaultVSwitchI),
		SecurityGroupId: tea.String(fakeecs.DefaultSecurityGroup),
		ClientToken:     tea.String(fmt.Sprintf("token-%d", mc.tokens)),
	}
	before := mc.f.NetworkInterfaces()
	resp, err := mc.c.CreateNetworkInterface(req)
	mc.sameAsTwin(t, resp, err, second(mc.tc.CreateNetworkInterface(req)))
	requireCode(t, err, code)
	made := mc.f.NetworkInterfaces()
	switch {
	case !after:
		mc.unchanged(t, before)
	case len(made) != len(before)+1:
		t.Fatalf("a lost answer left %d ENIs, want %d", len(made),
			len(before)+1)
	}
	resp, err = mc.c.CreateNetworkInterface(req)
	mc.sameAsTwin(t, resp, err, second(mc.tc.CreateNetworkInterface(req)))
	if fakeecs.IsCode(err, "InvalidVSwitchId.IpNotEnough") && !after {
		return // the vSwitch is full; nothing was made
	}
	requireNoError(t, err)
	id := tea.StringValue(resp.Body.NetworkInterfaceId)
	if n := len(mc.f.NetworkInterfaces()); n != len(before)+1 {
		t.Fatalf("the retry left %d ENIs, want %d", n, len(before)+1)
	}
	if after && id != made[len(made)-1].ID {
		t.Fatalf("the retry named %s, not the ENI made, %s", id,
			made[len(made)-1].ID)
	}
	n, _ := mc.f.NetworkInterface(id)
	mc.m.add(modelENI{id: id, vsw: n.VSwitchID,
		v4: append([]netip.Addr{n.PrimaryIP}, n.PrivateIPs...)})
}

// faultyAssign assigns an address to a random ENI through a fault before
// or after the commit: before, the fake is unchanged; after, the address
// is held though the client saw the error.
func (mc *machine) faultyAssign(t *rapid.T) {
	id := mc.pickENI(t)
	after := rapid.Bool().Draw(t, "after commit")
	mc.oneShot(fakeecs.ActionAssignPrivateIpAddresses, "InternalError",
		after)
	req := &ecs.AssignPrivateIpAddressesRequest{
		RegionId:                       tea.String(fakeecs.DefaultRegion),
		NetworkInterfaceId:             tea.String(id),
		SecondaryPrivateIpAddressCount: tea.Int32(1)}
	before, _ := mc.f.NetworkInterface(id)
	all := mc.f.NetworkInterfaces()
	resp, err := mc.c.AssignPrivateIpAddresses(req)
	mc.sameAsTwin(t, resp, err,
		second(mc.tc.AssignPrivateIpAddresses(req)))
	if !fakeecs.IsCode(err, "InternalError") {
		mc.unchanged(t, all) // refused on its own, before the rule acted
		return
	}
	now, _ := mc.f.NetworkInterface(id)
	if !after {
		mc.unchanged(t, all)
		return
	}
	if len(now.PrivateIPs) != len(before.PrivateIPs)+1 {
		t.Fatalf("a lost assign left %d addresses, want %d",
			len(now.PrivateIPs), len(before.PrivateIPs)+1)
	}
	mc.m.give(id, now.PrivateIPs[len(before.PrivateIPs):])
}
