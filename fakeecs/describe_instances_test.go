package fakeecs_test

import (
	"testing"
	"time"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

type instancesReqT = ecs.DescribeInstancesRequest

// instanceSpec returns the spec of a running ecs.g7.large instance on the
// default dual-stack vSwitch in the default security group.
func instanceSpec() fakeecs.InstanceSpec {
	return fakeecs.InstanceSpec{
		VSwitch:        fakeecs.DefaultVSwitchH,
		Type:           "ecs.g7.large",
		SecurityGroups: []string{fakeecs.DefaultSecurityGroup},
	}
}

// instanceIDs returns the IDs of a DescribeInstances answer's instances.
func instanceIDs(b *ecs.DescribeInstancesResponseBody) []string {
	var out []string
	for _, in := range b.Instances.Instance {
		out = append(out, tea.StringValue(in.InstanceId))
	}
	return out
}

// attachNew creates an ENI from req, attaches it to the instance and lets
// the attach finish; it returns the ENI's ID.
func attachNew(t *testing.T, f *fakeecs.Fake, c *fakeecs.Client,
	req *ecs.CreateNetworkInterfaceRequest, instanceID string) string {
	t.Helper()
	id := mustCreate(t, c, req).NetworkInterfaceId
	_, err := c.AttachNetworkInterface(&ecs.AttachNetworkInterfaceRequest{
		RegionId: tea.String(region), NetworkInterfaceId: id,
		InstanceId: tea.String(instanceID)})
	require.NoError(t, err)
	f.Settle()
	return tea.StringValue(id)
}

// instanceWorld holds three instances an hour apart: web-1 (tagged
// env=prod, with a secondary ENI holding an IPv6 address), db-1 (stopped,
// in zone i and the enterprise group, tagged env=dev) and web-2
// (ecs.g7.xlarge, pending).
type instanceWorld struct {
	f            *fakeecs.Fake
	c            *fakeecs.Client
	web1, db1    string
	web2, eni    string
	secondCreate time.Time
}

func newInstanceWorld(t *testing.T) instanceWorld {
	f, c := newFake(t)
	w := instanceWorld{f: f, c: c}
	s := instanceSpec()
	s.Name, s.Tags = "web-1", []fakeecs.Tag{{Key: "env", Value: "prod"}}
	w.web1 = f.AddInstance(s).ID
	f.Advance(time.Hour)
	s = instanceSpec()
	s.VSwitch, s.Type, s.Status = fakeecs.DefaultVSwitchI, "ecs.c7.large",
		fakeecs.InstanceStopped
	s.SecurityGroups = []string{fakeecs.DefaultEnterpriseSG}
	s.Name, s.Tags = "db-1", []fakeecs.Tag{{Key: "env", Value: "dev"}}
	b := f.AddInstance(s)
	w.db1, w.secondCreate = b.ID, b.CreatedAt
	f.Advance(time.Hour)
	s = instanceSpec()
	s.Type, s.Status, s.Name = "ecs.g7.xlarge", fakeecs.InstancePending,
		"web-2"
	w.web2 = f.AddInstance(s).ID
	req := createReq()
	req.Ipv6AddressCount = tea.Int32(1)
	w.eni = attachNew(t, f, c, req, w.web1)
	return w
}

// TestDescribeInstancesFilters checks each filter of DescribeInstances
// (InstanceIds, VpcId, VSwitchId, ZoneId, SecurityGroupId, Status,
// InstanceType, InstanceTypeFamily, InstanceName with its * wildcard,
// PrivateIpAddresses, Ipv6Address.N, Tag.N, InstanceNetworkType,
// ResourceGroupId and Filter.N's CreationStartTime) against three
// instances, listed in the order they were added.
func TestDescribeInstancesFilters(t *testing.T) {
	w := newInstanceWorld(t)
	web1, db1, web2 := w.web1, w.db1, w.web2
	rows := []struct {
		name string
		edit func(r *instancesReqT)
		want []string
	}{
		{"none", func(r *instancesReqT) {}, []string{web1, db1, web2}},
		{"ids", func(r *instancesReqT) {
			r.InstanceIds = tea.String(`["` + web2 + `","` + web1 +
				`","i-bp1nosuch"]`)
		}, []string{web1, web2}},
		{"empty ids", func(r *instancesReqT) {
			r.InstanceIds = tea.String(`[]`)
		}, []string{web1, db1, web2}},
		{"vpc", func(r *instancesReqT) {
			r.VpcId = tea.String(fakeecs.DefaultVPC)
		}, []string{web1, db1, web2}},
		{"other vpc", func(r *instancesReqT) {
			r.VpcId = tea.String("vpc-x")
		}, nil},
		{"vswitch", func(r *instancesReqT) {
			r.VSwitchId = tea.String(fakeecs.DefaultVSwitchI)
		}, []string{db1}},
		{"zone", func(r *instancesReqT) {
			r.ZoneId = tea.String(fakeecs.DefaultZoneH)
		}, []string{web1, web2}},
		{"security group", func(r *instancesReqT) {
			r.SecurityGroupId = tea.String(fakeecs.DefaultEnterpriseSG)
		}, []string{db1}},
		{"status", func(r *instancesReqT) {
			r.Status = tea.String("Stopped")
		}, []string{db1}},
		{"type", func(r *instancesReqT) {
			r.InstanceType = tea.String("ecs.g7.xlarge")
		}, []string{web2}},
		{"family", func(r *instancesReqT) {
			r.InstanceTypeFamily = tea.String("ecs.g7")
		}, []string{web1, web2}},
		{"name", func(r *instancesReqT) {
			r.InstanceName = tea.String("db-1")
		}, []string{db1}},
		{"name wildcard", func(r *instancesReqT) {
			r.InstanceName = tea.String("web-*")
		}, []string{web1, web2}},
		{"name inner wildcard", func(r *instancesReqT) {
			r.InstanceName = tea.String("*b-*1")
		}, []string{web1, db1}},
		{"private address", func(r *instancesReqT) {
			r.PrivateIpAddresses = tea.String(`["192.168.1.1","10.0.0.1"]`)
		}, []string{db1}},
		{"secondary ENI address is not the instance's", func(r *instancesReqT) {
			r.PrivateIpAddresses = tea.String(`["192.168.0.3"]`)
		}, nil},
		{"ipv6 of an attached ENI", func(r *instancesReqT) {
			r.Ipv6Address = tea.StringSlice([]string{"2408:4005:3d0:a00::1"})
		}, []string{web1}},
		{"tag", func(r *instancesReqT) {
			r.Tag = []*ecs.DescribeInstancesRequestTag{{
				Key: tea.String("env"), Value: tea.String("dev")}}
		}, []string{db1}},
		{"tag key only", func(r *instancesReqT) {
			r.Tag = []*ecs.DescribeInstancesRequestTag{{
				Key: tea.String("env")}}
		}, []string{web1, db1}},
		{"vpc network", func(r *instancesReqT) {
			r.InstanceNetworkType = tea.String("vpc")
		}, []string{web1, db1, web2}},
		{"classic network", func(r *instancesReqT) {
			r.InstanceNetworkType = tea.String("classic")
		}, nil},
		{"resource group", func(r *instancesReqT) {
			r.ResourceGroupId = tea.String("rg-other")
		}, []string{web1, db1, web2}},
		{"created since", func(r *instancesReqT) {
			r.Filter = []*ecs.DescribeInstancesRequestFilter{{
				Key:   tea.String("CreationStartTime"),
				Value: tea.String(w.secondCreate.Format("2006-01-02T15:04Z")),
			}}
		}, []string{db1, web2}},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			req := &instancesReqT{RegionId: tea.String(region)}
			row.edit(req)
			resp, err := w.c.DescribeInstances(req)
			require.NoError(t, err)
			require.Equal(t, row.want, instanceIDs(resp.Body))
		})
	}
}

