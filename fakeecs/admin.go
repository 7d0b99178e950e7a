package fakeecs

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// AdminHandler returns the fake's control surface as a small JSON API, for
// programs outside Go that drive a fake over HTTP. The caller mounts it
// under a path prefix of its choice with http.StripPrefix; cmd/fakeecs
// mounts it at /_admin/. It takes no access keys. The paths, under the
// prefix:
//
//	POST   /rules                 add a fault rule; answers {"id": N}
//	GET    /rules                 [{"id", "name", "action", "fire",
//	                              "effect", "code", "afterCommit",
//	                              "matched"}, ...]
//	DELETE /rules/{id}            remove a rule
//	DELETE /rules                 remove every rule
//	GET    /quotas                the [Quotas], by their JSON names
//	PUT    /quotas                set them, absent or zero fields to their
//	                              defaults; answers the quotas in force
//	PUT    /ratelimits/{action}   {"perSecond", "burst", "code",
//	                              "status"}; zeros remove the limit
//	                              ([Fake.SetRateLimit])
//	PUT    /ratelimit             the same for the account, over every
//	                              action ([Fake.SetAccountRateLimit])
//	GET    /ratelimits            the limits in force by action, the
//	                              account's under "*"
//	GET    /lags                  the read lags in force by action
//	PUT    /lags/{action}         {"calls", "for": "2s"}; zeros read the
//	                              present again ([Fake.SetReadLag])
//	GET    /delays                the [Delays], each a duration "3s"
//	PUT    /delays                set those the body names; answers the
//	                              delays in force ([Fake.SetDelays])
//	GET    /clock                 {"now": RFC 3339, "pending": [IDs]}
//	POST   /clock/advance         {"by": "3s"}; answers the clock
//	POST   /clock/settle          end every transition; answers the clock
//	POST   /hold/{id}             hold an ENI's or instance's transitions
//	DELETE /hold/{id}             let them end again
//	POST   /failattach/{eniId}    make the ENI's next attach roll back
//	POST   /instances             an [InstanceSpec] by its JSON names;
//	                              answers {"id", "primaryEni"}
//	POST   /instances/{id}/stop   stop a Running instance
//	POST   /instances/{id}/start  start a Stopped or Pending instance
//	DELETE /instances/{id}        release an instance
//	GET    /journal               the [Call]s; ?action=X keeps X's only
//	GET    /state                 the [State]
//	POST   /reset                 [Fake.Reset]
//
// A rule is {"name", "action", "match", "fire", "effect", "afterCommit"}.
// Match maps flat RPC parameters to the values a call must carry
// ([MatchParams]). Fire is {"kind"} with kind "always" (the default),
// "nth", "firstN" or "everyKth" and a count "n", "probability" with "p",
// "sequence" with a "pattern" of booleans, or "until" with an RFC 3339
// time. Effect is {"kind": "fail", "code", "status", "message"}, where
// the status may be left out for a catalogued code, {"kind": "throttle",
// "code"}, {"kind": "delay", "delay": "2s"}, {"kind": "hang"} or
// {"kind": "drop"}.
//
// Bodies are JSON objects; unknown keys are refused. An answer with
// something to say is JSON with status 200; a command that has nothing
// to say answers 204. A request the Go API would panic for is refused
// instead, with {"error": "..."}: 400 for a malformed or impossible
// request, 404 for an ID the fake does not hold or a path it does not
// serve, 405 for a method a path does not take, 409 for an instance in
// the wrong state to start or stop. The handler is safe for concurrent
// use with every other front door.
func (f *Fake) AdminHandler() http.Handler {
	mux := http.NewServeMux()
	methods := map[string][]string{} // each path's methods
	for _, e := range f.adminRoutes() {
		mux.Handle(e.pattern, e.run)
		method, path, _ := strings.Cut(e.pattern, " ")
		methods[path] = append(methods[path], method)
	}
	mux.Handle("/", unrouted(methods))
	return recovering(mux)
}

// adminRoute is one endpoint of the admin API.
type adminRoute struct {
	pattern string
	run     adminFunc
}

