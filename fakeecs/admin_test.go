package fakeecs_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// exchange is one admin request and its answer: the status and the exact
// JSON body, without the final newline; "" when there is none.
type exchange struct {
	method, path, body string
	status             int
	want               string
}

// adminDo sends one request to the fake's admin handler and returns the
// answer.
func adminDo(f *fakeecs.Fake, method, path, body string) *http.Response {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	w := httptest.NewRecorder()
	f.AdminHandler().ServeHTTP(w, r)
	return w.Result()
}

// exchangeAll plays the exchanges in order and checks each answer.
func exchangeAll(t *testing.T, f *fakeecs.Fake, xs ...exchange) {
	t.Helper()
	for _, x := range xs {
		resp := adminDo(f, x.method, x.path, x.body)
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		got, name := string(b), x.method+" "+x.path+" "+x.body
		require.Equal(t, x.status, resp.StatusCode, "%s: %s", name, got)
		if x.want == "" {
			require.Empty(t, got, name)
			continue
		}
		require.Equal(t, x.want+"\n", got, name)
		require.Equal(t, "application/json",
			resp.Header.Get("Content-Type"), name)
	}
}

const (
	// specH is an instance on the default world's vSwitch in zone h.
	specH = `{"vswitch": "` + fakeecs.DefaultVSwitchH + `", "type": ` +
		`"ecs.g7.large", "securityGroups": ["` +
		fakeecs.DefaultSecurityGroup + `"]}`
	// instanceH and primaryH are the IDs the first instance of a fake
	// with the default seed gets.
	instanceH = "i-bp17065zm8y4nl52bl0c"
	primaryH  = "eni-bp11qaj2wjmquagcz6vn"
	// start is the default start of the virtual clock.
	start = "2026-01-01T00:00:00Z"
)