// TestDescribeInstancesAnswer checks every field the fake answers for an
// instance, its ENIs included: the primary ENI first, then the attached
// ones in device order (DescribeInstances, Instances.Instance).
func TestDescribeInstancesAnswer(t *testing.T) {
	w := newInstanceWorld(t)
	resp, err := w.c.DescribeInstances(&instancesReqT{
		RegionId:    tea.String(region),
		InstanceIds: tea.String(`["` + w.web1 + `"]`)})
	require.NoError(t, err)
	require.Len(t, resp.Body.Instances.Instance, 1)
	got := resp.Body.Instances.Instance[0]
	x := w.f.Instances()[0]
	primary, _ := w.f.NetworkInterface(x.PrimaryENI)
	second, _ := w.f.NetworkInterface(w.eni)

	require.Equal(t, w.web1, tea.StringValue(got.InstanceId))
	require.Equal(t, "web-1", tea.StringValue(got.InstanceName))
	require.Equal(t, "ecs.g7.large", tea.StringValue(got.InstanceType))
	require.Equal(t, "ecs.g7", tea.StringValue(got.InstanceTypeFamily))
	require.Equal(t, int32(2), tea.Int32Value(got.Cpu))
	require.Equal(t, int32(8192), tea.Int32Value(got.Memory))
	require.Equal(t, "Running", tea.StringValue(got.Status))
	require.Equal(t, region, tea.StringValue(got.RegionId))
	require.Equal(t, fakeecs.DefaultZoneH, tea.StringValue(got.ZoneId))
	require.Equal(t, "vpc", tea.StringValue(got.InstanceNetworkType))
	require.Equal(t, fakeecs.DefaultResourceGroup,
		tea.StringValue(got.ResourceGroupId))
	require.Equal(t, "2026-01-01T00:00Z", tea.StringValue(got.CreationTime))
	require.Equal(t, fakeecs.DefaultVPC,
		tea.StringValue(got.VpcAttributes.VpcId))
	require.Equal(t, fakeecs.DefaultVSwitchH,
		tea.StringValue(got.VpcAttributes.VSwitchId))
	require.Equal(t, []string{"192.168.0.1"}, tea.StringSliceValue(
		got.VpcAttributes.PrivateIpAddress.IpAddress))
	require.Equal(t, []string{fakeecs.DefaultSecurityGroup},
		tea.StringSliceValue(got.SecurityGroupIds.SecurityGroupId))
	require.Equal(t, "env", tea.StringValue(got.Tags.Tag[0].TagKey))
	require.Equal(t, "prod", tea.StringValue(got.Tags.Tag[0].TagValue))

	enis := got.NetworkInterfaces.NetworkInterface
	require.Len(t, enis, 2)
	require.Equal(t, primary.ID, tea.StringValue(enis[0].NetworkInterfaceId))
	require.Equal(t, "Primary", tea.StringValue(enis[0].Type))
	require.Equal(t, primary.MAC, tea.StringValue(enis[0].MacAddress))
	require.Equal(t, "192.168.0.1", tea.StringValue(enis[0].PrimaryIpAddress))
	require.Equal(t, "192.168.0.1", tea.StringValue(
		enis[0].PrivateIpSets.PrivateIpSet[0].PrivateIpAddress))
	require.True(t, tea.BoolValue(
		enis[0].PrivateIpSets.PrivateIpSet[0].Primary))
	require.Empty(t, enis[0].Ipv6Sets.Ipv6Set)
	require.Equal(t, w.eni, tea.StringValue(enis[1].NetworkInterfaceId))
	require.Equal(t, "Secondary", tea.StringValue(enis[1].Type))
	require.Equal(t, second.MAC, tea.StringValue(enis[1].MacAddress))
	require.Equal(t, "192.168.0.3", tea.StringValue(enis[1].PrimaryIpAddress))
	require.Equal(t, "2408:4005:3d0:a00::1",
		tea.StringValue(enis[1].Ipv6Sets.Ipv6Set[0].Ipv6Address))
	require.NotNil(t, enis[1].Ipv4PrefixSets.Ipv4PrefixSet)
	require.NotNil(t, enis[1].Ipv6PrefixSets.Ipv6PrefixSet)
}

