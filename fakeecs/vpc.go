package fakeecs

import (
	"maps"
	"slices"
	"strconv"
	"strings"
)

// The VPC API's DescribeVSwitches and DescribeVpcs (version 2016-04-28),
// which ENI code calls to pick a vSwitch by its free addresses. They are
// served from the fake's world.

// describeVSwitchesRequest is the VPC API's DescribeVSwitches request.
type describeVSwitchesRequest struct {
	RegionID        string `rpc:"RegionId"`
	VpcID           string `rpc:"VpcId"`
	VSwitchID       string `rpc:"VSwitchId"`
	ZoneID          string `rpc:"ZoneId"`
	VSwitchName     string
	ResourceGroupID string `rpc:"ResourceGroupId"`
	IsDefault       *bool
	EnableIpv6      *bool
	PageNumber      *int32
	PageSize        *int32
}

// describeVSwitchesAnswer is the VPC API's DescribeVSwitches answer.
type describeVSwitchesAnswer struct {
	meta
	pageInfo
	VSwitches struct{ VSwitch []vswitchView }
}

type pageInfo struct {
	TotalCount int
	PageNumber int
	PageSize   int
}

// vswitchView is what the VPC API's DescribeVSwitches says of a vSwitch:
// what the ECS API's says, and more.
type vswitchView struct {
	vswitchCore
	Ipv6CidrBlock string `json:",omitempty"`
	EnabledIpv6   bool
	OwnerId       int64
	Tags          struct{ Tag []vpcTagView }
}

// vswitchCore is what both APIs' DescribeVSwitches say of a vSwitch.
type vswitchCore struct {
	VSwitchId               string
	VpcId                   string
	ZoneId                  string
	CidrBlock               string
	AvailableIpAddressCount int64
	Status                  string
	IsDefault               bool
	VSwitchName             string
	Description             string
	CreationTime            string
	ResourceGroupId         string
}

type vpcTagView struct {
	Key   string
	Value string
}

// vpcMaxPageSize is the VPC API's largest page (PageSize 1 to 50, default
// 10).
const vpcMaxPageSize = 50

// describeVSwitches serves the VPC API's DescribeVSwitches: the vSwitches
// of the region that match every filter, ordered by ID, one page of them.
func (f *Fake) describeVSwitches(q *describeVSwitchesRequest) (
	*describeVSwitchesAnswer, *Error) {
	page, info, err := f.findVSwitches(q)
	if err != nil {
		return nil, err
	}

	a := &describeVSwitchesAnswer{pageInfo: info}
	a.VSwitches.VSwitch = mapList(page, f.vswitchView)
	return a, nil
}

// findVSwitches serves a DescribeVSwitches query of either API: it
// returns the page of the vSwitches of the region that match every
// filter, ordered by ID, and the answer's paging.
func (f *Fake) findVSwitches(q *describeVSwitchesRequest) (
	[]*vswitchState, pageInfo, *Error) {
	r, err := f.region(q.RegionID)
	if err != nil {
		return nil, pageInfo{}, err
	}
	number, size, err := vpcPaging(q.PageNumber, q.PageSize)
	if err != nil {
		return nil, pageInfo{}, err
	}

	var all []*vswitchState
	for _, id := range slices.Sorted(maps.Keys(f.vswitches)) {
		s := f.vswitches[id]
		if s.region == r.ID && q.matches(s, f.defaultRG) {
			all = append(all, s)
		}
	}
	return pageOf(all, number, size), pageInfo{len(all), number, size}, nil
}

func (q *describeVSwitchesRequest) matches(s *vswitchState,
	rg string) bool {
	return eq(q.VpcID, s.VPC) && eq(q.VSwitchID, s.ID) &&
		eq(q.ZoneID, s.Zone) && eq(q.VSwitchName, s.Name) &&
		eq(q.ResourceGroupID, rg) &&
		(q.IsDefault == nil || !*q.IsDefault)
}

func (f *Fake) vswitchView(s *vswitchState) vswitchView {
	v := vswitchView{
		vswitchCore: f.vswitchCore(s),
		EnabledIpv6: s.v6 != nil,
		OwnerId:     f.ownerID(),
	}
	if s.v6 != nil {
		v.Ipv6CidrBlock = s.IPv6CIDR.String()
	}
	v.Tags.Tag = []vpcTagView{}
	return v
}

func (f *Fake) vswitchCore(s *vswitchState) vswitchCore {
	return vswitchCore{
		VSwitchId:               s.ID,
		VpcId:                   s.VPC,
		ZoneId:                  s.Zone,
		CidrBlock:               s.CIDR.String(),
		AvailableIpAddressCount: int64(s.v4.Available()),
		Status:                  string(s.Status),
		VSwitchName:             s.Name,
		CreationTime:            f.cfg.start.Format(timeFormat),
		ResourceGroupId:         f.defaultRG,
	}
}

// describeVpcsRequest is the VPC API's DescribeVpcs request.
type describeVpcsRequest struct {
	RegionID string `rpc:"RegionId"`
	// VpcID holds up to 20 VPC IDs separated by commas.
	VpcID           string `rpc:"VpcId"`
	VpcName         string
	ResourceGroupID string `rpc:"ResourceGroupId"`
	IsDefault       *bool
	PageNumber      *int32
	PageSize        *int32
}

