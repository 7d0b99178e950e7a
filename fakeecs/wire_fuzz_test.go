package fakeecs_test

import (
	"encoding/json"
	"net/http/httptest"
	"testing"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// FuzzHandler sends arbitrary query strings and form bodies to the wire:
// the handler never panics, and always answers JSON with a RequestId.
func FuzzHandler(f *testing.F) {
	// A valid create, so that the fuzzer starts from a call that succeeds.
	f.Add("Action=CreateNetworkInterface&Version=2014-05-26&RegionId="+
		"cn-hangzhou&VSwitchId="+fakeecs.DefaultVSwitchH+
		"&SecurityGroupId="+fakeecs.DefaultSecurityGroup, "")
	// Lists, objects and counts, to reach the address pools.
	f.Add("Action=CreateNetworkInterface&Version=2014-05-26&RegionId="+
		"cn-hangzhou&VSwitchId="+fakeecs.DefaultVSwitchH+
		"&SecurityGroupIds.1="+fakeecs.DefaultSecurityGroup+
		"&Ipv4Prefix.1=192.168.0.16/28&Tag.1.Key=k&Tag.1.Value=&"+
		"NetworkInterfaceTrafficConfig.QueueNumber=2", "Ipv6AddressCount=2")
	// Paging, with a token.
	f.Add("Action=DescribeNetworkInterfaces&Version=2014-05-26"+
		"&RegionId=cn-hangzhou&MaxResults=1&NextToken=AAAAA1", "")
	// The VPC API.
	f.Add("Action=DescribeVSwitches&Version=2016-04-28&RegionId="+
		"cn-hangzhou&PageSize=50", "PageNumber=2")
	// Broken encodings and indices.
	f.Add("%zz&Tag.0.Key=x", "A=%")
	fake := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()))
	h := fake.Handler()
	f.Fuzz(func(t *testing.T, query, form string) {
		req := httptest.NewRequest("POST", "/", nil)
		req.URL.RawQuery = query
		if form != "" {
			req = httptest.NewRequest("POST", "/",
				stringsReader(form))
			req.URL.RawQuery = query
			req.Header.Set("Content-Type",
				"application/x-www-form-urlencoded")
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var out map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
			t.Fatalf("answer is not JSON: %q", rec.Body.String())
		}
		if out["RequestId"] == nil || out["RequestId"] == "" {
			t.Fatalf("answer has no RequestId: %v", out)
		}
	})
}