// TestDescribeInstancesInTransition checks that an instance answers the
// state it is in, transitional states included (DescribeInstances,
// Status: Pending, Running, Starting, Stopping, Stopped).
func TestDescribeInstancesInTransition(t *testing.T) {
	f, c := newFake(t)
	id := f.AddInstance(instanceSpec()).ID
	f.StopInstance(id)
	status := func() string {
		resp, err := c.DescribeInstances(&instancesReqT{
			RegionId: tea.String(region)})
		require.NoError(t, err)
		return tea.StringValue(resp.Body.Instances.Instance[0].Status)
	}
	require.Equal(t, "Stopping", status())
	f.Settle()
	require.Equal(t, "Stopped", status())
	f.StartInstance(id)
	require.Equal(t, "Starting", status())
}

// TestDescribeInstancesTokenPaging walks 25 instances with NextToken and
// MaxResults: a MaxResults below 10 counts as 10, the last page's
// NextToken is empty, and TotalCount is left out, which the reference
// calls invalid in this mode (DescribeInstances, MaxResults, NextToken,
// TotalCount).
func TestDescribeInstancesTokenPaging(t *testing.T) {
	f, c := newFake(t)
	var all []string
	for range 25 {
		all = append(all, f.AddInstance(instanceSpec()).ID)
	}
	var got []string
	var sizes []int
	token := ""
	for {
		req := &instancesReqT{RegionId: tea.String(region),
			MaxResults: tea.Int32(3)}
		if token != "" {
			req.NextToken = tea.String(token)
		}
		resp, err := c.DescribeInstances(req)
		require.NoError(t, err)
		require.Nil(t, resp.Body.TotalCount)
		got = append(got, instanceIDs(resp.Body)...)
		sizes = append(sizes, len(resp.Body.Instances.Instance))
		token = tea.StringValue(resp.Body.NextToken)
		if token == "" {
			break
		}
	}
	require.Equal(t, all, got)
	require.Equal(t, []int{10, 10, 5}, sizes)
}

