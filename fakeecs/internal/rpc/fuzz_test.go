package rpc_test

import (
	"maps"
	"math/big"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
	"github.com/stretchr/testify/require"
)

// FuzzDecode checks Decode against slowDecode on any query string, and
// that whatever decodes survives Encode and a second Decode unchanged.
func FuzzDecode(f *testing.F) {
	seeds := []string{
		// Nothing at all: the zero request.
		"",
		// Every shape at once, as an SDK would send it.
		"RegionId=cn-hangzhou&MaxResults=10&OwnerId=-1&DryRun=true" +
			"&NetworkInterfaceId.1=eni-a&NetworkInterfaceId.2=eni-b" +
			"&Tag.1.Key=env&Tag.1.Value=prod" +
			"&TagFilter.1.TagKey=k&TagFilter.1.TagValues.1=v" +
			"&NetworkInterfaceTrafficConfig.QueueNumber=8",
		// Sparse and out-of-order indices.
		"NetworkInterfaceId.10=c&NetworkInterfaceId.2=b&NetworkInterfaceId.9=a",
		// Empty values in scalars, list members and member fields.
		"RegionId=&NetworkInterfaceId.1=&Tag.2.Value=",
		// An object and a member whose only field is empty.
		"NetworkInterfaceTrafficConfig.NetworkInterfaceTrafficMode=&Tag.1.Key=",
		// An object inside a list member, with a list beside it.
		"TagFilter.3.Config.Enabled=FALSE&TagFilter.3.TagValues.7=x",
		// Indices that are not valid: zero, leading zero, sign, empty.
		"NetworkInterfaceId.0=a",
		"Tag.01.Key=a",
		"TagFilter.1.TagValues.+1=a",
		"NetworkInterfaceId.=a",
		// The largest index that fits in an int, and one past it.
		"Tag.9223372036854775807.Key=a",
		"Tag.9223372036854775808.Key=a",
		// Integer edges: the limits of int32 and int64 and one past each.
		"MaxResults=2147483647&OwnerId=-9223372036854775808",
		"MaxResults=-2147483649",
		"OwnerId=9223372036854775808",
		// Digits that overflow before a letter: malformed, not too big.
		"MaxResults=7000000000A",
		// Integer syntax the codec refuses: a plus sign and a space.
		"MaxResults=%2B1",
		"MaxResults=+1",
		// Booleans: any letter case is fine, anything else is not.
		"DryRun=tRuE",
		"DryRun=yes",
		// A long s (U+017F), which Unicode case folding matches to 's'.
		"DryRun=fal%C5%BFe",
		// Several bad parameters: the one whose name sorts first wins.
		"MaxResults=x&DryRun=y&Tag.0.Key=z",
		// Names that match no field, including near misses.
		"Signature=abc&regionid=x&RegionId.1=x&Tag.1=x&Tag.1.Key.2=x" +
			"&NetworkInterfaceId.1.Key=x&NetworkInterfaceTrafficConfig=x",
		// A name that is only dots.
		"...=x",
		// A member index with no field after it, for each kind of list.
		"NetworkInterfaceId.1=a&Tag.2=b&TagFilter.3=c",
		// Repeated names: only the first value counts.
		"RegionId=a&RegionId=b",
		// A query url.ParseQuery rejects in part.
		"RegionId=%zz&MaxResults=1",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, query string) {
		v, _ := url.ParseQuery(query)
		p := rpc.FromValues(v)
		checkAgainstSlow(t, p)
		checkRoundTrip(t, p)
	})
}

// checkAgainstSlow decodes p with Decode and slowDecode and requires the
// same request or the same error. On error, dst must be untouched.
func checkAgainstSlow(t *testing.T, p rpc.Params) {
	t.Helper()
	before := request{RegionId: "before", Note: "kept"}
	got := before
	err := rpc.Decode(p, &got)
	want, wantErr := slowDecode(p)
	if wantErr != nil {
		require.Equal(t, wantErr, err, "params %v", p)
		require.Equal(t, before, got)
		return
	}
	require.NoError(t, err, "params %v", p)
	want.Note = "kept"
	require.Equal(t, want, got, "params %v", p)
}

