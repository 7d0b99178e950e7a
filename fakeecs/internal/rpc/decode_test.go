package rpc_test

import (
	"testing"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
	"github.com/stretchr/testify/require"
)

// Lists, objects and their nesting follow the SDKs' flattening
// (openapiutil.Query in darabonba-openapi/v2/utils): Name.N for list
// members counted from 1, Name.Field for object fields.
func TestDecodeReadsEachShape(t *testing.T) {
	tests := []struct {
		name string
		in   rpc.Params
		want request
	}{{
		name: "no parameters give the zero struct",
		in:   rpc.Params{},
		want: request{},
	}, {
		name: "scalars",
		in: rpc.Params{
			"RegionId": "cn-hangzhou", "MaxResults": "50",
			"OwnerId": "-9223372036854775808", "DryRun": "true",
		},
		want: request{
			RegionId: "cn-hangzhou", MaxResults: i32(50),
			OwnerId: i64(-9223372036854775808), DryRun: yes(),
		},
	}, {
		name: "booleans ignore letter case",
		in:   rpc.Params{"DryRun": "FaLsE"},
		want: request{DryRun: no()},
	}, {
		name: "integers keep a minus sign and read leading zeros as decimal",
		in:   rpc.Params{"MaxResults": "-010", "OwnerId": "9223372036854775807"},
		want: request{MaxResults: i32(-10), OwnerId: i64(9223372036854775807)},
	}, {
		name: "an empty string reads as the zero string",
		in:   rpc.Params{"RegionId": ""},
		want: request{},
	}, {
		name: "list members are ordered by index, not by name",
		in: rpc.Params{
			"NetworkInterfaceId.10": "eni-c", "NetworkInterfaceId.9": "eni-b",
			"NetworkInterfaceId.1": "eni-a",
		},
		want: request{NetworkInterfaceId: []string{"eni-a", "eni-b", "eni-c"}},
	}, {
		name: "sparse indices close up",
		in: rpc.Params{
			"NetworkInterfaceId.1": "eni-a", "NetworkInterfaceId.5": "eni-b",
		},
		want: request{NetworkInterfaceId: []string{"eni-a", "eni-b"}},
	}, {
		name: "a huge index costs one member",
		in: rpc.Params{
			"NetworkInterfaceId.999999999":         "eni-a",
			"Tag.9223372036854775807.Key":          "env",
			"TagFilter.3.TagValues.88888888888888": "prod",
		},
		want: request{
			NetworkInterfaceId: []string{"eni-a"},
			Tag:                []tag{{Key: "env"}},
			TagFilter:          []tagFilter{{TagValues: []string{"prod"}}},
		},
	}, {
		name: "empty values are members",
		in: rpc.Params{
			"NetworkInterfaceId.1": "", "NetworkInterfaceId.2": "eni-b",
			"Tag.1.Key": "team", "Tag.1.Value": "", "Tag.2.Value": "",
		},
		want: request{
			NetworkInterfaceId: []string{"", "eni-b"},
			Tag:                []tag{{Key: "team"}, {}},
		},
	}, {
		name: "lists inside list members",
		in: rpc.Params{
			"TagFilter.1.TagKey": "env", "TagFilter.1.TagValues.3": "dev",
			"TagFilter.1.TagValues.1": "prod", "TagFilter.2.TagKey": "team",
			"TagFilter.2.Limit": "3",
		},
		want: request{TagFilter: []tagFilter{
			{TagKey: "env", TagValues: []string{"prod", "dev"}},
			{TagKey: "team", Limit: i32(3)},
		}},
	}, {
		name: "object fields",
		in: rpc.Params{
			"NetworkInterfaceTrafficConfig.NetworkInterfaceTrafficMode": "Standard",
			"NetworkInterfaceTrafficConfig.QueueNumber":                 "8",
		},
		want: request{Config: &config{
			NetworkInterfaceTrafficMode: "Standard", QueueNumber: i32(8),
		}},
	}, {
		name: "an object with one empty field exists",
		in: rpc.Params{
			"NetworkInterfaceTrafficConfig.NetworkInterfaceTrafficMode": "",
		},
		want: request{Config: &config{}},
	}, {
		name: "an object inside a list member",
		in:   rpc.Params{"TagFilter.2.Config.Enabled": "true"},
		want: request{TagFilter: []tagFilter{{Config: &config{Enabled: yes()}}}},
	}, {
		name: "an object of unknown fields stays nil",
		in:   rpc.Params{"NetworkInterfaceTrafficConfig.Colour": "red"},
		want: request{},
	}, {
		name: "a member of unknown fields is dropped",
		in:   rpc.Params{"Tag.1.Colour": "red", "Tag.2.Key": "env"},
		want: request{Tag: []tag{{Key: "env"}}},
	}, {
		name: "names that match no field are ignored",
		in: rpc.Params{
			"Action":                        "DescribeNetworkInterfaces",
			"Signature":                     "abc=",
			"SignatureNonce":                "1",
			"regionid":                      "letter case differs",
			"RegionId.1":                    "a scalar with an index",
			"MaxResults.x":                  "a scalar with a field",
			"Note":                          "the field is tagged -",
			"NetworkInterfaceId":            "a list without an index",
			"NetworkInterfaceId.1.Extra":    "below a string member",
			"Tag.1":                         "a member without a field",
			"Tag.1.Key.Extra":               "below a member's string",
			"NetworkInterfaceTrafficConfig": "an object without a field",
			"NetworkInterfaceTrafficConfig.QueueNumber.1": "below a scalar",
		},
		want: request{},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got request
			require.NoError(t, rpc.Decode(tt.in, &got))
			require.Equal(t, tt.want, got)
		})
	}
}

