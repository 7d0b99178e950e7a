package properties_test

import (
	"net/netip"
	"slices"
	"time"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"pgregory.net/rapid"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// The state machine's steps for instances, attachment, addresses and the
// clock. Each runs the same step on the fake and its twin.

// instanceTypes are the types the machine's instances take: three ENIs,
// two, and two with two addresses each.
var instanceTypes = []string{"ecs.g7.large", "ecs.g6.large", "ecs.xn4.small"}

// addInstance adds an instance, at most four, with its primary ENI at the
// address the model expects.
func (mc *machine) addInstance(t *rapid.T) {
	if len(mc.f.Instances()) >= 4 {
		t.Skip("enough instances")
	}
	spec := fakeecs.InstanceSpec{
		VSwitch: rapid.SampledFrom([]string{fakeecs.DefaultVSwitchH,
			fakeecs.DefaultVSwitchI}).Draw(t, "vswitch"),
		Type:           rapid.SampledFrom(instanceTypes).Draw(t, "type"),
		SecurityGroups: []string{fakeecs.DefaultSecurityGroup},
	}
	in, twin := mc.f.AddInstance(spec), mc.tf.AddInstance(spec)
	if in.ID != twin.ID {
		t.Fatalf("the twin's instance is %s, not %s", twin.ID, in.ID)
	}
	n, _ := mc.f.NetworkInterface(in.PrimaryENI)
	s := mc.m.vsw[spec.VSwitch]
	if want := mc.m.lowest(s, 1, nil)[0]; mc.lowest && n.PrimaryIP != want {
		t.Fatalf("primary ENI at %s, model expects %s", n.PrimaryIP, want)
	}
	mc.m.add(modelENI{id: n.ID, vsw: s.ID, v4: []netip.Addr{n.PrimaryIP},
		primary: true, status: fakeecs.StatusInUse, instance: in.ID})
}

// pickInstance draws an instance, skipping the step when there is none.
func (mc *machine) pickInstance(t *rapid.T) fakeecs.Instance {
	ins := mc.f.Instances()
	if len(ins) == 0 {
		t.Skip("no instance")
	}
	return ins[rapid.IntRange(0, len(ins)-1).Draw(t, "instance")]
}

// attach attaches an ENI to a random instance; a success leaves it
// Attaching until the attach delay passes. Most draws pick an ENI that
// can be attached, so that instances fill up; the others pick any ENI.
func (mc *machine) attach(t *rapid.T) {
	in := mc.pickInstance(t)
	id := mc.pickAttachable(t, in)
	req := &ecs.AttachNetworkInterfaceRequest{
		RegionId:           tea.String(fakeecs.DefaultRegion),
		NetworkInterfaceId: tea.String(id), InstanceId: tea.String(in.ID)}
	before := mc.f.NetworkInterfaces()
	resp, err := mc.c.AttachNetworkInterface(req)
	mc.sameAsTwin(t, resp, err, second(mc.tc.AttachNetworkInterface(req)))
	if err != nil {
		mc.unchanged(t, before)
		return
	}
	if n, _ := mc.f.NetworkInterface(id); n.Status != fakeecs.StatusAttaching {
		t.Fatalf("attached ENI is %s", n.Status)
	}
	mc.m.attach(id, in.ID)
}

// pickAttachable draws, four times in five, an Available secondary ENI in
// the instance's zone, and otherwise any ENI.
func (mc *machine) pickAttachable(t *rapid.T, in fakeecs.Instance) string {
	if rapid.IntRange(0, 4).Draw(t, "any ENI") == 0 {
		return mc.pickENI(t)
	}
	var ok []string
	for _, n := range mc.f.NetworkInterfaces() {
		if n.Status == fakeecs.StatusAvailable && n.ZoneID == in.ZoneID &&
			n.Type != fakeecs.TypePrimary {
			ok = append(ok, n.ID)
		}
	}
	if len(ok) == 0 {
		t.Skip("no attachable ENI")
	}
	return rapid.SampledFrom(ok).Draw(t, "attachable ENI")
}

// detach detaches a random ENI from the instance it is on, if any; a
// success leaves an InUse ENI Detaching until the detach delay passes.
func (mc *machine) detach(t *rapid.T) {
	id := mc.pickENI(t)
	n, _ := mc.f.NetworkInterface(id)
	req := &ecs.DetachNetworkInterfaceRequest{
		RegionId:           tea.String(fakeecs.DefaultRegion),
		NetworkInterfaceId: tea.String(id),
		InstanceId:         tea.String(n.InstanceID)}
	before := mc.f.NetworkInterfaces()
	resp, err := mc.c.DetachNetworkInterface(req)
	mc.sameAsTwin(t, resp, err, second(mc.tc.DetachNetworkInterface(req)))
	if err != nil {
		mc.unchanged(t, before)
		return
	}
	mc.m.detach(id)
}

// assign assigns secondary addresses by count; a success hands out the
// lowest free ones under the lowest-free policy.
func (mc *machine) assign(t *rapid.T) {
	id := mc.pickENI(t)
	k := rapid.IntRange(1, 3).Draw(t, "count")
	req := &ecs.AssignPrivateIpAddressesRequest{
		RegionId:                       tea.String(fakeecs.DefaultRegion),
		NetworkInterfaceId:             tea.String(id),
		SecondaryPrivateIpAddressCount: tea.Int32(int32(k))}
	before := mc.f.NetworkInterfaces()
	resp, err := mc.c.AssignPrivateIpAddresses(req)
	mc.sameAsTwin(t, resp, err, second(mc.tc.AssignPrivateIpAddresses(req)))
	if err != nil {
		mc.unchanged(t, before)
		return
	}
	var got []netip.Addr
	for _, s := range resp.Body.AssignedPrivateIpAddressesSet.PrivateIpSet.
		PrivateIpAddress {
		got = append(got, netip.MustParseAddr(tea.StringValue(s)))
	}
	e := mc.m.enis[mc.m.find(id)]
	if want := mc.m.lowest(mc.m.vsw[e.vsw], k, nil); mc.lowest &&
		!slices.Equal(got, want) {
		t.Fatalf("assigned %v, model expects %v", got, want)
	}
	mc.m.give(id, got)
}

// unassign gives back one secondary address of a random ENI.
func (mc *machine) unassign(t *rapid.T) {
	id := mc.pickENI(t)
	e := mc.m.enis[mc.m.find(id)]
	if len(e.v4) < 2 {
		t.Skip("no secondary address")
	}
	a := rapid.SampledFrom(e.v4[1:]).Draw(t, "address")
	req := &ecs.UnassignPrivateIpAddressesRequest{
		RegionId:           tea.String(fakeecs.DefaultRegion),
		NetworkInterfaceId: tea.String(id),
		PrivateIpAddress:   tea.StringSlice([]string{a.String()})}
	before := mc.f.NetworkInterfaces()
	resp, err := mc.c.UnassignPrivateIpAddresses(req)
	mc.sameAsTwin(t, resp, err,
		second(mc.tc.UnassignPrivateIpAddresses(req)))
	if err != nil {
		mc.unchanged(t, before)
		return
	}
	mc.m.take(id, []netip.Addr{a})
}

// advance moves both clocks and the model's.
func (mc *machine) advance(t *rapid.T) {
	d := rapid.SampledFrom([]time.Duration{0, 500 * time.Millisecond,
		time.Second, 3 * time.Second, 10 * time.Second}).Draw(t, "by")
	mc.f.Advance(d)
	mc.tf.Advance(d)
	mc.m.advance(d)
}

// settle ends every transition; then no ENI or instance is in one.
func (mc *machine) settle(t *rapid.T) {
	d := mc.f.Settle()
	if d2 := mc.tf.Settle(); d2 != d {
		t.Fatalf("the twin settled in %v, not %v", d2, d)
	}
	mc.m.advance(d)
	mc.m.settle()
	for _, n := range mc.f.NetworkInterfaces() {
		switch n.Status {
		case fakeecs.StatusAvailable, fakeecs.StatusInUse:
		default:
			t.Fatalf("%s is still %s after settling", n.ID, n.Status)
		}
	}
	for _, in := range mc.f.Instances() {
		switch in.Status {
		case fakeecs.InstanceRunning, fakeecs.InstanceStopped:
		default:
			t.Fatalf("%s is still %s after settling", in.ID, in.Status)
		}
	}
}

// stopOrStart stops a Running instance or starts a Stopped one.
func (mc *machine) stopOrStart(t *rapid.T) {
	in := mc.pickInstance(t)
	switch in.Status {
	case fakeecs.InstanceRunning:
		mc.f.StopInstance(in.ID)
		mc.tf.StopInstance(in.ID)
	case fakeecs.InstanceStopped:
		mc.f.StartInstance(in.ID)
		mc.tf.StartInstance(in.ID)
	default:
		t.Skip("instance in transition")
	}
}

// release releases an instance: its primary ENI goes and its address
// is free again, and its other ENIs, which the machine never marks
// DeleteOnRelease, are Available on no instance.
func (mc *machine) release(t *rapid.T) {
	in := mc.pickInstance(t)
	mc.f.ReleaseInstance(in.ID)
	mc.tf.ReleaseInstance(in.ID)
	mc.m.release(in.ID)
	if _, ok := mc.f.NetworkInterface(in.PrimaryENI); ok {
		t.Fatalf("the primary ENI %s outlived its instance", in.PrimaryENI)
	}
}