func (f *Fake) adminRoutes() []adminRoute {
	return []adminRoute{
		{"POST /rules", f.adminAddRule},
		{"GET /rules", f.adminRules},
		{"DELETE /rules/{id}", f.adminRemoveRule},
		{"DELETE /rules", f.adminClearRules},
		{"GET /quotas", f.adminQuotas},
		{"PUT /quotas", f.adminSetQuotas},
		{"PUT /ratelimits/{action}", f.adminSetRateLimit},
		{"PUT /ratelimit", f.adminSetAccountRateLimit},
		{"GET /ratelimits", f.adminRateLimits},
		{"GET /lags", f.adminLags},
		{"PUT /lags/{action}", f.adminSetLag},
		{"GET /delays", f.adminDelays},
		{"PUT /delays", f.adminSetDelays},
		{"GET /clock", f.adminClock},
		{"POST /clock/advance", f.adminAdvance},
		{"POST /clock/settle", f.adminSettle},
		{"POST /hold/{id}", f.adminHold},
		{"DELETE /hold/{id}", f.adminUnhold},
		{"POST /failattach/{eniId}", f.adminFailAttach},
		{"POST /instances", f.adminAddInstance},
		{"POST /instances/{id}/stop", f.adminStopInstance},
		{"POST /instances/{id}/start", f.adminStartInstance},
		{"DELETE /instances/{id}", f.adminReleaseInstance},
		{"GET /journal", f.adminJournal},
		{"GET /state", f.adminState},
		{"POST /reset", f.adminReset},
	}
}

// adminFunc serves one admin request: it returns the value to answer,
// nil for none, or an error whose [adminError] status says why not.
type adminFunc func(r *http.Request) (any, error)

func (run adminFunc) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	v, err := run(r)
	switch {
	case err != nil:
		writeAdmin(w, statusOf(err), errorAnswer{err.Error()})
	case v == nil:
		w.WriteHeader(http.StatusNoContent)
	default:
		writeAdmin(w, http.StatusOK, v)
	}
}

// errorAnswer is the body of every refusal.
type errorAnswer struct {
	Error string `json:"error"`
}

// writeAdmin writes an answer, or 500 when it cannot be encoded (a time
// past the year 9999).
func writeAdmin(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b, _ = json.Marshal(errorAnswer{"the answer cannot be encoded: " +
			err.Error()})
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

// recovering answers a panic of the Go API with 400 and its message, as
// a last guard: the endpoints check their input first.
func recovering(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			writeAdmin(w, http.StatusBadRequest,
				errorAnswer{fmt.Sprint(v)})
		}()
		next.ServeHTTP(w, r)
	})
}

// adminError is the refusal of an admin request, with its status.
type adminError struct {
	status int
	msg    string
}

func (e *adminError) Error() string { return e.msg }

func statusOf(err error) int {
	var e *adminError
	if errors.As(err, &e) {
		return e.status
	}
	return http.StatusBadRequest
}

func badRequest(format string, args ...any) error {
	return &adminError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

func notFound(format string, args ...any) error {
	return &adminError{http.StatusNotFound, fmt.Sprintf(format, args...)}
}

func stateConflict(format string, args ...any) error {
	return &adminError{http.StatusConflict, fmt.Sprintf(format, args...)}
}

// unrouted answers a request that no endpoint takes: 405 with the
// methods allowed when its path is an endpoint's, else 404.
func unrouted(methods map[string][]string) http.Handler {
	paths := http.NewServeMux()
	for path, ms := range methods {
		slices.Sort(ms)
		paths.Handle(path, http.NotFoundHandler())
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, path := paths.Handler(r)
		if ms := methods[path]; ms != nil {
			w.Header().Set("Allow", strings.Join(ms, ", "))
			writeAdmin(w, http.StatusMethodNotAllowed, errorAnswer{
				r.URL.Path + " takes " + strings.Join(ms, ", ")})
			return
		}
		writeAdmin(w, http.StatusNotFound, errorAnswer{
			"no admin endpoint " + r.Method + " " + r.URL.Path})
	})
}

// decode reads a request's body, one JSON object of T's shape and
// nothing after it.
func decode[T any](r *http.Request) (T, error) {
	var v T
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return v, badJSON(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return v, badRequest("bad JSON: more data after the object")
	}
	return v, nil
}

