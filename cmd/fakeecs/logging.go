package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// requestLog is middleware that logs one line per request at info level.
// For the ECS API ([logRequests]) the line names the action and version,
// the key parameters present (RegionId, NetworkInterfaceId, VSwitchId,
// InstanceId), the outcome code ("OK" or the error code of the answer),
// the HTTP status, the request ID when the answer has one, and the
// duration. For the admin API ([logAdmin]) it names the method, the path
// and the query, the status, the error of a refusal, and the duration.
// It reads the outcome from the response alone, so it works around any
// handler. It is safe for concurrent use.
type requestLog struct {
	next http.Handler
	log  *slog.Logger
	// msg is the line's message; name and outcome give its fields, from
	// the request before it is served and from the answer after.
	msg     string
	name    func(*http.Request) []slog.Attr
	outcome func(*recorder) []slog.Attr
	// now reads the clock for the duration; tests fix it.
	now func() time.Time
}

// logRequests wraps the ECS API's handler in a requestLog that writes to
// log.
func logRequests(next http.Handler, log *slog.Logger) *requestLog {
	return &requestLog{next: next, log: log, msg: "request",
		name: requestAttrs, outcome: callOutcome, now: time.Now}
}

// logAdmin wraps the admin API's handler in a requestLog that writes to
// log.
func logAdmin(next http.Handler, log *slog.Logger) *requestLog {
	return &requestLog{next: next, log: log, msg: "admin",
		name: adminAttrs, outcome: adminOutcome, now: time.Now}
}

func (l *requestLog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := l.now()
	attrs := l.name(r)
	rec := &recorder{ResponseWriter: w}
	defer func() {
		p := recover()
		if p == http.ErrAbortHandler {
			rec.dropped = true
		}
		attrs = append(attrs, l.outcome(rec)...)
		attrs = append(attrs, slog.Duration("duration", l.now().Sub(start)))
		l.log.LogAttrs(r.Context(), slog.LevelInfo, l.msg, attrs...)
		if p != nil {
			panic(p)
		}
	}()
	l.next.ServeHTTP(rec, r)
}

// callOutcome is the code, the status and the request ID of an answer of
// the ECS API. A call the handler did not answer, one that a Hang rule
// held until its client left or the server stopped, is "NoAnswer" with
// status 0; one whose connection a Drop rule cut is "Dropped".
func callOutcome(rec *recorder) []slog.Attr {
	if rec.dropped {
		return []slog.Attr{slog.String("code", "Dropped"),
			slog.Int("status", 0), slog.String("requestId",
				rec.Header().Get("X-Acs-Request-Id"))}
	}
	if rec.status == 0 {
		return []slog.Attr{slog.String("code", "NoAnswer"),
			slog.Int("status", 0)}
	}
	attrs := []slog.Attr{slog.String("code", rec.code()),
		slog.Int("status", rec.statusCode())}
	if id := rec.Header().Get("X-Acs-Request-Id"); id != "" {
		attrs = append(attrs, slog.String("requestId", id))
	}
	return attrs
}

// adminAttrs names an admin request by its method, path and query.
func adminAttrs(r *http.Request) []slog.Attr {
	attrs := []slog.Attr{slog.String("method", r.Method),
		slog.String("path", r.URL.Path)}
	if r.URL.RawQuery != "" {
		attrs = append(attrs, slog.String("query", r.URL.RawQuery))
	}
	return attrs
}

// adminOutcome is the status of an admin answer, and the error of a
// refusal.
func adminOutcome(rec *recorder) []slog.Attr {
	attrs := []slog.Attr{slog.Int("status", rec.statusCode())}
	var answer struct{ Error string }
	if rec.statusCode() >= 400 &&
		json.Unmarshal(rec.body.Bytes(), &answer) == nil &&
		answer.Error != "" {
		attrs = append(attrs, slog.String("error", answer.Error))
	}
	return attrs
}

// requestAttrs names the call: its action and version, from the
// x-acs-action and x-acs-version headers or the Action and Version
// parameters, and the key parameters it carries, from the query or a
// form body.
func requestAttrs(r *http.Request) []slog.Attr {
	q := requestValues(r)
	attrs := []slog.Attr{
		slog.String("action", cmp.Or(r.Header.Get("X-Acs-Action"),
			q.Get("Action"))),
		slog.String("version", cmp.Or(r.Header.Get("X-Acs-Version"),
			q.Get("Version"))),
	}
	for _, name := range []string{"RegionId", "NetworkInterfaceId",
		"VSwitchId", "InstanceId"} {
		if v := param(q, name); v != "" {
			attrs = append(attrs, slog.String(name, v))
		}
	}
	return attrs
}

// requestValues returns the query merged with a form body, which it reads
// and puts back for the handler; the query wins, as in the handler.
func requestValues(r *http.Request) url.Values {
	q := r.URL.Query()
	ct := r.Header.Get("Content-Type")
	if r.Body == nil ||
		!strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		return q
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes))
	r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(b), r.Body))
	form, perr := url.ParseQuery(string(b))
	if err != nil || perr != nil {
		return q
	}
	for k, v := range form {
		if !q.Has(k) {
			q[k] = v
		}
	}
	return q
}

// param returns the named parameter, or the items of the list of that
// name (Name.1, Name.2, ...) joined by commas, or "".
func param(q url.Values, name string) string {
	if v := q.Get(name); v != "" {
		return v
	}
	var items []string
	for i := 1; q.Has(name + "." + strconv.Itoa(i)); i++ {
		items = append(items, q.Get(name+"."+strconv.Itoa(i)))
	}
	return strings.Join(items, ",")
}

// maxKept is how much of an error answer the recorder keeps to find its
// code; the service's error answers are far smaller.
const maxKept = 64 << 10

// recorder passes a response through and keeps its status and the start
// of an error answer's body.
type recorder struct {
	http.ResponseWriter
	status  int
	body    bytes.Buffer
	dropped bool // the handler aborted with http.ErrAbortHandler
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 && status >= 200 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	if r.status >= 400 && r.body.Len() < maxKept {
		r.body.Write(b[:min(len(b), maxKept-r.body.Len())])
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the writer underneath.
func (r *recorder) Unwrap() http.ResponseWriter {
	return r.ResponseWriter
}

// statusCode is the status sent, 200 when the handler set none.
func (r *recorder) statusCode() int {
	if r.status == 0 {
		return http.StatusOK
	}
	return r.status
}

// code is the outcome: "OK" below status 400, else the Code of the JSON
// error answer, or the status text when the answer has no code.
func (r *recorder) code() string {
	if r.statusCode() < 400 {
		return "OK"
	}
	var answer struct{ Code string }
	if json.Unmarshal(r.body.Bytes(), &answer) == nil && answer.Code != "" {
		return answer.Code
	}
	return http.StatusText(r.statusCode())
}
