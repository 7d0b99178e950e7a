package fakeecs

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
)

// replay is an HTTP client for the real v7 SDK that answers every request
// with one canned status and body, as the service would send them.
type replay struct {
	status int
	body   []byte
	id     string
}

func (r replay) Call(*http.Request, *http.Transport) (*http.Response, error) {
	h := http.Header{}
	h.Set("Content-Type", contentType)
	h.Set("X-Acs-Request-Id", r.id)
	return &http.Response{StatusCode: r.status, Header: h,
		Body: io.NopCloser(bytes.NewReader(r.body))}, nil
}

// realClient returns a real v7 client whose every call gets r.
func realClient(t *testing.T, r replay) *ecs.Client {
	t.Helper()
	c, err := ecs.NewClient(&openapiutil.Config{
		AccessKeyId:     tea.String("ak"),
		AccessKeySecret: tea.String("secret"),
		Endpoint:        tea.String("fake.local"),
		HttpClient:      r,
	})
	require.NoError(t, err)
	return c
}

// serviceAnswer runs one request in a fresh default-world fake and returns
// the HTTP status and JSON body the service would send.
func serviceAnswer(req *ecs.CreateNetworkInterfaceRequest) replay {
	f := New(WithWorld(DefaultWorld()))
	p := rpc.FromPointers(openapiutil.Query(req))
	ans := f.invoke(context.Background(),
		route{ecsVersion, ActionCreateNetworkInterface}, p)
	if ans.Err != nil {
		return replay{ans.Err.HTTPStatus, render(ans.Err.body()),
			ans.RequestID}
	}
	return replay{200, render(ans.Body), ans.RequestID}
}

// TestTypedErrorsMatchTheSDK checks that the typed client's error for a
// failed call is the very *tea.SDKError that the real v7 client builds
// from the service's error answer, and that both return a non-nil
// response with a nil body.
func TestTypedErrorsMatchTheSDK(t *testing.T) {
	reqs := map[string]*ecs.CreateNetworkInterfaceRequest{
		"400": {RegionId: tea.String(DefaultRegion)},
		"404": {RegionId: tea.String(DefaultRegion),
			VSwitchId:       tea.String("vsw-none"),
			SecurityGroupId: tea.String(DefaultSecurityGroup)},
		"403": {RegionId: tea.String(DefaultRegion),
			VSwitchId:       tea.String(DefaultVSwitchH),
			SecurityGroupId: tea.String(DefaultSecurityGroup),
			QueueNumber:     tea.Int32(0)},
	}
	for name, req := range reqs {
		t.Run(name, func(t *testing.T) {
			want, wantErr := realClient(t, serviceAnswer(req)).
				CreateNetworkInterface(req)
			got, gotErr := New(WithWorld(DefaultWorld())).Client().
				CreateNetworkInterface(req)
			require.Error(t, wantErr)
			require.Equal(t, wantErr.Error(), gotErr.Error())
			var w, g *tea.SDKError
			require.ErrorAs(t, wantErr, &w)
			require.ErrorAs(t, gotErr, &g)
			require.Empty(t, cmp.Diff(w, g,
				cmpopts.IgnoreUnexported(tea.SDKError{}),
				cmpopts.IgnoreFields(tea.SDKError{}, "Stack")))
			require.Equal(t, name, tea.ToString(tea.IntValue(g.StatusCode)))
			require.NotNil(t, got)
			require.Nil(t, got.Body)
			require.Nil(t, want.Body)
		})
	}
}

// TestTypedAnswersMatchTheSDK checks that the typed client's answer is
// what the real v7 client parses from the service's JSON answer.
func TestTypedAnswersMatchTheSDK(t *testing.T) {
	req := &ecs.CreateNetworkInterfaceRequest{
		RegionId:                       tea.String(DefaultRegion),
		VSwitchId:                      tea.String(DefaultVSwitchH),
		SecurityGroupIds:               tea.StringSlice([]string{DefaultSecurityGroup}),
		SecondaryPrivateIpAddressCount: tea.Int32(2),
		Ipv6AddressCount:               tea.Int32(1),
		Tag: []*ecs.CreateNetworkInterfaceRequestTag{{
			Key: tea.String("k"), Value: tea.String("")}},
	}
	want, err := realClient(t, serviceAnswer(req)).CreateNetworkInterface(req)
	require.NoError(t, err)
	got, err := New(WithWorld(DefaultWorld())).Client().
		CreateNetworkInterface(req)
	require.NoError(t, err)
	require.Empty(t, cmp.Diff(want.Body, got.Body))
	require.Equal(t, int32(200), tea.Int32Value(got.StatusCode))
	require.Equal(t, tea.StringValue(want.Headers["x-acs-request-id"]),
		tea.StringValue(got.Headers["x-acs-request-id"]))
}
