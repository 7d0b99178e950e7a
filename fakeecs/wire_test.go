package fakeecs_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// rawCall sends one raw RPC request to the fake's handler and returns the
// status, the request ID header and the decoded JSON answer.
func rawCall(t *testing.T, f *fakeecs.Fake, method, query string,
	hdr map[string]string, form string) (int, string, map[string]any) {
	t.Helper()
	var body io.Reader
	if form != "" {
		body = strings.NewReader(form)
	}
	req := httptest.NewRequest(method, "/?"+query, body)
	if form != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range hdr {
		req.Header[k] = []string{v} // as given, not canonicalised
	}
	rec := httptest.NewRecorder()
	f.Handler().ServeHTTP(rec, req)
	var out map[string]any
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &out),
		rec.Body.String())
	require.Equal(t, "application/json;charset=utf-8",
		rec.Header().Get("Content-Type"))
	return rec.Code, rec.Header().Get("X-Acs-Request-Id"), out
}

func wireFake() *fakeecs.Fake {
	return fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()))
}

const createQuery = "RegionId=cn-hangzhou&VSwitchId=" +
	fakeecs.DefaultVSwitchH + "&SecurityGroupId=" +
	fakeecs.DefaultSecurityGroup

// TestWireFindsTheAction checks the places the action and version come
// from: lower-case headers as the v7 SDK sets them in-process, canonical
// headers as a real server sees them, and the Action and Version query
// parameters of the older SDK (sdk-and-wire, 4.1 and 4.4).
func TestWireFindsTheAction(t *testing.T) {
	rows := []struct {
		name  string
		query string
		hdr   map[string]string
	}{
		{"lower-case headers", createQuery, map[string]string{
			"x-acs-action":  "CreateNetworkInterface",
			"x-acs-version": "2014-05-26"}},
		{"canonical headers", createQuery, map[string]string{
			"X-Acs-Action":  "CreateNetworkInterface",
			"X-Acs-Version": "2014-05-26"}},
		{"query", createQuery + "&Action=CreateNetworkInterface" +
			"&Version=2014-05-26&Format=JSON&SignatureMethod=HMAC-SHA1", nil},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			f := wireFake()
			status, id, out := rawCall(t, f, "POST", row.query, row.hdr, "")
			require.Equal(t, 200, status)
			require.Equal(t, id, out["RequestId"])
			require.Equal(t, "Available", out["Status"])
			require.Equal(t, "192.168.0.1", out["PrivateIpAddress"])
		})
	}
}

// TestWireReadsFormBodiesAndGET checks that parameters may come in a form
// body, that the query wins over the body, and that GET is served.
func TestWireReadsFormBodiesAndGET(t *testing.T) {
	f := wireFake()
	status, _, out := rawCall(t, f, "POST",
		"Action=CreateNetworkInterface&Version=2014-05-26&RegionId=cn-hangzhou",
		nil, "VSwitchId="+fakeecs.DefaultVSwitchH+"&SecurityGroupId="+
			fakeecs.DefaultSecurityGroup+"&RegionId=cn-beijing")
	require.Equal(t, 200, status, out)
	status, _, out = rawCall(t, f, "GET", "Action=DescribeNetworkInterfaces"+
		"&Version=2014-05-26&RegionId=cn-hangzhou", nil, "")
	require.Equal(t, 200, status)
	set := out["NetworkInterfaceSets"].(map[string]any)["NetworkInterfaceSet"]
	require.Len(t, set, 1)
}

// TestWireRebuildsLists checks flattened names: sparse list indices, an
// empty tag value, and a nested object (sdk-and-wire, 4.1 flattening).
func TestWireRebuildsLists(t *testing.T) {
	f := wireFake()
	q := createQuery + "&Action=CreateNetworkInterface&Version=2014-05-26" +
		"&PrivateIpAddress.1=192.168.0.10&PrivateIpAddress.7=192.168.0.11" +
		"&Tag.2.Key=team&Tag.2.Value=&Tag.5.Key=env&Tag.5.Value=a+b%2A" +
		"&NetworkInterfaceTrafficConfig.QueueNumber=4"
	status, _, out := rawCall(t, f, "POST", q, nil, "")
	require.Equal(t, 200, status, out)
	ips := out["PrivateIpSets"].(map[string]any)["PrivateIpSet"].([]any)
	require.Len(t, ips, 3)
	require.Equal(t, "192.168.0.11",
		ips[2].(map[string]any)["PrivateIpAddress"])
	tags := out["Tags"].(map[string]any)["Tag"].([]any)
	require.Equal(t, map[string]any{"TagKey": "team", "TagValue": ""},
		tags[0])
	require.Equal(t, map[string]any{"TagKey": "env", "TagValue": "a b*"},
		tags[1])
	n := f.NetworkInterfaces()[0]
	require.Equal(t, 4, n.QueueNumber)
}