// badJSON says what is wrong with a body in the request's words, never
// the fake's Go types.
func badJSON(err error) error {
	var typ *json.UnmarshalTypeError
	var size *http.MaxBytesError
	switch {
	case errors.Is(err, io.EOF):
		return badRequest("bad JSON: the body is empty")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("bad JSON: the body ends early")
	case errors.As(err, &size):
		return badRequest("bad JSON: the body is over %d bytes",
			size.Limit)
	case errors.As(err, &typ) && typ.Field == "":
		return badRequest("bad JSON: the body is a JSON %s, not an "+
			"object", typ.Value)
	case errors.As(err, &typ):
		return badRequest("bad JSON: %s cannot hold a %s", typ.Field,
			typ.Value)
	}
	return badRequest("bad JSON: %s",
		strings.TrimPrefix(err.Error(), "json: "))
}

// parseDuration reads a Go duration that must not be negative; name is
// the field's, for the message.
func parseDuration(name, s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		return 0, badRequest("%s %q is not a duration such as \"3s\"",
			name, s)
	case d < 0:
		return 0, badRequest("%s %q is negative", name, s)
	}
	return d, nil
}

// pathAction is the action the request's path names, one the fake
// serves.
func pathAction(r *http.Request) (Action, error) {
	a := Action(r.PathValue("action"))
	return a, knownAction(a)
}

func knownAction(a Action) error {
	switch {
	case slices.Contains(Actions(), a):
		return nil
	case a == "":
		return badRequest("action is required")
	}
	return badRequest("unknown action %q", a)
}

// The endpoints, in the order of AdminHandler's list.

func (f *Fake) adminAddRule(r *http.Request) (any, error) {
	j, err := decode[ruleJSON](r)
	if err != nil {
		return nil, err
	}
	rule, err := j.rule()
	if err != nil {
		return nil, err
	}
	return struct {
		ID RuleID `json:"id"`
	}{f.AddRule(rule)}, nil
}

// ruleRow is a rule in the answer of GET /rules: what it is, by the
// kinds of its firing and effect, and how many calls it has counted.
type ruleRow struct {
	ID          RuleID `json:"id"`
	Name        string `json:"name"`
	Action      Action `json:"action"`
	Fire        string `json:"fire"`
	Effect      string `json:"effect"`
	Code        string `json:"code,omitempty"`
	AfterCommit bool   `json:"afterCommit,omitempty"`
	Matched     int    `json:"matched"`
}

// The names of the kinds of firing and effect, as a rule's JSON has them.
var (
	fireNames = [...]string{fireAlways: "always", fireNth: "nth",
		fireFirstN: "firstN", fireEveryKth: "everyKth",
		fireProbability: "probability", fireSequence: "sequence",
		fireUntil: "until"}
	effectNames = [...]string{effectFail: "fail", effectDelay: "delay",
		effectHang: "hang", effectThen: "then", effectDrop: "drop"}
)

func (f *Fake) adminRules(*http.Request) (any, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	rows := []ruleRow{}
	for _, x := range f.rules {
		rows = append(rows, ruleRow{ID: x.id, Name: x.Name,
			Action: x.Action, Fire: fireNames[x.Fire.kind],
			Effect: effectNames[x.Effect.kind], Code: x.Effect.err.Code,
			AfterCommit: x.AfterCommit, Matched: x.matched})
	}
	return rows, nil
}

func (f *Fake) adminRemoveRule(r *http.Request) (any, error) {
	s := r.PathValue("id")
	id, err := strconv.Atoi(s)
	if err != nil {
		return nil, badRequest("rule ID %q is not a number", s)
	}
	if !f.hasRule(RuleID(id)) {
		return nil, notFound("no rule %d", id)
	}
	f.RemoveRule(RuleID(id))
	return nil, nil
}

func (f *Fake) hasRule(id RuleID) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, x := range f.rules {
		if x.id == id {
			return true
		}
	}
	return false
}

func (f *Fake) adminClearRules(*http.Request) (any, error) {
	f.ClearRules()
	return nil, nil
}

func (f *Fake) adminQuotas(*http.Request) (any, error) {
	return f.Quotas(), nil
}

func (f *Fake) adminSetQuotas(r *http.Request) (any, error) {
	q, err := decode[Quotas](r)
	if err != nil {
		return nil, err
	}
	for _, c := range []struct {
		name string
		n    int
	}{{"securityGroupsPerEni", q.SecurityGroupsPerENI},
		{"enisPerRegion", q.ENIsPerRegion}, {"privateIps", q.PrivateIPs},
		{"tagsPerResource", q.TagsPerResource}} {
		if c.n < 0 {
			return nil, badRequest("%s %d is negative", c.name, c.n)
		}
	}
	f.SetQuotas(q)
	return f.Quotas(), nil
}

