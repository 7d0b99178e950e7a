package fakeecs_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// candidates are the values the generator draws for a parameter, by name:
// valid ones and ones the service refuses.
var candidates = map[string][]string{
	"RegionId": {region, region, region, region, region, region, region,
		region, region, "cn-beijing", ""},
	"VSwitchId": {fakeecs.DefaultVSwitchH, fakeecs.DefaultVSwitchH,
		fakeecs.DefaultVSwitchI, fakeecs.DefaultVSwitchSmall, "vsw-none"},
	"SecurityGroupId": {fakeecs.DefaultSecurityGroup,
		fakeecs.DefaultSecurityGroup, fakeecs.DefaultEnterpriseSG, "sg-x"},
	"PrimaryIpAddress": {"192.168.0.77", "192.168.1.9", "192.168.0.255",
		"10.0.0.1", "not-an-ip"},
	"PrivateIpAddress": {"192.168.0.80", "192.168.0.81", "192.168.1.80",
		"192.168.0.0", "2408::1"},
	"Ipv6Address": {"2408:4005:3d0:a00::80", "2408:4005:3d0:a00::81",
		"2408:4005:3d0:a01::1", "192.168.0.1"},
	"TrunkNetworkInstanceId": {"eni-trunk"},
	"Ipv4Prefix": {"192.168.0.96/28", "192.168.0.112/28",
		"192.168.0.32/27", "192.168.0.97/28", "x"},
	"Ipv6Prefix": {"2408:4005:3d0:a00:5::/80", "2408:4005:3d0:a00::/64",
		"2408:4005:3d0:a00:6::/80"},
	"NetworkInterfaceName": {"eni-name", "a", "bad name", "名字-1"},
	"Description":          {"a description", "https://x", "d"},
	"Key":                  {"env", "team", "acs:x", "", "aliyun1"},
	"Value":                {"prod", "", "http://x", "v"},
	"ClientToken":          {"token-1", "tøken"},
	"InstanceType":         {"Secondary", "Trunk", "Primary"},
	"NetworkInterfaceTrafficMode": {"Standard", "HighPerformance",
		"Fast"},
	"ResourceGroupId": {fakeecs.DefaultResourceGroup, "rg-none"},
	"Status":          {"Available", "InUse", "Broken"},
	"Type":            {"Primary", "Secondary", "Trunk", "Tertiary"},
	"VpcId":           {fakeecs.DefaultVPC, "vpc-none"},
	"Attribute":       {"attachment", "connectionTrackingConfiguration", "x"},
	"NextToken":       {"", "AAAAA1", "bogus"},
	"InstanceId":      {"i-none", "vm-1"},
	"ResourceType":    {"eni", "eni", "instance", "securitygroup", "disk"},
	"ResourceId":      {"eni-none", "sg-none"},
	"TagKey":          {"env", "team", ""},
	"BusinessType":    {"any"},
	"OwnerAccount":    {"owner"},
}

// numbers are the values the generator draws for integer parameters.
var numbers = []int64{-1, 0, 1, 2, 3, 5, 10, 11, 30, 49, 50, 100, 500,
	910, 2048, 2049, 8192, 16384}

// generator fills SDK requests with random values, reflecting over their
// fields, and records which fields it has set.
type generator struct {
	r         *rand.Rand
	ids       []string // ENI IDs seen so far
	instances []string
	set       map[string]bool
}

// fill sets each field of the request struct v with probability p.
func (g *generator) fill(v reflect.Value, p float64, path string) {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if g.r.Float64() >= p && f.Name != "RegionId" {
			continue
		}
		g.set[path+f.Name] = true
		g.value(v.Field(i), f.Name, path+f.Name+".")
	}
}

