package fakeecs_test

import (
	"fmt"
	"time"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// waitFor polls DescribeNetworkInterfaceAttribute until the ENI reaches
// the state, as ENI controllers do against the real service; instead of
// sleeping between polls, it moves the fake's virtual clock.
func waitFor(f *fakeecs.Fake, c *fakeecs.Client, id, want string) {
	for poll := 1; ; poll++ {
		resp, err := c.DescribeNetworkInterfaceAttribute(
			&ecs.DescribeNetworkInterfaceAttributeRequest{
				RegionId:           tea.String("cn-hangzhou"),
				NetworkInterfaceId: tea.String(id),
			})
		if fakeecs.IsCode(err, "InvalidEniId.NotFound") && want == "gone" {
			fmt.Printf("  poll %d: gone\n", poll)
			return
		}
		if err != nil {
			panic(err)
		}
		got := tea.StringValue(resp.Body.Status)
		fmt.Printf("  poll %d: %s\n", poll, got)
		if got == want {
			return
		}
		f.Advance(time.Second) // the test's stand-in for time.Sleep
	}
}

// The whole life of a secondary ENI, as a downstream test drives it:
// create, attach and wait for InUse, assign addresses, detach and wait
// for Available, delete and wait until it is gone.
func Example_lifecycle() {
	f := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()))
	c := f.Client()
	in := f.AddInstance(fakeecs.InstanceSpec{
		VSwitch:        fakeecs.DefaultVSwitchH,
		Type:           "ecs.g7.large",
		SecurityGroups: []string{fakeecs.DefaultSecurityGroup},
	})
	region := tea.String("cn-hangzhou")

	created, _ := c.CreateNetworkInterface(&ecs.CreateNetworkInterfaceRequest{
		RegionId:        region,
		VSwitchId:       tea.String(fakeecs.DefaultVSwitchH),
		SecurityGroupId: tea.String(fakeecs.DefaultSecurityGroup),
	})
	id := tea.StringValue(created.Body.NetworkInterfaceId)
	fmt.Println("created, primary address",
		tea.StringValue(created.Body.PrivateIpAddress))

	fmt.Println("attach")
	_, _ = c.AttachNetworkInterface(&ecs.AttachNetworkInterfaceRequest{
		RegionId: region, NetworkInterfaceId: &id, InstanceId: &in.ID})
	waitFor(f, c, id, "InUse")

	assigned, _ := c.AssignPrivateIpAddresses(
		&ecs.AssignPrivateIpAddressesRequest{RegionId: region,
			NetworkInterfaceId:             &id,
			SecondaryPrivateIpAddressCount: tea.Int32(2)})
	fmt.Println("assigned", tea.StringSliceValue(assigned.Body.
		AssignedPrivateIpAddressesSet.PrivateIpSet.PrivateIpAddress))

	fmt.Println("detach")
	_, _ = c.DetachNetworkInterface(&ecs.DetachNetworkInterfaceRequest{
		RegionId: region, NetworkInterfaceId: &id, InstanceId: &in.ID})
	waitFor(f, c, id, "Available")

	fmt.Println("delete")
	_, _ = c.DeleteNetworkInterface(&ecs.DeleteNetworkInterfaceRequest{
		RegionId: region, NetworkInterfaceId: &id})
	waitFor(f, c, id, "gone")
	fmt.Println("virtual time passed:", f.Now().Sub(
		time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)))
	// Output:
	// created, primary address 192.168.0.2
	// attach
	//   poll 1: Attaching
	//   poll 2: Attaching
	//   poll 3: Attaching
	//   poll 4: InUse
	// assigned [192.168.0.3 192.168.0.4]
	// detach
	//   poll 1: Detaching
	//   poll 2: Detaching
	//   poll 3: Detaching
	//   poll 4: Available
	// delete
	//   poll 1: Deleting
	//   poll 2: gone
	// virtual time passed: 7s
}