// checkRoundTrip requires that what p decodes to comes back from Encode
// and Decode unchanged.
func checkRoundTrip(t *testing.T, p rpc.Params) {
	t.Helper()
	var first, second request
	if rpc.Decode(p, &first) != nil {
		return
	}
	q := rpc.Encode(first)
	require.NoError(t, rpc.Decode(q, &second), "params %v", q)
	require.Equal(t, first, second, "params %v gave %v", p, q)
}

// The reference decoder below is written out by hand for request alone:
// it splits every name on its dots, matches the pieces against the
// fields, and checks numbers with regular expressions and big integers.
// It walks the names in sorted order and stops at the first bad one.

var (
	slowIndexRE = regexp.MustCompile(`^[1-9][0-9]*$`)
	slowIntRE   = regexp.MustCompile(`^-?[0-9]+$`)
	slowMaxInt  = big.NewInt(int64(^uint(0) >> 1))
)

// slowRequest is a request under construction, with lists kept as maps
// from index to member.
type slowRequest struct {
	request
	ids     map[int]string
	tags    map[int]*tag
	filters map[int]*slowFilter
}

// slowFilter is a tagFilter under construction.
type slowFilter struct {
	tagFilter
	values map[int]string
}

// slowDecode is the reference for Decode into a request.
func slowDecode(p rpc.Params) (request, *rpc.Error) {
	r := slowRequest{
		ids: map[int]string{}, tags: map[int]*tag{},
		filters: map[int]*slowFilter{},
	}
	for _, name := range slices.Sorted(maps.Keys(p)) {
		err := r.set(strings.Split(name, "."), name, p[name])
		if err != nil {
			return request{}, err
		}
	}
	return r.build(), nil
}

// set applies one parameter, split into the pieces of its name.
func (r *slowRequest) set(parts []string, name, val string) *rpc.Error {
	bad := func(want string) *rpc.Error { return &rpc.Error{name, val, want} }
	var err *rpc.Error
	switch head, n := parts[0], len(parts); {
	case n == 1 && head == "RegionId":
		r.RegionId = val
	case n == 1 && head == "MaxResults":
		r.MaxResults, err = slowInt32(val, bad)
	case n == 1 && head == "OwnerId":
		r.OwnerId, err = slowInt64(val, bad)
	case n == 1 && head == "DryRun":
		r.DryRun, err = slowBool(val, bad)
	case n > 1 && head == "NetworkInterfaceId":
		err = r.setID(parts[1:], val, bad)
	case n > 1 && head == "Tag":
		err = r.setTag(parts[1:], val, bad)
	case n > 1 && head == "TagFilter":
		err = r.setFilter(parts[1:], val, bad)
	case n == 2 && head == "NetworkInterfaceTrafficConfig":
		err = slowConfig(&r.Config, parts[1], val, bad)
	}
	return err
}

// setID sets NetworkInterfaceId.N from parts, which start at N.
func (r *slowRequest) setID(parts []string, val string,
	bad func(string) *rpc.Error) *rpc.Error {
	i, ok := slowIndex(parts[0])
	if !ok {
		return bad("a list index")
	}
	if len(parts) == 1 {
		r.ids[i] = val
	}
	return nil
}

// setTag sets Tag.N.Key or Tag.N.Value from parts, which start at N.
func (r *slowRequest) setTag(parts []string, val string,
	bad func(string) *rpc.Error) *rpc.Error {
	i, ok := slowIndex(parts[0])
	if !ok {
		return bad("a list index")
	}
	if len(parts) != 2 || (parts[1] != "Key" && parts[1] != "Value") {
		return nil
	}
	if r.tags[i] == nil {
		r.tags[i] = &tag{}
	}
	if parts[1] == "Key" {
		r.tags[i].Key = val
	} else {
		r.tags[i].Value = val
	}
	return nil
}

// setFilter sets a field of TagFilter.N from parts, which start at N.
func (r *slowRequest) setFilter(parts []string, val string,
	bad func(string) *rpc.Error) *rpc.Error {
	i, ok := slowIndex(parts[0])
	if !ok {
		return bad("a list index")
	}
	if len(parts) == 1 {
		return nil
	}
	f := r.filters[i]
	if f == nil {
		f = &slowFilter{values: map[int]string{}}
	}
	landed, err := f.set(parts[1:], val, bad)
	if landed {
		r.filters[i] = f
	}
	return err
}

