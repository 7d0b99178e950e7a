package main

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// testLog returns a logger that writes text lines without the time to
// buf.
func testLog(buf *bytes.Buffer) *slog.Logger {
	drop := func(groups []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey && len(groups) == 0 {
			return slog.Attr{}
		}
		return a
	}
	return slog.New(slog.NewTextHandler(buf,
		&slog.HandlerOptions{ReplaceAttr: drop}))
}

// steppingClock returns a clock that moves on by step at every reading.
func steppingClock(step time.Duration) func() time.Time {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time {
		now = now.Add(step)
		return now
	}
}

// logOne serves one request through the log that wrap puts around h,
// with a clock that makes every request take 3ms. It returns the answer
// and the line logged.
func logOne(wrap func(http.Handler, *slog.Logger) *requestLog,
	h http.Handler, r *http.Request) (*httptest.ResponseRecorder, string) {
	var buf bytes.Buffer
	l := wrap(h, testLog(&buf))
	l.now = steppingClock(3 * time.Millisecond)
	w := httptest.NewRecorder()
	l.ServeHTTP(w, r)
	return w, buf.String()
}

// ecsRequest is a request as the v7 SDK sends it: the action and version
// in headers, the parameters in the query.
func ecsRequest(action, query string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/?"+query, nil)
	r.Header.Set("X-Acs-Action", action)
	r.Header.Set("X-Acs-Version", "2014-05-26")
	return r
}

// firstID is the request ID of the first call to a fake with seed 7.
const firstID = "67ED9826-F979-3DC0-A6A9-040B516CA611"

// TestRequestLogLine checks the exact fields of the line logged for a
// success, for an API error, for a list of IDs and for a request in the
// older SDK's form, against a fake on the default world with seed 7.
func TestRequestLogLine(t *testing.T) {
	const sg = "&SecurityGroupId=" + fakeecs.DefaultSecurityGroup
	legacy := httptest.NewRequest(http.MethodPost, "/?Action="+
		"DescribeNetworkInterfaces&Version=2014-05-26&RegionId=cn-hangzhou"+
		"&InstanceId=i-1", nil)
	tests := []struct {
		name string
		req  *http.Request
		want string
	}{
		{"success", ecsRequest("CreateNetworkInterface",
			"RegionId=cn-hangzhou&VSwitchId="+fakeecs.DefaultVSwitchH+sg),
			"level=INFO msg=request action=CreateNetworkInterface " +
				"version=2014-05-26 RegionId=cn-hangzhou " +
				"VSwitchId=vsw-bp1f91dhodzdoc9is0j8 code=OK status=200 " +
				"requestId=" + firstID + " duration=3ms\n"},
		{"error", ecsRequest("DescribeNetworkInterfaceAttribute",
			"RegionId=cn-hangzhou&NetworkInterfaceId=eni-missing"),
			"level=INFO msg=request " +
				"action=DescribeNetworkInterfaceAttribute " +
				"version=2014-05-26 RegionId=cn-hangzhou " +
				"NetworkInterfaceId=eni-missing " +
				"code=InvalidEniId.NotFound status=404 " +
				"requestId=" + firstID + " duration=3ms\n"},
		{"list of IDs", ecsRequest("DescribeNetworkInterfaces",
			"RegionId=cn-hangzhou&NetworkInterfaceId.1=eni-a"+
				"&NetworkInterfaceId.2=eni-b"),
			"level=INFO msg=request action=DescribeNetworkInterfaces " +
				"version=2014-05-26 RegionId=cn-hangzhou " +
				"NetworkInterfaceId=eni-a,eni-b code=OK status=200 " +
				"requestId=" + firstID + " duration=3ms\n"},
		{"older SDK's form", legacy,
			"level=INFO msg=request action=DescribeNetworkInterfaces " +
				"version=2014-05-26 RegionId=cn-hangzhou InstanceId=i-1 " +
				"code=OK status=200 requestId=" + firstID + " duration=3ms\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()),
				fakeecs.WithSeed(7))
			_, got := logOne(logRequests, f.Handler(), tt.req)
			require.Equal(t, tt.want, got)
		})
	}
}

