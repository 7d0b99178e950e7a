package fakeecs

import (
	"maps"
	"slices"
)

// InstanceType is an ECS instance type with the network limits that
// DescribeInstanceTypes reports for it. The fake enforces them when ENIs
// are attached to an instance of the type and when addresses are assigned
// to an attached ENI.
type InstanceType struct {
	// ID is the type's name, such as "ecs.g7.large".
	ID string `json:"id"`
	// Family is the type's family, such as "ecs.g7".
	Family    string  `json:"family"`
	CPUCores  int     `json:"cpuCores"`
	MemoryGiB float64 `json:"memoryGiB"`
	// EniQuantity is how many ENIs an instance holds, its primary ENI
	// included.
	EniQuantity int `json:"eniQuantity"`
	// EniTotalQuantity is how many ENIs an instance holds counting the
	// member ENIs of a trunk ENI.
	EniTotalQuantity int `json:"eniTotalQuantity"`
	// EniPrivateIpAddressQuantity is how many IPv4 addresses one ENI
	// holds, its primary address included.
	EniPrivateIpAddressQuantity int `json:"eniPrivateIpAddressQuantity"`
	// EniIpv6AddressQuantity is how many IPv6 addresses one ENI holds.
	EniIpv6AddressQuantity int `json:"eniIpv6AddressQuantity"`
	// MaximumQueueNumberPerEni is the most queues one ENI may have.
	MaximumQueueNumberPerEni int `json:"maximumQueueNumberPerEni"`
	// PrimaryEniQueueNumber and SecondaryEniQueueNumber are the default
	// queue numbers of the primary ENI and of a secondary ENI.
	PrimaryEniQueueNumber   int `json:"primaryEniQueueNumber"`
	SecondaryEniQueueNumber int `json:"secondaryEniQueueNumber"`
	// TotalEniQueueQuantity is the most queues all ENIs of an instance
	// may have together.
	TotalEniQueueQuantity int `json:"totalEniQueueQuantity"`
	// EniTrunkSupported says whether a trunk ENI may be attached.
	EniTrunkSupported bool `json:"eniTrunkSupported"`
	// NetworkCardQuantity is the number of physical network cards.
	NetworkCardQuantity int `json:"networkCardQuantity"`
	// EriQuantity is how many elastic RDMA interfaces (ENIs in the
	// HighPerformance traffic mode) an instance holds; zero means the
	// type does not support them.
	EriQuantity int `json:"eriQuantity"`
}

// InstanceTypes returns the fake's catalogue of instance types, sorted by
// ID: the built-in real types and those the world adds.
func (f *Fake) InstanceTypes() []InstanceType {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]InstanceType, 0, len(f.types))
	for _, id := range slices.Sorted(maps.Keys(f.types)) {
		out = append(out, *f.types[id])
	}
	return out
}