// TestAdminEndpoints plays a script on each group of endpoints of a fake
// on the default world, with the exact answers.
func TestAdminEndpoints(t *testing.T) {
	scripts := []struct {
		name string
		xs   []exchange
	}{
		{"rules", []exchange{
			{"GET", "/rules", "", 200, `[]`},
			{"POST", "/rules", `{"action": "CreateNetworkInterface", ` +
				`"effect": {"kind": "fail", "code": "InternalError"}}`,
				200, `{"id":1}`},
			{"POST", "/rules", `{"name": "slow", "action": ` +
				`"AttachNetworkInterface", "fire": {"kind": "nth", ` +
				`"n": 2}, "effect": {"kind": "delay", "delay": "5s"}, ` +
				`"afterCommit": true}`, 200, `{"id":2}`},
			{"GET", "/rules", "", 200, `[{"id":1,"name":"rule 1",` +
				`"action":"CreateNetworkInterface","fire":"always",` +
				`"effect":"fail","code":"InternalError","matched":0},` +
				`{"id":2,"name":"slow",` +
				`"action":"AttachNetworkInterface","fire":"nth",` +
				`"effect":"delay","afterCommit":true,"matched":0}]`},
			{"DELETE", "/rules/1", "", 204, ""},
			{"DELETE", "/rules/1", "", 404, `{"error":"no rule 1"}`},
			{"GET", "/rules", "", 200, `[{"id":2,"name":"slow",` +
				`"action":"AttachNetworkInterface","fire":"nth",` +
				`"effect":"delay","afterCommit":true,"matched":0}]`},
			{"DELETE", "/rules", "", 204, ""},
			{"GET", "/rules", "", 200, `[]`},
		}},
		{"quotas", []exchange{
			{"GET", "/quotas", "", 200, `{"securityGroupsPerEni":5,` +
				`"enisPerRegion":0,"privateIps":0,"tagsPerResource":20}`},
			{"PUT", "/quotas", `{"enisPerRegion": 2, "tagsPerResource": 3}`,
				200, `{"securityGroupsPerEni":5,"enisPerRegion":2,` +
					`"privateIps":0,"tagsPerResource":3}`},
			{"GET", "/quotas", "", 200, `{"securityGroupsPerEni":5,` +
				`"enisPerRegion":2,"privateIps":0,"tagsPerResource":3}`},
		}},
		{"instances", []exchange{
			{"POST", "/instances", specH, 200, `{"id":"` + instanceH +
				`","primaryEni":"` + primaryH + `"}`},
			{"POST", "/instances/" + instanceH + "/start", "", 409,
				`{"error":"instance ` + instanceH + ` is Running, ` +
					`not Stopped or Pending"}`},
			{"POST", "/instances/" + instanceH + "/stop", "", 204, ""},
			{"POST", "/clock/settle", "", 200,
				`{"now":"2026-01-01T00:00:10Z","pending":[]}`},
			{"POST", "/instances/" + instanceH + "/start", "", 204, ""},
			{"GET", "/clock", "", 200, `{"now":"2026-01-01T00:00:10Z",` +
				`"pending":["` + instanceH + `"]}`},
			{"DELETE", "/instances/" + instanceH, "", 204, ""},
			{"DELETE", "/instances/" + instanceH, "", 404,
				`{"error":"no instance \"` + instanceH + `\""}`},
			{"GET", "/clock", "", 200, `{"now":"2026-01-01T00:00:10Z",` +
				`"pending":[]}`},
		}},
		{"state", []exchange{
			{"GET", "/state", "", 200, `{"now":"` + start + `",` +
				`"available":{"vsw-bp13xtplpft75v2seh60":4,` +
				`"vsw-bp1f91dhodzdoc9is0j8":252,` +
				`"vsw-bp1ht9lgmxg9edn581u3":252},` +
				`"members":{"sg-bp14edt2sywb3wkh5dn":0,` +
				`"sg-bp1kvj50ce9uvw53efr":0}}`},
			{"POST", "/instances", specH, 200, `{"id":"` + instanceH +
				`","primaryEni":"` + primaryH + `"}`},
			{"GET", "/state", "", 200, `{"now":"` + start + `",` +
				`"enis":[{"id":"` + primaryH + `","status":"InUse",` +
				`"type":"Primary","vswitch":"vsw-bp1f91dhodzdoc9is0j8",` +
				`"instance":"` + instanceH + `","device":0,` +
				`"ipv4":["192.168.0.1"],` +
				`"securityGroups":["sg-bp1kvj50ce9uvw53efr"]}],` +
				`"instances":[{"id":"` + instanceH + `",` +
				`"type":"ecs.g7.large","status":"Running",` +
				`"zone":"cn-hangzhou-h","enis":["` + primaryH + `"]}],` +
				`"available":{"vsw-bp13xtplpft75v2seh60":4,` +
				`"vsw-bp1f91dhodzdoc9is0j8":251,` +
				`"vsw-bp1ht9lgmxg9edn581u3":252},` +
				`"members":{"sg-bp14edt2sywb3wkh5dn":0,` +
				`"sg-bp1kvj50ce9uvw53efr":1}}`},
		}},
		{"journal", []exchange{
			{"GET", "/journal", "", 200, `[]`},
			{"GET", "/journal?action=AttachNetworkInterface", "", 200,
				`[]`},
		}},
	}
	for _, s := range scripts {
		t.Run(s.name, func(t *testing.T) {
			f, _ := newFake(t)
			exchangeAll(t, f, s.xs...)
		})
	}
}

// TestAdminRuleFailsALaterCall adds a rule over the admin API that
// matches creates on one vSwitch, sees a v7 client's call over the wire
// fail with the rule's code, and reads the journal.
func TestAdminRuleFailsALaterCall(t *testing.T) {
	f, c := newFake(t)
	exchangeAll(t, f, exchange{"POST", "/rules", `{"name": "busy", ` +
		`"action": "CreateNetworkInterface", "match": {"VSwitchId": "` +
		fakeecs.DefaultVSwitchI + `"}, "fire": {"kind": "firstN", ` +
		`"n": 1}, "effect": {"kind": "fail", ` +
		`"code": "InvalidVSwitchId.IpNotEnough"}}`, 200, `{"id":1}`})
	onI := createReq()
	onI.VSwitchId = tea.String(fakeecs.DefaultVSwitchI)

	mustCreate(t, c, createReq())
	_, err := f.SDKClient().CreateNetworkInterface(onI)
	requireCode(t, err, "InvalidVSwitchId.IpNotEnough", 403)
	mustCreate(t, c, onI)

	exchangeAll(t, f, exchange{"GET",
		"/journal?action=CreateNetworkInterface", "", 200, `[` +
			journalEntry(1, "F958BEFD-D28C-B441-A2E4-3DD26F4CA6F3",
				fakeecs.DefaultVSwitchH, "", "") + `,` +
			journalEntry(2, "CD9918E1-AA32-8884-265A-E17EBDE6BFF6",
				fakeecs.DefaultVSwitchI, "InvalidVSwitchId.IpNotEnough",
				"busy") + `,` +
			journalEntry(3, "4C7E202D-5696-65A8-E488-55585C62AB1C",
				fakeecs.DefaultVSwitchI, "", "") + `]`},
		exchange{"GET", "/rules", "", 200, `[{"id":1,"name":"busy",` +
			`"action":"CreateNetworkInterface","fire":"firstN",` +
			`"effect":"fail","code":"InvalidVSwitchId.IpNotEnough",` +
			`"matched":2}]`})
}