// TestWireErrors checks the real shape of error answers: RequestId,
// HostId, Code, Message and Recommend with the service's HTTP status, for
// refusals of the protocol and of the action.
func TestWireErrors(t *testing.T) {
	ecs := "&Version=2014-05-26"
	rows := []struct {
		name, query string
		status      int
		code        string
	}{
		{"unknown action", "Action=RunWorld" + ecs, 404,
			"InvalidAction.NotFound"},
		{"no action", "Version=2014-05-26", 400, "MissingAction"},
		{"unsupported version", "Action=CreateNetworkInterface" +
			"&Version=2099-01-01", 400, "InvalidVersion"},
		{"no version", "Action=CreateNetworkInterface", 400,
			"MissingParameter"},
		{"no region", "Action=DescribeNetworkInterfaces" + ecs, 400,
			"MissingParameter"},
		{"malformed integer", createQuery + "&Action=CreateNetworkInterface" +
			ecs + "&QueueNumber=four", 400, "InvalidParameter"},
		{"malformed boolean", createQuery + "&Action=CreateNetworkInterface" +
			ecs + "&DeleteOnRelease=maybe", 400, "InvalidParameter"},
		{"bad list index", createQuery + "&Action=CreateNetworkInterface" +
			ecs + "&PrivateIpAddress.0=192.168.0.9", 400, "InvalidParameter"},
		{"integer overflow", "Action=DescribeNetworkInterfaces" + ecs +
			"&RegionId=cn-hangzhou&MaxResults=99999999999", 400,
			"InvalidParameter"},
		{"ECS action as VPC", "Action=CreateNetworkInterface" +
			"&Version=2016-04-28", 400, "InvalidVersion"},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			f := wireFake()
			status, id, out := rawCall(t, f, "POST", row.query, nil, "")
			require.Equal(t, row.status, status)
			require.Equal(t, row.code, out["Code"])
			require.Equal(t, id, out["RequestId"])
			require.Equal(t, "ecs.aliyuncs.com", out["HostId"])
			require.NotEmpty(t, out["Message"])
			require.Equal(t, "https://api.aliyun.com/troubleshoot?q="+
				row.code+"&product=Ecs", out["Recommend"])
			require.Len(t, out, 5)
			require.Empty(t, f.NetworkInterfaces())
			calls := f.Journal()
			require.Len(t, calls, 1)
			require.Equal(t, row.code, calls[0].Code)
		})
	}
}

// TestWireNeverPanics sends odd requests that a client could send: a
// query that does not parse, a huge list index, a body over the limit.
func TestWireNeverPanics(t *testing.T) {
	f := wireFake()
	h := f.Handler()
	for _, q := range []string{"%zz", "Action=DescribeNetworkInterfaces" +
		"&Version=2014-05-26&RegionId=cn-hangzhou" +
		"&NetworkInterfaceId.99999999999999999999=x", ";;&&=="} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("POST", "/?"+q, nil))
		require.Equal(t, 400, rec.Code, q)
	}
	big := strings.NewReader("A=" + strings.Repeat("x", 2<<20))
	req := httptest.NewRequest("POST", "/?Action=DescribeNetworkInterfaces"+
		"&Version=2014-05-26&RegionId=cn-hangzhou", big)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	require.Equal(t, 400, rec.Code)
}

// TestWireVPCQueries checks the VPC API's DescribeVSwitches and
// DescribeVpcs (version 2016-04-28) over the wire, with the vSwitch's
// available count going down as addresses are taken.
func TestWireVPCQueries(t *testing.T) {
	f := wireFake()
	q := "Action=DescribeVSwitches&Version=2016-04-28&RegionId=cn-hangzhou" +
		"&VSwitchId=" + fakeecs.DefaultVSwitchH
	status, _, out := rawCall(t, f, "POST", q, nil, "")
	require.Equal(t, 200, status, out)
	vsw := out["VSwitches"].(map[string]any)["VSwitch"].([]any)[0].(map[string]any)
	require.Equal(t, float64(252), vsw["AvailableIpAddressCount"])
	require.Equal(t, "2408:4005:3d0:a00::/64", vsw["Ipv6CidrBlock"])
	require.Equal(t, true, vsw["EnabledIpv6"])
	require.Equal(t, float64(1), out["TotalCount"])

	status, _, _ = rawCall(t, f, "POST", createQuery+
		"&Action=CreateNetworkInterface&Version=2014-05-26"+
		"&SecondaryPrivateIpAddressCount=9", nil, "")
	require.Equal(t, 200, status)
	_, _, out = rawCall(t, f, "POST", q, nil, "")
	vsw = out["VSwitches"].(map[string]any)["VSwitch"].([]any)[0].(map[string]any)
	require.Equal(t, float64(242), vsw["AvailableIpAddressCount"])

	_, _, out = rawCall(t, f, "POST", "Action=DescribeVpcs&Version=2016-04-28"+
		"&RegionId=cn-hangzhou&VpcId="+url.QueryEscape(fakeecs.DefaultVPC+
		",vpc-other"), nil, "")
	vpc := out["Vpcs"].(map[string]any)["Vpc"].([]any)[0].(map[string]any)
	require.Equal(t, "192.168.0.0/16", vpc["CidrBlock"])
	require.Len(t, vpc["VSwitchIds"].(map[string]any)["VSwitchId"], 3)

	status, _, out = rawCall(t, f, "POST", "Action=DescribeVSwitches"+
		"&Version=2016-04-28&RegionId=cn-hangzhou&PageSize=51", nil, "")
	require.Equal(t, 400, status)
	require.Equal(t, "InvalidParameter", out["Code"])
	require.Equal(t, http.StatusBadRequest, status)
}
