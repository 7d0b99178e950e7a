package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// How long the tests wait for the server to start and to stop. Starting
// is generous for a loaded machine; stopping should take a moment.
const (
	startWait = 60 * time.Second
	stopWait  = 10 * time.Second
)

// bannerHead is how the banner's first line starts, before the endpoint.
const bannerHead = "fakeecs: serving the ECS API on http://"

// firstLine reads r to its end in a goroutine. It sends the first line
// on the channel it returns, closes the channel at the end of r, and then
// calls done, if not nil.
func firstLine(r io.Reader, done func()) <-chan string {
	first := make(chan string, 1)
	go func() {
		s := bufio.NewScanner(r)
		for n := 0; s.Scan(); n++ {
			if n == 0 {
				first <- s.Text()
			}
		}
		close(first)
		if done != nil {
			done()
		}
	}()
	return first
}

// waitEndpoint reads the banner's first line and returns the host and
// port it names.
func waitEndpoint(t *testing.T, first <-chan string) string {
	t.Helper()
	select {
	case line, ok := <-first:
		require.True(t, ok, "the server printed no banner")
		require.True(t, strings.HasPrefix(line, bannerHead), line)
		return strings.TrimPrefix(line, bannerHead)
	case <-time.After(startWait):
		t.Fatalf("no banner after %v", startWait)
		return ""
	}
}

// newClient returns a v7 ECS client for the server at endpoint, signing
// with the given key pair.
func newClient(t *testing.T, endpoint, id, secret string) *ecs.Client {
	t.Helper()
	c, err := ecs.NewClient(&openapiutil.Config{
		AccessKeyId:     tea.String(id),
		AccessKeySecret: tea.String(secret),
		Endpoint:        tea.String(endpoint),
		Protocol:        tea.String("HTTP"),
	})
	require.NoError(t, err)
	return c
}

// createReq asks for an ENI in the default world.
func createReq() *ecs.CreateNetworkInterfaceRequest {
	return &ecs.CreateNetworkInterfaceRequest{
		RegionId:        tea.String(fakeecs.DefaultRegion),
		VSwitchId:       tea.String(fakeecs.DefaultVSwitchH),
		SecurityGroupId: tea.String(fakeecs.DefaultSecurityGroup),
	}
}

// requireCode checks that err is the SDK's error with the code and HTTP
// status.
func requireCode(t *testing.T, err error, code string, status int) {
	t.Helper()
	var se *tea.SDKError
	require.True(t, errors.As(err, &se), "%T: %v", err, err)
	require.Equal(t, code, tea.StringValue(se.Code))
	require.Equal(t, status, tea.IntValue(se.StatusCode))
}

// inProcess is the command running in the test's process.
type inProcess struct {
	endpoint string
	cancel   context.CancelFunc
	done     chan int
	stderr   bytes.Buffer
}

// startRun runs the command in the test's process with args and waits
// for its banner. The test's cleanup stops it if the test did not.
func startRun(t *testing.T, args ...string) *inProcess {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	p := &inProcess{cancel: cancel, done: make(chan int, 1)}
	pr, pw := io.Pipe()
	go func() {
		code := run(ctx, args, pw, &p.stderr)
		pw.Close()
		p.done <- code
	}()
	t.Cleanup(func() { p.stop(t) })
	p.endpoint = waitEndpoint(t, firstLine(pr, nil))
	return p
}

// stop ends the command's context and returns its exit code and what it
// wrote to stderr. Calling it again returns the same.
func (p *inProcess) stop(t *testing.T) (int, string) {
	t.Helper()
	p.cancel()
	select {
	case code := <-p.done:
		p.done <- code
		return code, p.stderr.String()
	case <-time.After(stopWait):
		t.Fatalf("the server did not stop within %v", stopWait)
		return 0, ""
	}
}

// TestRunServesUntilCanceled serves a call from a real v7 client, then
// checks that ending the context stops the command with exit code 0.
func TestRunServesUntilCanceled(t *testing.T) {
	p := startRun(t, "-port", "0", "-seed", "7")
	c := newClient(t, p.endpoint, "any-ak", "any-secret")
	_, err := c.CreateNetworkInterface(createReq())
	require.NoError(t, err)

	code, stderr := p.stop(t)
	require.Equal(t, 0, code)
	require.Contains(t, stderr, "msg=request "+
		"action=CreateNetworkInterface version=2014-05-26 "+
		"RegionId=cn-hangzhou VSwitchId="+fakeecs.DefaultVSwitchH+
		" code=OK status=200 requestId="+firstID+" duration=")
	require.Contains(t, stderr,
		`msg="shutting down" cause="context canceled"`)
	require.Contains(t, stderr, "msg=stopped\n")
}

