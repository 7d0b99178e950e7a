package fakeecs

import (
	"context"
	"log/slog"
	"maps"
	"slices"
	"time"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
)

// Call is the journal's record of one call. The JSON names are those of
// the admin endpoint ([Fake.AdminHandler]).
type Call struct {
	// Seq numbers the calls from 1 in the order they ran.
	Seq int `json:"seq"`
	// Action is the action the call named; a wire request that named
	// none has an empty one.
	Action Action `json:"action"`
	// Version is the API version the call named: "2014-05-26" for ECS,
	// "2016-04-28" for VPC.
	Version string `json:"version"`
	// Params are the call's flat RPC parameters, as a wire request sends
	// them ("Tag.1.Key"); the typed client's calls are flattened the same
	// way.
	Params map[string]string `json:"params,omitempty"`
	// RequestID is the request ID of the answer.
	RequestID string `json:"requestId"`
	// Code is the error code of the call's answer, empty on success. With
	// a rule that acts after the commit, the call did its work all the
	// same. The client of a dropped or hung call saw no answer at all.
	Code string `json:"code,omitempty"`
	// Rule names the fault rule the call met, empty for none.
	Rule string `json:"rule,omitempty"`
	// Hung says that a rule held the call until its context ended.
	Hung bool `json:"hung,omitempty"`
	// Dropped says that a rule cut the call's connection: the client got
	// no answer, though with a rule after the commit the work was done.
	Dropped bool `json:"dropped,omitempty"`
	// Refused says that the front door refused the call before any rate
	// limit or rule saw it: a request with a bad signature, without an
	// action or a version, by another HTTP method, or for an action the
	// fake does not serve in that version.
	Refused bool `json:"refused,omitempty"`
	// At is the time on the virtual clock when the call started, and End
	// when it ended; they differ when a rule delays the call.
	At  time.Time `json:"at"`
	End time.Time `json:"end"`
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

// record appends the call to the journal and traces it when a logger is
// set.
func (f *Fake) record(ctx context.Context, r route, p rpc.Params,
	ans answer, start time.Time, rule string, hung bool) {
	f.calls++
	c := Call{
		Seq:       f.calls,
		Action:    r.action,
		Version:   r.version,
		Params:    maps.Clone(map[string]string(p)),
		RequestID: ans.RequestID,
		Rule:      rule,
		Hung:      hung,
		Dropped:   ans.Dropped,
		Refused:   ans.Refused,
		At:        start,
		End:       f.now,
	}
	if ans.Err != nil {
		c.Code = ans.Err.Code
	}
	f.journal = append(f.journal, c)
	if n := f.cfg.journalLimit; n > 0 && len(f.journal) > n {
		f.journal = slices.Delete(f.journal, 0, len(f.journal)-n)
	}
	if l := f.cfg.logger; l != nil {
		l.LogAttrs(ctx, slog.LevelDebug, "fakeecs call",
			slog.String("action", string(r.action)),
			slog.String("requestId", c.RequestID),
			slog.String("code", c.Code),
			slog.String("rule", c.Rule))
	}
}

// Calls returns the journal's calls of the given actions, or every call
// when none is given, oldest first.
func (f *Fake) Calls(actions ...Action) []Call {
	return f.CallsWhere(func(c Call) bool {
		return len(actions) == 0 || slices.Contains(actions, c.Action)
	})
}

// CallsWhere returns the journal's calls for which keep holds, oldest
// first.
func (f *Fake) CallsWhere(keep func(Call) bool) []Call {
	var out []Call
	for _, c := range f.Journal() {
		if keep(c) {
			out = append(out, c)
		}
	}
	return out
}

// TB is the part of testing.TB that [ExpectCalls] uses.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
}

// ExpectCalls fails the test unless the journal holds calls of the given
// actions in that order, other calls between them allowed, and says which
// action it did not find.
func ExpectCalls(t TB, f *Fake, actions ...Action) {
	t.Helper()
	i := 0
	for _, c := range f.Journal() {
		if i < len(actions) && c.Action == actions[i] {
			i++
		}
	}
	if i < len(actions) {
		t.Errorf("fakeecs: the journal has no %s after the calls %v",
			actions[i], actions[:i])
	}
}
