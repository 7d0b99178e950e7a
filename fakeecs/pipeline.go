package fakeecs

import (
	"context"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
)

// answer is the outcome of one call, ready for a front door to render.
type answer struct {
	RequestID string
	Body      body   // nil when the call failed
	Err       *Error // nil when the call succeeded
	// Hung is the context's error of a call that a Hang rule held until
	// its context ended; Body and Err are then nil.
	Hung error
	// Dropped says that a Drop rule cut the call's connection: the front
	// door answers nothing.
	Dropped bool
	// Refused says that the front door refused the call before any rate
	// limit or rule saw it.
	Refused bool
	// thens are the Then effects to run once a successful call is over.
	thens []func(*Fake)
}

// invoke runs one call through the pipeline. Under the lock, it ends the
// transitions that are due, draws the request ID, applies a fault rule
// that acts before the call, runs the action and takes back every change
// when it fails, applies a fault rule that acts after the commit, and
// records the call in the journal. A call that a rule hangs then waits,
// without the lock, until its context ends.
func (f *Fake) invoke(ctx context.Context, r route, p rpc.Params) answer {
	ans, hang := f.locked(ctx, r, p)
	if ans.Err == nil && !hang && !ans.Dropped {
		for _, then := range ans.thens {
			then(f)
		}
	}
	if hang {
		<-ctx.Done()
		ans = answer{RequestID: ans.RequestID, Hung: ctx.Err()}
	}
	return ans
}

// locked runs the pipeline under the lock, which it gives back even when
// a test's matcher panics.
func (f *Fake) locked(ctx context.Context, r route, p rpc.Params) (
	answer, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.process(ctx, r, p)
}

// process runs the pipeline of one call under the lock and reports
// whether a rule hangs it.
func (f *Fake) process(ctx context.Context, r route, p rpc.Params) (
	answer, bool) {
	f.endDue()
	if d := f.cfg.delays.PerRead; d > 0 && isRead(r.action) {
		f.advance(d)
	}
	start := f.now
	ans := answer{RequestID: newRequestID(f.reqs)}
	if e := f.throttled(r.action); e != nil {
		ans = ans.failed(*e)
		f.record(ctx, r, p, ans, start, "", false)
		return ans, false
	}
	x, thens := f.ruleFor(r, p)
	hang := false
	if x != nil && !x.AfterCommit {
		ans, hang = f.before(x, r, p, ans)
	} else {
		ans = f.execute(r, p, ans)
		if x != nil {
			ans, hang = f.after(x, ans)
		}
	}
	if x == nil && len(thens) > 0 {
		x = thens[0]
	}
	ans.thens = mapList(thens, func(t *rule) func(*Fake) {
		return t.Effect.then
	})
	f.record(ctx, r, p, ans, start, describeRule(x), hang)
	return ans, hang
}

// execute runs the action and takes back every change when it fails. A
// call whose ClientToken the fake remembers gets its original answer
// instead, and a successful one is remembered.
func (f *Fake) execute(r route, p rpc.Params, ans answer) answer {
	if got, ok := f.replay(r, p, ans); ok {
		return got
	}
	defer func() { f.remember(r, p, ans) }()
	saved := *f.pcg
	f.lagged(r.action, func() { ans.Body, ans.Err = f.run(r, p) })
	if ans.Err != nil {
		f.rollback(saved)
		ans.Err.RequestID = ans.RequestID
		return ans
	}
	f.undo = f.undo[:0]
	ans.Body.setRequestID(ans.RequestID)
	if !isRead(r.action) {
		f.changed()
	}
	return ans
}

// before applies a rule that acts before the call: an error instead of
// the call, a delay and then the call, or a hang.
func (f *Fake) before(x *rule, r route, p rpc.Params, ans answer) (
	answer, bool) {
	switch x.Effect.kind {
	case effectDelay:
		f.advance(x.Effect.delay)
		return f.execute(r, p, ans), false
	case effectHang:
		return ans, true
	case effectDrop:
		ans.Dropped = true
		return ans, false
	}
	return ans.failed(x.Effect.err), false
}

// after applies a rule that acts after the call has done its work: the
// state stays changed and the client sees the error, or a delay, or a
// hang. A call that failed on its own keeps its error.
func (f *Fake) after(x *rule, ans answer) (answer, bool) {
	switch x.Effect.kind {
	case effectDelay:
		f.advance(x.Effect.delay)
		return ans, false
	case effectHang:
		return ans, true
	case effectDrop:
		ans.Dropped = true
		return ans, false
	}
	if ans.Err != nil {
		return ans, false
	}
	return ans.failed(x.Effect.err), false
}

// failed returns the answer with the error e in place of a body.
func (ans answer) failed(e Error) answer {
	e.RequestID = ans.RequestID
	ans.Body, ans.Err = nil, &e
	return ans
}

// refuse records a wire request that the fake refused before running it,
// and gives it a request ID.
func (f *Fake) refuse(ctx context.Context, r route, p rpc.Params,
	e *Error) answer {
	f.mu.Lock()
	defer f.mu.Unlock()
	ans := answer{RequestID: newRequestID(f.reqs), Err: e, Refused: true}
	e.RequestID = ans.RequestID
	f.record(ctx, r, p, ans, f.now, "", false)
	return ans
}