// A value that does not read as its type, or a list index that is not
// valid, is reported with the name and value as sent.
func TestDecodeRejects(t *testing.T) {
	const (
		int32Range = "an integer from -2147483648 to 2147483647"
		int64Range = "an integer from -9223372036854775808 to " +
			"9223372036854775807"
	)
	tests := []struct {
		name string
		in   rpc.Params
		want rpc.Error
	}{
		{"letters", rpc.Params{"MaxResults": "ten"},
			rpc.Error{"MaxResults", "ten", "an integer"}},
		{"an empty integer", rpc.Params{"MaxResults": ""},
			rpc.Error{"MaxResults", "", "an integer"}},
		{"a plus sign", rpc.Params{"MaxResults": "+5"},
			rpc.Error{"MaxResults", "+5", "an integer"}},
		{"a space", rpc.Params{"MaxResults": " 5"},
			rpc.Error{"MaxResults", " 5", "an integer"}},
		{"a fraction", rpc.Params{"MaxResults": "1.5"},
			rpc.Error{"MaxResults", "1.5", "an integer"}},
		{"hexadecimal", rpc.Params{"MaxResults": "0x10"},
			rpc.Error{"MaxResults", "0x10", "an integer"}},
		{"overflowing digits before a letter",
			rpc.Params{"MaxResults": "7000000000A"},
			rpc.Error{"MaxResults", "7000000000A", "an integer"}},
		{"a lone minus sign", rpc.Params{"MaxResults": "-"},
			rpc.Error{"MaxResults", "-", "an integer"}},
		{"an underscore", rpc.Params{"MaxResults": "1_000"},
			rpc.Error{"MaxResults", "1_000", "an integer"}},
		{"int32 overflow", rpc.Params{"MaxResults": "2147483648"},
			rpc.Error{"MaxResults", "2147483648", int32Range}},
		{"int32 underflow", rpc.Params{"MaxResults": "-2147483649"},
			rpc.Error{"MaxResults", "-2147483649", int32Range}},
		{"int64 overflow", rpc.Params{"OwnerId": "9223372036854775808"},
			rpc.Error{"OwnerId", "9223372036854775808", int64Range}},
		{"a boolean as a word", rpc.Params{"DryRun": "yes"},
			rpc.Error{"DryRun", "yes", "a boolean"}},
		{"a boolean as a digit", rpc.Params{"DryRun": "1"},
			rpc.Error{"DryRun", "1", "a boolean"}},
		{"an empty boolean", rpc.Params{"DryRun": ""},
			rpc.Error{"DryRun", "", "a boolean"}},
		{"a boolean with a Unicode fold of s", rpc.Params{"DryRun": "falſe"},
			rpc.Error{"DryRun", "falſe", "a boolean"}},
		{"a non-numeric index", rpc.Params{"NetworkInterfaceId.x": "eni-a"},
			rpc.Error{"NetworkInterfaceId.x", "eni-a", "a list index"}},
		{"index zero", rpc.Params{"NetworkInterfaceId.0": "eni-a"},
			rpc.Error{"NetworkInterfaceId.0", "eni-a", "a list index"}},
		{"a leading zero", rpc.Params{"NetworkInterfaceId.01": "eni-a"},
			rpc.Error{"NetworkInterfaceId.01", "eni-a", "a list index"}},
		{"a signed index", rpc.Params{"NetworkInterfaceId.+1": "eni-a"},
			rpc.Error{"NetworkInterfaceId.+1", "eni-a", "a list index"}},
		{"a negative index", rpc.Params{"NetworkInterfaceId.-1": "eni-a"},
			rpc.Error{"NetworkInterfaceId.-1", "eni-a", "a list index"}},
		{"an empty index", rpc.Params{"NetworkInterfaceId.": "eni-a"},
			rpc.Error{"NetworkInterfaceId.", "eni-a", "a list index"}},
		{"an index past int", rpc.Params{
			"NetworkInterfaceId.9223372036854775808": "eni-a"},
			rpc.Error{"NetworkInterfaceId.9223372036854775808", "eni-a",
				"a list index"}},
		{"a bad index with nothing after it", rpc.Params{"Tag.x": "v"},
			rpc.Error{"Tag.x", "v", "a list index"}},
		{"a bad member index", rpc.Params{"Tag.0.Key": "env"},
			rpc.Error{"Tag.0.Key", "env", "a list index"}},
		{"a bad index in a nested list", rpc.Params{
			"TagFilter.1.TagValues.0": "prod"},
			rpc.Error{"TagFilter.1.TagValues.0", "prod", "a list index"}},
		{"a bad integer in a member", rpc.Params{"TagFilter.2.Limit": "lots"},
			rpc.Error{"TagFilter.2.Limit", "lots", "an integer"}},
		{"a bad boolean in an object", rpc.Params{
			"NetworkInterfaceTrafficConfig.Enabled": "maybe"},
			rpc.Error{"NetworkInterfaceTrafficConfig.Enabled", "maybe",
				"a boolean"}},
		{"the first of several by name", rpc.Params{
			"MaxResults": "x", "Tag.0.Key": "y", "DryRun": "z",
			"TagFilter.1.TagValues.x": "w"},
			rpc.Error{"DryRun", "z", "a boolean"}},
		{"the first of several in one list", rpc.Params{
			"Tag.x.Key": "a", "Tag.0.Key": "b", "TagFilter.1.Limit": "c",
			"TagFilter.0": "d"},
			rpc.Error{"Tag.0.Key", "b", "a list index"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got request
			err := rpc.Decode(tt.in, &got)
			require.Equal(t, &tt.want, err)
		})
	}
}

