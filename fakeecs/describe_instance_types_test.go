package fakeecs_test

import (
	"fmt"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

type typesReqT = ecs.DescribeInstanceTypesRequest

// The models of one type of a DescribeInstanceTypes answer and of its
// network cards.
type (
	typeT  = ecs.DescribeInstanceTypesResponseBodyInstanceTypesInstanceType
	cardsT = ecs.DescribeInstanceTypesResponseBodyInstanceTypesInstanceTypeNetworkCards
	cardT  = ecs.DescribeInstanceTypesResponseBodyInstanceTypesInstanceTypeNetworkCardsNetworkCardInfo
)

// typeIDs returns the IDs of a DescribeInstanceTypes answer's types.
func typeIDs(b *ecs.DescribeInstanceTypesResponseBody) []string {
	var out []string
	for _, t := range b.InstanceTypes.InstanceType {
		out = append(out, tea.StringValue(t.InstanceTypeId))
	}
	return out
}

// TestDescribeInstanceTypesFilters checks each filter of
// DescribeInstanceTypes that maps onto the catalogue (InstanceTypes.N,
// InstanceTypeFamily, InstanceTypeFamilies.N, Minimum and
// MaximumCpuCoreCount, Minimum and MaximumMemorySize,
// MinimumEniQuantity, MinimumEniPrivateIpAddressQuantity,
// MinimumEniIpv6AddressQuantity, MinimumEriQuantity,
// MinimumPrimaryEniQueueNumber, MinimumSecondaryEniQueueNumber) against
// the built-in catalogue, whose types come out ordered by ID.
func TestDescribeInstanceTypesFilters(t *testing.T) {
	big := []string{"ecs.g7.4xlarge", "ecs.g7.8xlarge", "ecs.g8i.4xlarge"}
	rows := []struct {
		name string
		edit func(r *typesReqT)
		want []string
	}{
		{"types", func(r *typesReqT) {
			r.InstanceTypes = tea.StringSlice([]string{"ecs.g7.large",
				"ecs.g6.large", "ecs.nosuch"})
		}, []string{"ecs.g6.large", "ecs.g7.large"}},
		{"family", func(r *typesReqT) {
			r.InstanceTypeFamily = tea.String("ecs.g8i")
		}, []string{"ecs.g8i.2xlarge", "ecs.g8i.4xlarge"}},
		{"families", func(r *typesReqT) {
			r.InstanceTypeFamilies = tea.StringSlice([]string{"ecs.r7",
				"ecs.c7"})
		}, []string{"ecs.c7.2xlarge", "ecs.c7.large", "ecs.c7.xlarge",
			"ecs.r7.large", "ecs.r7.xlarge"}},
		{"ENIs", func(r *typesReqT) {
			r.MinimumEniQuantity = tea.Int32(8)
		}, big},
		{"IPv4 per ENI", func(r *typesReqT) {
			r.MinimumEniPrivateIpAddressQuantity = tea.Int32(30)
		}, big},
		{"IPv6 per ENI", func(r *typesReqT) {
			r.MinimumEniIpv6AddressQuantity = tea.Int32(16)
		}, big},
		{"ERIs", func(r *typesReqT) { r.MinimumEriQuantity = tea.Int32(1) },
			[]string{"ecs.g8i.2xlarge", "ecs.g8i.4xlarge"}},
		{"primary queues", func(r *typesReqT) {
			r.MinimumPrimaryEniQueueNumber = tea.Int32(16)
		}, []string{"ecs.g7.8xlarge", "ecs.g8i.4xlarge"}},
		{"secondary queues", func(r *typesReqT) {
			r.MinimumSecondaryEniQueueNumber = tea.Int32(16)
		}, []string{"ecs.g7.8xlarge", "ecs.g8i.4xlarge"}},
		{"least vCPUs", func(r *typesReqT) {
			r.MinimumCpuCoreCount = tea.Int32(16)
		}, big},
		{"most vCPUs", func(r *typesReqT) {
			r.MaximumCpuCoreCount = tea.Int32(1)
		}, []string{"ecs.xn4.small"}},
		{"least memory", func(r *typesReqT) {
			r.MinimumMemorySize = tea.Float32(64)
		}, big},
		{"most memory", func(r *typesReqT) {
			r.MaximumMemorySize = tea.Float32(4.5)
		}, []string{"ecs.c7.large", "ecs.xn4.small"}},
		{"every filter must hold", func(r *typesReqT) {
			r.InstanceTypeFamily = tea.String("ecs.g7")
			r.MinimumEniQuantity = tea.Int32(4)
		}, []string{"ecs.g7.2xlarge", "ecs.g7.4xlarge", "ecs.g7.8xlarge",
			"ecs.g7.xlarge"}},
	}
	_, c := newFake(t)
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			req := &typesReqT{}
			row.edit(req)
			resp, err := c.DescribeInstanceTypes(req)
			require.NoError(t, err)
			require.Equal(t, row.want, typeIDs(resp.Body))
			require.Equal(t, "", tea.StringValue(resp.Body.NextToken))
		})
	}
}

