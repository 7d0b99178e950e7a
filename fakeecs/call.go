package fakeecs

import (
	"context"
	"log/slog"
	"maps"
	"slices"
	"time"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
)

// Action names an API action of the fake. Use the constants; the set of
// actions the fake serves is [Actions].
type Action string

// The actions the fake serves.
const (
	ActionCreateNetworkInterface            Action = "CreateNetworkInterface"
	ActionDeleteNetworkInterface            Action = "DeleteNetworkInterface"
	ActionDescribeNetworkInterfaces         Action = "DescribeNetworkInterfaces"
	ActionDescribeNetworkInterfaceAttribute Action = "DescribeNetworkInterfaceAttribute"
)

// handler runs one action on decoded parameters under the fake's lock. It
// returns the answer's body, or the error that the call fails with.
type handler func(f *Fake, p rpc.Params) (body, *Error)

// body is the answer of a successful call: a struct shaped like the
// service's JSON answer, which carries the request ID.
type body interface{ setRequestID(id string) }

// meta is the part every answer shares; answer structs embed it first.
type meta struct {
	RequestId string
}

func (m *meta) setRequestID(id string) { m.RequestId = id }

// handlers maps each action to its handler.
var handlers = map[Action]handler{
	ActionCreateNetworkInterface:            handle((*Fake).createENI),
	ActionDeleteNetworkInterface:            handle((*Fake).deleteENI),
	ActionDescribeNetworkInterfaces:         handle((*Fake).describeENIs),
	ActionDescribeNetworkInterfaceAttribute: handle((*Fake).describeENI),
}

// handle turns an action that takes its typed request into a handler: it
// decodes the parameters into the request, answering a value that cannot
// be read as its type with InvalidParameter.
func handle[R any, B body](run func(*Fake, *R) (B, *Error)) handler {
	return func(f *Fake, p rpc.Params) (body, *Error) {
		var req R
		if err := rpc.Decode(p, &req); err != nil {
			return nil, malformed(err)
		}
		b, e := run(f, &req)
		if e != nil {
			return nil, e
		}
		return b, nil
	}
}

// malformed is the error for a parameter whose value cannot be read.
func malformed(err error) *Error {
	e, ok := err.(*rpc.Error)
	switch {
	case ok && e.Want == "a list index":
		return apiErr("InvalidParameter", "The specified parameter %q "+
			"is not valid: its list index must be a positive integer.",
			e.Param)
	case ok:
		return apiErr("InvalidParameter", "The specified parameter %q "+
			"is not valid: %q is not %s.", e.Param, e.Value, e.Want)
	}
	return apiErr("InvalidParameter", "%s", err.Error())
}

// Actions returns the actions the fake serves.
func Actions() []Action {
	return slices.Sorted(maps.Keys(handlers))
}

// Call is the journal's record of one call.
type Call struct {
	// Seq numbers the calls from 1 in the order they ran.
	Seq       int
	Action    Action
	Params    map[string]string
	RequestID string
	// Code is the error code of a failed call, empty on success.
	Code string
	// At is the time on the virtual clock when the call ran.
	At time.Time
}

// Journal returns a copy of the record of every call so far, oldest first.
func (f *Fake) Journal() []Call {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Call, len(f.journal))
	for i, c := range f.journal {
		c.Params = maps.Clone(c.Params)
		out[i] = c
	}
	return out
}

// answer is the outcome of one call, ready for a front door to render.
type answer struct {
	RequestID string
	Body      body   // nil when the call failed
	Err       *Error // nil when the call succeeded
}

// invoke runs one call through the pipeline: under the lock, it draws the
// request ID, runs the action, takes back every change when the action
// fails, and records the call in the journal.
func (f *Fake) invoke(ctx context.Context, a Action, p rpc.Params) answer {
	f.mu.Lock()
	defer f.mu.Unlock()
	ans := answer{RequestID: newRequestID(f.reqs)}
	saved := *f.pcg
	ans.Body, ans.Err = f.run(a, p)
	if ans.Err != nil {
		f.rollback(saved)
		ans.Err.RequestID = ans.RequestID
	} else {
		f.undo = f.undo[:0]
		ans.Body.setRequestID(ans.RequestID)
	}
	f.record(ctx, a, p, ans)
	return ans
}

// run finds the action's handler and runs it.
func (f *Fake) run(a Action, p rpc.Params) (body, *Error) {
	h, ok := handlers[a]
	if !ok {
		return nil, apiErr("InvalidAction.NotFound", "")
	}
	return h(f, p)
}

// record appends the call to the journal and traces it when a logger is
// set.
func (f *Fake) record(ctx context.Context, a Action, p rpc.Params,
	ans answer) {
	c := Call{
		Seq:       len(f.journal) + 1,
		Action:    a,
		Params:    maps.Clone(map[string]string(p)),
		RequestID: ans.RequestID,
		At:        f.now,
	}
	if ans.Err != nil {
		c.Code = ans.Err.Code
	}
	f.journal = append(f.journal, c)
	if l := f.cfg.logger; l != nil {
		l.LogAttrs(ctx, slog.LevelDebug, "fakeecs call",
			slog.String("action", string(a)),
			slog.String("requestId", c.RequestID),
			slog.String("code", c.Code))
	}
}