func (g *generator) value(v reflect.Value, name, path string) {
	switch v.Type().String() {
	case "*string":
		v.Set(reflect.ValueOf(tea.String(g.str(name))))
	case "*int32":
		v.Set(reflect.ValueOf(tea.Int32(int32(g.num()))))
	case "*int64":
		v.Set(reflect.ValueOf(tea.Int64(g.num())))
	case "*bool":
		v.Set(reflect.ValueOf(tea.Bool(g.r.IntN(2) == 0)))
	case "*float32":
		v.Set(reflect.ValueOf(tea.Float32(float32(g.num()) / 2)))
	case "[]*string":
		n := 1 + g.r.IntN(3)
		list := make([]*string, n)
		for i := range list {
			list[i] = tea.String(g.str(name))
		}
		v.Set(reflect.ValueOf(list))
	default:
		g.compound(v, path)
	}
}

// compound fills a nested object or a list of them.
func (g *generator) compound(v reflect.Value, path string) {
	if v.Kind() == reflect.Pointer {
		v.Set(reflect.New(v.Type().Elem()))
		g.fill(v.Elem(), 0.7, path)
		return
	}
	n := 1 + g.r.IntN(3)
	list := reflect.MakeSlice(v.Type(), n, n)
	for i := range n {
		e := reflect.New(v.Type().Elem().Elem())
		g.fill(e.Elem(), 0.9, path)
		list.Index(i).Set(e)
	}
	v.Set(list)
}

func (g *generator) str(name string) string {
	if name == "NetworkInterfaceId" && len(g.ids) > 0 && g.r.IntN(4) > 0 {
		recent := g.ids[max(0, len(g.ids)-4):] // likely not yet deleted
		return recent[g.r.IntN(len(recent))]
	}
	if name == "InstanceId" && len(g.instances) > 0 && g.r.IntN(4) > 0 {
		return g.instances[g.r.IntN(len(g.instances))]
	}
	if c, ok := candidates[name]; ok {
		return c[g.r.IntN(len(c))]
	}
	return fmt.Sprintf("%s-%d", strings.ToLower(name), g.r.IntN(3))
}

func (g *generator) num() int64 { return numbers[g.r.IntN(len(numbers))] }

// requestTypes are the requests of the actions the generator covers, the
// create five times so that there are ENIs to work on.
var requestTypes = []any{
	ecs.CreateNetworkInterfaceRequest{},
	ecs.CreateNetworkInterfaceRequest{},
	ecs.CreateNetworkInterfaceRequest{},
	ecs.CreateNetworkInterfaceRequest{},
	ecs.CreateNetworkInterfaceRequest{},
	ecs.DescribeNetworkInterfacesRequest{},
	ecs.DescribeNetworkInterfaceAttributeRequest{},
	ecs.DeleteNetworkInterfaceRequest{},
	ecs.AttachNetworkInterfaceRequest{},
	ecs.DetachNetworkInterfaceRequest{},
	ecs.AssignPrivateIpAddressesRequest{},
	ecs.UnassignPrivateIpAddressesRequest{},
	ecs.AssignIpv6AddressesRequest{},
	ecs.UnassignIpv6AddressesRequest{},
	ecs.ModifyNetworkInterfaceAttributeRequest{},
	ecs.DescribeInstancesRequest{},
	ecs.DescribeInstanceTypesRequest{},
	ecs.DescribeSecurityGroupsRequest{},
	ecs.DescribeRegionsRequest{},
	ecs.DescribeZonesRequest{},
	ecs.DescribeVSwitchesRequest{},
	ecs.DescribeVpcsRequest{},
	ecs.TagResourcesRequest{},
	ecs.UntagResourcesRequest{},
	ecs.ListTagResourcesRequest{},
}

// request makes a random request of one of the actions.
func (g *generator) request() any {
	t := reflect.TypeOf(requestTypes[g.r.IntN(len(requestTypes))])
	req := reflect.New(t).Interface()
	v := reflect.ValueOf(req).Elem()
	p := 0.12
	if g.r.IntN(2) == 0 {
		p = 0.04 // a plainer request, more likely to succeed
	}
	g.fill(v, p, v.Type().Name()+".")
	g.require(v)
	return req
}

