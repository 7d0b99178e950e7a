package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// buildBinary builds the command into a fresh directory with the go
// command that runs the tests, and returns the binary's path.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "fakeecs")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	return bin
}

// process is the command running as a child process.
type process struct {
	cmd      *exec.Cmd
	endpoint string
	stderr   bytes.Buffer
	exited   chan error // receives the result of Wait, once
}

// startBinary starts the binary with args and waits for its banner. The
// test's cleanup kills the process if it is still running.
func startBinary(t *testing.T, bin string, args ...string) *process {
	t.Helper()
	p := &process{cmd: exec.Command(bin, args...), exited: make(chan error, 1)}
	p.cmd.Stderr = &p.stderr
	stdout, err := p.cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, p.cmd.Start())
	// Wait must come after the last read of stdout.
	first := firstLine(stdout, func() { p.exited <- p.cmd.Wait() })
	t.Cleanup(func() { p.kill() })
	p.endpoint = waitEndpoint(t, first)
	return p
}

// kill ends the process if it is still running and waits for it.
func (p *process) kill() {
	select {
	case err := <-p.exited:
		p.exited <- err
		return
	default:
	}
	_ = p.cmd.Process.Kill()
	p.exited <- <-p.exited
}

// stop sends sig and requires the process to exit 0 within stopWait. It
// returns what the process wrote to stderr.
func (p *process) stop(t *testing.T, sig os.Signal) string {
	t.Helper()
	require.NoError(t, p.cmd.Process.Signal(sig))
	select {
	case err := <-p.exited:
		p.exited <- err
		require.NoError(t, err, "stderr:\n%s", p.stderr.String())
		require.Equal(t, 0, p.cmd.ProcessState.ExitCode())
		return p.stderr.String()
	case <-time.After(stopWait):
		t.Fatalf("no exit within %v of %v", stopWait, sig)
		return ""
	}
}

// TestBinary builds the command once and runs it as a separate process
// driven by a real v7 client, as a tool outside Go would.
func TestBinary(t *testing.T) {
	bin := buildBinary(t)
	t.Run("serves the default world", func(t *testing.T) {
		testDefaultWorld(t, bin)
	})
	t.Run("serves a world file", func(t *testing.T) {
		testWorldFile(t, bin)
	})
	t.Run("stops cleanly on SIGINT", func(t *testing.T) {
		testSIGINT(t, bin)
	})
	t.Run("refuses a bad world file", func(t *testing.T) {
		testBadWorld(t, bin)
	})
	t.Run("is controlled over /_admin/", func(t *testing.T) {
		testAdmin(t, bin)
	})
}

// testDefaultWorld creates, lists and misses an ENI over the wire, checks
// that -seed 7 gives the answers of an in-process fake with seed 7, and
// that SIGTERM stops the server with exit code 0.
func testDefaultWorld(t *testing.T, bin string) {
	p := startBinary(t, bin, "-port", "0", "-seed", "7")
	c := newClient(t, p.endpoint, "any-ak", "any-secret")

	cr, err := c.CreateNetworkInterface(createReq())
	require.NoError(t, err)
	local := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()),
		fakeecs.WithSeed(7))
	want, err := local.Client().CreateNetworkInterface(createReq())
	require.NoError(t, err)
	require.Equal(t, want.Body.NetworkInterfaceId, cr.Body.NetworkInterfaceId)
	require.Equal(t, want.Body.MacAddress, cr.Body.MacAddress)
	require.Equal(t, firstID, tea.StringValue(cr.Body.RequestId))
	require.Equal(t, "192.168.0.1", tea.StringValue(cr.Body.PrivateIpAddress))

	dr, err := c.DescribeNetworkInterfaces(
		&ecs.DescribeNetworkInterfacesRequest{
			RegionId:           tea.String(fakeecs.DefaultRegion),
			NetworkInterfaceId: []*string{cr.Body.NetworkInterfaceId},
		})
	require.NoError(t, err)
	require.Equal(t, int32(1), tea.Int32Value(dr.Body.TotalCount))
	got := dr.Body.NetworkInterfaceSets.NetworkInterfaceSet[0]
	require.Equal(t, "Available", tea.StringValue(got.Status))

	_, err = c.DescribeNetworkInterfaceAttribute(
		&ecs.DescribeNetworkInterfaceAttributeRequest{
			RegionId:           tea.String(fakeecs.DefaultRegion),
			NetworkInterfaceId: tea.String("eni-bp1nosuchinterface00"),
		})
	requireCode(t, err, "InvalidEniId.NotFound", 404)

	stderr := p.stop(t, syscall.SIGTERM)
	require.Contains(t, stderr, "action=DescribeNetworkInterfaceAttribute "+
		"version=2014-05-26 RegionId=cn-hangzhou "+
		"NetworkInterfaceId=eni-bp1nosuchinterface00 "+
		"code=InvalidEniId.NotFound status=404 ")
	require.Contains(t, stderr,
		`msg="shutting down" cause="terminated signal received"`)
}

