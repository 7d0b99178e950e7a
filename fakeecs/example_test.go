package fakeecs_test

import (
	"errors"
	"fmt"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// A test creates an ENI through the typed client and reads it back.
func Example() {
	f := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()))
	c := f.Client()
	resp, err := c.CreateNetworkInterface(&ecs.CreateNetworkInterfaceRequest{
		RegionId:                       tea.String("cn-hangzhou"),
		VSwitchId:                      tea.String(fakeecs.DefaultVSwitchH),
		SecurityGroupId:                tea.String(fakeecs.DefaultSecurityGroup),
		SecondaryPrivateIpAddressCount: tea.Int32(1),
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(tea.StringValue(resp.Body.Status))
	for _, ip := range resp.Body.PrivateIpSets.PrivateIpSet {
		fmt.Println(tea.StringValue(ip.PrivateIpAddress),
			tea.BoolValue(ip.Primary))
	}
	left, _ := f.AvailableIPs(fakeecs.DefaultVSwitchH)
	fmt.Println(left, "addresses left")
	// Output:
	// Available
	// 192.168.0.1 true
	// 192.168.0.2 false
	// 250 addresses left
}

// A call the service refuses returns the SDK's own error value, with the
// documented code and HTTP status, and a response with a nil body.
func Example_error() {
	c := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld())).Client()
	resp, err := c.DeleteNetworkInterface(&ecs.DeleteNetworkInterfaceRequest{
		RegionId:           tea.String("cn-hangzhou"),
		NetworkInterfaceId: tea.String("eni-bp1doesnotexist0000"),
	})
	var se *tea.SDKError
	if errors.As(err, &se) {
		fmt.Println(tea.IntValue(se.StatusCode), tea.StringValue(se.Code))
	}
	fmt.Println(resp.Body == nil)
	// Output:
	// 404 InvalidEniId.NotFound
	// true
}