// rateLimitJSON is the body of PUT /ratelimits/{action} and of PUT
// /ratelimit.
type rateLimitJSON struct {
	PerSecond float64 `json:"perSecond"`
	Burst     int     `json:"burst"`
	Code      string  `json:"code"`
	Status    int     `json:"status"`
}

func (f *Fake) adminSetRateLimit(r *http.Request) (any, error) {
	a, err := pathAction(r)
	if err != nil {
		return nil, err
	}
	return nil, f.adminRateLimit(r, a)
}

func (f *Fake) adminSetAccountRateLimit(r *http.Request) (any, error) {
	return nil, f.adminRateLimit(r, accountWide)
}

// adminRateLimit sets the limit of an action, or of the account, from
// the request's body.
func (f *Fake) adminRateLimit(r *http.Request, a Action) error {
	j, err := decode[rateLimitJSON](r)
	if err != nil {
		return err
	}
	l, err := RateLimit(j).normal()
	if err != nil {
		return badRequest("%v", err)
	}
	f.setRateLimit(a, l)
	return nil
}

// adminRateLimits answers every rate limit in force, by action, the
// account's under "*".
func (f *Fake) adminRateLimits(*http.Request) (any, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[Action]rateLimitJSON{}
	for a, b := range f.buckets {
		out[a] = rateLimitJSON(b.limit)
	}
	return out, nil
}

// adminLags answers every read lag in force, by action.
func (f *Fake) adminLags(*http.Request) (any, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[Action]lagJSON{}
	for a, l := range f.lags {
		out[a] = lagJSON{Calls: l.Calls, For: l.For.String()}
	}
	return out, nil
}

// lagJSON is the body of PUT /lags/{action}.
type lagJSON struct {
	Calls int    `json:"calls"`
	For   string `json:"for"`
}

func (f *Fake) adminSetLag(r *http.Request) (any, error) {
	a, err := pathAction(r)
	if err != nil {
		return nil, err
	}
	if !isRead(a) {
		return nil, badRequest("%s is not a read: only Describe and "+
			"List actions lag", a)
	}
	j, err := decode[lagJSON](r)
	if err != nil {
		return nil, err
	}
	if j.Calls < 0 {
		return nil, badRequest("calls %d is negative", j.Calls)
	}
	d, err := parseDuration("for", cmp.Or(j.For, "0s"))
	if err != nil {
		return nil, err
	}
	f.SetReadLag(a, Lag{Calls: j.Calls, For: d})
	return nil, nil
}

// delaysJSON is [Delays] as the admin API writes them, each a duration
// such as "3s".
type delaysJSON struct {
	Attach        string `json:"attach"`
	Detach        string `json:"detach"`
	Delete        string `json:"delete"`
	StartInstance string `json:"startInstance"`
	StopInstance  string `json:"stopInstance"`
	PerRead       string `json:"perRead"`
}

// fields pairs each field's name with its text and its place in Delays.
func (j *delaysJSON) fields(d *Delays) []struct {
	name string
	text *string
	d    *time.Duration
} {
	return []struct {
		name string
		text *string
		d    *time.Duration
	}{
		{"attach", &j.Attach, &d.Attach}, {"detach", &j.Detach, &d.Detach},
		{"delete", &j.Delete, &d.Delete},
		{"startInstance", &j.StartInstance, &d.StartInstance},
		{"stopInstance", &j.StopInstance, &d.StopInstance},
		{"perRead", &j.PerRead, &d.PerRead},
	}
}

func (f *Fake) adminDelays(*http.Request) (any, error) {
	var j delaysJSON
	d := f.Delays()
	for _, x := range j.fields(&d) {
		*x.text = x.d.String()
	}
	return j, nil
}

// adminSetDelays sets the delays the body names and keeps the others,
// and answers the delays in force.
func (f *Fake) adminSetDelays(r *http.Request) (any, error) {
	j, err := decode[delaysJSON](r)
	if err != nil {
		return nil, err
	}
	d := f.Delays()
	for _, x := range j.fields(&d) {
		if *x.text == "" {
			continue
		}
		if *x.d, err = parseDuration(x.name, *x.text); err != nil {
			return nil, err
		}
	}
	f.SetDelays(d)
	return f.adminDelays(r)
}