// TestDescribeInstancesMaxResultsAbove100 checks that a MaxResults above
// 100 counts as 100 (DescribeInstances, MaxResults).
func TestDescribeInstancesMaxResultsAbove100(t *testing.T) {
	w := fakeecs.DefaultWorld()
	w.VSwitches[1].CIDR = netipPrefix("192.168.4.0/22")
	f, c := newFake(t, fakeecs.WithWorld(w))
	s := instanceSpec()
	s.VSwitch = fakeecs.DefaultVSwitchI
	for range 101 {
		f.AddInstance(s)
	}
	resp, err := c.DescribeInstances(&instancesReqT{
		RegionId: tea.String(region), MaxResults: tea.Int32(1000)})
	require.NoError(t, err)
	require.Len(t, resp.Body.Instances.Instance, 100)
	require.NotEmpty(t, tea.StringValue(resp.Body.NextToken))
}

// TestDescribeInstancesPageNumbers walks 25 instances with the deprecated
// PageNumber and PageSize, which echo back with TotalCount
// (DescribeInstances, PageNumber, PageSize, TotalCount).
func TestDescribeInstancesPageNumbers(t *testing.T) {
	f, c := newFake(t)
	var all []string
	for range 25 {
		all = append(all, f.AddInstance(instanceSpec()).ID)
	}
	resp, err := c.DescribeInstances(&instancesReqT{
		RegionId: tea.String(region), PageNumber: tea.Int32(3),
		PageSize: tea.Int32(10)})
	require.NoError(t, err)
	require.Equal(t, all[20:], instanceIDs(resp.Body))
	require.Equal(t, int32(25), tea.Int32Value(resp.Body.TotalCount))
	require.Equal(t, int32(3), tea.Int32Value(resp.Body.PageNumber))
	require.Equal(t, int32(10), tea.Int32Value(resp.Body.PageSize))
	require.Equal(t, "", tea.StringValue(resp.Body.NextToken))

	resp, err = c.DescribeInstances(&instancesReqT{
		RegionId: tea.String(region), PageNumber: tea.Int32(2)})
	require.NoError(t, err)
	require.Equal(t, all[10:20], instanceIDs(resp.Body))
	require.Equal(t, int32(10), tea.Int32Value(resp.Body.PageSize))

	resp, err = c.DescribeInstances(&instancesReqT{
		RegionId: tea.String(region), PageNumber: tea.Int32(9)})
	require.NoError(t, err)
	require.Empty(t, resp.Body.Instances.Instance)
	require.Equal(t, int32(25), tea.Int32Value(resp.Body.TotalCount))
}

