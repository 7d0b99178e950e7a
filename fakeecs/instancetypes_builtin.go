package fakeecs

// builtinInstanceTypes is a catalogue of real ECS instance types with the
// network limits Alibaba Cloud publishes for them, chosen to exercise the
// ENI limits: several sizes of one current family, an older family whose
// ENIs hold one IPv6 address, compute and memory families, a small shared
// type without IPv6, types with trunk ENIs and types with elastic RDMA
// interfaces. Nothing writes it; copy an entry before changing it.
//
// CPUCores, MemoryGiB, EniQuantity, EniPrivateIpAddressQuantity and
// EniIpv6AddressQuantity are the "vCPUs", "Memory", "ENIs", "Private IPv4
// addresses per ENI" and "IPv6 addresses per ENI" columns of the instance
// family pages of the "Overview of instance families" documentation. The
// pages publish no column for the other fields, so they follow these
// rules unless the entry cites a DescribeInstanceTypes answer:
//
//   - MaximumQueueNumberPerEni, PrimaryEniQueueNumber and
//     SecondaryEniQueueNumber equal the "NIC queues" column.
//   - TotalEniQueueQuantity is NIC queues × EniQuantity.
//   - EniTotalQuantity is EniQuantity: no trunk member ENIs are counted.
//   - EniTrunkSupported is true only where an answer shows it. The
//     pages do not say which types support trunk ENIs, so a false here
//     may be wrong for the real type; tests needing trunking use the
//     types whose answers are cited.
//   - NetworkCardQuantity is 1.
//   - EriQuantity is 1 for a type whose family section says the family
//     supports ERIs, and 0 otherwise. The pages say only whether a family
//     supports them; the number per type is given by DescribeInstanceTypes
//     alone, so 1 is the least that means support, not a published count.
//
// The DescribeInstanceTypes answers cited below agree with the queue
// rules: TotalEniQueueQuantity is 4 = 2 × 2 for ecs.g6.large, 16 = 4 × 4
// for ecs.g7.xlarge and 32 = 8 × 4 for ecs.g7.2xlarge, and ecs.g6.large,
// without trunk support, has EniTotalQuantity equal to EniQuantity.
var builtinInstanceTypes = []InstanceType{
	// "General-purpose instance families", section g7. Queues,
	// EniTotalQuantity and trunk support follow the rules above.
	{
		ID:                          "ecs.g7.large",
		Family:                      "ecs.g7",
		CPUCores:                    2,
		MemoryGiB:                   8,
		EniQuantity:                 3,
		EniTotalQuantity:            3,
		EniPrivateIpAddressQuantity: 6,
		EniIpv6AddressQuantity:      6,
		MaximumQueueNumberPerEni:    2,
		PrimaryEniQueueNumber:       2,
		SecondaryEniQueueNumber:     2,
		TotalEniQueueQuantity:       6,
		EniTrunkSupported:           false,
		NetworkCardQuantity:         1,
		EriQuantity:                 0,
	},
	// "General-purpose instance families", section g7, for the columns.
	// Queues, EniTotalQuantity, trunk support and EriQuantity are the
	// DescribeInstanceTypes answer for ecs.g7.xlarge recorded in the tests
	// of Alibaba Cloud's CSI driver for Kubernetes.
	{
		ID:                          "ecs.g7.xlarge",
		Family:                      "ecs.g7",
		CPUCores:                    4,
		MemoryGiB:                   16,
		EniQuantity:                 4,
		EniTotalQuantity:            20,
		EniPrivateIpAddressQuantity: 15,
		EniIpv6AddressQuantity:      15,
		MaximumQueueNumberPerEni:    4,
		PrimaryEniQueueNumber:       4,
		SecondaryEniQueueNumber:     4,
		TotalEniQueueQuantity:       16,
		EniTrunkSupported:           true,
		NetworkCardQuantity:         1,
		EriQuantity:                 0,
	},
	// "General-purpose instance families", section g7, for the columns.
	// Default queues, TotalEniQueueQuantity, EniTotalQuantity and trunk
	// support are the DescribeInstanceTypes answer for ecs.g7.2xlarge
	// recorded in the tests of Alibaba's Terway ENI plugin; it agrees with
	// the page on every column they share. MaximumQueueNumberPerEni,
	// NetworkCardQuantity and EriQuantity follow the rules above.
	{
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
	},
	// "General-purpose instance families", section g7.
	{
		ID:                          "ecs.g7.4xlarge",
		Family:                      "ecs.g7",
		CPUCores:                    16,
		MemoryGiB:                   64,
		EniQuantity:                 8,
		EniTotalQuantity:            8,
		EniPrivateIpAddressQuantity: 30,
		EniIpv6AddressQuantity:      30,
		MaximumQueueNumberPerEni:    8,
		PrimaryEniQueueNumber:       8,
		SecondaryEniQueueNumber:     8,
		TotalEniQueueQuantity:       64,
		EniTrunkSupported:           false,
		NetworkCardQuantity:         1,
		EriQuantity:                 0,
	},
	// "General-purpose instance families", section g7.
	{
		ID:                          "ecs.g7.8xlarge",
		Family:                      "ecs.g7",
		CPUCores:                    32,
		MemoryGiB:                   128,
		EniQuantity:                 8,
		EniTotalQuantity:            8,
		EniPrivateIpAddressQuantity: 30,
		EniIpv6AddressQuantity:      30,
		MaximumQueueNumberPerEni:    16,
		PrimaryEniQueueNumber:       16,
		SecondaryEniQueueNumber:     16,
		TotalEniQueueQuantity:       128,
		EniTrunkSupported:           false,
		NetworkCardQuantity:         1,
		EriQuantity:                 0,
	},

	// "General-purpose instance families", section g6, for the columns;
	// every other field is the sample answer for ecs.g6.large in the
	// "DescribeInstanceTypes" API reference, section Examples.
	{
		ID:                          "ecs.g6.large",
		Family:                      "ecs.g6",
		CPUCores:                    2,
		MemoryGiB:                   8,
		EniQuantity:                 2,
		EniTotalQuantity:            2,
		EniPrivateIpAddressQuantity: 6,
		EniIpv6AddressQuantity:      1,
		MaximumQueueNumberPerEni:    2,
		PrimaryEniQueueNumber:       2,
		SecondaryEniQueueNumber:     2,
		TotalEniQueueQuantity:       4,
		EniTrunkSupported:           false,
		NetworkCardQuantity:         1,
		EriQuantity:                 0,
	},
	// "General-purpose instance families", section g6.
	{
		ID:                          "ecs.g6.xlarge",
		Family:                      "ecs.g6",
		CPUCores:                    4,
		MemoryGiB:                   16,
		EniQuantity:                 3,
		EniTotalQuantity:            3,
		EniPrivateIpAddressQuantity: 10,
		EniIpv6AddressQuantity:      1,
		MaximumQueueNumberPerEni:    4,
		PrimaryEniQueueNumber:       4,
		SecondaryEniQueueNumber:     4,
		TotalEniQueueQuantity:       12,
		EniTrunkSupported:           false,
		NetworkCardQuantity:         1,
		EriQuantity:                 0,
	},
	// "General-purpose instance families", section g6.
	{
		ID:                          "ecs.g6.2xlarge",
		Family:                      "ecs.g6",
		CPUCores:                    8,
		MemoryGiB:                   32,
		EniQuantity:                 4,
		EniTotalQuantity:            4,
		EniPrivateIpAddressQuantity: 10,
		EniIpv6AddressQuantity:      1,
		MaximumQueueNumberPerEni:    8,
		PrimaryEniQueueNumber:       8,
		SecondaryEniQueueNumber:     8,
		TotalEniQueueQuantity:       32,
		EniTrunkSupported:           false,
		NetworkCardQuantity:         1,
		EriQuantity:                 0,
	},

	// "General-purpose instance families", section g8i. The section says
	// the family supports ERIs; EriQuantity follows the rule above.
	{
		ID:                          "ecs.g8i.2xlarge",
		Family:                      "ecs.g8i",
		CPUCores:                    8,
		MemoryGiB:                   32,
		EniQuantity:                 4,
		EniTotalQuantity:            4,
		EniPrivateIpAddressQuantity: 15,
		EniIpv6AddressQuantity:      15,
		MaximumQueueNumberPerEni:    8,
		PrimaryEniQueueNumber:       8,
		SecondaryEniQueueNumber:     8,
		TotalEniQueueQuantity:       32,
		EniTrunkSupported:           false,
		NetworkCardQuantity:         1,
		EriQuantity:                 1,
	},
	// "General-purpose instance families", section g8i.
	{
		ID:                          "ecs.g8i.4xlarge",
		Family:                      "ecs.g8i",
		CPUCores:                    16,
		MemoryGiB:                   64,
		EniQuantity:                 8,
		EniTotalQuantity:            8,
		EniPrivateIpAddressQuantity: 30,
		EniIpv6AddressQuantity:      30,
		MaximumQueueNumberPerEni:    16,
		PrimaryEniQueueNumber:       16,
		SecondaryEniQueueNumber:     16,
		TotalEniQueueQuantity:       128,
		EniTrunkSupported:           false,
		NetworkCardQuantity:         1,
		EriQuantity:                 1,
	},

	// "Compute-optimized instance families", section c7.
	{
		ID:                          "ecs.c7.large",
		Family:                      "ecs.c7",
		CPUCores:                    2,
		MemoryGiB:                   4,
		EniQuantity:                 3,
		EniTotalQuantity:            3,
		EniPrivateIpAddressQuantity: 6,
		EniIpv6AddressQuantity:      6,
		MaximumQueueNumberPerEni:    2,
		PrimaryEniQueueNumber:       2,
		SecondaryEniQueueNumber:     2,
		TotalEniQueueQuantity:       6,
		EniTrunkSupported:           false,
		NetworkCardQuantity:         1,
		EriQuantity:                 0,
	},
	// "Compute-optimized instance families", section c7.
	{
		ID:                          "ecs.c7.xlarge",
		Family:                      "ecs.c7",
		CPUCores:                    4,
		MemoryGiB:                   8,
		EniQuantity:                 4,
		EniTotalQuantity:            4,
		EniPrivateIpAddressQuantity: 15,
		EniIpv6AddressQuantity:      15,
		MaximumQueueNumberPerEni:    4,
		PrimaryEniQueueNumber:       4,
		SecondaryEniQueueNumber:     4,
		TotalEniQueueQuantity:       16,
		EniTrunkSupported:           false,
		NetworkCardQuantity:         1,
		EriQuantity:                 0,
	},
	// "Compute-optimized instance families", section c7.
	{
		ID:                          "ecs.c7.2xlarge",
		Family:                      "ecs.c7",
		CPUCores:                    8,
		MemoryGiB:                   16,
		EniQuantity:                 4,
		EniTotalQuantity:            4,
		EniPrivateIpAddressQuantity: 15,
		EniIpv6AddressQuantity:      15,
		MaximumQueueNumberPerEni:    8,
		PrimaryEniQueueNumber:       8,
		SecondaryEniQueueNumber:     8,
		TotalEniQueueQuantity:       32,
		EniTrunkSupported:           false,
		NetworkCardQuantity:         1,
		EriQuantity:                 0,
	},

	// "Memory-optimized instance families", section r7.
	{
		ID:                          "ecs.r7.large",
		Family:                      "ecs.r7",
		CPUCores:                    2,
		MemoryGiB:                   16,
		EniQuantity:                 3,
		EniTotalQuantity:            3,
		EniPrivateIpAddressQuantity: 6,
		EniIpv6AddressQuantity:      6,
		MaximumQueueNumberPerEni:    2,
		PrimaryEniQueueNumber:       2,
		SecondaryEniQueueNumber:     2,
		TotalEniQueueQuantity:       6,
		EniTrunkSupported:           false,
		NetworkCardQuantity:         1,
		EriQuantity:                 0,
	},
	// "Memory-optimized instance families", section r7.
	{
		ID:                          "ecs.r7.xlarge",
		Family:                      "ecs.r7",
		CPUCores:                    4,
		MemoryGiB:                   32,
		EniQuantity:                 4,
		EniTotalQuantity:            4,
		EniPrivateIpAddressQuantity: 15,
		EniIpv6AddressQuantity:      15,
		MaximumQueueNumberPerEni:    4,
		PrimaryEniQueueNumber:       4,
		SecondaryEniQueueNumber:     4,
		TotalEniQueueQuantity:       16,
		EniTrunkSupported:           false,
		NetworkCardQuantity:         1,
		EriQuantity:                 0,
	},

	// "Shared instance families", section xn4 (the page lists no IPv6
	// column for it). EniIpv6AddressQuantity is 0 because the IPv6 guide
	// "为ECS实例实现IPv6通信" (IPv6 communication for ECS instances),
	// section Limits, lists xn4 among the families without IPv6.
	{
		ID:                          "ecs.xn4.small",
		Family:                      "ecs.xn4",
		CPUCores:                    1,
		MemoryGiB:                   1,
		EniQuantity:                 2,
		EniTotalQuantity:            2,
		EniPrivateIpAddressQuantity: 2,
		EniIpv6AddressQuantity:      0,
		MaximumQueueNumberPerEni:    1,
		PrimaryEniQueueNumber:       1,
		SecondaryEniQueueNumber:     1,
		TotalEniQueueQuantity:       2,
		EniTrunkSupported:           false,
		NetworkCardQuantity:         1,
		EriQuantity:                 0,
	},
}
