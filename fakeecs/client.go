package fakeecs

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
)

// Client is the fake's typed front door: its methods have the exact
// signatures of the v7 SDK's *client.Client
// (github.com/alibabacloud-go/ecs-20140526/v7/client), in the three forms
// X, XWithOptions and XWithContext, so that it satisfies any interface
// that code declares over the real client. Each call flattens the request
// as the SDK does, runs it in the fake, and builds the answer from the
// same JSON the service would send, with the SDK's own decoder: a failed
// call returns a non-nil response with a nil body and the *tea.SDKError
// the SDK builds from the service's error. The runtime options are
// accepted and ignored. A Client is safe for concurrent use. Get one from
// [Fake.Client].
type Client struct {
	f *Fake
}

//go:generate go run ./internal/clientgen

// Client returns the typed front door of f.
func (f *Fake) Client() *Client { return &Client{f: f} }

// call runs one action for a typed client method and fills out, the
// response value the method returns.
func (c *Client) call(ctx context.Context, a Action, req, out any) error {
	if ctx == nil {
		return errors.New("fakeecs: nil Context")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	ans := c.f.invoke(ctx, route{ecsVersion, a},
		rpc.FromPointers(openapiutil.Query(req)))
	if ans.Hung != nil {
		return ans.Hung
	}
	if ans.Dropped {
		return resetError(http.MethodPost, "https://ecs.fake.local/")
	}
	if ans.Err != nil {
		return sdkError(ans.Err)
	}
	obj, err := dara.ReadAsJSON(bytes.NewReader(render(ans.Body)))
	if err != nil {
		return err
	}
	return dara.Convert(map[string]any{
		"body":       dara.ToMap(obj),
		"headers":    responseHeaders(ans.RequestID),
		"statusCode": 200,
	}, out)
}

// render writes an answer as the service's JSON.
func render(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic("fakeecs: answer cannot be encoded: " + err.Error())
	}
	return b
}

// responseHeaders are the headers of a successful answer, with lower-case
// keys as the SDK keeps them.
func responseHeaders(requestID string) map[string]*string {
	return map[string]*string{
		"content-type":     dara.String(contentType),
		"x-acs-request-id": dara.String(requestID),
	}
}

// contentType is the content type of every answer.
const contentType = "application/json;charset=utf-8"

// errorBody is the JSON object of an error answer.
type errorBody struct {
	RequestId string
	HostId    string
	Code      string
	Message   string
	Recommend string
}

// body returns the JSON object the service sends for e.
func (e *Error) body() errorBody {
	return errorBody{
		RequestId: e.RequestID,
		HostId:    hostID,
		Code:      e.Code,
		Message:   e.Message,
		Recommend: e.Recommend(),
	}
}

// throttlingCodes are the codes the SDK reads as throttling.
var throttlingCodes = map[string]bool{
	"Throttling": true, "Throttling.User": true, "Throttling.Api": true,
}

// sdkError builds the *tea.SDKError that the v7 SDK builds when the
// service answers with e: it decodes the error JSON, makes the SDK's
// throttling, client or server error from it, and converts that as the
// SDK does.
func sdkError(e *Error) error {
	obj, err := dara.ReadAsJSON(bytes.NewReader(render(e.body())))
	if err != nil {
		return err
	}
	m := dara.ToMap(obj)
	status := dara.Int(e.HTTPStatus)
	msg := dara.String("code: " + strconv.Itoa(e.HTTPStatus) + ", " +
		e.Message + " request id: " + e.RequestID)
	desc := dara.String(dara.ToString(
		dara.Default(m["Description"], m["description"])))
	code, rid := dara.String(e.Code), dara.String(e.RequestID)
	switch {
	case throttlingCodes[e.Code]:
		return dara.TeaSDKError(&openapi.ThrottlingError{StatusCode: status,
			Code: code, Message: msg, Description: desc, Data: m,
			RequestId: rid})
	case e.HTTPStatus < 500:
		return dara.TeaSDKError(&openapi.ClientError{StatusCode: status,
			Code: code, Message: msg, Description: desc, Data: m,
			AccessDeniedDetail: (&openapi.Client{}).GetAccessDeniedDetail(m),
			RequestId:          rid})
	}
	return dara.TeaSDKError(&openapi.ServerError{StatusCode: status,
		Code: code, Message: msg, Description: desc, Data: m,
		RequestId: rid})
}

// background is the context of the methods without one.
var background = context.Background()