// journalEntry is the JSON of a create in the journal, at the clock's
// start.
func journalEntry(seq int, requestID, vswitch, code, rule string) string {
	s := `{"seq":` + strconv.Itoa(seq) + `,` +
		`"action":"CreateNetworkInterface","version":"2014-05-26",` +
		`"params":{"RegionId":"cn-hangzhou","SecurityGroupId":"` +
		fakeecs.DefaultSecurityGroup + `","VSwitchId":"` + vswitch +
		`"},"requestId":"` + requestID + `"`
	if code != "" {
		s += `,"code":"` + code + `","rule":"` + rule + `"`
	}
	return s + `,"at":"` + start + `","end":"` + start + `"}`
}

// TestAdminClockEndsAttach attaches an ENI to an instance added over
// the admin API, holds it in Attaching, and ends the attach by moving the
// clock.
func TestAdminClockEndsAttach(t *testing.T) {
	f, c := newFake(t)
	exchangeAll(t, f, exchange{"POST", "/instances", specH, 200,
		`{"id":"` + instanceH + `","primaryEni":"` + primaryH + `"}`})
	eni := tea.StringValue(mustCreate(t, c, createReq()).NetworkInterfaceId)
	_, err := c.AttachNetworkInterface(&ecs.AttachNetworkInterfaceRequest{
		RegionId: tea.String(region), NetworkInterfaceId: tea.String(eni),
		InstanceId: tea.String(instanceH)})
	require.NoError(t, err)

	pending := `{"now":"%s","pending":["` + eni + `"]}`
	done := `{"now":"%s","pending":[]}`
	at := func(s string, format string) string {
		return strings.Replace(format, "%s", "2026-01-01T00:00:0"+s+"Z", 1)
	}
	exchangeAll(t, f,
		exchange{"GET", "/clock", "", 200, at("0", pending)},
		exchange{"POST", "/hold/" + eni, "", 204, ""},
		exchange{"POST", "/clock/advance", `{"by": "3s"}`, 200,
			at("3", pending)},
		exchange{"POST", "/clock/settle", "", 200, at("3", pending)},
		exchange{"DELETE", "/hold/" + eni, "", 204, ""},
		exchange{"GET", "/clock", "", 200, at("3", done)},
	)
	require.Equal(t, fakeecs.StatusInUse, f.NetworkInterfaces()[1].Status)

	exchangeAll(t, f, exchange{"POST", "/failattach/" + eni, "", 204, ""})
	_, err = c.DetachNetworkInterface(&ecs.DetachNetworkInterfaceRequest{
		RegionId: tea.String(region), NetworkInterfaceId: tea.String(eni),
		InstanceId: tea.String(instanceH)})
	require.NoError(t, err)
	f.Settle()
	_, err = c.AttachNetworkInterface(&ecs.AttachNetworkInterfaceRequest{
		RegionId: tea.String(region), NetworkInterfaceId: tea.String(eni),
		InstanceId: tea.String(instanceH)})
	require.NoError(t, err)
	exchangeAll(t, f, exchange{"POST", "/clock/advance", `{"by": "3s"}`,
		200, at("9", done)})
	require.Equal(t, fakeecs.StatusAvailable,
		f.NetworkInterfaces()[1].Status)
}

