package fakeecs

import (
	"maps"
	"slices"
	"strings"
)

// describeZonesRequest is DescribeZones' request.
type describeZonesRequest struct {
	RegionID           string `rpc:"RegionId"`
	AcceptLanguage     string
	InstanceChargeType string
	SpotStrategy       string
	// Verbose, true when left out, asks for the lists of what the zone
	// offers.
	Verbose *bool
}

// describeZonesAnswer is DescribeZones' answer.
type describeZonesAnswer struct {
	meta
	Zones struct{ Zone []zoneView }
}

// zoneView is what DescribeZones says of a zone. The lists are left out
// when the request sets Verbose to false.
type zoneView struct {
	ZoneId                    string
	LocalName                 string
	ZoneType                  string
	AvailableResourceCreation *resourceTypesView `json:",omitempty"`
	AvailableInstanceTypes    *instanceTypesView `json:",omitempty"`
}

type resourceTypesView struct{ ResourceTypes []string }

type instanceTypesView struct{ InstanceTypes []string }

// zoneResources are the resources a zone of the fake offers to create:
// the kinds the fake models.
var zoneResources = []string{"Instance", "VSwitch"}

// describeZones serves DescribeZones: the zones of the region ordered by
// ID, each offering every type of the catalogue.
func (f *Fake) describeZones(q *describeZonesRequest) (
	*describeZonesAnswer, *Error) {
	r, err := f.region(q.RegionID)
	if err != nil {
		return nil, err
	}
	if err := q.check(); err != nil {
		return nil, err
	}

	types := slices.Sorted(maps.Keys(f.types))
	a := &describeZonesAnswer{}
	a.Zones.Zone = mapList(slices.Sorted(slices.Values(r.Zones)),
		func(id string) zoneView {
			v := zoneView{ZoneId: id, LocalName: zoneName(r.ID, id),
				ZoneType: "AvailabilityZone"}
			if q.Verbose == nil || *q.Verbose {
				v.AvailableResourceCreation = &resourceTypesView{
					slices.Clone(zoneResources)}
				v.AvailableInstanceTypes = &instanceTypesView{
					slices.Clone(types)}
			}
			return v
		})
	return a, nil
}

// check checks the values of the request's options.
func (q *describeZonesRequest) check() *Error {
	if err := checkLanguage(q.AcceptLanguage); err != nil {
		return err
	}
	charges := []string{"", "PrePaid", "Prepaid", "PostPaid"}
	if !slices.Contains(charges, q.InstanceChargeType) {
		return invalid("InstanceChargeType")
	}
	spots := []string{"", "NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo"}
	if !slices.Contains(spots, q.SpotStrategy) {
		return invalid("SpotStrategy")
	}
	return nil
}

// zoneName returns the LocalName of a zone, as the service writes it
// ("Hangzhou Zone B" in the examples of the VPC SDK's DescribeZones): the
// city of a region the fake knows and the zone's letter, else the zone's
// ID.
func zoneName(region, zone string) string {
	p, ok := places[region]
	letter, ok2 := strings.CutPrefix(zone, region+"-")
	if !ok || !ok2 || letter == "" {
		return zone
	}
	return p.city + " Zone " + strings.ToUpper(letter)
}
