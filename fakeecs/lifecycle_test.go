package fakeecs_test

import (
	"net/netip"
	"testing"
	"time"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// addInstance adds a Running ecs.g7.large in zone h of the default world.
func addInstance(f *fakeecs.Fake) fakeecs.Instance {
	return f.AddInstance(fakeecs.InstanceSpec{
		VSwitch:        fakeecs.DefaultVSwitchH,
		Type:           "ecs.g7.large",
		SecurityGroups: []string{fakeecs.DefaultSecurityGroup},
	})
}

func attachReq(eni, instance string) *ecs.AttachNetworkInterfaceRequest {
	return &ecs.AttachNetworkInterfaceRequest{RegionId: tea.String(region),
		NetworkInterfaceId: tea.String(eni), InstanceId: tea.String(instance)}
}

func detachReq(eni, instance string) *ecs.DetachNetworkInterfaceRequest {
	return &ecs.DetachNetworkInterfaceRequest{RegionId: tea.String(region),
		NetworkInterfaceId: tea.String(eni), InstanceId: tea.String(instance)}
}

// status returns the ENI's status as DescribeNetworkInterfaceAttribute
// reports it.
func status(t *testing.T, c *fakeecs.Client, id string) string {
	t.Helper()
	a, err := c.DescribeNetworkInterfaceAttribute(
		&ecs.DescribeNetworkInterfaceAttributeRequest{
			RegionId: tea.String(region), NetworkInterfaceId: tea.String(id)})
	require.NoError(t, err)
	return tea.StringValue(a.Body.Status)
}

// newENI creates a secondary ENI on the default dual-stack vSwitch.
func newENI(t *testing.T, c *fakeecs.Client) string {
	t.Helper()
	return tea.StringValue(mustCreate(t, c, createReq()).NetworkInterfaceId)
}

// TestAddInstanceMakesAPrimaryENI checks that an instance comes with a
// primary ENI: type Primary, InUse, at device index 0, with an address of
// the instance's vSwitch and its security groups.
func TestAddInstanceMakesAPrimaryENI(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f)
	require.Regexp(t, `^i-bp1[a-z0-9]{17}$`, in.ID)
	require.Equal(t, fakeecs.InstanceRunning, in.Status)
	n, ok := f.NetworkInterface(in.PrimaryENI)
	require.True(t, ok)
	require.Equal(t, fakeecs.TypePrimary, n.Type)
	require.Equal(t, fakeecs.StatusInUse, n.Status)
	require.Equal(t, in.ID, n.InstanceID)
	require.Equal(t, 0, n.DeviceIndex)
	require.Equal(t, netip.MustParseAddr("192.168.0.1"), n.PrimaryIP)
	require.Equal(t, "InUse", status(t, c, n.ID))
}

// TestAttachPassesThroughAttaching follows an attach on the virtual
// clock: Attaching until the Attach delay passes, then InUse at device
// index 1 (AttachNetworkInterface: "Available to Attaching to InUse").
func TestAttachPassesThroughAttaching(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f)
	id := newENI(t, c)
	_, err := c.AttachNetworkInterface(attachReq(id, in.ID))
	require.NoError(t, err)
	require.Equal(t, "Attaching", status(t, c, id))
	require.Equal(t, []string{id}, f.Pending())
	f.Advance(2 * time.Second)
	require.Equal(t, "Attaching", status(t, c, id))
	f.Advance(time.Second)
	require.Equal(t, "InUse", status(t, c, id))
	n, _ := f.NetworkInterface(id)
	require.Equal(t, in.ID, n.InstanceID)
	require.Equal(t, 1, n.DeviceIndex)
	require.Empty(t, f.Pending())
}

// TestAttachRollsBack makes an attach fail: the ENI passes through
// Attaching and is Available again, with no instance (the operation's
// documentation: "If the ENI returns to Available, the attach failed").
func TestAttachRollsBack(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f)
	id := newENI(t, c)
	f.FailAttach(id)
	_, err := c.AttachNetworkInterface(attachReq(id, in.ID))
	require.NoError(t, err)
	require.Equal(t, "Attaching", status(t, c, id))
	require.Equal(t, 3*time.Second, f.Settle())
	require.Equal(t, "Available", status(t, c, id))
	n, _ := f.NetworkInterface(id)
	require.Empty(t, n.InstanceID)
	_, err = c.AttachNetworkInterface(attachReq(id, in.ID))
	require.NoError(t, err)
	f.Settle()
	require.Equal(t, "InUse", status(t, c, id))
}