// TestAdminRateLimitAndLag sets a rate limit and a read lag over the
// admin API and meets both, then removes them with zeros.
func TestAdminRateLimitAndLag(t *testing.T) {
	f, c := newFake(t)
	exchangeAll(t, f,
		exchange{"PUT", "/ratelimits/CreateNetworkInterface",
			`{"perSecond": 1, "burst": 1, "code": "Throttling.User"}`,
			204, ""},
		exchange{"PUT", "/lags/DescribeNetworkInterfaces", `{"calls": 1}`,
			204, ""})
	mustCreate(t, c, createReq())
	_, err := c.CreateNetworkInterface(createReq())
	requireCode(t, err, "Throttling.User", 400)
	require.Empty(t, describeAll(t, c))

	exchangeAll(t, f,
		exchange{"GET", "/ratelimits", "", 200,
			`{"CreateNetworkInterface":{"perSecond":1,"burst":1,` +
				`"code":"Throttling.User","status":0}}`},
		exchange{"GET", "/lags", "", 200,
			`{"DescribeNetworkInterfaces":{"calls":1,"for":"0s"}}`},
		exchange{"PUT", "/ratelimits/CreateNetworkInterface", `{}`, 204,
			""},
		exchange{"PUT", "/lags/DescribeNetworkInterfaces", `{}`, 204, ""})
	mustCreate(t, c, createReq())
	require.Len(t, describeAll(t, c), 2)
}

// TestAdminAccountRateLimit sets the account's rate limit over the
// admin API, with a status, meets it on two actions, and removes it.
func TestAdminAccountRateLimit(t *testing.T) {
	f, c := newFake(t)
	exchangeAll(t, f, exchange{"PUT", "/ratelimit",
		`{"burst": 1, "code": "Throttling", "status": 503}`, 204, ""})
	mustCreate(t, c, createReq())
	_, err := c.DescribeRegions(&ecs.DescribeRegionsRequest{})
	requireCode(t, err, "Throttling", 503)
	exchangeAll(t, f, exchange{"PUT", "/ratelimit", `{}`, 204, ""},
		exchange{"PUT", "/ratelimit", `{"burst": 1, "status": 200}`, 400,
			`{"error":"status 200 is not from 400 to 599"}`})
	mustCreate(t, c, createReq())
}

// TestAdminReset puts a changed fake back as New made it.
func TestAdminReset(t *testing.T) {
	f, c := newFake(t)
	before := f.State()
	exchangeAll(t, f,
		exchange{"POST", "/rules", `{"action": "DeleteNetworkInterface",` +
			` "effect": {"kind": "hang"}}`, 200, `{"id":1}`},
		exchange{"PUT", "/quotas", `{"tagsPerResource": 1}`, 200,
			`{"securityGroupsPerEni":5,"enisPerRegion":0,"privateIps":0,` +
				`"tagsPerResource":1}`},
		exchange{"POST", "/clock/advance", `{"by": "1h"}`, 200,
			`{"now":"2026-01-01T01:00:00Z","pending":[]}`})
	mustCreate(t, c, createReq())

	exchangeAll(t, f,
		exchange{"POST", "/reset", "", 204, ""},
		exchange{"GET", "/rules", "", 200, `[]`},
		exchange{"GET", "/journal", "", 200, `[]`},
		exchange{"GET", "/quotas", "", 200, `{"securityGroupsPerEni":5,` +
			`"enisPerRegion":0,"privateIps":0,"tagsPerResource":20}`},
		exchange{"GET", "/clock", "", 200, `{"now":"` + start + `",` +
			`"pending":[]}`})
	require.Equal(t, before, f.State())
}

