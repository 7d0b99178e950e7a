package fakeecs

import "sort"

// entry is one error code of the catalogue: the HTTP status it travels
// with and the message used when the cause gives none.
type entry struct {
	HTTPStatus int
	Message    string
}

// catalogue holds every error code the fake can answer with. The codes and
// statuses of CreateNetworkInterface come from the error table of its API
// reference page; the message is the table's where it gives one, and the
// table's description where it gives only "%s". The codes after them come
// from the error tables of the other ENI actions and from the service's
// common errors.
var catalogue = map[string]entry{
	// 400, from the CreateNetworkInterface reference page.
	"MissingParameter":     {400, "A parameter is not specified."},
	"UnsupportedParameter": {400, "The parameter is not supported."},
	"InvalidParameter":     {400, "The specified parameter is invalid."},
	"InvalidInstanceID.Malformed": {400,
		"The specified InstanceId parameter is invalid."},
	"InvalidOperation.InvalidEcsState": {400,
		"The operation is not allowed in the current instance state."},
	"InvalidOperation.InvalidEniState": {400,
		"The operation is not allowed in the current ENI state."},
	"InvalidOperation.DetachPrimaryEniNotAllowed": {400,
		"The primary ENI cannot be detached."},
	"Forbidden.RegionId": {400,
		"The service is unavailable in the current region."},
	"Duplicate.TagKey": {400, "The Tag.N.Key contain duplicate key."},
	"InvalidTagKey.Malformed": {400,
		"The specified Tag.n.Key is not valid."},
	"InvalidTagValue.Malformed": {400,
		"The specified Tag.n.Value is not valid."},
	"JoinedGroupLimitExceed": {400, "The maximum number of security " +
		"groups to which the specified resource can be added has been " +
		"reached."},
	"InvalidParameter.SecurityGroupIdRepeated": {400,
		"The specified security group IDs are repeated."},
	"InvalidSecurityGroupId.SingleIdAndMultiIdConflict": {400,
		"SecurityGroupId and SecurityGroupIds.N cannot both be specified."},
	"InvalidParameter.Conflict": {400,
		"The specified parameters conflict with each other."},
	"InvalidConnectionTrackingConfiguration.RegionOrUserNotSupported": {400,
		"The specified parameter ConnectionTrackingConfiguration is not " +
			"supported in this region, or this account is not in the " +
			"whitelist of using network interface " +
			"ConnectionTrackingConfiguration."},
	"InvalidOperation.EniCountExceeded": {400, "The maximum number of " +
		"NICs in the Enterprise Security Group has been reached."},
	"InvalidPrivateIpAddress.Duplicated": {400,
		"The specified private IP address is already in use."},
	"IncorrectVSwitchStatus": {400, "The current status of virtual " +
		"switch does not support this operation."},
	"InvalidEniQueueSize.RegionOrUserNotSupported": {400, "The specified " +
		"parameter \"RxQueueSize\" or \"TxQueueSize\" is not supported in " +
		"this region or this account is not allowed to use ENI QueueSize."},
	"InvalidParameter.EniQueueSize": {400, "The specified parameter " +
		"\"TxQueueSize\" and \"RxQueueSize\" are not equal or the value " +
		"must be 8192 or 16384."},
	"InvalidParameter.EniConnectionTrackingConfiguration": {400,
		"The network connection configuration specified by the network " +
			"card exceeds the allowable range."},
	"QuotaExceeded.PrivateIpAddress": {400,
		"There are not enough private IPs in the specified VSwitch."},

	// 403, from the CreateNetworkInterface reference page.
	"InvalidUserType.NotSupported": {403,
		"Your account does not support this operation."},
	"Abs.InvalidAccount.NotFound": {403, "Your Alibaba Cloud account does " +
		"not exist or your AccessKey pair has expired."},
	"Forbidden.NotSupportRAM": {403,
		"RAM users are not authorized to perform this operation."},
	"Forbidden.SubUser": {403, "You are not authorized to manage this " +
		"resource. Contact the owner of the Alibaba Cloud account for " +
		"authorization."},
	"InValidParameter": {403, "The specified parameter is invalid."},
	"MaxEniCountExceeded": {403, "The maximum number of ENIs that can be " +
		"managed has been reached."},
	"EniPerInstanceLimitExceeded": {403, "The maximum number of ENIs that " +
		"can be attached to the specified instance has been reached."},
	"InvalidOperation.AvailabilityZoneMismatch": {403,
		"The operation is invalid."},
	"InvalidOperation.VpcMismatch": {403, "The operation is invalid. Check " +
		"whether the VPC in the operation corresponds to other parameters."},
	"SecurityGroupInstanceLimitExceed": {403, "The maximum number of " +
		"instances in the security group has been reached."},
	"InvalidSecurityGroupId.NotVpc": {403, "The specified SecurityGroupId " +
		"parameter is invalid and the network type of the security group " +
		"is not VPC."},
	"InvalidOperation.InvalidEniType": {403,
		"The operation is not allowed for the type of the ENI."},
	"InvalidVSwitchId.IpNotEnough": {403, "The number of available IP " +
		"addresses on the specified vSwitch is insufficient."},
	"InvalidVSwitchId.IpInvalid": {403,
		"The specified private IP address is invalid."},
	"QuotaExceed.Tags": {403,
		"The number of specified tags exceeds the upper limit."},
	"InvalidIp.Address":    {403, "The specified IP address is invalid."},
	"InvalidIp.IpRepeated": {403, "The specified IP address already exists."},
	"MaxEniPrivateIpsCountExceeded": {403, "The maximum number of " +
		"secondary private IP addresses that can be assigned to the " +
		"specified ENI has been exceeded."},
	"InvalidOperation.ResourceManagedByCloudProduct": {403,
		"You cannot modify security groups managed by cloud services."},
	"InvalidOperation.TrunkingIsNotAllowed": {403,
		"Trunking is not allowed for the specified instance."},
	"InvalidParameter.InvalidEniQueueNumber": {403,
		"The specified queue number of the ENI is invalid."},
	"InvalidOperation.MaxEniQueueNumberExceeded": {403,
		"The queue number of the ENI exceeds the limit."},
	"InvalidOperation.ExceedInstanceTypeQueueNumber": {403, "The maximum " +
		"number of queues for all ENIs on an instance has been exceeded."},
	"InvalidParameter.EniTrafficMode": {403, "The eni business type not " +
		"support HighPerformance traffic mode."},
	"InvalidOperation.HighPerformanceTrafficModeIsNotAllowed": {403,
		"The HighPerformance traffic mode is not allowed."},
	"InvalidParameter.QueuePairNumberMustEmpty": {403,
		"QueuePairNumber must be empty in the Standard traffic mode."},
	"InvalidParameter.InvalidQueuePairNumber": {403,
		"The specified QueuePairNumber is invalid."},
	"InvalidParams.NetworkInterfaceName": {403,
		"The specified NetworkInterfaceName is invalid."},
	"InvalidIp.IpPrefixIllegal": {403, "The IP address prefix is invalid " +
		"and is not in the CIDR format."},
	"InvalidIp.IpPrefixMustInReserveSegment": {403,
		"The ip prefix must in vswitch reserve segment."},
	"InvalidOperation.Ipv4CountExceeded": {403, "The operation is invalid " +
		"because the maximum number of IPv4 addresses has been reached."},
	"InvalidOperation.Ipv6CountExceeded": {403, "The operation is invalid " +
		"because the maximum number of IPv6 addresses has been reached."},
	"InvalidOperation.HighPerformanceTrafficModeEniUnsupported": {403,
		"High performance traffic mode does not support the current ENI " +
			"type."},
	"AclLimitExceed": {403, "The number of ACL rules for an ENI or " +
		"instance exceeds the upper limit."},
	"InvalidIp.IpPrefixMaskInvalid": {403, "The IP prefix mask is invalid " +
		"and is not in the valid range."},
	"InvalidVSwitchId.IpPrefixNotEnough": {403,
		"The specified VSwitch does not have enough IP prefixes."},
	"InvalidIp.IpPrefixMaskNotSame": {403,
		"The IP prefix mask must be the same."},
	"EnterpriseGroupLimited.MutliGroupType": {403, "The specified " +
		"instance can't associate security group of different types."},
	"InvalidOperation.BoundingEniSlaveQuotaExceed": {403,
		"The number of Slave ENIs exceeds the limit of Bond ENI."},
	"InvalidIp.IpPrefixNotAvailable": {403, "The IP prefix is not available."},
	"InvalidIp.IpPrefixMaskIllegal": {403,
		"The current IP prefix mask is illegal."},
	"InvalidIp.IpPrefixNotStrict": {403,
		"The IP prefix must be strict CIDR format."},
	"InvalidOperation.NotSupport": {403, "The specified region does not " +
		"support allocating IPv6 when creating ENI."},

	// 404, from the CreateNetworkInterface reference page.
	"InvalidEcsId.NotFound": {404,
		"The specified instance ID does not exist."},
	"InvalidEniId.NotFound": {404, "The specified ENI ID does not exist."},
	"InvalidVSwitchId.NotFound": {404,
		"The specified VSwitchId is not found."},
	"InvalidSecurityGroupId.NotFound": {404,
		"The specified security group ID does not exist."},
	"InvalidResourceGroup.NotFound": {404,
		"The ResourceGroup provided does not exist in our records."},
	"InvalidOperation.MaxEniIpv6IpsCountExceeded": {404,
		"The ipv6 address count exceed limitation."},
	"InvalidOperation.VSwitchIpv6Disabled": {404,
		"The specified VSwitch does not support Ipv6 feature."},
	"InvalidOperation.EnableIpv6Failed": {404,
		"The specified VSwitch does not support Ipv6 feature."},
	"InvalidOperation.AddressAlreadyAllocated": {404,
		"The specified IP has already been allocated."},
	"InvalidOperation.AddressNotInVSwitchCidr": {404,
		"The specified ipv6 does not match VSwitch cidr scope."},
	"InvalidOperation.SlaveEniMustHaveBondingEni": {404, "Ensure you " +
		"create the corresponding Bond ENI before creating Slave ENI."},
	"InvalidOperation.EniTrafficModeNotSupportIpv6": {404,
		"The High Performance(RDMA) traffic mode does not support IPv6."},
	"InvalidOperation.VSwitchCidrReservationNotExist": {404,
		"The specified VSwitch does not have CIDR reservation."},

	// 500, from the CreateNetworkInterface reference page.
	"InternalError": {500, "The request processing has failed due to " +
		"some unknown error, exception or failure."},
	"InvalidOperation.RegionNotSupportIpPrefix": {500,
		"The current region does not support IP prefix feature."},

	// From the error tables of the address actions.
	"InvalidIp.IpAssigned": {403,
		"The specified IP address is already assigned."},
	"InvalidIp.IpUnassigned": {403,
		"The specified IP address is not assigned to the ENI."},
	"Operation.Conflict": {403, "The operation conflicts with another " +
		"operation in progress on the resource."},

	// Throttling, which the SDKs read as such, and the service's other
	// transient errors.
	"Throttling": {400, "Request was denied due to request throttling."},
	"Throttling.User": {400,
		"Request was denied due to user flow control."},
	"Throttling.Api": {400, "Request was denied due to api flow control."},
	"ServiceUnavailable": {503, "The request has failed due to a " +
		"temporary failure of the server."},
	// From the v7 SDK's documentation of DescribeInstances and
	// DescribeSecurityGroups (DryRun): a dry run that passes its checks
	// answers this code.
	"DryRunOperation": {400,
		"Request validation has been passed with DryRun flag set."},
	// From the v7 SDK's documentation of ListTagResources (Tag.N.Key: "If
	// you specify only Tag.N.Value, the InvalidParameter.TagValue error
	// is returned"). It names no status; the fake sends 400, the status
	// of the other parameter errors.
	"InvalidParameter.TagValue": {400,
		"The specified Tag.N.Value is given without a Tag.N.Key."},

	// Idempotence (the ECS documentation's "How to ensure idempotence").
	"IdempotentParameterMismatch": {400, "The request uses the same " +
		"client token as a previous, but non-identical request."},
	"IdempotentFailed": {400, "The request with the same client token " +
		"failed and the token cannot be used again."},

	// The service's common errors.
	"InvalidAction.NotFound": {404,
		"Specified api is not found, please check your url and method."},
	"InvalidVersion": {400, "Specified parameter Version is not valid."},
	"UnsupportedHTTPMethod": {400,
		"This http method is not supported."},
	"IncompleteSignature": {400, "The request signature does not " +
		"conform to Aliyun standards."},
	"SignatureDoesNotMatch": {400, "Specified signature is not matched " +
		"with our calculation."},
	"InvalidAccessKeyId.NotFound": {404,
		"Specified access key is not found."},
	"MissingAction": {400, "The input parameter \"Action\" that is " +
		"mandatory for processing this request is not supplied."},
}

// Codes returns every error code the fake can answer with, sorted.
func Codes() []string {
	codes := make([]string, 0, len(catalogue))
	for c := range catalogue {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}

// StatusOf returns the HTTP status that the error code travels with, and
// false when the code is not in the fake's catalogue.
func StatusOf(code string) (int, bool) {
	e, ok := catalogue[code]
	return e.HTTPStatus, ok
}