// TestRequestLogLineWithoutCode checks the line for answers that carry
// no JSON error code, and that the answer passes through unchanged.
func TestRequestLogLineWithoutCode(t *testing.T) {
	tests := []struct {
		name       string
		h          http.HandlerFunc
		wantStatus int
		wantBody   string
		wantLine   string
	}{
		{"plain-text error", func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, "boom", http.StatusInternalServerError)
		}, 500, "boom\n", "level=INFO msg=request action=Act " +
			"version=2014-05-26 code=\"Internal Server Error\" " +
			"status=500 duration=3ms\n"},
		{"no answer", func(http.ResponseWriter, *http.Request) {},
			200, "", "level=INFO msg=request action=Act " +
				"version=2014-05-26 code=NoAnswer status=0 duration=3ms\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, line := logOne(logRequests, tt.h, ecsRequest("Act", ""))
			require.Equal(t, tt.wantStatus, w.Code)
			require.Equal(t, tt.wantBody, w.Body.String())
			require.Equal(t, tt.wantLine, line)
		})
	}
}

// TestHungCallLogLine checks the line of a call that a Hang rule held
// until its client left: the fake wrote no answer, and the line says so
// rather than calling it a success.
func TestHungCallLogLine(t *testing.T) {
	f := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()))
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionDescribeRegions,
		Effect: fakeecs.Hang()})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := ecsRequest("DescribeRegions", "").WithContext(ctx)
	_, line := logOne(logRequests, f.Handler(), r)
	require.Equal(t, "level=INFO msg=request action=DescribeRegions "+
		"version=2014-05-26 code=NoAnswer status=0 duration=3ms\n", line)
}

// TestDroppedCallLogLine checks the line of a call whose connection a
// Drop rule cut, and that the abort still reaches net/http.
func TestDroppedCallLogLine(t *testing.T) {
	f := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()))
	f.AddRule(fakeecs.Rule{Action: fakeecs.ActionDescribeRegions,
		Effect: fakeecs.Drop()})
	var buf bytes.Buffer
	l := logRequests(f.Handler(), testLog(&buf))
	l.now = steppingClock(3 * time.Millisecond)
	require.PanicsWithValue(t, http.ErrAbortHandler, func() {
		l.ServeHTTP(httptest.NewRecorder(),
			ecsRequest("DescribeRegions", ""))
	})
	require.Equal(t, "level=INFO msg=request action=DescribeRegions "+
		"version=2014-05-26 code=Dropped status=0 requestId="+
		"F958BEFD-D28C-B441-A2E4-3DD26F4CA6F3 duration=3ms\n",
		buf.String())
}

// TestAdminLogLine checks the exact line logged for admin requests: a
// success, one with a query, and a refusal with its error.
func TestAdminLogLine(t *testing.T) {
	tests := []struct {
		name, method, path, body string
		want                     string
	}{
		{"success", "POST", "/_admin/clock/advance", `{"by": "1s"}`,
			"level=INFO msg=admin method=POST path=/_admin/clock/advance " +
				"status=200 duration=3ms\n"},
		{"query", "GET", "/_admin/journal?action=DescribeRegions", "",
			"level=INFO msg=admin method=GET path=/_admin/journal " +
				`query="action=DescribeRegions" status=200 duration=3ms` +
				"\n"},
		{"refusal", "POST", "/_admin/rules", `{"action": "Nope"}`,
			"level=INFO msg=admin method=POST path=/_admin/rules " +
				`status=400 error="unknown action \"Nope\"" ` +
				"duration=3ms\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()))
			h := http.StripPrefix("/_admin", f.AdminHandler())
			r := httptest.NewRequest(tt.method, tt.path,
				strings.NewReader(tt.body))
			_, got := logOne(logAdmin, h, r)
			require.Equal(t, tt.want, got)
		})
	}
}
