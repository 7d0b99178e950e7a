package properties_test

import (
	"fmt"
	"net/netip"
	"slices"
	"testing"
	"time"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"

	"github.com/ecsfake/ecsfake/fakeecs"
	"github.com/ecsfake/ecsfake/properties"
)

// machine drives a fake and its twin (a second fake with the same seed)
// with the same random calls, beside the reference model.
type machine struct {
	world  fakeecs.World
	f, tf  *fakeecs.Fake
	c, tc  *fakeecs.Client
	m      *model
	lowest bool
	tokens int       // client tokens used so far
	start  time.Time // the fake's clock at the start
	// ever holds every ENI the fake has held at the end of a step; the
	// steps that make an ENI leave it in place.
	ever   map[string]bool
	lagged bool // DescribeNetworkInterfaces answers from the past
	snap   *saved
	ran    map[*fakeecs.Fake]int // how often each fake ran a Then effect
}

func newMachine(t *rapid.T) *machine {
	w := fakeecs.DefaultWorld()
	seed := rapid.Uint64().Draw(t, "seed")
	policy := rapid.SampledFrom([]fakeecs.AddressPolicy{
		fakeecs.LowestFree, fakeecs.RandomFree}).Draw(t, "policy")
	opts := []fakeecs.Option{fakeecs.WithWorld(w), fakeecs.WithSeed(seed),
		fakeecs.WithAddressPolicy(policy)}
	f, tf := fakeecs.New(opts...), fakeecs.New(opts...)
	return &machine{world: w, f: f, c: f.Client(), tf: tf, tc: tf.Client(),
		m: newModel(w), lowest: policy == fakeecs.LowestFree,
		start: f.Now(), ever: map[string]bool{},
		ran: map[*fakeecs.Fake]int{}}
}

// TestStateMachine runs random sequences of every action of the fake and
// of its clock and instance controls, valid and invalid, under fault
// rules of every effect and firing before and after the commit, rate
// limits, read lags, and snapshots restored later, and after every step
// checks the invariants, the model, and that the twin gave the same
// answers and holds the same state. A failure prints the steps and the
// -rapid.seed that replays them.
func TestStateMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		t.Repeat(newMachine(t).steps())
	})
}

// TestStateMachineUnderFaults runs the machine with fewer kinds of
// step, so that the steps under fault rules and rate limits, the
// snapshots and the read lags come more often than in TestStateMachine,
// among enough others to give them ENIs, instances and transitions.
func TestStateMachineUnderFaults(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		all := newMachine(t).steps()
		steps := map[string]func(*rapid.T){}
		for _, k := range []string{"create", "addInstance", "attach",
			"assign", "advance", "describe", "ruled", "rateLimited",
			"snapshot", "restore", "lagReads", "unlagReads", ""} {
			steps[k] = all[k]
		}
		t.Repeat(steps)
	})
}

// steps returns every step of the machine by name, and its check under
// the empty name.
func (mc *machine) steps() map[string]func(*rapid.T) {
	return map[string]func(*rapid.T){
		"create":        mc.create,
		"createInvalid": mc.createInvalid,
		"delete":        mc.delete,
		"deleteUnknown": mc.deleteUnknown,
		"describe":      mc.describe,
		"addInstance":   mc.addInstance,
		"attach":        mc.attach,
		"detach":        mc.detach,
		"assign":        mc.assign,
		"unassign":      mc.unassign,
		"advance":       mc.advance,
		"settle":        mc.settle,
		"stopOrStart":   mc.stopOrStart,
		"release":       mc.release,
		"faultyCreate":  mc.faultyCreate,
		"faultyAssign":  mc.faultyAssign,
		"ruled":         mc.ruled,
		"rateLimited":   mc.rateLimited,
		"snapshot":      mc.snapshot,
		"restore":       mc.restore,
		"lagReads":      mc.lagReads,
		"unlagReads":    mc.unlagReads,
		"":              mc.check,
	}
}

