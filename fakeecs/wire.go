package fakeecs

import (
	"cmp"
	"encoding/json"
	"io"
	"maps"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
)

// maxBody is the largest request body the handler reads. The SDKs send
// every parameter in the query; a form body this large is not a real
// client's.
const maxBody = 1 << 20

// Handler returns the fake's wire front door: an http.Handler that speaks
// the ECS RPC protocol, so that unmodified SDK clients and anything else
// that speaks the protocol talk to the fake. It serves every action of
// the fake at any path, by POST or GET. It finds the action and version
// in the x-acs-action and x-acs-version headers, looked up without regard
// to case, or in the Action and Version parameters; it reads the
// parameters from the query and from a form body, the query first. The
// answer is the service's JSON with the x-acs-request-id header; an error
// answer carries RequestId, HostId, Code, Message and Recommend with the
// service's HTTP status. When the fake has credentials
// ([WithCredentials]), each request's signature is checked first. The
// handler is safe for concurrent use.
func (f *Fake) Handler() http.Handler {
	return http.HandlerFunc(f.serveHTTP)
}

func (f *Fake) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost && r.Method != http.MethodGet {
		e := apiErr("UnsupportedHTTPMethod", "The HTTP method %q is not "+
			"supported; send POST or GET.", r.Method)
		ans := f.refuse(r.Context(), routeOf(r.Header, nil), nil, e)
		writeJSON(w, e.HTTPStatus, ans.RequestID, e.body())
		return
	}
	p, raw, err := readParams(w, r)
	rt := routeOf(r.Header, p)
	if err == nil {
		err = rt.check()
	}
	if err == nil {
		err = f.verify(r, p, raw)
	}
	if err == nil {
		err = unserved(rt)
	}
	if err != nil {
		ans := f.refuse(r.Context(), rt, p, err)
		writeJSON(w, err.HTTPStatus, ans.RequestID, err.body())
		return
	}
	ans := f.invoke(r.Context(), rt, p)
	if ans.Hung != nil {
		return // the client has gone; there is no one to answer
	}
	if ans.Dropped {
		// The header is never sent; it tells a logging middleware which
		// call this was. net/http closes the connection.
		w.Header().Set("X-Acs-Request-Id", ans.RequestID)
		panic(http.ErrAbortHandler)
	}
	if ans.Err != nil {
		writeJSON(w, ans.Err.HTTPStatus, ans.RequestID, ans.Err.body())
		return
	}
	writeJSON(w, http.StatusOK, ans.RequestID, ans.Body)
}

// readParams merges the query and a form body into flat parameters. It
// also returns the body as read, for the signature check.
func readParams(w http.ResponseWriter, r *http.Request) (rpc.Params,
	[]byte, *Error) {
	query, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, nil, apiErr("InvalidParameter", "The query string "+
			"cannot be parsed: %v.", err)
	}
	var raw []byte
	if r.Body != nil {
		raw, err = io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	}
	if err != nil {
		return nil, nil, apiErr("InvalidParameter", "The request body "+
			"cannot be read: %v.", err)
	}
	p := rpc.FromValues(query)
	if !isForm(r.Header.Get("Content-Type")) {
		return p, raw, nil
	}
	form, err := url.ParseQuery(string(raw))
	if err != nil {
		return nil, nil, apiErr("InvalidParameter", "The form body "+
			"cannot be parsed: %v.", err)
	}
	for k, v := range rpc.FromValues(form) {
		if _, ok := p[k]; !ok {
			p[k] = v
		}
	}
	return p, raw, nil
}

func isForm(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && mt == "application/x-www-form-urlencoded"
}

// routeOf finds the action and version of a request.
func routeOf(h http.Header, p rpc.Params) route {
	return route{
		version: cmp.Or(header(h, "x-acs-version"), p["Version"]),
		action:  Action(cmp.Or(header(h, "x-acs-action"), p["Action"])),
	}
}

// check refuses a request that names no action or no version.
func (r route) check() *Error {
	switch {
	case r.action == "":
		return apiErr("MissingAction", "")
	case r.version == "":
		return missing("Version")
	}
	return nil
}

// header returns the first value of the named header, matching the name
// without regard to case: the v7 SDK sets lower-case keys without
// canonicalising them when it calls a handler in-process.
func header(h http.Header, name string) string {
	if v := h.Get(name); v != "" {
		return v
	}
	for _, k := range slices.Sorted(maps.Keys(h)) {
		if strings.EqualFold(k, name) && len(h[k]) > 0 {
			return h[k][0]
		}
	}
	return ""
}

// writeJSON writes one answer.
func writeJSON(w http.ResponseWriter, status int, requestID string, v any) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("X-Acs-Request-Id", requestID)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
