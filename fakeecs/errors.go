package fakeecs

import (
	"errors"
	"fmt"

	"github.com/alibabacloud-go/tea/tea"
	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
)

// hostID is the HostId that every error answer carries, as the service's
// endpoint names itself.
const hostID = "ecs.aliyuncs.com"

// Error is an API error as the ECS service reports it: the code that
// clients branch on, the HTTP status it travels with, a message, and the
// request ID. The typed client and the HTTP handler turn it into the error
// value each SDK builds from the real service's answer. Match any of them
// with [IsCode].
type Error struct {
	// Code is the service's error code, such as "InvalidEniId.NotFound".
	Code string
	// HTTPStatus is the status of the HTTP answer: the catalogue's for
	// the code (400, 403, 404, 500 or 503), or any from 400 to 599 that
	// a rule or a rate limit gives.
	HTTPStatus int
	// Message is the service's explanation, quoting the bad input.
	Message string
	// RequestID identifies the call that failed.
	RequestID string
}

// Error returns the code, status, message and request ID on one line.
func (e *Error) Error() string {
	return fmt.Sprintf("%s (HTTP %d): %s [request %s]",
		e.Code, e.HTTPStatus, e.Message, e.RequestID)
}

// Recommend returns the troubleshooting address the service puts in the
// Recommend field of an error answer.
func (e *Error) Recommend() string {
	return "https://api.aliyun.com/troubleshoot?q=" + e.Code +
		"&product=Ecs"
}

// IsCode reports whether err carries the service's error code: an
// [*Error], the v7 SDK's *tea.SDKError that the typed client and the v7
// SDK return, or the older SDK's error, each possibly wrapped.
func IsCode(err error, code string) bool {
	var e *Error
	var se *tea.SDKError
	var le sdkerrors.Error
	switch {
	case errors.As(err, &e):
		return e.Code == code
	case errors.As(err, &se):
		return tea.StringValue(se.Code) == code
	case errors.As(err, &le):
		return le.ErrorCode() == code
	}
	return false
}

// apiErr makes the error of a catalogued code with a message built from
// format and args. A code missing from the catalogue is a bug in the fake,
// so it panics; the catalogue test walks every call site's code.
func apiErr(code, format string, args ...any) *Error {
	c, ok := catalogue[code]
	if !ok {
		panic("fakeecs: error code not in the catalogue: " + code)
	}
	msg := c.Message
	if format != "" {
		msg = fmt.Sprintf(format, args...)
	}
	return &Error{Code: code, HTTPStatus: c.HTTPStatus, Message: msg}
}

// missing is the MissingParameter error for a required parameter.
func missing(param string) *Error {
	return apiErr("MissingParameter", "The input parameter %q that is "+
		"mandatory for processing this request is not supplied.", param)
}

// invalid is the InvalidParameter error for a parameter whose value the
// service refuses.
func invalid(param string) *Error {
	return apiErr("InvalidParameter",
		"The specified parameter %q is not valid.", param)
}
