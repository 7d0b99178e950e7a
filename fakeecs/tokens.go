package fakeecs

import (
	"encoding/json"
	"hash/fnv"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"time"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
)

// Idempotency: a call that carries a ClientToken and succeeds is
// remembered for the token's lifetime. The same token with the same
// parameters gets the original answer again, with no new side effect;
// with other parameters, IdempotentParameterMismatch. A failed call does
// not take up its token; a call that met a fault after its commit did
// its work, so its token holds the answer the client never saw.

// DefaultTokenLifetime is how long the fake remembers a ClientToken
// unless WithTokenLifetime says otherwise.
const DefaultTokenLifetime = time.Hour

// WithTokenLifetime sets how long, on the virtual clock, the fake
// remembers the answer of a call that carried a ClientToken.
func WithTokenLifetime(d time.Duration) Option {
	return func(c *config) { c.tokenLifetime = d }
}

// token is a remembered call.
type token struct {
	hash   string
	answer []byte       // the answer's JSON
	typ    reflect.Type // the answer's type
	at     time.Time
}

// tokenKey names a token of one action.
type tokenKey struct {
	action Action
	token  string
}

// protocolParams are parameters of the protocol, not of the request:
// they change from one attempt to the next and take no part in deciding
// whether two calls are the same.
var protocolParams = []string{"Action", "Version", "Format", "AccessKeyId",
	"Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce",
	"SignatureType", "Timestamp", "SecurityToken", "BearerToken",
	"ClientToken"}

// paramsHash hashes the parameters that make a request what it is.
func paramsHash(p rpc.Params) string {
	h := fnv.New64a()
	for _, k := range slices.Sorted(maps.Keys(p)) {
		if slices.Contains(protocolParams, k) {
			continue
		}
		h.Write([]byte(k + "=" + p[k] + "\x00"))
	}
	return strconv.FormatUint(h.Sum64(), 36)
}

// idempotent are the actions whose requests take a ClientToken, as the
// v7 SDK's request types have it; the others ignore one.
var idempotent = map[route]bool{
	{ecsVersion, ActionCreateNetworkInterface}:   true,
	{ecsVersion, ActionAssignPrivateIpAddresses}: true,
	{ecsVersion, ActionAssignIpv6Addresses}:      true,
}

// tokenOf is the key of the call's ClientToken, and false when the call
// carries none or its action takes none.
func tokenOf(r route, p rpc.Params) (tokenKey, bool) {
	k := tokenKey{r.action, p["ClientToken"]}
	return k, k.token != "" && idempotent[r]
}

// replay answers a call whose token the fake remembers: the original
// answer, or IdempotentParameterMismatch. It reports false when the call
// carries no token the fake remembers.
func (f *Fake) replay(r route, p rpc.Params, ans answer) (answer, bool) {
	k, ok := tokenOf(r, p)
	t := f.tokens[k]
	if !ok || t == nil {
		return ans, false
	}
	if f.now.Sub(t.at) >= f.cfg.tokenLifetime {
		delete(f.tokens, k)
		return ans, false
	}
	if t.hash != paramsHash(p) {
		return ans.failed(*apiErr("IdempotentParameterMismatch", "")), true
	}
	b := reflect.New(t.typ.Elem()).Interface().(body)
	if err := json.Unmarshal(t.answer, b); err != nil {
		panic("fakeecs: a remembered answer cannot be read: " + err.Error())
	}
	b.setRequestID(ans.RequestID)
	ans.Body = b
	return ans, true
}

// remember keeps the answer of a successful call that carries a token.
func (f *Fake) remember(r route, p rpc.Params, ans answer) {
	k, ok := tokenOf(r, p)
	if !ok || ans.Body == nil {
		return
	}
	f.tokens[k] = &token{
		hash: paramsHash(p), answer: render(ans.Body),
		typ: reflect.TypeOf(ans.Body), at: f.now,
	}
}