// describeVpcsAnswer is the VPC API's DescribeVpcs answer.
type describeVpcsAnswer struct {
	meta
	pageInfo
	Vpcs struct{ Vpc []vpcView }
}

// vpcView is what the VPC API's DescribeVpcs says of a VPC: what the ECS
// API's says, and more.
type vpcView struct {
	vpcCore
	Ipv6CidrBlock   string `json:",omitempty"`
	EnabledIpv6     bool
	ResourceGroupId string
	OwnerId         int64
	Tags            struct{ Tag []vpcTagView }
}

// vpcCore is what both APIs' DescribeVpcs say of a VPC.
type vpcCore struct {
	VpcId        string
	VpcName      string
	RegionId     string
	CidrBlock    string
	Status       string
	IsDefault    bool
	Description  string
	CreationTime string
	VSwitchIds   struct{ VSwitchId []string }
	UserCidrs    struct{ UserCidr []string }
}

// describeVpcs serves the VPC API's DescribeVpcs: the VPCs of the region
// that match every filter, ordered by ID, one page of them.
func (f *Fake) describeVpcs(q *describeVpcsRequest) (
	*describeVpcsAnswer, *Error) {
	page, info, err := f.findVpcs(q)
	if err != nil {
		return nil, err
	}

	a := &describeVpcsAnswer{pageInfo: info}
	a.Vpcs.Vpc = mapList(page, f.vpcView)
	return a, nil
}

// findVpcs serves a DescribeVpcs query of either API: it returns the page
// of the VPCs of the region that match every filter, ordered by ID, and
// the answer's paging.
func (f *Fake) findVpcs(q *describeVpcsRequest) ([]VPC, pageInfo, *Error) {
	r, err := f.region(q.RegionID)
	if err != nil {
		return nil, pageInfo{}, err
	}
	number, size, err := vpcPaging(q.PageNumber, q.PageSize)
	if err != nil {
		return nil, pageInfo{}, err
	}
	ids := splitIDs(q.VpcID)
	if len(ids) > 20 {
		return nil, pageInfo{}, invalid("VpcId")
	}

	var all []VPC
	for _, id := range slices.Sorted(maps.Keys(f.vpcs)) {
		v := f.vpcs[id]
		if v.Region == r.ID && q.matches(v, ids, f.defaultRG) {
			all = append(all, v)
		}
	}
	return pageOf(all, number, size), pageInfo{len(all), number, size}, nil
}

func (q *describeVpcsRequest) matches(v VPC, ids []string, rg string) bool {
	return in(ids, v.ID) && eq(q.VpcName, v.Name) &&
		eq(q.ResourceGroupID, rg) && (q.IsDefault == nil || !*q.IsDefault)
}

func (f *Fake) vpcView(v VPC) vpcView {
	out := vpcView{
		vpcCore:         f.vpcCore(v),
		EnabledIpv6:     v.IPv6CIDR.IsValid(),
		ResourceGroupId: f.defaultRG,
		OwnerId:         f.ownerID(),
	}
	if v.IPv6CIDR.IsValid() {
		out.Ipv6CidrBlock = v.IPv6CIDR.String()
	}
	out.Tags.Tag = []vpcTagView{}
	return out
}

func (f *Fake) vpcCore(v VPC) vpcCore {
	out := vpcCore{
		VpcId:        v.ID,
		VpcName:      v.Name,
		RegionId:     v.Region,
		CidrBlock:    v.CIDR.String(),
		Status:       "Available",
		CreationTime: f.cfg.start.Format(timeFormat),
	}
	out.VSwitchIds.VSwitchId = []string{}
	for _, id := range slices.Sorted(maps.Keys(f.vswitches)) {
		if f.vswitches[id].VPC == v.ID {
			out.VSwitchIds.VSwitchId = append(out.VSwitchIds.VSwitchId, id)
		}
	}
	out.UserCidrs.UserCidr = []string{}
	return out
}

// vpcPaging reads the VPC API's PageNumber (from 1, default 1) and
// PageSize (1 to 50, default 10).
func vpcPaging(number, size *int32) (int, int, *Error) {
	n, s := 1, defaultPerPage
	if number != nil {
		if *number < 1 {
			return 0, 0, invalid("PageNumber")
		}
		n = int(*number)
	}
	if size != nil {
		if *size < 1 || *size > vpcMaxPageSize {
			return 0, 0, invalid("PageSize")
		}
		s = int(*size)
	}
	return n, s, nil
}

// pageOf returns page number of the given size of all, never nil.
func pageOf[T any](all []T, number, size int) []T {
	start := min((number-1)*size, len(all))
	end := min(start+size, len(all))
	return append([]T{}, all[start:end]...)
}

// splitIDs splits a comma-separated list of IDs, dropping empty ones.
func splitIDs(s string) []string {
	var out []string
	for _, id := range strings.Split(s, ",") {
		if id = strings.TrimSpace(id); id != "" {
			out = append(out, id)
		}
	}
	return out
}

// ownerID is the account ID as the VPC API writes it, a number.
func (f *Fake) ownerID() int64 {
	n, _ := strconv.ParseInt(f.cfg.ownerID, 10, 64)
	return n
}
