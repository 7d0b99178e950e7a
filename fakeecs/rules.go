package fakeecs

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/alibabacloud-go/tea/dara"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
)

// Rule is an injected failure: on the calls of one action that its
// matcher accepts, when its firing condition holds, it applies its
// effect, before the call runs or after the call has done its work. Add
// one with [Fake.AddRule].
type Rule struct {
	// Name labels the rule in the journal; empty means "rule N".
	Name string
	// Action is the action the rule watches, one the fake serves.
	Action Action
	// Match narrows the rule to some requests; the zero Matcher accepts
	// every call of the action.
	Match Matcher
	// Fire says on which matching calls the rule acts; the zero Firing
	// acts on every one.
	Fire Firing
	// Effect is what the rule does to the call.
	Effect Effect
	// AfterCommit makes the rule act after the call has done its work:
	// the fake's state has changed, but the client sees the effect, the
	// ambiguous outcome of a lost answer.
	AfterCommit bool
}

// RuleID identifies a rule added to a fake.
type RuleID int

// Matcher is a predicate on a call. The zero Matcher accepts every call.
// Make one with [MatchRequest], over the typed request, or with
// [MatchParams], over the flat parameters.
type Matcher struct {
	request reflect.Type // the request type, for the action check
	match   func(p rpc.Params) bool
}

// MatchRequest returns a matcher that reads each call as the v7 SDK's
// request struct R (for example ecs.CreateNetworkInterfaceRequest, so
// that fn takes a *ecs.CreateNetworkInterfaceRequest) and accepts it
// when fn does. A call over the wire is rebuilt into R from its
// parameters. R may also be an unnamed struct of some of the request's
// fields, such as struct{ ClientToken *string }, to match a field that
// several actions share. [Fake.AddRule] panics when R is neither the
// request type of the rule's action nor a struct of its fields.
func MatchRequest[R any](fn func(r *R) bool) Matcher {
	t := reflect.TypeFor[R]()
	if t.Kind() != reflect.Struct {
		panic("fakeecs: MatchRequest reads a struct, not a " + t.String())
	}
	return Matcher{request: t, match: func(p rpc.Params) bool {
		var r R
		if err := dara.Convert(rpc.Unflatten(p), &r); err != nil {
			return false
		}
		return fn(&r)
	}}
}

// MatchParams returns a matcher that accepts a call when each named flat
// RPC parameter is present with the given value, compared as text: the
// parameters as the wire sends them and the journal records them
// ("VSwitchId", "Tag.1.Key", "SecurityGroupIds.2"). The typed client's
// calls are flattened the same way, so the matcher sees both front
// doors alike. An empty or nil map accepts every call. It is the matcher
// for programs outside Go, which have no typed request; the map is
// copied.
func MatchParams(want map[string]string) Matcher {
	want = maps.Clone(want)
	return Matcher{match: func(p rpc.Params) bool {
		for k, v := range want {
			if got, ok := p[k]; !ok || got != v {
				return false
			}
		}
		return true
	}}
}

// accepts reports whether the matcher accepts the parameters.
func (m Matcher) accepts(p rpc.Params) bool {
	return m.match == nil || m.match(p)
}

// Firing says on which of the calls a rule matches it acts, counting them
// from 1. The zero Firing acts on every one.
type Firing struct {
	kind    firingKind
	n       int
	p       float64
	pattern []bool
	until   time.Time
}

type firingKind int

const (
	fireAlways firingKind = iota
	fireNth
	fireFirstN
	fireEveryKth
	fireProbability
	fireSequence
	fireUntil
)

// Always acts on every matching call.
func Always() Firing { return Firing{} }

// OnNth acts on the nth matching call only.
func OnNth(n int) Firing { return Firing{kind: fireNth, n: n} }

// FirstN acts on the first n matching calls.
func FirstN(n int) Firing { return Firing{kind: fireFirstN, n: n} }

// EveryKth acts on every kth matching call: the kth, the 2kth, and on.
func EveryKth(k int) Firing { return Firing{kind: fireEveryKth, n: k} }

