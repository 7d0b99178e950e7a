package rpc_test

import (
	"testing"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
	"github.com/stretchr/testify/require"
)

type (
	withInt       struct{ N int }
	withStringPtr struct{ S *string }
	withIntList   struct{ L []int32 }
	withPtrList   struct{ L []*tag }
	withValue     struct{ T tag }
	withMap       struct{ M map[string]string }
	withDot       struct {
		Q *int32 `rpc:"Config.QueueNumber"`
	}
	withTwin struct {
		A string `rpc:"Name"`
		B string `rpc:"Name"`
	}
	withDeepBad struct{ Tags []struct{ Bad uint } }
	loop        struct{ Kids []loop }
	loopPtr     struct{ Next *loopPtr }
	// withIgnored holds only fields the codec never looks at.
	withIgnored struct {
		hidden int
		Skip   map[string]int `rpc:"-"`
		Name   string
	}
)

// A struct the codec cannot carry is a programming error, reported by a
// panic that names the type and field.
func TestMisusePanics(t *testing.T) {
	tests := []struct {
		name string
		dst  any
		want string
	}{
		{"int", &withInt{},
			"rpc: field rpc_test.withInt.N has unsupported type int"},
		{"*string", &withStringPtr{},
			"rpc: field rpc_test.withStringPtr.S has unsupported type *string"},
		{"[]int32", &withIntList{},
			"rpc: field rpc_test.withIntList.L has unsupported type []int32"},
		{"[]*struct", &withPtrList{},
			"rpc: field rpc_test.withPtrList.L has unsupported type " +
				"[]*rpc_test.tag"},
		{"struct value", &withValue{},
			"rpc: field rpc_test.withValue.T has unsupported type rpc_test.tag"},
		{"map", &withMap{},
			"rpc: field rpc_test.withMap.M has unsupported type " +
				"map[string]string"},
		{"dotted name", &withDot{},
			`rpc: field rpc_test.withDot.Q has a dot in its name ` +
				`"Config.QueueNumber"`},
		{"two fields, one name", &withTwin{},
			`rpc: rpc_test.withTwin has two fields named "Name"`},
		{"a bad field in a member", &withDeepBad{},
			"rpc: field struct { Bad uint }.Bad has unsupported type uint"},
		{"a list of itself", &loop{}, "rpc: type rpc_test.loop contains itself"},
		{"a pointer to itself", &loopPtr{},
			"rpc: type rpc_test.loopPtr contains itself"},
		{"not a pointer", request{},
			"rpc: Decode needs a non-nil pointer to a struct, " +
				"not rpc_test.request"},
		{"a nil pointer", (*request)(nil),
			"rpc: Decode needs a non-nil pointer to a struct, " +
				"not *rpc_test.request"},
		{"a pointer to a string", new(string),
			"rpc: Decode needs a non-nil pointer to a struct, not *string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.PanicsWithValue(t, tt.want, func() {
				_ = rpc.Decode(rpc.Params{}, tt.dst)
			})
		})
	}
}

func TestEncodeMisusePanics(t *testing.T) {
	for _, src := range []any{nil, "x", new(int), new(*request)} {
		require.Panics(t, func() { rpc.Encode(src) }, "%T", src)
	}
	require.PanicsWithValue(t,
		"rpc: field rpc_test.withMap.M has unsupported type map[string]string",
		func() { rpc.Encode(withMap{}) })
}

func TestUnexportedAndSkippedFieldsAreIgnored(t *testing.T) {
	dst := withIgnored{hidden: 1, Skip: map[string]int{"a": 1}}
	p := rpc.Params{"hidden": "2", "Skip": "3", "Name": "n"}
	require.NoError(t, rpc.Decode(p, &dst))
	want := withIgnored{hidden: 1, Skip: map[string]int{"a": 1}, Name: "n"}
	require.Equal(t, want, dst)
	require.Equal(t, rpc.Params{"Name": "n"}, rpc.Encode(dst))
}

type (
	mode  string
	count int32
	flag  bool
	// withNamed uses named types with supported kinds.
	withNamed struct {
		M mode
		C *count
		F *flag
		L []mode
	}
)

func TestNamedTypesWithSupportedKindsWork(t *testing.T) {
	c, f := count(3), flag(true)
	in := withNamed{M: "Standard", C: &c, F: &f, L: []mode{"a"}}
	p := rpc.Encode(in)
	require.Equal(t,
		rpc.Params{"M": "Standard", "C": "3", "F": "true", "L.1": "a"}, p)
	var got withNamed
	require.NoError(t, rpc.Decode(p, &got))
	require.Equal(t, in, got)
}
