// Command quickstart plays the part of a downstream test: code written
// against the v7 ECS SDK's client runs against the fake's default world
// through the fake's typed client. It creates ENIs, lists them, meets one
// documented error, deletes them, waits on the fake's virtual clock for
// the deletes to finish, and prints what it did.
//
//	go run ./examples/quickstart
package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// ENIAPI is what code under test declares over the SDK's client; both
// *ecs.Client and *fakeecs.Client satisfy it.
type ENIAPI interface {
	CreateNetworkInterface(*ecs.CreateNetworkInterfaceRequest) (
		*ecs.CreateNetworkInterfaceResponse, error)
	DescribeNetworkInterfaces(*ecs.DescribeNetworkInterfacesRequest) (
		*ecs.DescribeNetworkInterfacesResponse, error)
	DeleteNetworkInterface(*ecs.DeleteNetworkInterfaceRequest) (
		*ecs.DeleteNetworkInterfaceResponse, error)
}

// clock is the part of the fake a test uses to let time pass.
type clock interface{ Advance(d time.Duration) }

func main() {
	f := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()))
	if err := run(f.Client(), f); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(api ENIAPI, clk clock) error {
	var ids []*string
	for _, n := range []int32{2, 0} {
		id, err := create(api, fakeecs.DefaultVSwitchH, n)
		if err != nil {
			return err
		}
		ids = append(ids, id)
	}
	if err := list(api); err != nil {
		return err
	}
	exhaust(api)
	for _, id := range ids {
		if err := remove(api, id); err != nil {
			return err
		}
	}
	if err := list(api); err != nil {
		return err
	}
	clk.Advance(time.Second)
	fmt.Println("advanced  the virtual clock by 1s")
	return list(api)
}

func createRequest(vsw string, n int32) *ecs.CreateNetworkInterfaceRequest {
	req := &ecs.CreateNetworkInterfaceRequest{
		RegionId:        tea.String(fakeecs.DefaultRegion),
		VSwitchId:       tea.String(vsw),
		SecurityGroupId: tea.String(fakeecs.DefaultSecurityGroup),
		Tag: []*ecs.CreateNetworkInterfaceRequestTag{{
			Key: tea.String("creator"), Value: tea.String("quickstart")}},
	}
	if n > 0 {
		req.SecondaryPrivateIpAddressCount = tea.Int32(n)
	}
	return req
}

func create(api ENIAPI, vsw string, n int32) (*string, error) {
	resp, err := api.CreateNetworkInterface(createRequest(vsw, n))
	if err != nil {
		return nil, err
	}
	b := resp.Body
	fmt.Printf("created   %s  %-9s  primary %s  +%d secondary  mac %s\n",
		tea.StringValue(b.NetworkInterfaceId), tea.StringValue(b.Status),
		tea.StringValue(b.PrivateIpAddress),
		len(b.PrivateIpSets.PrivateIpSet)-1, tea.StringValue(b.MacAddress))
	return b.NetworkInterfaceId, nil
}

func list(api ENIAPI) error {
	resp, err := api.DescribeNetworkInterfaces(
		&ecs.DescribeNetworkInterfacesRequest{
			RegionId: tea.String(fakeecs.DefaultRegion),
			Tag: []*ecs.DescribeNetworkInterfacesRequestTag{{
				Key: tea.String("creator"), Value: tea.String("quickstart")}},
			MaxResults: tea.Int32(50),
		})
	if err != nil {
		return err
	}
	set := resp.Body.NetworkInterfaceSets.NetworkInterfaceSet
	states := map[string]int{}
	for _, n := range set {
		states[tea.StringValue(n.Status)]++
	}
	fmt.Printf("described %d ENIs tagged creator=quickstart %v\n",
		len(set), states)
	return nil
}

// exhaust asks the smallest vSwitch, a /29 with four usable addresses,
// for five, and prints the documented error the SDK returns.
func exhaust(api ENIAPI) {
	resp, err := api.CreateNetworkInterface(
		createRequest(fakeecs.DefaultVSwitchSmall, 4))
	var se *tea.SDKError
	if errors.As(err, &se) {
		fmt.Printf("refused   HTTP %d %s (response body nil: %t)\n",
			tea.IntValue(se.StatusCode), tea.StringValue(se.Code),
			resp.Body == nil)
	}
}

func remove(api ENIAPI, id *string) error {
	_, err := api.DeleteNetworkInterface(&ecs.DeleteNetworkInterfaceRequest{
		RegionId:           tea.String(fakeecs.DefaultRegion),
		NetworkInterfaceId: id,
	})
	if err == nil {
		fmt.Printf("deleting  %s\n", tea.StringValue(id))
	}
	return err
}
