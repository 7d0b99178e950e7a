package fakeecs

// The ECS API's own DescribeVpcs (version 2014-05-26), deprecated in
// favour of the VPC API's. It filters and pages as the VPC API's does,
// and answers a subset of its fields.

// ecsVpcsRequest is the ECS API's DescribeVpcs request.
type ecsVpcsRequest struct {
	RegionID   string `rpc:"RegionId"`
	VpcID      string `rpc:"VpcId"`
	IsDefault  *bool
	PageNumber *int32
	PageSize   *int32
}

// ecsVpcsAnswer is the ECS API's DescribeVpcs answer.
type ecsVpcsAnswer struct {
	meta
	pageInfo
	Vpcs struct{ Vpc []vpcCore }
}

// describeVpcsECS serves the ECS API's DescribeVpcs: the VPCs of the
// region that match every filter, ordered by ID, one page of them.
func (f *Fake) describeVpcsECS(q *ecsVpcsRequest) (*ecsVpcsAnswer, *Error) {
	page, info, err := f.findVpcs(&describeVpcsRequest{
		RegionID: q.RegionID, VpcID: q.VpcID, IsDefault: q.IsDefault,
		PageNumber: q.PageNumber, PageSize: q.PageSize,
	})
	if err != nil {
		return nil, err
	}

	a := &ecsVpcsAnswer{pageInfo: info}
	a.Vpcs.Vpc = mapList(page, f.vpcCore)
	return a, nil
}