// set sets one field of a filter from parts, which start at the field's
// name, and reports whether anything landed.
func (f *slowFilter) set(parts []string, val string,
	bad func(string) *rpc.Error) (bool, *rpc.Error) {
	var err *rpc.Error
	switch head, n := parts[0], len(parts); {
	case n == 1 && head == "TagKey":
		f.TagKey = val
	case n == 1 && head == "Limit":
		f.Limit, err = slowInt32(val, bad)
	case n > 1 && head == "TagValues":
		i, ok := slowIndex(parts[1])
		if !ok {
			return false, bad("a list index")
		}
		if n != 2 {
			return false, nil
		}
		f.values[i] = val
	case n == 2 && head == "Config":
		before := f.Config
		err = slowConfig(&f.Config, parts[1], val, bad)
		return f.Config != before, err
	default:
		return false, nil
	}
	return err == nil, err
}

// slowConfig sets one field of the object *c, creating it if a field
// lands.
func slowConfig(c **config, field, val string,
	bad func(string) *rpc.Error) *rpc.Error {
	next := config{}
	if *c != nil {
		next = **c
	}
	var err *rpc.Error
	switch field {
	case "NetworkInterfaceTrafficMode":
		next.NetworkInterfaceTrafficMode = val
	case "QueueNumber":
		next.QueueNumber, err = slowInt32(val, bad)
	case "Enabled":
		next.Enabled, err = slowBool(val, bad)
	default:
		return nil
	}
	if err == nil {
		*c = &next
	}
	return err
}

// build turns the maps into lists ordered by index.
func (r *slowRequest) build() request {
	out := r.request
	for _, i := range slices.Sorted(maps.Keys(r.ids)) {
		out.NetworkInterfaceId = append(out.NetworkInterfaceId, r.ids[i])
	}
	for _, i := range slices.Sorted(maps.Keys(r.tags)) {
		out.Tag = append(out.Tag, *r.tags[i])
	}
	for _, i := range slices.Sorted(maps.Keys(r.filters)) {
		f := r.filters[i]
		for _, j := range slices.Sorted(maps.Keys(f.values)) {
			f.TagValues = append(f.TagValues, f.values[j])
		}
		out.TagFilter = append(out.TagFilter, f.tagFilter)
	}
	return out
}

// slowIndex reads a list index: digits with no leading zero, at most the
// largest int.
func slowIndex(s string) (int, bool) {
	n, ok := new(big.Int).SetString(s, 10)
	if !slowIndexRE.MatchString(s) || !ok || n.Cmp(slowMaxInt) > 0 {
		return 0, false
	}
	return int(n.Int64()), true
}

// slowInt reads a decimal integer in [-2^(bits-1), 2^(bits-1)).
func slowInt(s string, bits uint, bad func(string) *rpc.Error) (int64,
	*rpc.Error) {
	if !slowIntRE.MatchString(s) {
		return 0, bad("an integer")
	}
	n, _ := new(big.Int).SetString(s, 10)
	hi := new(big.Int).Lsh(big.NewInt(1), bits-1)
	lo := new(big.Int).Neg(hi)
	if n.Cmp(lo) < 0 || n.Cmp(hi) >= 0 {
		return 0, bad("an integer from " + lo.String() + " to " +
			new(big.Int).Sub(hi, big.NewInt(1)).String())
	}
	return n.Int64(), nil
}

func slowInt32(s string, bad func(string) *rpc.Error) (*int32, *rpc.Error) {
	n, err := slowInt(s, 32, bad)
	if err != nil {
		return nil, err
	}
	return i32(int32(n)), nil
}

func slowInt64(s string, bad func(string) *rpc.Error) (*int64, *rpc.Error) {
	n, err := slowInt(s, 64, bad)
	if err != nil {
		return nil, err
	}
	return i64(n), nil
}

// slowBool reads "true" or "false" in any ASCII letter case.
func slowBool(s string, bad func(string) *rpc.Error) (*bool, *rpc.Error) {
	ascii := strings.IndexFunc(s, func(r rune) bool { return r > 0x7f }) < 0
	if !ascii {
		return nil, bad("a boolean")
	}
	switch strings.ToLower(s) {
	case "true":
		return yes(), nil
	case "false":
		return no(), nil
	}
	return nil, bad("a boolean")
}