// TestRunChecksAccessKeys checks that -access-key makes the server
// check signatures: the right pair passes, a wrong secret and an unknown
// key fail with the service's codes.
func TestRunChecksAccessKeys(t *testing.T) {
	p := startRun(t, "-port", "0", "-access-key", "ak-1:secret-1")

	good := newClient(t, p.endpoint, "ak-1", "secret-1")
	_, err := good.CreateNetworkInterface(createReq())
	require.NoError(t, err)

	wrong := newClient(t, p.endpoint, "ak-1", "secret-2")
	_, err = wrong.CreateNetworkInterface(createReq())
	requireCode(t, err, "SignatureDoesNotMatch", 400)

	unknown := newClient(t, p.endpoint, "ak-2", "secret-1")
	_, err = unknown.CreateNetworkInterface(createReq())
	requireCode(t, err, "InvalidAccessKeyId.NotFound", 404)
}

// TestRunFailsOnABusyPort checks that a port already taken stops the
// command with exit code 1 and the reason.
func TestRunFailsOnABusyPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)

	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"-port", port}, &stdout,
		&stderr)
	require.Equal(t, 1, code)
	require.Equal(t, "fakeecs: listen tcp 127.0.0.1:"+port+
		": bind: address already in use\n", stderr.String())
	require.Empty(t, stdout.String())
}

// TestPrintBanner checks the banner word for word, without and with
// access keys.
func TestPrintBanner(t *testing.T) {
	const head = "fakeecs: serving the ECS API on http://127.0.0.1:9999\n" +
		`  v7 SDK, ECS and VPC clients: Endpoint: "127.0.0.1:9999", ` +
		"Protocol: \"HTTP\"\n" +
		`  older SDK: client.Domain = "127.0.0.1:9999" ` +
		"(HTTP is its default scheme)\n" +
		"  tools: export ECS_ENDPOINT=127.0.0.1:9999\n" +
		"  admin: http://127.0.0.1:9999/_admin/ (see the README)\n"
	tests := []struct {
		keys int
		tail string
	}{
		{0, "  access keys: any key and signature are accepted\n"},
		{1, "  access keys: signatures are checked; 1 key is accepted\n"},
		{2, "  access keys: signatures are checked; 2 keys are accepted\n"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		printBanner(&buf, "127.0.0.1:9999", tt.keys)
		require.Equal(t, head+tt.tail, buf.String())
	}
}

// TestNewServerLimitsBodies checks that a handler behind the server reads
// a body of maxBodyBytes and no more, and that every timeout is set.
func TestNewServerLimitsBodies(t *testing.T) {
	for _, size := range []int{maxBodyBytes, maxBodyBytes + 1} {
		var readErr error
		h := http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
			_, readErr = io.ReadAll(r.Body)
		})
		srv := newServer(h, slog.New(slog.DiscardHandler))
		r := httptest.NewRequest(http.MethodPost, "/",
			bytes.NewReader(make([]byte, size)))
		srv.Handler.ServeHTTP(httptest.NewRecorder(), r)
		if size == maxBodyBytes {
			require.NoError(t, readErr)
			continue
		}
		var tooLarge *http.MaxBytesError
		require.ErrorAs(t, readErr, &tooLarge)
	}
	srv := newServer(http.NotFoundHandler(), slog.New(slog.DiscardHandler))
	for _, d := range []time.Duration{srv.ReadHeaderTimeout,
		srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout} {
		require.Positive(t, d)
	}
}

// TestRunLimitsHeaders checks that the running server refuses a request
// whose headers pass maxHeaderBytes.
func TestRunLimitsHeaders(t *testing.T) {
	p := startRun(t, "-port", "0")
	req, err := http.NewRequest(http.MethodPost, "http://"+p.endpoint+"/",
		nil)
	require.NoError(t, err)
	req.Header.Set("X-Padding", strings.Repeat("x", 2*maxHeaderBytes))
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusRequestHeaderFieldsTooLarge, resp.StatusCode)
}

// TestRoutes checks that paths under /_admin/ reach the admin API with
// the prefix taken off, and every other path, /_admin itself included,
// the ECS API.
func TestRoutes(t *testing.T) {
	tests := []struct {
		path, want string
	}{
		{"/_admin/rules", "[]\n"},
		{"/_admin/nope", `{"error":"no admin endpoint GET /nope"}` + "\n"},
		{"/_admin", `"Code":"MissingAction"`},
		{"/", `"Code":"MissingAction"`},
		{"/x/_admin/rules", `"Code":"MissingAction"`},
	}
	f := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()))
	h := routes(f, slog.New(slog.DiscardHandler))
	for _, tt := range tests {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, tt.path, nil))
		if strings.HasPrefix(tt.path, adminPrefix) {
			require.Equal(t, tt.want, w.Body.String(), tt.path)
			continue
		}
		require.Contains(t, w.Body.String(), tt.want, tt.path)
	}
}

// TestFollowWallClock checks that the server's virtual clock follows the
// wall clock, so that an attach ends for a client that polls.
func TestFollowWallClock(t *testing.T) {
	f := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()))
	start := f.Now()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		followWallClock(ctx, f, time.Millisecond)
		close(done)
	}()
	require.Eventually(t, func() bool {
		return f.Now().Sub(start) >= 20*time.Millisecond
	}, 5*time.Second, time.Millisecond)
	cancel()
	<-done
}