// badInputs are requests the admin API refuses, each with its answer. A
// fake on the default world with one instance, instanceH, takes them.
var badInputs = []struct {
	name string
	x    exchange
}{
	{"unknown action", exchange{"POST", "/rules", `{"action": "Nope",` +
		` "effect": {"kind": "hang"}}`, 400,
		`{"error":"unknown action \"Nope\""}`}},
	{"no action", exchange{"POST", "/rules", `{"effect": ` +
		`{"kind": "hang"}}`, 400, `{"error":"action is required"}`}},
	{"malformed JSON", exchange{"POST", "/rules", `{"action": `, 400,
		`{"error":"bad JSON: the body ends early"}`}},
	{"not JSON", exchange{"POST", "/rules", `action=Nope`, 400,
		`{"error":"bad JSON: invalid character 'a' looking for ` +
			`beginning of value"}`}},
	{"empty body", exchange{"POST", "/rules", ``, 400,
		`{"error":"bad JSON: the body is empty"}`}},
	{"an array", exchange{"POST", "/rules", `[]`, 400,
		`{"error":"bad JSON: the body is a JSON array, not an object"}`}},
	{"unknown key", exchange{"POST", "/rules", `{"acton": "X"}`, 400,
		`{"error":"bad JSON: unknown field \"acton\""}`}},
	{"wrong type", exchange{"POST", "/rules", `{"fire": {"n": "2"}}`,
		400, `{"error":"bad JSON: fire.n cannot hold a string"}`}},
	{"two objects", exchange{"POST", "/clock/advance",
		`{"by": "1s"} {"by": "1s"}`, 400,
		`{"error":"bad JSON: more data after the object"}`}},
	{"unknown firing", exchange{"POST", "/rules", `{"action": ` +
		`"DescribeRegions", "fire": {"kind": "sometimes"}, ` +
		`"effect": {"kind": "hang"}}`, 400, `{"error":"fire.kind ` +
		`\"sometimes\" is not always, nth, firstN, everyKth, ` +
		`probability, sequence or until"}`}},
	{"probability 2", exchange{"POST", "/rules", `{"action": ` +
		`"DescribeRegions", "fire": {"kind": "probability", "p": 2}, ` +
		`"effect": {"kind": "hang"}}`, 400,
		`{"error":"fire.p must be from 0 to 1, not 2"}`}},
	{"nth 0", exchange{"POST", "/rules", `{"action": "DescribeRegions", ` +
		`"fire": {"kind": "nth"}, "effect": {"kind": "hang"}}`, 400,
		`{"error":"fire.n must be at least 1, not 0"}`}},
	{"empty pattern", exchange{"POST", "/rules", `{"action": ` +
		`"DescribeRegions", "fire": {"kind": "sequence"}, ` +
		`"effect": {"kind": "hang"}}`, 400,
		`{"error":"fire.pattern is empty"}`}},
	{"bad time", exchange{"POST", "/rules", `{"action": ` +
		`"DescribeRegions", "fire": {"kind": "until", "until": ` +
		`"tomorrow"}, "effect": {"kind": "hang"}}`, 400,
		`{"error":"fire.until \"tomorrow\" is not an RFC 3339 time ` +
			`such as \"2026-01-01T00:00:30Z\""}`}},
	{"no effect", exchange{"POST", "/rules", `{"action": ` +
		`"DescribeRegions"}`, 400, `{"error":"effect.kind \"\" is not ` +
		`fail, throttle, delay, hang or drop"}`}},
	{"no code", exchange{"POST", "/rules", `{"action": ` +
		`"DescribeRegions", "effect": {"kind": "fail"}}`, 400,
		`{"error":"effect.code is required"}`}},
	{"code outside the catalogue", exchange{"POST", "/rules",
		`{"action": "DescribeRegions", "effect": {"kind": "fail", ` +
			`"code": "Oops"}}`, 400, `{"error":"effect.code \"Oops\" ` +
			`is not in the catalogue; give its effect.status"}`}},
	{"status 200", exchange{"POST", "/rules", `{"action": ` +
		`"DescribeRegions", "effect": {"kind": "fail", "code": "Oops", ` +
		`"status": 200}}`, 400, `{"error":"effect.status must be from ` +
		`400 to 599, not 200"}`}},
	{"throttle with another code", exchange{"POST", "/rules",
		`{"action": "DescribeRegions", "effect": {"kind": "throttle", ` +
			`"code": "InternalError"}}`, 400, `{"error":"effect.code ` +
			`\"InternalError\" is not Throttling, Throttling.User or ` +
			`Throttling.Api"}`}},
	{"bad delay", exchange{"POST", "/rules", `{"action": ` +
		`"DescribeRegions", "effect": {"kind": "delay", "delay": ` +
		`"soon"}}`, 400, `{"error":"effect.delay \"soon\" is not a ` +
		`duration such as \"3s\""}`}},
	{"negative delay", exchange{"POST", "/rules", `{"action": ` +
		`"DescribeRegions", "effect": {"kind": "delay", "delay": ` +
		`"-1s"}}`, 400, `{"error":"effect.delay \"-1s\" is negative"}`}},
	{"bad duration", exchange{"POST", "/clock/advance", `{"by": "3"}`,
		400, `{"error":"by \"3\" is not a duration such as \"3s\""}`}},
	{"clock backwards", exchange{"POST", "/clock/advance",
		`{"by": "-3s"}`, 400, `{"error":"by \"-3s\" is negative"}`}},
	{"rule ID not a number", exchange{"DELETE", "/rules/one", "", 400,
		`{"error":"rule ID \"one\" is not a number"}`}},
	{"negative quota", exchange{"PUT", "/quotas", `{"privateIps": -1}`,
		400, `{"error":"privateIps -1 is negative"}`}},
	{"rate limit of an unknown action", exchange{"PUT",
		"/ratelimits/Nope", `{"perSecond": 1}`, 400,
		`{"error":"unknown action \"Nope\""}`}},
	{"negative rate", exchange{"PUT", "/ratelimits/DescribeRegions",
		`{"perSecond": -1}`, 400,
		`{"error":"perSecond -1 is not a finite rate of 0 or more"}`}},
	{"a drop with a code", exchange{"POST", "/rules", `{"action": ` +
		`"DescribeRegions", "effect": {"kind": "drop", ` +
		`"code": "InternalError"}}`, 400, `{"error":"effect.code means ` +
		`nothing to effect.kind \"drop\""}`}},
	{"a firstN with a p", exchange{"POST", "/rules", `{"action": ` +
		`"DescribeRegions", "fire": {"kind": "firstN", "n": 1, "p": 0.5}, ` +
		`"effect": {"kind": "hang"}}`, 400, `{"error":"fire.p means ` +
		`nothing to fire.kind \"firstN\""}`}},
	{"a status without a limit", exchange{"PUT", "/ratelimit",
		`{"status": 429}`, 400, `{"error":"a limit with no rate and no ` +
			`burst removes the limit and takes no code or status"}`}},
	{"rate without burst", exchange{"PUT", "/ratelimits/DescribeRegions",
		`{"perSecond": 1}`, 400,
		`{"error":"a burst of 0 lets no call through"}`}},
	{"rate limit with another code", exchange{"PUT",
		"/ratelimits/DescribeRegions", `{"burst": 1, "code": "Busy"}`,
		400, `{"error":"code \"Busy\" is not Throttling, ` +
			`Throttling.User or Throttling.Api"}`}},
	{"lag of a write", exchange{"PUT", "/lags/CreateNetworkInterface",
		`{"calls": 1}`, 400, `{"error":"CreateNetworkInterface is not ` +
			`a read: only Describe and List actions lag"}`}},
	{"negative lag", exchange{"PUT", "/lags/DescribeRegions",
		`{"for": "-1s"}`, 400, `{"error":"for \"-1s\" is negative"}`}},
	{"impossible instance", exchange{"POST", "/instances",
		`{"vswitch": "vsw-nope", "type": "ecs.g7.large"}`, 400,
		`{"error":"unknown vSwitch \"vsw-nope\""}`}},
	{"unknown instance", exchange{"POST", "/instances/i-nope/stop", "",
		404, `{"error":"no instance \"i-nope\""}`}},
	{"release of an unknown instance", exchange{"DELETE",
		"/instances/i-nope", "", 404,
		`{"error":"no instance \"i-nope\""}`}},
	{"start of a running instance", exchange{"POST", "/instances/" + instanceH +
		"/start", "", 409, `{"error":"instance ` + instanceH +
		` is Running, not Stopped or Pending"}`}},
	{"hold of an unknown ID", exchange{"POST", "/hold/eni-nope", "", 404,
		`{"error":"no ENI or instance \"eni-nope\""}`}},
	{"unhold of an unknown ID", exchange{"DELETE", "/hold/eni-nope", "",
		404, `{"error":"no ENI or instance \"eni-nope\""}`}},
	{"failed attach of an instance", exchange{"POST", "/failattach/" +
		instanceH, "", 404, `{"error":"no ENI \"` + instanceH + `\""}`}},
	{"journal of an unknown action", exchange{"GET",
		"/journal?action=Nope", "", 400,
		`{"error":"unknown action \"Nope\""}`}},
	{"unknown path", exchange{"GET", "/rulez", "", 404,
		`{"error":"no admin endpoint GET /rulez"}`}},
	{"wrong method", exchange{"PATCH", "/rules", "", 405,
		`{"error":"/rules takes DELETE, GET, POST"}`}},
}