// clockAnswer is the answer of the clock's endpoints.
type clockAnswer struct {
	Now     time.Time `json:"now"`
	Pending []string  `json:"pending"`
}

func (f *Fake) adminClock(*http.Request) (any, error) {
	s := f.State()
	if s.Pending == nil {
		s.Pending = []string{}
	}
	return clockAnswer{s.Now, s.Pending}, nil
}

func (f *Fake) adminAdvance(r *http.Request) (any, error) {
	j, err := decode[struct {
		By string `json:"by"`
	}](r)
	if err != nil {
		return nil, err
	}
	d, err := parseDuration("by", j.By)
	if err != nil {
		return nil, err
	}
	f.Advance(d)
	return f.adminClock(r)
}

func (f *Fake) adminSettle(r *http.Request) (any, error) {
	f.Settle()
	return f.adminClock(r)
}

func (f *Fake) adminHold(r *http.Request) (any, error) {
	id := r.PathValue("id")
	if eni, in := f.holds(id); !eni && !in {
		return nil, notFound("no ENI or instance %q", id)
	}
	f.Hold(id)
	return nil, nil
}

func (f *Fake) adminUnhold(r *http.Request) (any, error) {
	id := r.PathValue("id")
	if eni, in := f.holds(id); !eni && !in {
		return nil, notFound("no ENI or instance %q", id)
	}
	f.Unhold(id)
	return nil, nil
}

func (f *Fake) adminFailAttach(r *http.Request) (any, error) {
	id := r.PathValue("eniId")
	if eni, _ := f.holds(id); !eni {
		return nil, notFound("no ENI %q", id)
	}
	f.FailAttach(id)
	return nil, nil
}

// holds reports whether the fake holds an ENI, or an instance, of the
// ID.
func (f *Fake) holds(id string) (eni, instance bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.enis[id] != nil, f.instances[id] != nil
}

func (f *Fake) adminAddInstance(r *http.Request) (any, error) {
	s, err := decode[InstanceSpec](r)
	if err != nil {
		return nil, err
	}
	in, err := f.tryAddInstance(s)
	if err != nil {
		return nil, badRequest("%v", err)
	}
	return struct {
		ID         string `json:"id"`
		PrimaryENI string `json:"primaryEni"`
	}{in.ID, in.PrimaryENI}, nil
}

func (f *Fake) adminStopInstance(r *http.Request) (any, error) {
	return f.moveOver(r, f.StopInstance, InstanceRunning)
}

func (f *Fake) adminStartInstance(r *http.Request) (any, error) {
	return f.moveOver(r, f.StartInstance, InstanceStopped, InstancePending)
}

// moveOver starts or stops the instance the path names, which must be
// in one of the statuses from, as the Go API's method move requires.
func (f *Fake) moveOver(r *http.Request, move func(id string),
	from ...InstanceStatus) (any, error) {
	id := r.PathValue("id")
	status, ok := f.instanceStatus(id)
	switch {
	case !ok:
		return nil, notFound("no instance %q", id)
	case !slices.Contains(from, status):
		return nil, stateConflict("instance %s is %s, not %s", id, status,
			joinStatuses(from))
	}
	move(id)
	return nil, nil
}

// instanceStatus returns an instance's status, once the transitions due
// have ended, and whether the fake holds it.
func (f *Fake) instanceStatus(id string) (InstanceStatus, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.endDue()
	if in := f.instances[id]; in != nil {
		return in.Status, true
	}
	return "", false
}

func (f *Fake) adminReleaseInstance(r *http.Request) (any, error) {
	id := r.PathValue("id")
	if _, in := f.holds(id); !in {
		return nil, notFound("no instance %q", id)
	}
	f.ReleaseInstance(id)
	return nil, nil
}

func (f *Fake) adminJournal(r *http.Request) (any, error) {
	var only []Action
	if a := r.URL.Query().Get("action"); a != "" {
		if err := knownAction(Action(a)); err != nil {
			return nil, err
		}
		only = append(only, Action(a))
	}
	calls := f.Calls(only...)
	if calls == nil {
		calls = []Call{}
	}
	return calls, nil
}

func (f *Fake) adminState(*http.Request) (any, error) {
	return f.State(), nil
}

func (f *Fake) adminReset(*http.Request) (any, error) {
	f.Reset()
	return nil, nil
}