// TestDescribeInstanceTypesAnswer checks every field the fake answers for
// a type, against the catalogue's ecs.g7.xlarge, and the network cards of
// a type with two (DescribeInstanceTypes, InstanceTypes.InstanceType,
// NetworkCards.NetworkCardInfo.NetworkCardIndex).
func TestDescribeInstanceTypesAnswer(t *testing.T) {
	w := fakeecs.DefaultWorld()
	w.InstanceTypes = []fakeecs.InstanceType{{ID: "ecs.test.2cards",
		Family: "ecs.test", CPUCores: 2, MemoryGiB: 0.5, EniQuantity: 2,
		NetworkCardQuantity: 2}}
	_, c := newFake(t, fakeecs.WithWorld(w))
	resp, err := c.DescribeInstanceTypes(&typesReqT{
		InstanceTypes: tea.StringSlice([]string{"ecs.g7.xlarge",
			"ecs.test.2cards"})})
	require.NoError(t, err)
	require.Len(t, resp.Body.InstanceTypes.InstanceType, 2)
	got := resp.Body.InstanceTypes.InstanceType[0]
	want := &typeT{
		InstanceTypeId:              tea.String("ecs.g7.xlarge"),
		InstanceTypeFamily:          tea.String("ecs.g7"),
		CpuCoreCount:                tea.Int32(4),
		MemorySize:                  tea.Float32(16),
		EniQuantity:                 tea.Int32(4),
		EniTotalQuantity:            tea.Int32(20),
		EniPrivateIpAddressQuantity: tea.Int32(15),
		EniIpv6AddressQuantity:      tea.Int32(15),
		MaximumQueueNumberPerEni:    tea.Int32(4),
		PrimaryEniQueueNumber:       tea.Int32(4),
		SecondaryEniQueueNumber:     tea.Int32(4),
		TotalEniQueueQuantity:       tea.Int32(16),
		EniTrunkSupported:           tea.Bool(true),
		NetworkCardQuantity:         tea.Int32(1),
		NetworkCards: &cardsT{NetworkCardInfo: []*cardT{{
			NetworkCardIndex: tea.Int32(0)}}},
		EriQuantity: tea.Int32(0),
	}
	require.Equal(t, want, got)

	cards := resp.Body.InstanceTypes.InstanceType[1]
	require.Equal(t, float32(0.5), tea.Float32Value(cards.MemorySize))
	require.Len(t, cards.NetworkCards.NetworkCardInfo, 2)
	require.Equal(t, int32(1), tea.Int32Value(
		cards.NetworkCards.NetworkCardInfo[1].NetworkCardIndex))
}

// TestDescribeInstanceTypesPaging walks the catalogue's 16 types with
// NextToken and MaxResults, and checks that a call without MaxResults
// answers them all, up to 100 (DescribeInstanceTypes: "if you do not set
// NextToken ... only the first page of results is returned by default and
// includes a maximum of 100 entries").
func TestDescribeInstanceTypesPaging(t *testing.T) {
	_, c := newFake(t)
	all, err := c.DescribeInstanceTypes(&typesReqT{})
	require.NoError(t, err)
	require.Len(t, all.Body.InstanceTypes.InstanceType, 16)
	require.Equal(t, "", tea.StringValue(all.Body.NextToken))

	var got []string
	var sizes []int
	token := ""
	for {
		req := &typesReqT{MaxResults: tea.Int64(5)}
		if token != "" {
			req.NextToken = tea.String(token)
		}
		resp, err := c.DescribeInstanceTypes(req)
		require.NoError(t, err)
		got = append(got, typeIDs(resp.Body)...)
		sizes = append(sizes, len(resp.Body.InstanceTypes.InstanceType))
		token = tea.StringValue(resp.Body.NextToken)
		if token == "" {
			break
		}
	}
	require.Equal(t, typeIDs(all.Body), got)
	require.Equal(t, []int{5, 5, 5, 1}, sizes)
}