// TestAdminRefusesBadInput checks each refusal's status and message, and
// that a refused request changes nothing.
func TestAdminRefusesBadInput(t *testing.T) {
	for _, row := range badInputs {
		t.Run(row.name, func(t *testing.T) {
			f, _ := newFake(t)
			exchangeAll(t, f, exchange{"POST", "/instances", specH, 200,
				`{"id":"` + instanceH + `","primaryEni":"` + primaryH +
					`"}`})
			before := f.State()
			exchangeAll(t, f, row.x)
			require.Equal(t, before, f.State())
			exchangeAll(t, f, exchange{"GET", "/rules", "", 200, `[]`})
		})
	}
}

// FuzzAdmin sends any method, path and body to the admin API, and
// requires a JSON answer with a status it documents, never a panic of
// the Go API caught by the handler's last guard.
func FuzzAdmin(f *testing.F) {
	for _, row := range badInputs {
		f.Add(row.x.method, row.x.path, row.x.body)
	}
	f.Add("POST", "/rules", `{"action": "DescribeRegions", "effect": `+
		`{"kind": "fail", "code": "InternalError", "status": 999}}`)
	f.Add("PUT", "/lags/DescribeRegions", `{"calls": -1, "for": "1s"}`)
	f.Add("POST", "/instances", `{"vswitch": "`+fakeecs.DefaultVSwitchH+
		`", "type": "ecs.g7.large", "securityGroups": ["sg-nope"]}`)
	allowed := []int{200, 204, 301, 307, 308, 400, 404, 405, 409}
	f.Fuzz(func(t *testing.T, method, path, body string) {
		if !slices.Contains([]string{"GET", "POST", "PUT", "DELETE",
			"PATCH"}, method) {
			t.Skip()
		}
		fk := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()))
		r := httptest.NewRequest(method, "/", strings.NewReader(body))
		r.URL.Path, r.URL.RawQuery = path, ""
		w := httptest.NewRecorder()
		fk.AdminHandler().ServeHTTP(w, r)
		require.Contains(t, allowed, w.Code, w.Body.String())
		require.NotContains(t, w.Body.String(), `"error":"fakeecs:`)
	})
}