// require sets the required parameters of most requests, so that most
// calls get past them.
func (g *generator) require(v reflect.Value) {
	for _, name := range []string{"VSwitchId", "SecurityGroupId",
		"NetworkInterfaceId", "InstanceId"} {
		f := v.FieldByName(name)
		if f.IsValid() && f.Kind() == reflect.Pointer && f.IsNil() &&
			g.r.IntN(10) > 0 {
			f.Set(reflect.ValueOf(tea.String(g.str(name))))
		}
	}
}

// call sends a request through one client and returns its response and
// error.
func call(c any, req any) (any, error) {
	m := reflect.ValueOf(c).MethodByName(
		strings.TrimSuffix(reflect.TypeOf(req).Elem().Name(), "Request"))
	out := m.Call([]reflect.Value{reflect.ValueOf(req)})
	err, _ := out[1].Interface().(error)
	return out[0].Interface(), err
}

// TestTypedClientAgreesWithTheWire sends 2,400 generated requests, valid and
// invalid, covering every parameter of every action of the typed client,
// through the typed client of one fake and through a real v7 client over
// a loopback socket to a twin fake, and requires identical answers and
// errors. The clock moves a second between calls, so that transitions end.
func TestTypedClientAgreesWithTheWire(t *testing.T) {
	one, twin := wireFake(), wireFake()
	typed := one.Client()
	srv := twin.NewServer()
	defer srv.Close()
	real, err := ecs.NewClient(socketConfig(t, srv.URL))
	require.NoError(t, err)

	g := &generator{r: rand.New(rand.NewPCG(1, 2)), set: map[string]bool{}}
	for _, f := range []*fakeecs.Fake{one, twin} {
		g.instances = []string{addInstance(f).ID, addInstance(f).ID}
	}
	codes := map[string]int{}
	for i := range 2400 {
		req := g.request()
		a, aerr := call(typed, req)
		b, berr := call(real, req)
		sameOutcome(t, i, req, a, aerr, b, berr)
		codes[codeOf(aerr)]++
		g.learn(a)
		one.Advance(time.Second)
		twin.Advance(time.Second)
	}
	requireCoverage(t, g.set)
	t.Logf("outcomes: %v", codes)
	require.Greater(t, codes["OK"], 40, "too few calls succeed: %v", codes)
	require.Greater(t, len(codes), 20, "too few distinct codes: %v", codes)
}

// sameOutcome requires that both clients gave the same answer or error.
func sameOutcome(t *testing.T, i int, req, a any, aerr error, b any,
	berr error) {
	t.Helper()
	where := fmt.Sprintf("request %d: %v", i, req)
	if aerr != nil || berr != nil {
		var x, y *tea.SDKError
		require.True(t, errors.As(aerr, &x), where)
		require.True(t, errors.As(berr, &y), where)
		require.Empty(t, cmp.Diff(x, y,
			cmpopts.IgnoreUnexported(tea.SDKError{}),
			cmpopts.IgnoreFields(tea.SDKError{}, "Stack")), where)
		return
	}
	body := func(v any) any {
		return reflect.ValueOf(v).Elem().
			FieldByName("Body").Interface()
	}
	require.Empty(t, cmp.Diff(body(a), body(b)), where)
}

// learn remembers the ENI a successful create made.
func (g *generator) learn(resp any) {
	if r, ok := resp.(*ecs.CreateNetworkInterfaceResponse); ok &&
		r.Body != nil {
		g.ids = append(g.ids, tea.StringValue(r.Body.NetworkInterfaceId))
	}
}

func codeOf(err error) string {
	var se *tea.SDKError
	if errors.As(err, &se) {
		return tea.StringValue(se.Code)
	}
	return "OK"
}

// requireCoverage requires that every field of every request type was
// set at least once.
func requireCoverage(t *testing.T, set map[string]bool) {
	t.Helper()
	for _, req := range requestTypes {
		rt := reflect.TypeOf(req)
		for i := range rt.NumField() {
			name := rt.Name() + "." + rt.Field(i).Name
			require.True(t, set[name], "%s never set", name)
		}
	}
}
