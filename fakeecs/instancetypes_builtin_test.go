package fakeecs

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// builtinType returns the catalogue entry with the given ID, failing the
// test when there is none.
func builtinType(t *testing.T, id string) InstanceType {
	t.Helper()
	for _, it := range builtinInstanceTypes {
		if it.ID == id {
			return it
		}
	}
	t.Fatalf("no built-in instance type %q", id)
	return InstanceType{}
}

func TestBuiltinInstanceTypesHasAtLeastTwelve(t *testing.T) {
	require.GreaterOrEqual(t, len(builtinInstanceTypes), 12)
}

func TestBuiltinInstanceTypesHaveUniqueIDs(t *testing.T) {
	seen := map[string]bool{}
	for _, it := range builtinInstanceTypes {
		require.False(t, seen[it.ID], "duplicate ID %q", it.ID)
		seen[it.ID] = true
	}
}

// An instance type's name is its family, a dot and its size, as in
// "ecs.g7.large" of family "ecs.g7".
func TestBuiltinInstanceTypesNameTheirFamily(t *testing.T) {
	for _, it := range builtinInstanceTypes {
		require.NotEmpty(t, it.Family, it.ID)
		require.True(t, strings.HasPrefix(it.ID, it.Family+"."),
			"ID %q does not start with family %q", it.ID, it.Family)
		require.Greater(t, len(it.ID), len(it.Family)+1, it.ID)
	}
}

// Every ECS instance has its primary ENI and room for one more, every ENI
// its primary address and room for one more, and every ENI at least one
// queue, as the instance family pages show for all listed types.
func TestBuiltinInstanceTypesHavePositiveQuantities(t *testing.T) {
	for _, it := range builtinInstanceTypes {
		t.Run(it.ID, func(t *testing.T) {
			require.Positive(t, it.CPUCores)
			require.Positive(t, it.MemoryGiB)
			require.GreaterOrEqual(t, it.EniQuantity, 2)
			require.GreaterOrEqual(t, it.EniPrivateIpAddressQuantity, 2)
			require.GreaterOrEqual(t, it.EniIpv6AddressQuantity, 0)
			require.GreaterOrEqual(t, it.MaximumQueueNumberPerEni, 1)
			require.GreaterOrEqual(t, it.PrimaryEniQueueNumber, 1)
			require.GreaterOrEqual(t, it.SecondaryEniQueueNumber, 1)
			require.GreaterOrEqual(t, it.TotalEniQueueQuantity, 1)
			require.GreaterOrEqual(t, it.NetworkCardQuantity, 1)
			require.GreaterOrEqual(t, it.EriQuantity, 0)
		})
	}
}

// The limits must agree with one another: EniTotalQuantity counts the
// ENIs of EniQuantity and the trunk members besides, and equals it
// without trunk support, as in the DescribeInstanceTypes sample answer
// for ecs.g6.large; no ENI has more queues than the instance allows in
// all; the default queues fit MaximumQueueNumberPerEni; an instance full
// of ENIs with their default queues fits TotalEniQueueQuantity; and ERIs
// are ENIs, so there are no more of them than of ENIs.
func TestBuiltinInstanceTypesLimitsAgree(t *testing.T) {
	for _, it := range builtinInstanceTypes {
		t.Run(it.ID, func(t *testing.T) {
			require.GreaterOrEqual(t, it.EniTotalQuantity, it.EniQuantity)
			if !it.EniTrunkSupported {
				require.Equal(t, it.EniQuantity, it.EniTotalQuantity)
			}
			require.GreaterOrEqual(t, it.TotalEniQueueQuantity,
				it.MaximumQueueNumberPerEni)
			require.LessOrEqual(t, it.PrimaryEniQueueNumber,
				it.MaximumQueueNumberPerEni)
			require.LessOrEqual(t, it.SecondaryEniQueueNumber,
				it.MaximumQueueNumberPerEni)
			full := it.PrimaryEniQueueNumber +
				(it.EniQuantity-1)*it.SecondaryEniQueueNumber
			require.LessOrEqual(t, full, it.TotalEniQueueQuantity)
			require.LessOrEqual(t, it.EriQuantity, it.EniQuantity)
		})
	}
}

// The catalogue holds the cases ENI tests need: a type with trunk ENIs,
// one with ERIs, one whose ENIs hold a single IPv6 address and one
// without IPv6.
func TestBuiltinInstanceTypesCoverENICases(t *testing.T) {
	var trunk, eri, oneIPv6, noIPv6 bool
	for _, it := range builtinInstanceTypes {
		trunk = trunk || it.EniTrunkSupported
		eri = eri || it.EriQuantity > 0
		oneIPv6 = oneIPv6 || it.EniIpv6AddressQuantity == 1
		noIPv6 = noIPv6 || it.EniIpv6AddressQuantity == 0
	}
	require.True(t, trunk, "no type supports trunk ENIs")
	require.True(t, eri, "no type supports ERIs")
	require.True(t, oneIPv6, "no type has one IPv6 address per ENI")
	require.True(t, noIPv6, "no type is without IPv6")
}

// ecs.g7.2xlarge is the type whose DescribeInstanceTypes answer Alibaba's
// Terway ENI plugin records in its tests: 8 vCPUs, 32 GiB, 4 ENIs of 15
// IPv4 and 15 IPv6 addresses, 10 ENIs with trunk members, trunk support,
// 8 default queues per ENI and 32 in all. The "General-purpose instance
// families" page, section g7, gives the same vCPUs, memory, ENIs,
// addresses and 8 NIC queues. MaximumQueueNumberPerEni, NetworkCardQuantity
// and EriQuantity follow the catalogue's rules.
func TestBuiltinInstanceTypesG72xlargeMatchesPublishedValues(t *testing.T) {
	want := InstanceType{
		ID:                          "ecs.g7.2xlarge",
		Family:                      "ecs.g7",
		CPUCores:                    8,
		MemoryGiB:                   32,
		EniQuantity:                 4,
		EniTotalQuantity:            10,
		EniPrivateIpAddressQuantity: 15,
		EniIpv6AddressQuantity:      15,
		MaximumQueueNumberPerEni:    8,
		PrimaryEniQueueNumber:       8,
		SecondaryEniQueueNumber:     8,
		TotalEniQueueQuantity:       32,
		EniTrunkSupported:           true,
		NetworkCardQuantity:         1,
		EriQuantity:                 0,
	}
	require.Equal(t, want, builtinType(t, "ecs.g7.2xlarge"))
}