// check runs after every step: the clocks agree with each other and
// with the model, the invariants hold, the twin holds the same state,
// and every ENI of the fake is the model's, in the same order, with the
// same addresses, state, instance, description and tags.
func (mc *machine) check(t *rapid.T) {
	if now := mc.f.Now(); now != mc.tf.Now() ||
		now.Sub(mc.start) != mc.m.now {
		t.Fatalf("the clocks differ: %v, the twin's %v, the model's %v",
			now.Sub(mc.start), mc.tf.Now().Sub(mc.start), mc.m.now)
	}
	if err := properties.Check(mc.f, mc.world); err != nil {
		t.Fatalf("invariants: %v", err)
	}
	if d := cmp.Diff(mc.f.State(), mc.tf.State()); d != "" {
		t.Fatalf("the twin's state differs (-fake +twin):\n%s", d)
	}
	var got, want []eniView
	for _, n := range mc.f.NetworkInterfaces() {
		mc.ever[n.ID] = true
		got = append(got, viewOf(n))
	}
	for _, e := range mc.m.enis {
		want = append(want, e.view())
	}
	if d := cmp.Diff(want, got, cmpopts.EquateEmpty(),
		cmpopts.EquateComparable(netip.Addr{})); d != "" {
		t.Fatalf("the fake's ENIs differ from the model's "+
			"(-model +fake):\n%s", d)
	}
}

// eniView is what the model knows of an ENI.
type eniView struct {
	ID, Status, Instance, Description string
	IPv4                              []netip.Addr // primary first
	Tags                              map[string]string
}

func viewOf(n fakeecs.NetworkInterface) eniView {
	v := eniView{ID: n.ID, Status: string(n.Status), Instance: n.InstanceID,
		Description: n.Description,
		IPv4:        append([]netip.Addr{n.PrimaryIP}, n.PrivateIPs...),
		Tags:        map[string]string{}}
	for _, g := range n.Tags {
		v.Tags[g.Key] = g.Value
	}
	return v
}

func (e modelENI) view() eniView {
	return eniView{ID: e.id, Status: string(e.status), Instance: e.instance,
		Description: e.desc, IPv4: e.v4, Tags: e.tags}
}

// create sends a create that may succeed or fail for a reason the model
// predicts: an explicit primary address that is reserved or held, or a
// vSwitch without enough free addresses.
func (mc *machine) create(t *rapid.T) {
	ids := []string{fakeecs.DefaultVSwitchH, fakeecs.DefaultVSwitchI,
		fakeecs.DefaultVSwitchSmall}
	s := mc.m.vsw[rapid.SampledFrom(ids).Draw(t, "vswitch")]
	req := &ecs.CreateNetworkInterfaceRequest{
		RegionId:        tea.String(fakeecs.DefaultRegion),
		VSwitchId:       tea.String(s.ID),
		SecurityGroupId: tea.String(fakeecs.DefaultSecurityGroup),
	}
	n := rapid.IntRange(0, 6).Draw(t, "secondary")
	if n > 0 {
		req.SecondaryPrivateIpAddressCount = tea.Int32(int32(n))
	}
	if rapid.Bool().Draw(t, "one queue") {
		req.QueueNumber = tea.Int32(1) // so that queues do not fill first
	}
	if s.IPv6CIDR.IsValid() && rapid.Bool().Draw(t, "ipv6") {
		req.Ipv6AddressCount = tea.Int32(1)
	}
	var primary netip.Addr
	if rapid.Bool().Draw(t, "explicit primary") {
		size := 1 << (32 - s.CIDR.Bits())
		off := rapid.IntRange(0, size-1).Draw(t, "primary offset")
		primary = nth(s.CIDR, off)
		req.PrimaryIpAddress = tea.String(primary.String())
	}
	code := mc.predictCreate(s, primary, n)
	resp, err := mc.c.CreateNetworkInterface(req)
	mc.sameAsTwin(t, resp, err, second(mc.tc.CreateNetworkInterface(req)))
	if code != "" {
		requireCode(t, err, code)
		return
	}
	mc.created(t, s, primary, n, resp, err)
}

// predictCreate returns the error code the model expects, or "".
func (mc *machine) predictCreate(s fakeecs.VSwitch, primary netip.Addr,
	n int) string {
	switch {
	case primary.IsValid() && mc.m.reserved(s, primary):
		return "InvalidVSwitchId.IpInvalid"
	case primary.IsValid() && mc.m.held[primary] != "":
		return "InvalidPrivateIpAddress.Duplicated"
	}
	if mc.m.free(s) < n+1 {
		return "InvalidVSwitchId.IpNotEnough"
	}
	return ""
}

