package fakeecs

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Validators of the parameters that several actions share. Each checks one
// thing and returns the service's error for it, or nil.

// region finds the region a request names: RegionId is required, and a
// region outside the world is one where the service is unavailable.
func (f *Fake) region(id string) (*regionState, *Error) {
	if id == "" {
		return nil, missing("RegionId")
	}
	r, ok := f.regions[id]
	if !ok {
		return nil, apiErr("Forbidden.RegionId", "The service is "+
			"unavailable in the region %q.", id)
	}
	return r, nil
}

// checkENIName checks an ENI name: 2 to 128 characters, each a letter, a
// digit, a colon, an underscore, a period or a hyphen
// (CreateNetworkInterface, NetworkInterfaceName). Empty means no name.
func checkENIName(s string) *Error {
	if s == "" {
		return nil
	}
	n := utf8.RuneCountInString(s)
	ok := n >= 2 && n <= 128 && utf8.ValidString(s) &&
		strings.IndexFunc(s, badNameRune) < 0
	if !ok {
		return apiErr("InvalidParams.NetworkInterfaceName", "The "+
			"specified NetworkInterfaceName %q must be 2 to 128 "+
			"characters of letters, digits, colons, underscores, "+
			"periods and hyphens.", s)
	}
	return nil
}

// badNameRune reports a rune a name may not hold: names hold letters,
// the digits 0 to 9, and ":_.-".
func badNameRune(r rune) bool {
	return !unicode.IsLetter(r) && (r < '0' || r > '9') &&
		!strings.ContainsRune(":_.-", r)
}

// checkDescription checks a description: 2 to most characters, not
// starting with http:// or https:// (CreateNetworkInterface,
// Description), and printable. Empty means no description.
func checkDescription(s string, most int) *Error {
	if s == "" {
		return nil
	}
	n := utf8.RuneCountInString(s)
	if n < 2 || n > most || hasHTTPPrefix(s) || !printable(s) {
		return invalid("Description")
	}
	return nil
}

// hasHTTPPrefix reports whether s starts with http:// or https://, in
// any case.
func hasHTTPPrefix(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// hasHTTP reports whether s holds http:// or https://, in any case.
func hasHTTP(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "http://") || strings.Contains(l, "https://")
}

// printable reports whether s is valid UTF-8 without control characters.
func printable(s string) bool {
	return utf8.ValidString(s) && strings.IndexFunc(s, unicode.IsControl) < 0
}

// checkClientToken checks an idempotence token: at most 64 ASCII
// characters (CreateNetworkInterface, ClientToken).
func checkClientToken(s string) *Error {
	if len(s) > 64 || strings.IndexFunc(s, nonASCII) >= 0 {
		return invalid("ClientToken")
	}
	return nil
}

func nonASCII(r rune) bool { return r > unicode.MaxASCII }

// tagParam is a tag as a request carries it.
type tagParam struct {
	Key   string
	Value string
}

// maxTags is how many tags one request may carry (Tag.N, N from 1 to 20).
const maxTags = 20

// checkTags checks the tags of a request: at most 20, each key 1 to 128
// characters not starting with "aliyun" or "acs:" and without http:// or
// https://, each value at most 128 characters without them, and no key
// twice (CreateNetworkInterface, Tag.N.Key and Tag.N.Value).
func checkTags(tags []tagParam) *Error {
	if len(tags) > maxTags {
		return apiErr("QuotaExceed.Tags", "The number of tags %d "+
			"exceeds the upper limit %d.", len(tags), maxTags)
	}
	seen := map[string]bool{}
	for _, t := range tags {
		if err := checkTag(t); err != nil {
			return err
		}
		if seen[t.Key] {
			return apiErr("Duplicate.TagKey", "")
		}
		seen[t.Key] = true
	}
	return nil
}

func checkTag(t tagParam) *Error {
	k := t.Key
	if k == "" || utf8.RuneCountInString(k) > 128 || hasHTTP(k) ||
		strings.HasPrefix(k, "aliyun") || strings.HasPrefix(k, "acs:") ||
		!printable(k) {
		return apiErr("InvalidTagKey.Malformed", "")
	}
	v := t.Value
	if utf8.RuneCountInString(v) > 128 || hasHTTP(v) || !printable(v) {
		return apiErr("InvalidTagValue.Malformed", "")
	}
	return nil
}

// toTags converts checked tag parameters into tags.
func toTags(ps []tagParam) []Tag {
	out := make([]Tag, len(ps))
	for i, p := range ps {
		out[i] = Tag(p)
	}
	return out
}

// tagParams converts tags into tag parameters, to check them as a
// request's.
func tagParams(tags []Tag) []tagParam {
	return mapList(tags, func(t Tag) tagParam { return tagParam(t) })
}