func TestDecodeLeavesDstAloneOnError(t *testing.T) {
	dst := request{RegionId: "cn-hangzhou", Note: "kept"}
	err := rpc.Decode(rpc.Params{"RegionId": "cn-beijing", "DryRun": "no"},
		&dst)
	require.Error(t, err)
	require.Equal(t, request{RegionId: "cn-hangzhou", Note: "kept"}, dst)
}

func TestDecodeResetsMappedFieldsOnly(t *testing.T) {
	dst := request{
		RegionId: "cn-hangzhou", Tag: []tag{{Key: "old"}},
		Config: &config{}, Note: "kept",
	}
	require.NoError(t, rpc.Decode(rpc.Params{"MaxResults": "1"}, &dst))
	require.Equal(t, request{MaxResults: i32(1), Note: "kept"}, dst)
}

func TestDecodeAcceptsNilParams(t *testing.T) {
	var got request
	require.NoError(t, rpc.Decode(nil, &got))
	require.Equal(t, request{}, got)
}

func TestErrorQuotesNameAndValue(t *testing.T) {
	err := &rpc.Error{Param: "Tag.3.Key", Value: "a \"b\"", Want: "a boolean"}
	require.Equal(t,
		`rpc: parameter "Tag.3.Key" = "a \"b\"": want a boolean`,
		err.Error())
}