// WithProbability acts on each matching call with probability p, drawn
// from the fake's seeded source of fault decisions, which all rules
// share and which the IDs and addresses of the calls do not use.
func WithProbability(p float64) Firing {
	return Firing{kind: fireProbability, p: p}
}

// Sequence acts on the ith matching call when pattern[i-1] is true, and
// not after the pattern ends: Sequence(true, true, false) is "fail twice,
// then succeed".
func Sequence(pattern ...bool) Firing {
	return Firing{kind: fireSequence, pattern: slices.Clone(pattern)}
}

// Until acts on every matching call while the virtual clock is before t.
func Until(t time.Time) Firing { return Firing{kind: fireUntil, until: t} }

// fires reports whether the firing acts on the nth matching call.
func (fi Firing) fires(n int, now time.Time, r *rand.Rand) bool {
	switch fi.kind {
	case fireNth:
		return n == fi.n
	case fireFirstN:
		return n <= fi.n
	case fireEveryKth:
		return fi.n > 0 && n%fi.n == 0
	case fireProbability:
		return r.Float64() < fi.p
	case fireSequence:
		return n <= len(fi.pattern) && fi.pattern[n-1]
	case fireUntil:
		return now.Before(fi.until)
	}
	return true
}

// Effect is what a rule does to a call.
type Effect struct {
	kind  effectKind
	err   Error
	delay time.Duration
	then  func(f *Fake)
}

type effectKind int

const (
	effectFail effectKind = iota
	effectDelay
	effectHang
	effectThen
	effectDrop
)

// Fail answers the call with the error of a catalogued code, with its
// HTTP status and message. It panics for a code not in the catalogue;
// [FailWith] takes any code.
func Fail(code string) Effect {
	return Effect{err: *apiErr(code, "")}
}

// FailWith answers the call with any error: a code, an HTTP status from
// 400 to 599, and a message. It panics for an empty code or another
// status, which the SDKs would not read as an error.
func FailWith(code string, status int, message string) Effect {
	if code == "" || status < 400 || status > 599 {
		panic(fmt.Sprintf("fakeecs: FailWith(%q, %d): an error needs a "+
			"code and a status from 400 to 599", code, status))
	}
	return Effect{err: Error{Code: code, HTTPStatus: status,
		Message: message}}
}

// Throttle answers the call with a throttling error that the SDKs read as
// such: code is "Throttling", "Throttling.User" or "Throttling.Api".
func Throttle(code string) Effect {
	if !throttlingCodes[code] {
		panic("fakeecs: Throttle with a code that is not a " +
			"throttling code: " + code)
	}
	return Fail(code)
}

// Delay makes the call take d on the virtual clock: the clock moves by d,
// ending the transitions that fall due, and the call then runs (or, after
// commit, the clock moves after it has run).
func Delay(d time.Duration) Effect {
	if d < 0 {
		panic("fakeecs: Delay with a negative duration")
	}
	return Effect{kind: effectDelay, delay: d}
}

// Then leaves the call as it is and runs fn once the call has
// succeeded, outside the fake's lock, so that fn may use the fake's
// control methods: an instance that stops while an attach is in flight,
// a world that changes under a call. After a call that fails, hangs or
// is dropped, fn does not run; the rule has still met the call. A Then
// rule takes no other rule's place: every Then rule that fires runs, in
// order, and the first other rule that fires acts on the call as well.
// AfterCommit makes no difference to it.
func Then(fn func(f *Fake)) Effect { return Effect{kind: effectThen, then: fn} }

// Drop cuts the connection without an answer, as a network or a load
// balancer that drops the call does: a client over a socket sees the
// connection end (EOF), the ready in-process clients and the typed
// client a *url.Error of a connection reset. Before the commit the call
// does nothing; with AfterCommit its work is done, and only a retry with
// the same ClientToken avoids doing it twice. A server that mounts
// [Fake.Handler] must let net/http recover the http.ErrAbortHandler
// panic with which the handler drops a call.
func Drop() Effect { return Effect{kind: effectDrop} }

// Hang makes the call wait, holding no lock, until the caller's context
// ends, and then fail with the context's error, as a call to a service
// that never answers does. Give the caller a context with a deadline: a
// call without one hangs for good, in-process ([InProcess]) as well.
func Hang() Effect { return Effect{kind: effectHang} }