// TestAdminStartsAPendingInstance starts an instance made Pending, as
// the Go API's StartInstance does.
func TestAdminStartsAPendingInstance(t *testing.T) {
	f, _ := newFake(t)
	spec := instanceSpec()
	spec.Status = fakeecs.InstancePending
	in := f.AddInstance(spec)
	exchangeAll(t, f, exchange{"POST", "/instances/" + in.ID + "/start",
		"", 204, ""})
	require.Equal(t, fakeecs.InstanceStarting, f.Instances()[0].Status)
}

// TestAdminDelays reads the delays, sets two of them over the admin
// API, and refuses a bad one.
func TestAdminDelays(t *testing.T) {
	f, _ := newFake(t)
	exchangeAll(t, f,
		exchange{"GET", "/delays", "", 200, `{"attach":"3s",` +
			`"detach":"3s","delete":"1s","startInstance":"10s",` +
			`"stopInstance":"10s","perRead":"0s"}`},
		exchange{"PUT", "/delays", `{"attach": "1m", "perRead": "1s"}`,
			200, `{"attach":"1m0s","detach":"3s","delete":"1s",` +
				`"startInstance":"10s","stopInstance":"10s",` +
				`"perRead":"1s"}`},
		exchange{"PUT", "/delays", `{"detach": "-1s"}`, 400,
			`{"error":"detach \"-1s\" is negative"}`})
	want := fakeecs.DefaultDelays()
	want.Attach, want.PerRead = time.Minute, time.Second
	require.Equal(t, want, f.Delays())
}