// TestDetachPassesThroughDetaching follows a detach: Detaching, a second
// detach while Detaching allowed, then Available (DetachNetworkInterface).
func TestDetachPassesThroughDetaching(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f)
	id := newENI(t, c)
	_, err := c.AttachNetworkInterface(attachReq(id, in.ID))
	require.NoError(t, err)
	f.Settle()
	_, err = c.DetachNetworkInterface(detachReq(id, in.ID))
	require.NoError(t, err)
	require.Equal(t, "Detaching", status(t, c, id))
	_, err = c.DetachNetworkInterface(detachReq(id, in.ID))
	require.NoError(t, err)
	f.Advance(3 * time.Second)
	require.Equal(t, "Available", status(t, c, id))
	_, err = c.DetachNetworkInterface(detachReq(id, in.ID))
	requireCode(t, err, "InvalidOperation.InvalidEniState", 400)
}

// TestHeldDetachStaysDetaching holds a detach: the ENI stays Detaching
// however far the clock moves, until the test lets it go.
func TestHeldDetachStaysDetaching(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f)
	id := newENI(t, c)
	_, err := c.AttachNetworkInterface(attachReq(id, in.ID))
	require.NoError(t, err)
	f.Settle()
	f.Hold(id)
	_, err = c.DetachNetworkInterface(detachReq(id, in.ID))
	require.NoError(t, err)
	f.Advance(time.Hour)
	require.Equal(t, time.Duration(0), f.Settle())
	require.Equal(t, "Detaching", status(t, c, id))
	_, err = c.DeleteNetworkInterface(deleteReq(tea.String(id)))
	requireCode(t, err, "InvalidOperation.InvalidEniState", 400)
	f.Unhold(id)
	require.Equal(t, "Available", status(t, c, id))
}

// TestZeroDelaysEndAtTheNextCall checks that a zero delay ends a
// transition at the start of the next call.
func TestZeroDelaysEndAtTheNextCall(t *testing.T) {
	f, c := newFake(t, fakeecs.WithDelays(fakeecs.Delays{}))
	in := addInstance(f)
	id := newENI(t, c)
	_, err := c.AttachNetworkInterface(attachReq(id, in.ID))
	require.NoError(t, err)
	require.Equal(t, "InUse", status(t, c, id))
}

// TestAttachRefusals checks the preconditions of AttachNetworkInterface
// and their documented errors.
func TestAttachRefusals(t *testing.T) {
	w := fakeecs.DefaultWorld()
	w.VPCs = append(w.VPCs, fakeecs.VPC{ID: "vpc-2", Region: region,
		CIDR: netip.MustParsePrefix("10.0.0.0/16")})
	w.VSwitches = append(w.VSwitches, fakeecs.VSwitch{ID: "vsw-2",
		VPC: "vpc-2", Zone: fakeecs.DefaultZoneH,
		CIDR: netip.MustParsePrefix("10.0.0.0/24")})
	w.SecurityGroups = append(w.SecurityGroups,
		fakeecs.SecurityGroup{ID: "sg-2", VPC: "vpc-2"})
	f, c := newFake(t, fakeecs.WithWorld(w))
	in := addInstance(f)
	other := f.AddInstance(fakeecs.InstanceSpec{VSwitch: "vsw-2",
		Type: "ecs.g7.large", SecurityGroups: []string{"sg-2"}})
	stopped := f.AddInstance(fakeecs.InstanceSpec{
		VSwitch: fakeecs.DefaultVSwitchI, Type: "ecs.g7.large",
		SecurityGroups: []string{fakeecs.DefaultSecurityGroup},
		Status:         fakeecs.InstanceStopped})
	id := newENI(t, c)
	rows := []struct {
		name, eni, instance string
		code                string
		status              int
	}{
		{"unknown ENI", "eni-bp1none", in.ID, "InvalidEniId.NotFound", 404},
		{"unknown instance", id, "i-bp1none", "InvalidEcsId.NotFound", 404},
		{"malformed instance", id, "vm-1", "InvalidInstanceID.Malformed",
			400},
		{"no instance", id, "", "MissingParameter", 400},
		{"primary ENI", in.PrimaryENI, other.ID,
			"InvalidOperation.InvalidEniType", 403},
		{"other zone", id, stopped.ID,
			"InvalidOperation.AvailabilityZoneMismatch", 403},
		{"other VPC", id, other.ID, "InvalidOperation.VpcMismatch", 403},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			_, err := c.AttachNetworkInterface(attachReq(row.eni,
				row.instance))
			requireCode(t, err, row.code, row.status)
			require.Equal(t, "Available", status(t, c, id))
		})
	}
}