// created checks a successful create against the model and records it.
func (mc *machine) created(t *rapid.T, s fakeecs.VSwitch, primary netip.Addr,
	n int, resp *ecs.CreateNetworkInterfaceResponse, err error) {
	requireNoError(t, err)
	b := resp.Body
	if tea.StringValue(b.Status) != "Available" {
		t.Fatalf("new ENI is %s", tea.StringValue(b.Status))
	}
	var v4 []netip.Addr
	for _, p := range b.PrivateIpSets.PrivateIpSet {
		v4 = append(v4, netip.MustParseAddr(tea.StringValue(p.PrivateIpAddress)))
	}
	if mc.lowest {
		want := mc.expectLowest(s, primary, n)
		if !slices.Equal(v4, want) {
			t.Fatalf("addresses %v, model expects %v", v4, want)
		}
	}
	mc.m.add(modelENI{id: tea.StringValue(b.NetworkInterfaceId),
		vsw: s.ID, v4: v4})
}

func (mc *machine) expectLowest(s fakeecs.VSwitch, primary netip.Addr,
	n int) []netip.Addr {
	if primary.IsValid() {
		return append([]netip.Addr{primary},
			mc.m.lowest(s, n, []netip.Addr{primary})...)
	}
	return mc.m.lowest(s, n+1, nil)
}

// invalidEdits break one rule of the reference page each.
var invalidEdits = []struct {
	name string
	code string
	edit func(r *ecs.CreateNetworkInterfaceRequest)
}{
	{"no region", "MissingParameter",
		func(r *ecs.CreateNetworkInterfaceRequest) { r.RegionId = nil }},
	{"count 50", "MaxEniPrivateIpsCountExceeded",
		func(r *ecs.CreateNetworkInterfaceRequest) {
			r.SecondaryPrivateIpAddressCount = tea.Int32(50)
		}},
	{"bad tag", "InvalidTagKey.Malformed",
		func(r *ecs.CreateNetworkInterfaceRequest) {
			r.Tag = []*ecs.CreateNetworkInterfaceRequestTag{{
				Key: tea.String("acs:x")}}
		}},
	{"ipv6 outside", "InvalidOperation.AddressNotInVSwitchCidr",
		func(r *ecs.CreateNetworkInterfaceRequest) {
			r.SecondaryPrivateIpAddressCount = tea.Int32(2)
			r.Ipv6Address = tea.StringSlice([]string{"2001:db8::1"})
		}},
	{"unknown group", "InvalidSecurityGroupId.NotFound",
		func(r *ecs.CreateNetworkInterfaceRequest) {
			r.SecurityGroupId = tea.String("sg-none")
		}},
	{"prefix and addresses", "InvalidParameter.Conflict",
		func(r *ecs.CreateNetworkInterfaceRequest) {
			r.SecondaryPrivateIpAddressCount = tea.Int32(1)
			r.Ipv4PrefixCount = tea.Int32(1)
		}},
}

// createInvalid sends a create that breaks one rule and checks that it
// fails with the rule's code and changes nothing.
func (mc *machine) createInvalid(t *rapid.T) {
	e := rapid.SampledFrom(invalidEdits).Draw(t, "edit")
	req := &ecs.CreateNetworkInterfaceRequest{
		RegionId:        tea.String(fakeecs.DefaultRegion),
		VSwitchId:       tea.String(fakeecs.DefaultVSwitchH),
		SecurityGroupId: tea.String(fakeecs.DefaultSecurityGroup),
	}
	e.edit(req)
	before := mc.f.NetworkInterfaces()
	resp, err := mc.c.CreateNetworkInterface(req)
	mc.sameAsTwin(t, resp, err, second(mc.tc.CreateNetworkInterface(req)))
	requireCode(t, err, e.code)
	mc.unchanged(t, before)
}

// unchanged checks that a failed call left the ENIs as they were.
func (mc *machine) unchanged(t *rapid.T, before []fakeecs.NetworkInterface) {
	if d := cmp.Diff(before, mc.f.NetworkInterfaces(),
		cmp.AllowUnexported(fakeecs.NetworkInterface{}),
		cmpopts.EquateComparable(netip.Addr{}, netip.Prefix{})); d != "" {
		t.Fatalf("a failed call changed the fake:\n%s", d)
	}
}