// testWorldFile serves a world read from a file and creates an ENI in
// its only vSwitch; the default world's region is not in it.
func testWorldFile(t *testing.T, bin string) {
	p := startBinary(t, bin, "-port", "0", "-world",
		writeFile(t, beijingJSON))
	c := newClient(t, p.endpoint, "any-ak", "any-secret")

	cr, err := c.CreateNetworkInterface(&ecs.CreateNetworkInterfaceRequest{
		RegionId:        tea.String("cn-beijing"),
		VSwitchId:       tea.String("vsw-1"),
		SecurityGroupId: tea.String("sg-1"),
	})
	require.NoError(t, err)
	require.Equal(t, "10.1.2.1", tea.StringValue(cr.Body.PrivateIpAddress))
	require.Equal(t, "cn-beijing-a", tea.StringValue(cr.Body.ZoneId))

	_, err = c.CreateNetworkInterface(createReq())
	requireCode(t, err, "Forbidden.RegionId", 400)

	p.stop(t, syscall.SIGTERM)
}

// testSIGINT checks that SIGINT stops a server that has served a call,
// with exit code 0.
func testSIGINT(t *testing.T, bin string) {
	p := startBinary(t, bin, "-port", "0")
	c := newClient(t, p.endpoint, "any-ak", "any-secret")
	_, err := c.CreateNetworkInterface(createReq())
	require.NoError(t, err)

	stderr := p.stop(t, os.Interrupt)
	require.Contains(t, stderr,
		`msg="shutting down" cause="interrupt signal received"`)
	require.Contains(t, stderr, "msg=stopped\n")
}

// testBadWorld checks that an impossible world file stops the binary
// before it serves, with exit code 1 and the fault on stderr.
func testBadWorld(t *testing.T, bin string) {
	path := writeFile(t, `{"regions": [{"id": "cn-beijing"}]}`)
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, "-port", "0", "-world", path)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()

	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "%v", err)
	require.Equal(t, 1, exit.ExitCode())
	require.Equal(t, "fakeecs: world file "+path+" is impossible:\n"+
		"fakeecs: world: region \"cn-beijing\" has no zones\n",
		stderr.String())
	require.Empty(t, stdout.String())
}

// adminCall sends one request to the admin API of the server at endpoint,
// as curl would, and returns the status and the body.
func adminCall(t *testing.T, endpoint, method, path, body string) (int,
	string) {
	t.Helper()
	req, err := http.NewRequest(method, "http://"+endpoint+"/_admin"+path,
		strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

// testAdmin adds a rule over /_admin/, sees a v7 client's create fail
// with the rule's code and the next one pass, moves the clock, reads the
// journal, resets the fake, and finds the admin requests in the log.
func testAdmin(t *testing.T, bin string) {
	p := startBinary(t, bin, "-port", "0")
	status, body := adminCall(t, p.endpoint, "POST", "/rules",
		`{"name": "busy", "action": "CreateNetworkInterface", `+
			`"match": {"VSwitchId": "`+fakeecs.DefaultVSwitchH+`"}, `+
			`"fire": {"kind": "firstN", "n": 1}, `+
			`"effect": {"kind": "fail", "code": "InternalError"}}`)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, `{"id":1}`+"\n", body)

	c := newClient(t, p.endpoint, "any-ak", "any-secret")
	_, err := c.CreateNetworkInterface(createReq())
	requireCode(t, err, "InternalError", 500)
	_, err = c.CreateNetworkInterface(createReq())
	require.NoError(t, err)

	status, body = adminCall(t, p.endpoint, "POST", "/clock/advance",
		`{"by": "3s"}`)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, `{"now":"2026-01-01T00:00:03Z","pending":[]}`+"\n",
		body)
	requireJournal(t, p.endpoint, []string{"InternalError", ""},
		[]string{"busy", ""})

	status, body = adminCall(t, p.endpoint, "POST", "/reset", "")
	require.Equal(t, http.StatusNoContent, status)
	require.Empty(t, body)
	requireJournal(t, p.endpoint, nil, nil)

	stderr := p.stop(t, syscall.SIGTERM)
	require.Contains(t, stderr, "msg=admin method=POST path=/_admin/rules "+
		"status=200 duration=")
	require.Contains(t, stderr, "action=CreateNetworkInterface "+
		"version=2014-05-26 RegionId=cn-hangzhou VSwitchId="+
		fakeecs.DefaultVSwitchH+" code=InternalError status=500 ")
}

// requireJournal reads the journal over /_admin/ and checks that it holds
// creates with the codes and rules given, in order.
func requireJournal(t *testing.T, endpoint string, codes, rules []string) {
	t.Helper()
	status, body := adminCall(t, endpoint, "GET",
		"/journal?action=CreateNetworkInterface", "")
	require.Equal(t, http.StatusOK, status)
	var calls []fakeecs.Call
	require.NoError(t, json.Unmarshal([]byte(body), &calls))
	require.Len(t, calls, len(codes), body)
	for i, c := range calls {
		require.Equal(t, i+1, c.Seq)
		require.Equal(t, fakeecs.DefaultVSwitchH, c.Params["VSwitchId"])
		require.Equal(t, codes[i], c.Code)
		require.Equal(t, rules[i], c.Rule)
	}
}