// TestAttachStateRules checks the state preconditions: the ENI must be
// Available, and the instance Running or Stopped; the message names both
// states ("Expecting status is ... while current status is ...").
func TestAttachStateRules(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f)
	id := newENI(t, c)
	_, err := c.AttachNetworkInterface(attachReq(id, in.ID))
	require.NoError(t, err)
	_, err = c.AttachNetworkInterface(attachReq(id, in.ID))
	requireCode(t, err, "InvalidOperation.InvalidEniState", 400)
	require.ErrorContains(t, err, `Expecting status is "Available" while `+
		`current status is "Attaching".`)
	f.Settle()

	f.StopInstance(in.ID)
	id2 := newENI(t, c)
	_, err = c.AttachNetworkInterface(attachReq(id2, in.ID))
	requireCode(t, err, "InvalidOperation.InvalidEcsState", 400)
	require.ErrorContains(t, err, `current status is "Stopping"`)
	f.Settle()
	_, err = c.AttachNetworkInterface(attachReq(id2, in.ID))
	require.NoError(t, err)
}

// TestEniQuantityLimit fills an ecs.g7.large, which holds 3 ENIs with its
// primary one, and checks the fourth gets EniPerInstanceLimitExceeded
// (DescribeInstanceTypes, EniQuantity).
func TestEniQuantityLimit(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f)
	for range 2 {
		_, err := c.AttachNetworkInterface(attachReq(newENI(t, c), in.ID))
		require.NoError(t, err)
	}
	_, err := c.AttachNetworkInterface(attachReq(newENI(t, c), in.ID))
	requireCode(t, err, "EniPerInstanceLimitExceeded", 403)
}

// TestAttachChecksTheTypeLimits checks the instance type's limits on an
// attach: addresses per ENI, queues per ENI, trunking and RDMA.
func TestAttachChecksTheTypeLimits(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f) // ecs.g7.large: 6 IPv4 per ENI, 2 queues
	rows := []struct {
		name   string
		edit   func(r *createReqT)
		code   string
		status int
	}{
		{"too many addresses", func(r *createReqT) {
			r.SecondaryPrivateIpAddressCount = tea.Int32(6)
		}, "InvalidOperation.Ipv4CountExceeded", 403},
		{"too many queues", func(r *createReqT) {
			r.QueueNumber = tea.Int32(4)
		}, "InvalidOperation.MaxEniQueueNumberExceeded", 403},
		{"trunk", func(r *createReqT) {
			r.InstanceType = tea.String("Trunk")
		}, "InvalidOperation.TrunkingIsNotAllowed", 403},
		{"RDMA", func(r *createReqT) {
			r.NetworkInterfaceTrafficMode = tea.String("HighPerformance")
		}, "InvalidOperation.HighPerformanceTrafficModeIsNotAllowed", 403},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			req := createReq()
			row.edit(req)
			id := tea.StringValue(mustCreate(t, c, req).NetworkInterfaceId)
			_, err := c.AttachNetworkInterface(attachReq(id, in.ID))
			requireCode(t, err, row.code, row.status)
		})
	}
}

// TestDetachRefusals checks DetachNetworkInterface's preconditions: the
// primary ENI cannot be detached, the ENI must be attached to the named
// instance and InUse or Detaching.
func TestDetachRefusals(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f)
	other := addInstance(f)
	id := newENI(t, c)
	_, err := c.DetachNetworkInterface(detachReq(in.PrimaryENI, in.ID))
	requireCode(t, err, "InvalidOperation.DetachPrimaryEniNotAllowed", 400)
	_, err = c.DetachNetworkInterface(detachReq(id, in.ID))
	requireCode(t, err, "InvalidOperation.InvalidEniState", 400)
	_, err = c.AttachNetworkInterface(attachReq(id, in.ID))
	require.NoError(t, err)
	_, err = c.DetachNetworkInterface(detachReq(id, in.ID))
	requireCode(t, err, "InvalidOperation.InvalidEniState", 400)
	f.Settle()
	_, err = c.DetachNetworkInterface(detachReq(id, other.ID))
	requireCode(t, err, "InvalidParameter", 400)
}

