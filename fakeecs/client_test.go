package fakeecs_test

import (
	"context"
	"errors"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// eniAPI is the kind of interface downstream code declares over the v7
// SDK's client: every form of every action the fake serves.
type eniAPI interface {
	CreateNetworkInterface(*ecs.CreateNetworkInterfaceRequest) (
		*ecs.CreateNetworkInterfaceResponse, error)
	CreateNetworkInterfaceWithOptions(*ecs.CreateNetworkInterfaceRequest,
		*dara.RuntimeOptions) (*ecs.CreateNetworkInterfaceResponse, error)
	CreateNetworkInterfaceWithContext(context.Context,
		*ecs.CreateNetworkInterfaceRequest, *dara.RuntimeOptions) (
		*ecs.CreateNetworkInterfaceResponse, error)
	DeleteNetworkInterface(*ecs.DeleteNetworkInterfaceRequest) (
		*ecs.DeleteNetworkInterfaceResponse, error)
	DeleteNetworkInterfaceWithOptions(*ecs.DeleteNetworkInterfaceRequest,
		*dara.RuntimeOptions) (*ecs.DeleteNetworkInterfaceResponse, error)
	DeleteNetworkInterfaceWithContext(context.Context,
		*ecs.DeleteNetworkInterfaceRequest, *dara.RuntimeOptions) (
		*ecs.DeleteNetworkInterfaceResponse, error)
	DescribeNetworkInterfaces(*ecs.DescribeNetworkInterfacesRequest) (
		*ecs.DescribeNetworkInterfacesResponse, error)
	DescribeNetworkInterfacesWithOptions(
		*ecs.DescribeNetworkInterfacesRequest, *dara.RuntimeOptions) (
		*ecs.DescribeNetworkInterfacesResponse, error)
	DescribeNetworkInterfacesWithContext(context.Context,
		*ecs.DescribeNetworkInterfacesRequest, *dara.RuntimeOptions) (
		*ecs.DescribeNetworkInterfacesResponse, error)
	DescribeNetworkInterfaceAttribute(
		*ecs.DescribeNetworkInterfaceAttributeRequest) (
		*ecs.DescribeNetworkInterfaceAttributeResponse, error)
	DescribeNetworkInterfaceAttributeWithOptions(
		*ecs.DescribeNetworkInterfaceAttributeRequest,
		*dara.RuntimeOptions) (
		*ecs.DescribeNetworkInterfaceAttributeResponse, error)
	DescribeNetworkInterfaceAttributeWithContext(context.Context,
		*ecs.DescribeNetworkInterfaceAttributeRequest,
		*dara.RuntimeOptions) (
		*ecs.DescribeNetworkInterfaceAttributeResponse, error)
}

// The compile-time proof: the real client and the fake's typed client
// satisfy the same interface.
var (
	_ eniAPI = (*ecs.Client)(nil)
	_ eniAPI = (*fakeecs.Client)(nil)
)

// TestEveryFormReachesTheFake calls each action through its three forms
// and checks that each reaches the fake.
func TestEveryFormReachesTheFake(t *testing.T) {
	f, c := newFake(t)
	var api eniAPI = c
	ctx := context.Background()
	rt := &dara.RuntimeOptions{}
	for _, create := range []func() (*ecs.CreateNetworkInterfaceResponse,
		error){
		func() (*ecs.CreateNetworkInterfaceResponse, error) {
			return api.CreateNetworkInterface(createReq())
		},
		func() (*ecs.CreateNetworkInterfaceResponse, error) {
			return api.CreateNetworkInterfaceWithOptions(createReq(), rt)
		},
		func() (*ecs.CreateNetworkInterfaceResponse, error) {
			return api.CreateNetworkInterfaceWithContext(ctx, createReq(), rt)
		},
	} {
		_, err := create()
		require.NoError(t, err)
	}
	enis := f.NetworkInterfaces()
	require.Len(t, enis, 3)
	dreq := &ecs.DescribeNetworkInterfacesRequest{RegionId: tea.String(region)}
	for _, err := range []error{
		second(api.DescribeNetworkInterfaces(dreq)),
		second(api.DescribeNetworkInterfacesWithOptions(dreq, rt)),
		second(api.DescribeNetworkInterfacesWithContext(ctx, dreq, rt)),
	} {
		require.NoError(t, err)
	}
	areq := &ecs.DescribeNetworkInterfaceAttributeRequest{
		RegionId: tea.String(region), NetworkInterfaceId: &enis[0].ID}
	for _, err := range []error{
		second(api.DescribeNetworkInterfaceAttribute(areq)),
		second(api.DescribeNetworkInterfaceAttributeWithOptions(areq, rt)),
		second(api.DescribeNetworkInterfaceAttributeWithContext(ctx, areq,
			rt)),
	} {
		require.NoError(t, err)
	}
	require.NoError(t, second(api.DeleteNetworkInterface(
		deleteReq(&enis[0].ID))))
	require.NoError(t, second(api.DeleteNetworkInterfaceWithOptions(
		deleteReq(&enis[1].ID), rt)))
	require.NoError(t, second(api.DeleteNetworkInterfaceWithContext(ctx,
		deleteReq(&enis[2].ID), rt)))
	f.Settle()
	require.Empty(t, f.NetworkInterfaces())
	require.Len(t, f.Journal(), 12)
}

func second[T any](_ T, err error) error { return err }

// TestCancelledContext checks that a call whose context is already done
// fails with the context's error and does not reach the fake.
func TestCancelledContext(t *testing.T) {
	f, c := newFake(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	resp, err := c.CreateNetworkInterfaceWithContext(ctx, createReq(), nil)
	require.True(t, errors.Is(err, context.Canceled))
	require.NotNil(t, resp)
	require.Empty(t, f.Journal())
}

// TestNilRequestIsAnEmptyRequest checks that a nil request, which the
// real client cannot send, gets the error of an empty one.
func TestNilRequestIsAnEmptyRequest(t *testing.T) {
	_, c := newFake(t)
	_, err := c.CreateNetworkInterface(nil)
	requireCode(t, err, "MissingParameter", 400)
}

// TestSameSeedSameAnswers checks that two fakes with the same seed give
// byte-identical answers to the same calls, and another seed other IDs.
func TestSameSeedSameAnswers(t *testing.T) {
	run := func(seed uint64) []string {
		_, c := newFake(t, fakeecs.WithSeed(seed),
			fakeecs.WithAddressPolicy(fakeecs.RandomFree))
		var out []string
		for range 5 {
			req := createReq()
			req.SecondaryPrivateIpAddressCount = tea.Int32(2)
			resp, err := c.CreateNetworkInterface(req)
			require.NoError(t, err)
			out = append(out, resp.Body.String())
		}
		return out
	}
	require.Equal(t, run(7), run(7))
	require.NotEqual(t, run(7), run(8))
}

// TestFailedCallLeavesNoTrace checks that a failed call does not change
// the IDs and addresses of the calls after it.
func TestFailedCallLeavesNoTrace(t *testing.T) {
	run := func(fail bool) (string, string) {
		_, c := newFake(t, fakeecs.WithAddressPolicy(fakeecs.RandomFree))
		if fail {
			req := createReq()
			req.SecondaryPrivateIpAddressCount = tea.Int32(3)
			req.Ipv6Address = tea.StringSlice([]string{"2408:4005:3d0:b00::1"})
			_, err := c.CreateNetworkInterface(req)
			requireCode(t, err, "InvalidOperation.AddressNotInVSwitchCidr",
				404)
		}
		b := mustCreate(t, c, createReq())
		return tea.StringValue(b.NetworkInterfaceId),
			tea.StringValue(b.PrivateIpAddress)
	}
	id1, ip1 := run(false)
	id2, ip2 := run(true)
	require.Equal(t, id1, id2)
	require.Equal(t, ip1, ip2)
}