// delete deletes a random ENI of the model. The model's state says what
// the answer must be: an Available ENI starts Deleting, a Deleting one
// stays so, a primary one is refused, and one on an instance too.
func (mc *machine) delete(t *rapid.T) {
	id := mc.pickENI(t)
	n := *mc.m.eni(id)
	req := &ecs.DeleteNetworkInterfaceRequest{
		RegionId:           tea.String(fakeecs.DefaultRegion),
		NetworkInterfaceId: tea.String(id),
	}
	resp, err := mc.c.DeleteNetworkInterface(req)
	mc.sameAsTwin(t, resp, err, second(mc.tc.DeleteNetworkInterface(req)))
	switch {
	case n.primary:
		requireCode(t, err, "InvalidOperation.InvalidEniType")
	case n.status == fakeecs.StatusAvailable:
		requireNoError(t, err)
		mc.m.startDelete(id)
	case n.status == fakeecs.StatusDeleting:
		requireNoError(t, err)
	default:
		requireCode(t, err, "InvalidOperation.InvalidEniState")
	}
}

// pickENI draws an ENI of the model, skipping the step when there is none.
func (mc *machine) pickENI(t *rapid.T) string {
	if len(mc.m.enis) == 0 {
		t.Skip("no ENI")
	}
	return mc.m.enis[rapid.IntRange(0, len(mc.m.enis)-1).Draw(t, "eni")].id
}

func (mc *machine) deleteUnknown(t *rapid.T) {
	id := fmt.Sprintf("eni-bp1unknown%d", rapid.IntRange(0, 99).Draw(t, "n"))
	req := &ecs.DeleteNetworkInterfaceRequest{
		RegionId:           tea.String(fakeecs.DefaultRegion),
		NetworkInterfaceId: tea.String(id),
	}
	resp, err := mc.c.DeleteNetworkInterface(req)
	mc.sameAsTwin(t, resp, err, second(mc.tc.DeleteNetworkInterface(req)))
	requireCode(t, err, "InvalidEniId.NotFound")
}

// describe lists every ENI and checks the list against the model, or,
// while the list lags, that it names only ENIs the fake has held.
func (mc *machine) describe(t *rapid.T) {
	req := &ecs.DescribeNetworkInterfacesRequest{
		RegionId:   tea.String(fakeecs.DefaultRegion),
		MaxResults: tea.Int32(500),
	}
	resp, err := mc.c.DescribeNetworkInterfaces(req)
	mc.sameAsTwin(t, resp, err,
		second(mc.tc.DescribeNetworkInterfaces(req)))
	if err != nil {
		t.Fatalf("describe: %v", err)
	}
	var got []string
	for _, n := range resp.Body.NetworkInterfaceSets.NetworkInterfaceSet {
		got = append(got, tea.StringValue(n.NetworkInterfaceId))
	}
	if mc.lagged {
		mc.seenBefore(t, got)
		return
	}
	var want []string
	for _, e := range mc.m.enis {
		want = append(want, e.id)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("described %v, model holds %v", got, want)
	}
}

// answer is a response and error pair, to compare with the twin's.
type answer struct {
	resp any
	err  error
}

func second[T any](resp T, err error) answer { return answer{resp, err} }

// sameAsTwin checks that the twin answered the same call identically.
func (mc *machine) sameAsTwin(t *rapid.T, resp any, err error, twin answer) {
	a, b := fmt.Sprint(resp), fmt.Sprint(twin.resp)
	if a != b || fmt.Sprint(err) != fmt.Sprint(twin.err) {
		t.Fatalf("the twin with the same seed answered differently:\n"+
			"%s %v\n%s %v", a, err, b, twin.err)
	}
}

func requireNoError(t *rapid.T, err error) {
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

func requireCode(t *rapid.T, err error, code string) {
	var se *tea.SDKError
	if !asSDKError(err, &se) || tea.StringValue(se.Code) != code {
		t.Fatalf("want error %s, got %v", code, err)
	}
}

// nth returns the address at offset off in p.
func nth(p netip.Prefix, off int) netip.Addr {
	a := p.Addr().As4()
	v := uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3])
	v += uint32(off)
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16),
		byte(v >> 8), byte(v)})
}
