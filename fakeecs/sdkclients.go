package fakeecs

import (
	"errors"
	"net/http"
	"net/http/httptest"
	neturl "net/url"
	"strings"
	"syscall"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"
	legacy "github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
)

// Ready real SDK clients wired to the fake, in-process or over loopback.
// Each client sends real requests, signed as the SDK signs them, and the
// fake's wire front door answers them; the clients' answers and errors
// are the SDK's own.

// InProcess is an HTTP transport that hands each request to a handler in
// the same process, with no socket. It is both a dara.HttpClient, for the
// v7 SDK's Config.HttpClient, and an http.RoundTripper, for the older
// SDK's SetTransport. It honours the request's context but not the SDKs'
// own connect and read timeouts, which belong to a socket: bound a call
// that a Hang rule holds with a context (the v7 SDK's XWithContext), or
// serve the fake on a socket ([Fake.NewServer]).
type InProcess struct {
	Handler http.Handler
}

// Call serves one request of the v7 SDK. A call that a Drop rule cuts
// fails with a *url.Error of a connection reset, as the SDK's own
// http.Client gives it.
func (t InProcess) Call(req *http.Request, _ *http.Transport) (
	*http.Response, error) {
	resp, err := t.RoundTrip(req)
	if errors.Is(err, syscall.ECONNRESET) {
		return nil, resetError(req.Method, req.URL.String())
	}
	return resp, err
}

// resetError is the error an http.Client gives for a connection that
// was reset.
func resetError(method, url string) error {
	op := method[:1] + strings.ToLower(method[1:])
	return &neturl.Error{Op: op, URL: url, Err: syscall.ECONNRESET}
}

// RoundTrip serves one request. A call that a Drop rule cuts fails with
// syscall.ECONNRESET, which an http.Client wraps in a *url.Error.
func (t InProcess) RoundTrip(req *http.Request) (
	resp *http.Response, err error) {
	if req.Host == "" {
		req.Host = req.URL.Host
	}
	defer func() {
		if r := recover(); r != nil {
			if r != http.ErrAbortHandler {
				panic(r)
			}
			resp, err = nil, syscall.ECONNRESET
		}
	}()
	rec := httptest.NewRecorder()
	t.Handler.ServeHTTP(rec, req)
	if err := req.Context().Err(); err != nil {
		return nil, err // as a real transport does when the context ends
	}
	resp = rec.Result()
	resp.Request = req
	return resp, nil
}

// The key pair the ready clients sign with when the fake has none.
const (
	fakeAccessKeyID = "fake-access-key-id"
	fakeSecret      = "fake-access-key-secret"
)

// key returns a key pair the fake accepts: one of its credentials, or any.
func (f *Fake) key() (string, string) {
	best := ""
	for id := range f.cfg.keys {
		if best == "" || id < best {
			best = id
		}
	}
	if best == "" {
		return fakeAccessKeyID, fakeSecret
	}
	return best, f.cfg.keys[best]
}

// sdkConfig is a v7 SDK configuration that reaches the fake in-process.
func (f *Fake) sdkConfig() *openapiutil.Config {
	id, secret := f.key()
	return &openapiutil.Config{
		AccessKeyId:     tea.String(id),
		AccessKeySecret: tea.String(secret),
		Endpoint:        tea.String("ecs.fake.local"),
		HttpClient:      InProcess{f.Handler()},
	}
}

// SDKClient returns a real v7 ECS client that reaches the fake in-process
// through Config.HttpClient.
func (f *Fake) SDKClient() *ecs.Client {
	c, err := ecs.NewClient(f.sdkConfig())
	if err != nil {
		panic("fakeecs: the v7 client cannot be made: " + err.Error())
	}
	return c
}

// VPCClient returns a real VPC API client (version 2016-04-28) that
// reaches the fake in-process, for DescribeVSwitches and DescribeVpcs.
func (f *Fake) VPCClient() *vpc.Client {
	cfg := f.sdkConfig()
	cfg.Endpoint = tea.String("vpc.fake.local")
	c, err := vpc.NewClient(cfg)
	if err != nil {
		panic("fakeecs: the VPC client cannot be made: " + err.Error())
	}
	return c
}

// LegacyClient returns a client of the older SDK
// (github.com/aliyun/alibaba-cloud-sdk-go/services/ecs) for the region,
// which fills RegionId into every request, reaching the fake in-process
// through SetTransport.
func (f *Fake) LegacyClient(region string) *legacy.Client {
	id, secret := f.key()
	c, err := legacy.NewClientWithAccessKey(region, id, secret)
	if err != nil {
		panic("fakeecs: the legacy client cannot be made: " + err.Error())
	}
	c.Domain = "ecs.fake.local"
	c.SetTransport(InProcess{f.Handler()})
	return c
}

// NewServer starts the fake's wire front door on a loopback HTTP server.
// The caller closes it. Point the v7 SDK at it with Endpoint set to the
// server's host and port and Protocol "HTTP", and the older SDK with
// Domain set to the host and port.
func (f *Fake) NewServer() *httptest.Server {
	return httptest.NewServer(f.Handler())
}