// TestDescribeInstancesRefusals checks the errors of DescribeInstances'
// bounds and values.
func TestDescribeInstancesRefusals(t *testing.T) {
	many := `["i-1"` + strings101() + `]`
	rows := []struct {
		name   string
		edit   func(r *instancesReqT)
		code   string
		status int
	}{
		{"no region", func(r *instancesReqT) { r.RegionId = nil },
			"MissingParameter", 400},
		{"unknown region", func(r *instancesReqT) {
			r.RegionId = tea.String("cn-nowhere")
		}, "Forbidden.RegionId", 400},
		{"ids not JSON", func(r *instancesReqT) {
			r.InstanceIds = tea.String("i-1,i-2")
		}, "InvalidParameter", 400},
		{"ids not strings", func(r *instancesReqT) {
			r.InstanceIds = tea.String("[1,2]")
		}, "InvalidParameter", 400},
		{"101 ids", func(r *instancesReqT) {
			r.InstanceIds = tea.String(many)
		}, "InvalidParameter", 400},
		{"addresses not JSON", func(r *instancesReqT) {
			r.PrivateIpAddresses = tea.String("192.168.0.1")
		}, "InvalidParameter", 400},
		{"unknown status", func(r *instancesReqT) {
			r.Status = tea.String("Broken")
		}, "InvalidParameter", 400},
		{"unknown network type", func(r *instancesReqT) {
			r.InstanceNetworkType = tea.String("vlan")
		}, "InvalidParameter", 400},
		{"21 tags", func(r *instancesReqT) {
			for range 21 {
				r.Tag = append(r.Tag, &ecs.DescribeInstancesRequestTag{
					Key: tea.String("k")})
			}
		}, "QuotaExceed.Tags", 403},
		{"unknown filter key", func(r *instancesReqT) {
			r.Filter = []*ecs.DescribeInstancesRequestFilter{{
				Key:   tea.String("CreationEndTime"),
				Value: tea.String("2026-01-01T00:00Z")}}
		}, "InvalidParameter", 400},
		{"filter time with seconds", func(r *instancesReqT) {
			r.Filter = []*ecs.DescribeInstancesRequestFilter{{
				Key:   tea.String("CreationStartTime"),
				Value: tea.String("2026-01-01T00:00:00Z")}}
		}, "InvalidParameter", 400},
		{"page size 0", func(r *instancesReqT) {
			r.PageSize = tea.Int32(0)
		}, "InvalidParameter", 400},
		{"page size 101", func(r *instancesReqT) {
			r.PageSize = tea.Int32(101)
		}, "InvalidParameter", 400},
		{"page number 0", func(r *instancesReqT) {
			r.PageNumber = tea.Int32(0)
		}, "InvalidParameter", 400},
		{"bad token", func(r *instancesReqT) {
			r.NextToken = tea.String("caeba0bbb2be03f84eb48b699f0a4883")
		}, "InvalidParameter", 400},
		{"image", func(r *instancesReqT) {
			r.ImageId = tea.String("m-bp67acfmxazb4p")
		}, "UnsupportedParameter", 400},
		{"public addresses", func(r *instancesReqT) {
			r.PublicIpAddresses = tea.String(`["42.1.1.1"]`)
		}, "UnsupportedParameter", 400},
		{"dry run", func(r *instancesReqT) { r.DryRun = tea.Bool(true) },
			"DryRunOperation", 400},
	}
	f, c := newFake(t)
	f.AddInstance(instanceSpec())
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			req := &instancesReqT{RegionId: tea.String(region)}
			row.edit(req)
			resp, err := c.DescribeInstances(req)
			requireCode(t, err, row.code, row.status)
			require.Nil(t, resp.Body)
		})
	}
}

// TestDescribeInstancesTokenIsBoundToItsQuery checks that a NextToken is
// good only for the filters that made it, and survives the release of the
// instance it points after.
func TestDescribeInstancesTokenIsBoundToItsQuery(t *testing.T) {
	f, c := newFake(t)
	var all []string
	for range 12 {
		all = append(all, f.AddInstance(instanceSpec()).ID)
	}
	first, err := c.DescribeInstances(&instancesReqT{
		RegionId: tea.String(region), MaxResults: tea.Int32(10)})
	require.NoError(t, err)
	_, err = c.DescribeInstances(&instancesReqT{
		RegionId: tea.String(region), MaxResults: tea.Int32(10),
		NextToken: first.Body.NextToken, Status: tea.String("Running")})
	requireCode(t, err, "InvalidParameter", 400)

	f.ReleaseInstance(all[9])
	resp, err := c.DescribeInstances(&instancesReqT{
		RegionId: tea.String(region), MaxResults: tea.Int32(10),
		NextToken: first.Body.NextToken})
	require.NoError(t, err)
	require.Equal(t, all[10:], instanceIDs(resp.Body))
}

// strings101 returns 100 more JSON array members, for 101 in all.
func strings101() string {
	s := ""
	for i := range 100 {
		s += `,"i-` + fmtAddr("%d", i) + `"`
	}
	return s
}

// TestAddInstanceRefusesBadTags checks that an instance's tags follow the
// rules of a request's Tag.N (CreateNetworkInterface, Tag.N.Key): misuse
// of the control surface panics.
func TestAddInstanceRefusesBadTags(t *testing.T) {
	f, _ := newFake(t)
	s := instanceSpec()
	s.Tags = []fakeecs.Tag{{Key: "aliyun-x"}}
	require.Panics(t, func() { f.AddInstance(s) })
	require.Empty(t, f.Instances())
}
