package fakeecs

import (
	"maps"
	"math"
	"slices"
	"strconv"
)

// describeInstanceTypesRequest is DescribeInstanceTypes' request. The
// action takes no RegionId: the catalogue is the same everywhere.
type describeInstanceTypesRequest struct {
	InstanceTypes        []string
	InstanceTypeFamily   string
	InstanceTypeFamilies []string
	MinimumCpuCoreCount  *int32
	MaximumCpuCoreCount  *int32
	// MinimumMemorySize and MaximumMemorySize are GiB, as decimal
	// numbers, which the codec carries as text.
	MinimumMemorySize                  string
	MaximumMemorySize                  string
	MinimumEniQuantity                 *int32
	MinimumEniPrivateIpAddressQuantity *int32
	MinimumEniIpv6AddressQuantity      *int32
	MinimumEriQuantity                 *int32
	MinimumPrimaryEniQueueNumber       *int32
	MinimumSecondaryEniQueueNumber     *int32

	NextToken  string
	MaxResults *int64

	// Filters on what the catalogue does not record.
	AdditionalAttributes        []string `fake:"unsupported"`
	CpuArchitecture             string   `fake:"unsupported"`
	CpuArchitectures            []string `fake:"unsupported"`
	GPUSpec                     string   `fake:"unsupported"`
	GpuSpecs                    []string `fake:"unsupported"`
	InstanceCategories          []string `fake:"unsupported"`
	InstanceCategory            string   `fake:"unsupported"`
	InstanceFamilyLevel         string   `fake:"unsupported"`
	LocalStorageCategories      []string `fake:"unsupported"`
	LocalStorageCategory        string   `fake:"unsupported"`
	MaximumCpuSpeedFrequency    string   `fake:"unsupported"`
	MaximumCpuTurboFrequency    string   `fake:"unsupported"`
	MaximumGPUAmount            *int32   `fake:"unsupported"`
	MinimumBaselineCredit       *int32   `fake:"unsupported"`
	MinimumCpuSpeedFrequency    string   `fake:"unsupported"`
	MinimumCpuTurboFrequency    string   `fake:"unsupported"`
	MinimumDiskQuantity         *int32   `fake:"unsupported"`
	MinimumGPUAmount            *int32   `fake:"unsupported"`
	MinimumInitialCredit        *int32   `fake:"unsupported"`
	MinimumInstanceBandwidthRx  *int32   `fake:"unsupported"`
	MinimumInstanceBandwidthTx  *int32   `fake:"unsupported"`
	MinimumInstancePpsRx        *int64   `fake:"unsupported"`
	MinimumInstancePpsTx        *int64   `fake:"unsupported"`
	MinimumLocalStorageAmount   *int32   `fake:"unsupported"`
	MinimumLocalStorageCapacity *int64   `fake:"unsupported"`
	MinimumQueuePairNumber      *int32   `fake:"unsupported"`
	NvmeSupport                 string   `fake:"unsupported"`
	PhysicalProcessorModel      string   `fake:"unsupported"`
	PhysicalProcessorModels     []string `fake:"unsupported"`

	// Parsed from the memory sizes by parseMemory; nil when not given.
	minMemory, maxMemory *float64
}

// describeInstanceTypesAnswer is DescribeInstanceTypes' answer.
type describeInstanceTypesAnswer struct {
	meta
	NextToken     string
	InstanceTypes struct{ InstanceType []instanceTypeView }
}

// instanceTypeView is what DescribeInstanceTypes says of a type: the
// fields the catalogue records.
type instanceTypeView struct {
	InstanceTypeId              string
	InstanceTypeFamily          string
	CpuCoreCount                int
	MemorySize                  float64
	EniQuantity                 int
	EniTotalQuantity            int
	EniPrivateIpAddressQuantity int
	EniIpv6AddressQuantity      int
	MaximumQueueNumberPerEni    int
	PrimaryEniQueueNumber       int
	SecondaryEniQueueNumber     int
	TotalEniQueueQuantity       int
	EniTrunkSupported           bool
	NetworkCardQuantity         int
	NetworkCards                struct{ NetworkCardInfo []networkCardView }
	EriQuantity                 int
}

type networkCardView struct{ NetworkCardIndex int }

// The bounds of DescribeInstanceTypes: InstanceTypes.N and
// InstanceTypeFamilies.N take 1 to 10 values. MaxResults is documented as
// 1 to 1600 in the request's field, but as at most 100 since 2023-11-15 in
// the action's description, which says a call without NextToken answers
// at most 100 types: the fake takes 100 as both the largest and the
// default page.
const (
	typeMaxFilters = 10
	typeMaxResults = 100
)

// describeInstanceTypes serves DescribeInstanceTypes: the types of the
// catalogue that match every filter, ordered by ID, one page of them.
func (f *Fake) describeInstanceTypes(q *describeInstanceTypesRequest) (
	*describeInstanceTypesAnswer, *Error) {
	if err := q.check(); err != nil {
		return nil, err
	}

	var all []*InstanceType
	for _, id := range slices.Sorted(maps.Keys(f.types)) {
		if t := f.types[id]; q.matches(t) {
			all = append(all, t)
		}
	}
	key := func(t *InstanceType) string { return t.ID }
	size := typeMaxResults
	if q.MaxResults != nil {
		size = int(min(*q.MaxResults, typeMaxResults))
	}
	page, p, err := pageByToken(all, key, q.NextToken, size, q.filters())
	if err != nil {
		return nil, err
	}
	a := &describeInstanceTypesAnswer{NextToken: *p.NextToken}
	a.InstanceTypes.InstanceType = mapList(page, instanceTypeViewOf)
	return a, nil
}

