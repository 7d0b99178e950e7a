package fakeecs

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
)

// WithCredentials gives the fake a key pair to check signatures against;
// repeat it for several. Without any, the wire accepts every access key
// and signature, as most tests want. With them, a request signed with an
// unknown key gets InvalidAccessKeyId.NotFound, a wrong signature
// SignatureDoesNotMatch, and an unsigned one IncompleteSignature. Both
// schemes of the SDKs are checked: ACS3-HMAC-SHA256 (the v7 SDK) and
// HMAC-SHA1 (the older SDK, and the v7 SDK's v2 mode). Timestamps and
// nonces are not checked, since the fake's clock is virtual. The typed
// client does not sign and is not checked.
func WithCredentials(accessKeyID, secret string) Option {
	return func(c *config) {
		if c.keys == nil {
			c.keys = map[string]string{}
		}
		c.keys[accessKeyID] = secret
	}
}

// acs3 is the name of the v7 SDK's signature scheme.
const acs3 = "ACS3-HMAC-SHA256"

// verify checks a wire request's signature when the fake has credentials.
func (f *Fake) verify(r *http.Request, p rpc.Params, body []byte) *Error {
	if len(f.cfg.keys) == 0 {
		return nil
	}
	if auth := header(r.Header, "Authorization"); auth != "" {
		return f.verifyACS3(r, auth, body)
	}
	if p["Signature"] != "" {
		return f.verifyRPC(r.Method, p)
	}
	return apiErr("IncompleteSignature", "")
}

// verifyACS3 checks an ACS3-HMAC-SHA256 Authorization header.
func (f *Fake) verifyACS3(r *http.Request, auth string, body []byte) *Error {
	fields, ok := parseACS3(auth)
	if !ok {
		return apiErr("IncompleteSignature", "")
	}
	secret, ok := f.cfg.keys[fields["Credential"]]
	if !ok {
		return apiErr("InvalidAccessKeyId.NotFound", "")
	}
	sum := sha256.Sum256(body)
	payload := header(r.Header, "x-acs-content-sha256")
	if payload != hex.EncodeToString(sum[:]) {
		return apiErr("SignatureDoesNotMatch", "")
	}
	signed := strings.Split(fields["SignedHeaders"], ";")
	canonical := strings.Join([]string{r.Method, canonicalPath(r.URL),
		canonicalQuery(r.URL), canonicalHeaders(r, signed),
		fields["SignedHeaders"], payload}, "\n")
	digest := sha256.Sum256([]byte(canonical))
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(acs3 + "\n" + hex.EncodeToString(digest[:])))
	want := hex.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(want), []byte(fields["Signature"])) {
		return apiErr("SignatureDoesNotMatch", "")
	}
	return nil
}

// parseACS3 splits "ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,
// Signature=…" into its fields.
func parseACS3(auth string) (map[string]string, bool) {
	rest, ok := strings.CutPrefix(auth, acs3+" ")
	if !ok {
		return nil, false
	}
	fields := map[string]string{}
	for _, part := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return nil, false
		}
		fields[k] = v
	}
	for _, k := range []string{"Credential", "SignedHeaders", "Signature"} {
		if fields[k] == "" {
			return nil, false
		}
	}
	return fields, true
}

func canonicalPath(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	return sdkEscapes(p)
}

// canonicalQuery is the query as the v7 SDK signs it: sorted keys, each
// value escaped.
func canonicalQuery(u *url.URL) string {
	q := u.Query()
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range q {
			if !yield(k) {
				return
			}
		}
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + url.QueryEscape(q.Get(k))
	}
	return sdkEscapes(strings.Join(parts, "&"))
}

// canonicalHeaders lists the signed headers as "name:value" lines; the
// host is the request's.
func canonicalHeaders(r *http.Request, names []string) string {
	var b strings.Builder
	for _, n := range names {
		v := header(r.Header, n)
		if n == "host" {
			v = r.Host
		}
		b.WriteString(n + ":" + strings.TrimSpace(v) + "\n")
	}
	return b.String()
}

// sdkEscapes turns Go's query escaping into the one the SDKs sign.
func sdkEscapes(s string) string {
	return strings.NewReplacer("+", "%20", "*", "%2A", "%7E", "~").
		Replace(s)
}

// verifyRPC checks an HMAC-SHA1 Signature parameter: the signature of the
// method and every other parameter, sorted and escaped, with the secret
// followed by "&" as the key.
func (f *Fake) verifyRPC(method string, p rpc.Params) *Error {
	secret, ok := f.cfg.keys[p["AccessKeyId"]]
	if !ok {
		return apiErr("InvalidAccessKeyId.NotFound", "")
	}
	v := url.Values{}
	for k, x := range p {
		if k != "Signature" {
			v.Set(k, x)
		}
	}
	toSign := method + "&%2F&" + url.QueryEscape(sdkEscapes(v.Encode()))
	mac := hmac.New(sha1.New, []byte(secret+"&"))
	mac.Write([]byte(toSign))
	want := base64.StdEncoding.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(want), []byte(p["Signature"])) {
		return apiErr("SignatureDoesNotMatch", "")
	}
	return nil
}
