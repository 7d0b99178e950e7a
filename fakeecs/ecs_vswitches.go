package fakeecs

// The ECS API's own DescribeVSwitches (version 2014-05-26), deprecated in
// favour of the VPC API's, which older ENI code still calls. It filters
// and pages as the VPC API's does, and answers a subset of its fields.

// ecsVSwitchesRequest is the ECS API's DescribeVSwitches request.
type ecsVSwitchesRequest struct {
	RegionID   string `rpc:"RegionId"`
	VpcID      string `rpc:"VpcId"`
	VSwitchID  string `rpc:"VSwitchId"`
	ZoneID     string `rpc:"ZoneId"`
	IsDefault  *bool
	PageNumber *int32
	PageSize   *int32
}

// ecsVSwitchesAnswer is the ECS API's DescribeVSwitches answer.
type ecsVSwitchesAnswer struct {
	meta
	pageInfo
	VSwitches struct{ VSwitch []vswitchCore }
}

// describeVSwitchesECS serves the ECS API's DescribeVSwitches: the
// vSwitches of the region that match every filter, ordered by ID, one
// page of them.
func (f *Fake) describeVSwitchesECS(q *ecsVSwitchesRequest) (
	*ecsVSwitchesAnswer, *Error) {
	page, info, err := f.findVSwitches(&describeVSwitchesRequest{
		RegionID: q.RegionID, VpcID: q.VpcID, VSwitchID: q.VSwitchID,
		ZoneID: q.ZoneID, IsDefault: q.IsDefault,
		PageNumber: q.PageNumber, PageSize: q.PageSize,
	})
	if err != nil {
		return nil, err
	}

	a := &ecsVSwitchesAnswer{pageInfo: info}
	a.VSwitches.VSwitch = mapList(page, f.vswitchCore)
	return a, nil
}