// check runs the request's own rules in order.
func (q *describeInstanceTypesRequest) check() *Error {
	checks := []func() *Error{
		func() *Error { return unsupported(q) },
		q.checkLists,
		q.checkCounts,
		q.parseMemory,
	}
	for _, c := range checks {
		if err := c(); err != nil {
			return err
		}
	}
	if m := q.MaxResults; m != nil && *m < 1 {
		return invalid("MaxResults")
	}
	return nil
}

func (q *describeInstanceTypesRequest) checkLists() *Error {
	if len(q.InstanceTypes) > typeMaxFilters {
		return invalid("InstanceTypes")
	}
	if len(q.InstanceTypeFamilies) > typeMaxFilters {
		return invalid("InstanceTypeFamilies")
	}
	return nil
}

// checkCounts refuses negative counts, and CPU counts below one, which
// the reference asks to be positive.
func (q *describeInstanceTypesRequest) checkCounts() *Error {
	counts := []struct {
		name  string
		v     *int32
		least int32
	}{
		{"MinimumCpuCoreCount", q.MinimumCpuCoreCount, 1},
		{"MaximumCpuCoreCount", q.MaximumCpuCoreCount, 1},
		{"MinimumEniQuantity", q.MinimumEniQuantity, 0},
		{"MinimumEniPrivateIpAddressQuantity",
			q.MinimumEniPrivateIpAddressQuantity, 0},
		{"MinimumEniIpv6AddressQuantity", q.MinimumEniIpv6AddressQuantity, 0},
		{"MinimumEriQuantity", q.MinimumEriQuantity, 0},
		{"MinimumPrimaryEniQueueNumber", q.MinimumPrimaryEniQueueNumber, 0},
		{"MinimumSecondaryEniQueueNumber",
			q.MinimumSecondaryEniQueueNumber, 0},
	}
	for _, c := range counts {
		if c.v != nil && *c.v < c.least {
			return invalid(c.name)
		}
	}
	return nil
}

// parseMemory reads the memory sizes.
func (q *describeInstanceTypesRequest) parseMemory() *Error {
	var err *Error
	if q.minMemory, err = parseGiB("MinimumMemorySize",
		q.MinimumMemorySize); err != nil {
		return err
	}
	q.maxMemory, err = parseGiB("MaximumMemorySize", q.MaximumMemorySize)
	return err
}

// parseGiB reads a memory size: a decimal number of GiB, not negative.
// Empty means none.
func parseGiB(name, s string) (*float64, *Error) {
	if s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(s, 32)
	if err != nil || math.IsInf(v, 0) || !(v >= 0) {
		return nil, apiErr("InvalidParameter", "The specified parameter "+
			"%q is not valid: %q is not a number of GiB.", name, s)
	}
	return &v, nil
}

// matches reports whether t passes every filter of the request.
func (q *describeInstanceTypesRequest) matches(t *InstanceType) bool {
	return in(q.InstanceTypes, t.ID) && eq(q.InstanceTypeFamily, t.Family) &&
		in(q.InstanceTypeFamilies, t.Family) &&
		atLeast(t.CPUCores, q.MinimumCpuCoreCount) &&
		(q.MaximumCpuCoreCount == nil ||
			t.CPUCores <= int(*q.MaximumCpuCoreCount)) &&
		(q.minMemory == nil || t.MemoryGiB >= *q.minMemory) &&
		(q.maxMemory == nil || t.MemoryGiB <= *q.maxMemory) &&
		atLeast(t.EniQuantity, q.MinimumEniQuantity) &&
		atLeast(t.EniPrivateIpAddressQuantity,
			q.MinimumEniPrivateIpAddressQuantity) &&
		atLeast(t.EniIpv6AddressQuantity, q.MinimumEniIpv6AddressQuantity) &&
		atLeast(t.EriQuantity, q.MinimumEriQuantity) &&
		atLeast(t.PrimaryEniQueueNumber, q.MinimumPrimaryEniQueueNumber) &&
		atLeast(t.SecondaryEniQueueNumber, q.MinimumSecondaryEniQueueNumber)
}

// atLeast holds when no least value is given or v reaches it.
func atLeast(v int, least *int32) bool {
	return least == nil || v >= int(*least)
}

// filters returns the query without its paging, for NextTokens.
func (q *describeInstanceTypesRequest) filters() any {
	c := *q
	c.NextToken, c.MaxResults = "", nil
	return c
}

// instanceTypeViewOf renders what DescribeInstanceTypes says of t.
func instanceTypeViewOf(t *InstanceType) instanceTypeView {
	v := instanceTypeView{
		InstanceTypeId:              t.ID,
		InstanceTypeFamily:          t.Family,
		CpuCoreCount:                t.CPUCores,
		MemorySize:                  t.MemoryGiB,
		EniQuantity:                 t.EniQuantity,
		EniTotalQuantity:            t.EniTotalQuantity,
		EniPrivateIpAddressQuantity: t.EniPrivateIpAddressQuantity,
		EniIpv6AddressQuantity:      t.EniIpv6AddressQuantity,
		MaximumQueueNumberPerEni:    t.MaximumQueueNumberPerEni,
		PrimaryEniQueueNumber:       t.PrimaryEniQueueNumber,
		SecondaryEniQueueNumber:     t.SecondaryEniQueueNumber,
		TotalEniQueueQuantity:       t.TotalEniQueueQuantity,
		EniTrunkSupported:           t.EniTrunkSupported,
		NetworkCardQuantity:         t.NetworkCardQuantity,
		EriQuantity:                 t.EriQuantity,
	}
	v.NetworkCards.NetworkCardInfo = make([]networkCardView,
		max(t.NetworkCardQuantity, 0))
	for i := range v.NetworkCards.NetworkCardInfo {
		v.NetworkCards.NetworkCardInfo[i].NetworkCardIndex = i
	}
	return v
}