// rule is an added rule with its count of matching calls.
type rule struct {
	Rule
	id      RuleID
	matched int
}

// AddRule adds a rule and returns its ID. It panics when the rule's
// action is not one the fake serves, or its matcher reads another
// action's request: a mistake in the test, which a free string would have
// hidden.
func (f *Fake) AddRule(r Rule) RuleID {
	checkRule(r)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.ruleSeq++
	if r.Name == "" {
		r.Name = fmt.Sprintf("rule %d", f.ruleSeq)
	}
	f.rules = append(f.rules, &rule{Rule: r, id: RuleID(f.ruleSeq)})
	return RuleID(f.ruleSeq)
}

// checkAction panics unless the fake serves the action.
func checkAction(a Action) {
	if !slices.Contains(Actions(), a) {
		panic(fmt.Sprintf("fakeecs: rule for unknown action %q", a))
	}
}

func checkRule(r Rule) {
	checkAction(r.Action)
	if err := checkRequest(r.Action, r.Match.request); err != "" {
		panic("fakeecs: rule for " + string(r.Action) + " matches " + err)
	}
	if err := r.Fire.check(); err != "" {
		panic("fakeecs: rule for " + string(r.Action) + ": " + err)
	}
	if r.Effect.kind == effectFail && r.Effect.err.Code == "" {
		panic("fakeecs: rule for " + string(r.Action) + " has no effect")
	}
}

// checkRequest returns what is wrong with a matcher's request type for
// the action, or "": it must be the action's request type in the v7 SDK,
// or an unnamed struct of fields of that type with their types.
func checkRequest(a Action, t reflect.Type) string {
	if t == nil {
		return ""
	}
	m, _ := reflect.TypeFor[*Client]().MethodByName(string(a))
	want := m.Type.In(1).Elem()
	if t.Name() != "" {
		if t != want {
			return fmt.Sprintf("a %s, not a %s", t, want)
		}
		return ""
	}
	for i := range t.NumField() {
		f := t.Field(i)
		g, ok := want.FieldByName(f.Name)
		if !ok || g.Type != f.Type {
			return fmt.Sprintf("a field %s %s that %s does not have",
				f.Name, f.Type, want)
		}
	}
	return ""
}

// check returns what is wrong with a firing condition, or "".
func (fi Firing) check() string {
	switch {
	case fi.kind == fireProbability && (fi.p < 0 || fi.p > 1):
		return fmt.Sprintf("probability %v outside [0, 1]", fi.p)
	case (fi.kind == fireNth || fi.kind == fireFirstN ||
		fi.kind == fireEveryKth) && fi.n < 1:
		return fmt.Sprintf("a count of %d calls; counts start at 1", fi.n)
	case fi.kind == fireSequence && len(fi.pattern) == 0:
		return "an empty sequence"
	}
	return ""
}

// RemoveRule removes a rule; removing one that is gone does nothing.
func (f *Fake) RemoveRule(id RuleID) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rules = slices.DeleteFunc(f.rules, func(r *rule) bool {
		return r.id == id
	})
}

// ClearRules removes every rule.
func (f *Fake) ClearRules() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rules = nil
}

// ruleFor counts the call against every rule that matches it and returns
// the first of them that fires, or nil, and every Then rule that fires:
// a Then leaves the call as it is, so it takes no other rule's place.
func (f *Fake) ruleFor(r route, p rpc.Params) (acts *rule, thens []*rule) {
	for _, x := range f.rules {
		if x.Action != r.action || !x.Match.accepts(p) {
			continue
		}
		x.matched++
		then := x.Effect.kind == effectThen
		if (!then && acts != nil) || !x.Fire.fires(x.matched, f.now,
			f.faults) {
			continue
		}
		if then {
			thens = append(thens, x)
		} else {
			acts = x
		}
	}
	return acts, thens
}

// describeRule names a rule for the journal.
func describeRule(x *rule) string {
	if x == nil {
		return ""
	}
	return strings.TrimSpace(x.Name)
}
