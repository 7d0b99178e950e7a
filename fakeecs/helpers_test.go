package fakeecs_test

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

const region = fakeecs.DefaultRegion

// newFake returns a fake on the default world and its typed client.
func newFake(t testing.TB, opts ...fakeecs.Option) (*fakeecs.Fake,
	*fakeecs.Client) {
	t.Helper()
	opts = append([]fakeecs.Option{
		fakeecs.WithWorld(fakeecs.DefaultWorld())}, opts...)
	f := fakeecs.New(opts...)
	return f, f.Client()
}

// createReq returns a minimal valid CreateNetworkInterface request on the
// default dual-stack vSwitch.
func createReq() *ecs.CreateNetworkInterfaceRequest {
	return &ecs.CreateNetworkInterfaceRequest{
		RegionId:        tea.String(region),
		VSwitchId:       tea.String(fakeecs.DefaultVSwitchH),
		SecurityGroupId: tea.String(fakeecs.DefaultSecurityGroup),
	}
}

// mustCreate creates an ENI and returns the answer's body.
func mustCreate(t testing.TB, c *fakeecs.Client,
	req *ecs.CreateNetworkInterfaceRequest) *ecs.CreateNetworkInterfaceResponseBody {
	t.Helper()
	resp, err := c.CreateNetworkInterface(req)
	require.NoError(t, err)
	require.NotNil(t, resp.Body)
	return resp.Body
}

// requireCode asserts that err is the SDK error of the code and status.
func requireCode(t testing.TB, err error, code string, status int) {
	t.Helper()
	require.Error(t, err)
	var se *tea.SDKError
	require.True(t, errors.As(err, &se), "not a *tea.SDKError: %v", err)
	require.Equal(t, code, tea.StringValue(se.Code), "message: %s",
		tea.StringValue(se.Message))
	require.Equal(t, status, tea.IntValue(se.StatusCode))
}

// eniItem is one ENI of a DescribeNetworkInterfaces answer.
type eniItem = ecs.DescribeNetworkInterfacesResponseBodyNetworkInterfaceSetsNetworkInterfaceSet

// describeAll lists every ENI of the default region.
func describeAll(t testing.TB, c *fakeecs.Client) []*eniItem {
	t.Helper()
	resp, err := c.DescribeNetworkInterfaces(
		&ecs.DescribeNetworkInterfacesRequest{
			RegionId:   tea.String(region),
			MaxResults: tea.Int32(500),
		})
	require.NoError(t, err)
	return resp.Body.NetworkInterfaceSets.NetworkInterfaceSet
}

// snapshot is what a failed call must leave unchanged.
type snapshot struct {
	enis      []fakeecs.NetworkInterface
	available map[string]int
}

func takeSnapshot(f *fakeecs.Fake) snapshot {
	s := snapshot{enis: f.NetworkInterfaces(), available: map[string]int{}}
	for _, v := range fakeecs.DefaultWorld().VSwitches {
		s.available[v.ID], _ = f.AvailableIPs(v.ID)
	}
	return s
}

func fmtAddr(format string, i int) string { return fmt.Sprintf(format, i) }

func netipPrefix(s string) netip.Prefix { return netip.MustParsePrefix(s) }

// snapshotOpts let go-cmp compare snapshots.
var snapshotOpts = []cmp.Option{
	cmp.AllowUnexported(snapshot{}, fakeecs.NetworkInterface{}),
	cmpopts.EquateComparable(netip.Addr{}, netip.Prefix{}),
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

// diffSnapshots returns how two snapshots differ, or "".
func diffSnapshots(a, b snapshot) string {
	return cmp.Diff(a, b, snapshotOpts...)
}

// addrStrings returns the addresses as strings.
func addrStrings(as []netip.Addr) []string {
	out := []string{}
	for _, a := range as {
		out = append(out, a.String())
	}
	return out
}

type attrReqT = ecs.DescribeNetworkInterfaceAttributeRequest