// TestDescribeInstanceTypesAtMost100 checks that a MaxResults above 100,
// the largest the action's description allows since 2023-11-15, counts
// as 100, and so does none.
func TestDescribeInstanceTypesAtMost100(t *testing.T) {
	w := fakeecs.DefaultWorld()
	for i := range 100 {
		w.InstanceTypes = append(w.InstanceTypes, fakeecs.InstanceType{
			ID: fmt.Sprintf("ecs.t%03d.large", i), Family: "ecs.t",
			CPUCores: 2, MemoryGiB: 8, EniQuantity: 2,
			NetworkCardQuantity: 1})
	}
	_, c := newFake(t, fakeecs.WithWorld(w))
	for _, most := range []*int64{tea.Int64(1600), nil} {
		resp, err := c.DescribeInstanceTypes(&typesReqT{MaxResults: most})
		require.NoError(t, err)
		require.Len(t, resp.Body.InstanceTypes.InstanceType, 100)
		next, err := c.DescribeInstanceTypes(&typesReqT{MaxResults: most,
			NextToken: resp.Body.NextToken})
		require.NoError(t, err)
		require.Len(t, next.Body.InstanceTypes.InstanceType, 16)
	}
}

// TestDescribeInstanceTypesRefusals checks the errors of
// DescribeInstanceTypes' bounds and of the filters on what the catalogue
// does not record.
func TestDescribeInstanceTypesRefusals(t *testing.T) {
	eleven := make([]string, 11)
	for i := range eleven {
		eleven[i] = fmt.Sprintf("ecs.g7.x%d", i)
	}
	rows := []struct {
		name string
		edit func(r *typesReqT)
		code string
	}{
		{"11 types", func(r *typesReqT) {
			r.InstanceTypes = tea.StringSlice(eleven)
		}, "InvalidParameter"},
		{"11 families", func(r *typesReqT) {
			r.InstanceTypeFamilies = tea.StringSlice(eleven)
		}, "InvalidParameter"},
		{"no vCPUs", func(r *typesReqT) {
			r.MinimumCpuCoreCount = tea.Int32(0)
		}, "InvalidParameter"},
		{"negative ENIs", func(r *typesReqT) {
			r.MinimumEniQuantity = tea.Int32(-1)
		}, "InvalidParameter"},
		{"negative memory", func(r *typesReqT) {
			r.MaximumMemorySize = tea.Float32(-1)
		}, "InvalidParameter"},
		{"MaxResults 0", func(r *typesReqT) { r.MaxResults = tea.Int64(0) },
			"InvalidParameter"},
		{"bad token", func(r *typesReqT) {
			r.NextToken = tea.String("e71d8a535bd9cc11")
		}, "InvalidParameter"},
		{"CPU architecture", func(r *typesReqT) {
			r.CpuArchitecture = tea.String("X86")
		}, "UnsupportedParameter"},
		{"GPUs", func(r *typesReqT) { r.MinimumGPUAmount = tea.Int32(1) },
			"UnsupportedParameter"},
	}
	_, c := newFake(t)
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			req := &typesReqT{}
			row.edit(req)
			_, err := c.DescribeInstanceTypes(req)
			requireCode(t, err, row.code, 400)
		})
	}
}

// TestDescribeInstanceTypesMemoryIsANumber checks that a memory size that
// is not a number, which only a client of the wire can send, gets
// InvalidParameter (DescribeInstanceTypes, MinimumMemorySize: Float).
func TestDescribeInstanceTypesMemoryIsANumber(t *testing.T) {
	status, _, out := rawCall(t, wireFake(), "POST",
		"Action=DescribeInstanceTypes&Version=2014-05-26"+
			"&MinimumMemorySize=lots", nil, "")
	require.Equal(t, 400, status)
	require.Equal(t, "InvalidParameter", out["Code"])
}