// TestDeleteNeedsAvailable checks that an attached ENI cannot be deleted,
// nor a primary ENI (DeleteNetworkInterface: the ENI must be Available).
func TestDeleteNeedsAvailable(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f)
	id := newENI(t, c)
	_, err := c.AttachNetworkInterface(attachReq(id, in.ID))
	require.NoError(t, err)
	_, err = c.DeleteNetworkInterface(deleteReq(tea.String(id)))
	requireCode(t, err, "InvalidOperation.InvalidEniState", 400)
	f.Settle()
	_, err = c.DeleteNetworkInterface(deleteReq(tea.String(id)))
	requireCode(t, err, "InvalidOperation.InvalidEniState", 400)
	_, err = c.DeleteNetworkInterface(deleteReq(tea.String(in.PrimaryENI)))
	requireCode(t, err, "InvalidOperation.InvalidEniType", 403)
}

// TestReleaseInstance releases an instance with two attached ENIs: the
// primary ENI and the one with DeleteOnRelease are deleted, and the other
// is detached.
func TestReleaseInstance(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f)
	keep := newENI(t, c)
	req := createReq()
	req.DeleteOnRelease = tea.Bool(true)
	drop := tea.StringValue(mustCreate(t, c, req).NetworkInterfaceId)
	for _, id := range []string{keep, drop} {
		_, err := c.AttachNetworkInterface(attachReq(id, in.ID))
		require.NoError(t, err)
	}
	f.Settle()
	f.ReleaseInstance(in.ID)
	require.Empty(t, f.Instances())
	var left []string
	for _, n := range f.NetworkInterfaces() {
		left = append(left, n.ID)
	}
	require.Equal(t, []string{keep}, left)
	require.Equal(t, "Available", status(t, c, keep))
}

// TestInstanceStartAndStop follows an instance through Stopping and
// Starting on the virtual clock.
func TestInstanceStartAndStop(t *testing.T) {
	f, _ := newFake(t)
	in := addInstance(f)
	f.StopInstance(in.ID)
	require.Equal(t, fakeecs.InstanceStopping, f.Instances()[0].Status)
	f.Advance(10 * time.Second)
	require.Equal(t, fakeecs.InstanceStopped, f.Instances()[0].Status)
	f.StartInstance(in.ID)
	require.Equal(t, fakeecs.InstanceStarting, f.Instances()[0].Status)
	require.Equal(t, 10*time.Second, f.Settle())
	require.Equal(t, fakeecs.InstanceRunning, f.Instances()[0].Status)
	require.PanicsWithValue(t, "fakeecs: instance "+in.ID+
		" is Running, not Stopped or Pending", func() {
		f.StartInstance(in.ID)
	})
}

// TestAddInstanceMisuse checks that an impossible instance is a test's
// mistake and panics with a message naming it.
func TestAddInstanceMisuse(t *testing.T) {
	f, _ := newFake(t)
	require.PanicsWithValue(t, `fakeecs: AddInstance: unknown vSwitch `+
		`"vsw-x"`,
		func() {
			f.AddInstance(fakeecs.InstanceSpec{VSwitch: "vsw-x",
				Type:           "ecs.g7.large",
				SecurityGroups: []string{fakeecs.DefaultSecurityGroup}})
		})
	require.Panics(t, func() {
		f.AddInstance(fakeecs.InstanceSpec{VSwitch: fakeecs.DefaultVSwitchH,
			Type:           "ecs.nope",
			SecurityGroups: []string{fakeecs.DefaultSecurityGroup}})
	})
	require.Panics(t, func() { f.Hold("eni-unknown") })
}

// TestPerReadPollsToInUse checks Delays.PerRead: code that polls
// DescribeNetworkInterfaceAttribute after an attach, with no clock move
// of its own, sees Attaching twice and InUse at the third read, since
// each read moves the clock 1s and the attach takes 3s. Other calls do
// not move the clock.
func TestPerReadPollsToInUse(t *testing.T) {
	ds := fakeecs.DefaultDelays()
	ds.PerRead = time.Second
	f, c := newFake(t, fakeecs.WithDelays(ds))
	in := addInstance(f)
	id := newENI(t, c)
	start := f.Now()
	_, err := c.AttachNetworkInterface(attachReq(id, in.ID))
	require.NoError(t, err)
	require.Equal(t, start, f.Now())
	var seen []string
	for len(seen) < 5 && (len(seen) == 0 || seen[len(seen)-1] != "InUse") {
		seen = append(seen, status(t, c, id))
	}
	require.Equal(t, []string{"Attaching", "Attaching", "InUse"}, seen)
	require.Equal(t, 3*time.Second, f.Now().Sub(start))
}
