package fakeecs_test

import (
	"fmt"
	"net/netip"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// instant makes transitions end at the next call, so that a benchmark's
// deletes free their addresses at once.
var instant = fakeecs.WithDelays(fakeecs.Delays{})

// BenchmarkCreate measures one CreateNetworkInterface through the typed
// client, each followed (off the clock) by its delete.
func BenchmarkCreate(b *testing.B) {
	_, c := newFake(b, instant)
	b.ReportAllocs()
	for b.Loop() {
		createThenUntimedDelete(b, c, createReq())
	}
}

// BenchmarkDescribe measures one DescribeNetworkInterfaces page of 100
// ENIs out of 200.
func BenchmarkDescribe(b *testing.B) {
	f := fakeecs.New(fakeecs.WithWorld(bigWorld()))
	c := f.Client()
	for range 200 {
		mustCreate(b, c, bigReq(0))
	}
	req := &ecs.DescribeNetworkInterfacesRequest{
		RegionId: tea.String(region), MaxResults: tea.Int32(100)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.DescribeNetworkInterfaces(req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDelete measures one DeleteNetworkInterface, each preceded (off
// the clock) by its create.
func BenchmarkDelete(b *testing.B) {
	_, c := newFake(b, instant)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		id := mustCreate(b, c, createReq()).NetworkInterfaceId
		b.StartTimer()
		if _, err := c.DeleteNetworkInterface(deleteReq(id)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCreateFill measures a create on a /16 vSwitch that is empty and
// one that holds 60,000 addresses: the cost per create must not grow with
// the addresses held.
func BenchmarkCreateFill(b *testing.B) {
	for _, held := range []int{0, 60000} {
		b.Run(fmt.Sprintf("held=%d", held), func(b *testing.B) {
			f := fakeecs.New(fakeecs.WithWorld(bigWorld()), instant)
			c := f.Client()
			for range held / 50 {
				mustCreate(b, c, bigReq(49))
			}
			avail, _ := f.AvailableIPs("vsw-big")
			if want := 65532 - held; avail != want {
				b.Fatalf("%d available, want %d", avail, want)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				createThenUntimedDelete(b, c, bigReq(0))
			}
		})
	}
}

func createThenUntimedDelete(b *testing.B, c *fakeecs.Client,
	req *ecs.CreateNetworkInterfaceRequest) {
	resp, err := c.CreateNetworkInterface(req)
	if err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	if _, err := c.DeleteNetworkInterface(
		deleteReq(resp.Body.NetworkInterfaceId)); err != nil {
		b.Fatal(err)
	}
	b.StartTimer()
}

// bigWorld is the default world with a /16 vSwitch in a VPC of its own.
func bigWorld() fakeecs.World {
	w := fakeecs.DefaultWorld()
	w.VPCs = append(w.VPCs, fakeecs.VPC{ID: "vpc-big", Region: region,
		CIDR: netip.MustParsePrefix("10.0.0.0/8")})
	w.VSwitches = append(w.VSwitches, fakeecs.VSwitch{ID: "vsw-big",
		VPC: "vpc-big", Zone: fakeecs.DefaultZoneH,
		CIDR: netip.MustParsePrefix("10.1.0.0/16")})
	w.SecurityGroups = append(w.SecurityGroups, fakeecs.SecurityGroup{
		ID: "sg-big", VPC: "vpc-big", Capacity: 1 << 20})
	return w
}

func bigReq(secondary int32) *ecs.CreateNetworkInterfaceRequest {
	req := &ecs.CreateNetworkInterfaceRequest{
		RegionId:        tea.String(region),
		VSwitchId:       tea.String("vsw-big"),
		SecurityGroupId: tea.String("sg-big"),
	}
	if secondary > 0 {
		req.SecondaryPrivateIpAddressCount = tea.Int32(secondary)
	}
	return req
}
