package fakeecs

import (
	"maps"
	"slices"
)

// describeRegionsRequest is DescribeRegions' request. The action takes no
// RegionId.
type describeRegionsRequest struct {
	AcceptLanguage     string
	InstanceChargeType string
	ResourceType       string
}

// describeRegionsAnswer is DescribeRegions' answer.
type describeRegionsAnswer struct {
	meta
	Regions struct{ Region []regionView }
}

// regionView is what DescribeRegions says of a region.
type regionView struct {
	RegionId       string
	LocalName      string
	RegionEndpoint string
	Status         string
}

// describeRegions serves DescribeRegions: every region of the world,
// ordered by ID, whatever the billing method or resource type asked
// about, since the fake offers everything everywhere.
func (f *Fake) describeRegions(q *describeRegionsRequest) (
	*describeRegionsAnswer, *Error) {
	if err := checkLanguage(q.AcceptLanguage); err != nil {
		return nil, err
	}
	charges := []string{"", "PrePaid", "PostPaid", "SpotWithPriceLimit",
		"SpotAsPriceGo"}
	if !slices.Contains(charges, q.InstanceChargeType) {
		return nil, invalid("InstanceChargeType")
	}
	types := []string{"", "instance", "disk", "reservedinstance", "scu"}
	if !slices.Contains(types, q.ResourceType) {
		return nil, invalid("ResourceType")
	}

	a := &describeRegionsAnswer{}
	a.Regions.Region = mapList(slices.Sorted(maps.Keys(f.regions)),
		func(id string) regionView {
			return regionView{RegionId: id, LocalName: regionName(id),
				RegionEndpoint: "ecs." + id + ".aliyuncs.com",
				Status:         "available"}
		})
	return a, nil
}

// checkLanguage checks AcceptLanguage against the languages the reference
// lists (DescribeRegions and DescribeZones, AcceptLanguage). The fake
// answers in English whichever is asked for.
func checkLanguage(s string) *Error {
	langs := []string{"", "zh-CN", "zh_TW", "en-US", "ja", "fr", "de", "ko"}
	if !slices.Contains(langs, s) {
		return invalid("AcceptLanguage")
	}
	return nil
}

// place is the English name of a region and of the city its zones are
// named after.
type place struct {
	name string
	city string
}

// places are the English names of the regions whose ID prefixes the fake
// knows, as the service writes them ("China (Qingdao)" in the examples
// of the VPC SDK's DescribeRegions).
var places = map[string]place{
	"cn-hangzhou":    {"China (Hangzhou)", "Hangzhou"},
	"cn-shanghai":    {"China (Shanghai)", "Shanghai"},
	"cn-beijing":     {"China (Beijing)", "Beijing"},
	"cn-shenzhen":    {"China (Shenzhen)", "Shenzhen"},
	"cn-qingdao":     {"China (Qingdao)", "Qingdao"},
	"cn-zhangjiakou": {"China (Zhangjiakou)", "Zhangjiakou"},
	"cn-huhehaote":   {"China (Hohhot)", "Hohhot"},
	"cn-hongkong":    {"China (Hong Kong)", "Hong Kong"},
	"ap-southeast-1": {"Singapore", "Singapore"},
	"ap-northeast-1": {"Japan (Tokyo)", "Tokyo"},
	"us-west-1":      {"US (Silicon Valley)", "Silicon Valley"},
	"us-east-1":      {"US (Virginia)", "Virginia"},
	"eu-central-1":   {"Germany (Frankfurt)", "Frankfurt"},
}

// regionName returns the LocalName of a region: its English name, or its
// ID for a region the fake does not know.
func regionName(id string) string {
	if p, ok := places[id]; ok {
		return p.name
	}
	return id
}
