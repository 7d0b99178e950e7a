package fakeecs_test

import (
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

type modifyReqT = ecs.ModifyNetworkInterfaceAttributeRequest

func modifyReq(id string) *modifyReqT {
	return &modifyReqT{RegionId: tea.String(region),
		NetworkInterfaceId: tea.String(id)}
}

// TestModifyChangesAttributes changes the name, description, the whole
// set of security groups, DeleteOnRelease, SourceDestCheck, the queue
// settings and the connection tracking of an ENI, and reads them back
// (ModifyNetworkInterfaceAttribute).
func TestModifyChangesAttributes(t *testing.T) {
	w := fakeecs.DefaultWorld()
	w.SecurityGroups = append(w.SecurityGroups, fakeecs.SecurityGroup{
		ID: "sg-second", VPC: fakeecs.DefaultVPC})
	f, c := newFake(t, fakeecs.WithWorld(w))
	id := newENI(t, c)
	req := modifyReq(id)
	req.NetworkInterfaceName = tea.String("renamed-1")
	req.Description = tea.String("new words")
	req.SecurityGroupId = tea.StringSlice([]string{"sg-second",
		fakeecs.DefaultSecurityGroup})
	req.DeleteOnRelease = tea.Bool(true)
	req.SourceDestCheck = tea.Bool(true)
	req.QueueNumber = tea.Int32(4)
	req.RxQueueSize, req.TxQueueSize = tea.Int32(16384), tea.Int32(16384)
	req.ConnectionTrackingConfiguration =
		&ecs.ModifyNetworkInterfaceAttributeRequestConnectionTrackingConfiguration{
			UdpTimeout: tea.Int32(60)}
	_, err := c.ModifyNetworkInterfaceAttribute(req)
	require.NoError(t, err)
	n, _ := f.NetworkInterface(id)
	require.Equal(t, "renamed-1", n.Name)
	require.Equal(t, "new words", n.Description)
	require.Equal(t, []string{"sg-second", fakeecs.DefaultSecurityGroup},
		n.SecurityGroups)
	require.True(t, n.DeleteOnRelease)
	require.True(t, n.SourceDestCheck)
	require.Equal(t, 4, n.QueueNumber)
	require.Equal(t, 16384, n.RxQueueSize)
	require.Equal(t, fakeecs.ConnectionTracking{TCPClosedAndTimeWait: 3,
		TCPEstablished: 910, UDP: 60}, n.ConnTrack)

	req = modifyReq(id)
	req.SecurityGroupId = tea.StringSlice([]string{"sg-second"})
	_, err = c.ModifyNetworkInterfaceAttribute(req)
	require.NoError(t, err)
	resp, err := c.DescribeNetworkInterfaces(&describeReqT{
		RegionId:        tea.String(region),
		SecurityGroupId: tea.String(fakeecs.DefaultSecurityGroup)})
	require.NoError(t, err)
	require.Empty(t, ids(resp.Body))
}

// TestModifyRefusals checks ModifyNetworkInterfaceAttribute's errors.
func TestModifyRefusals(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f)
	id := newENI(t, c)
	attached := newENI(t, c)
	_, err := c.AttachNetworkInterface(attachReq(attached, in.ID))
	require.NoError(t, err)
	f.Settle()
	rows := []struct {
		name   string
		id     string
		edit   func(r *modifyReqT)
		code   string
		status int
	}{
		{"name starts with a digit", id, func(r *modifyReqT) {
			r.NetworkInterfaceName = tea.String("1eni")
		}, "InvalidParams.NetworkInterfaceName", 403},
		{"description of 256", id, func(r *modifyReqT) {
			r.Description = tea.String(string(make([]byte, 256)))
		}, "InvalidParameter", 400},
		{"group twice", id, func(r *modifyReqT) {
			r.SecurityGroupId = tea.StringSlice([]string{
				fakeecs.DefaultSecurityGroup, fakeecs.DefaultSecurityGroup})
		}, "InvalidParameter.SecurityGroupIdRepeated", 400},
		{"groups of two types", id, func(r *modifyReqT) {
			r.SecurityGroupId = tea.StringSlice([]string{
				fakeecs.DefaultSecurityGroup, fakeecs.DefaultEnterpriseSG})
		}, "EnterpriseGroupLimited.MutliGroupType", 403},
		{"unknown group", id, func(r *modifyReqT) {
			r.SecurityGroupId = tea.StringSlice([]string{"sg-x"})
		}, "InvalidSecurityGroupId.NotFound", 404},
		{"groups of a primary ENI", in.PrimaryENI, func(r *modifyReqT) {
			r.SecurityGroupId = tea.StringSlice([]string{
				fakeecs.DefaultSecurityGroup})
		}, "InvalidOperation.InvalidEniType", 403},
		{"queues on a running instance", attached, func(r *modifyReqT) {
			r.QueueNumber = tea.Int32(1)
		}, "InvalidOperation.InvalidEcsState", 400},
		{"queue number 0", id, func(r *modifyReqT) {
			r.QueueNumber = tea.Int32(0)
		}, "InvalidParameter.InvalidEniQueueNumber", 403},
		{"queue sizes differ", id, func(r *modifyReqT) {
			r.RxQueueSize = tea.Int32(8192)
		}, "InvalidParameter.EniQueueSize", 400},
		{"mode of an attached ENI", attached, func(r *modifyReqT) {
			r.NetworkInterfaceTrafficConfig =
				&ecs.ModifyNetworkInterfaceAttributeRequestNetworkInterfaceTrafficConfig{
					NetworkInterfaceTrafficMode: tea.String("HighPerformance")}
		}, "InvalidOperation.InvalidEniState", 400},
		{"enhanced network", id, func(r *modifyReqT) {
			r.EnhancedNetwork =
				&ecs.ModifyNetworkInterfaceAttributeRequestEnhancedNetwork{
					EnableRss: tea.Bool(true)}
		}, "UnsupportedParameter", 400},
		{"unknown ENI", "eni-bp1none", func(r *modifyReqT) {},
			"InvalidEniId.NotFound", 404},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			before := takeSnapshot(f)
			req := modifyReq(row.id)
			row.edit(req)
			_, err := c.ModifyNetworkInterfaceAttribute(req)
			requireCode(t, err, row.code, row.status)
			require.Empty(t, diffSnapshots(before, takeSnapshot(f)))
		})
	}
}

// TestModifyQueuesOfAStoppedInstance changes the queues of an attached
// ENI once its instance is stopped, within the type's limits
// (QueueNumber: "only when the ENI is Available or attached to a Stopped
// instance"; MaximumQueueNumberPerEni and TotalEniQueueQuantity).
func TestModifyQueuesOfAStoppedInstance(t *testing.T) {
	f, c := newFake(t)
	in := addInstance(f) // ecs.g7.large: 2 queues per ENI, 6 in all
	id := newENI(t, c)
	_, err := c.AttachNetworkInterface(attachReq(id, in.ID))
	require.NoError(t, err)
	f.StopInstance(in.ID)
	f.Settle()
	req := modifyReq(id)
	req.QueueNumber = tea.Int32(1)
	_, err = c.ModifyNetworkInterfaceAttribute(req)
	require.NoError(t, err)
	req.QueueNumber = tea.Int32(3)
	_, err = c.ModifyNetworkInterfaceAttribute(req)
	requireCode(t, err, "InvalidOperation.MaxEniQueueNumberExceeded", 403)
	n, _ := f.NetworkInterface(id)
	require.Equal(t, 1, n.QueueNumber)
}
