package fakeecs_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// referenceTable is the error table of the CreateNetworkInterface API
// reference page: every code with its HTTP status. The page lists 88
// rows; seven codes appear twice, with the same status.
var referenceTable = map[string]int{
	"MissingParameter": 400, "UnsupportedParameter": 400,
	"InvalidParameter": 400, "InvalidInstanceID.Malformed": 400,
	"InvalidOperation.InvalidEcsState":            400,
	"InvalidOperation.InvalidEniState":            400,
	"InvalidOperation.DetachPrimaryEniNotAllowed": 400,
	"Forbidden.RegionId":                          400, "Duplicate.TagKey": 400,
	"InvalidTagKey.Malformed": 400, "InvalidTagValue.Malformed": 400,
	"JoinedGroupLimitExceed":                                          400,
	"InvalidParameter.SecurityGroupIdRepeated":                        400,
	"InvalidSecurityGroupId.SingleIdAndMultiIdConflict":               400,
	"InvalidParameter.Conflict":                                       400,
	"InvalidConnectionTrackingConfiguration.RegionOrUserNotSupported": 400,
	"InvalidOperation.EniCountExceeded":                               400,
	"InvalidPrivateIpAddress.Duplicated":                              400,
	"IncorrectVSwitchStatus":                                          400,
	"InvalidEniQueueSize.RegionOrUserNotSupported":                    400,
	"InvalidParameter.EniQueueSize":                                   400,
	"InvalidParameter.EniConnectionTrackingConfiguration":             400,
	"QuotaExceeded.PrivateIpAddress":                                  400,
	"InvalidUserType.NotSupported":                                    403,
	"Abs.InvalidAccount.NotFound":                                     403,
	"Forbidden.NotSupportRAM":                                         403,
	"Forbidden.SubUser":                                               403,
	"InValidParameter":                                                403,
	"MaxEniCountExceeded":                                             403,
	"EniPerInstanceLimitExceeded":                                     403,
	"InvalidOperation.AvailabilityZoneMismatch":                       403,
	"InvalidOperation.VpcMismatch":                                    403,
	"SecurityGroupInstanceLimitExceed":                                403,
	"InvalidSecurityGroupId.NotVpc":                                   403,
	"InvalidOperation.InvalidEniType":                                 403,
	"InvalidVSwitchId.IpNotEnough":                                    403,
	"InvalidVSwitchId.IpInvalid":                                      403,
	"QuotaExceed.Tags":                                                403,
	"InvalidIp.Address":                                               403,
	"InvalidIp.IpRepeated":                                            403,
	"MaxEniPrivateIpsCountExceeded":                                   403,
	"InvalidOperation.ResourceManagedByCloudProduct":                  403,
	"InvalidOperation.TrunkingIsNotAllowed":                           403,
	"InvalidParameter.InvalidEniQueueNumber":                          403,
	"InvalidOperation.MaxEniQueueNumberExceeded":                      403,
	"InvalidOperation.ExceedInstanceTypeQueueNumber":                  403,
	"InvalidParameter.EniTrafficMode":                                 403,
	"InvalidOperation.HighPerformanceTrafficModeIsNotAllowed":         403,
	"InvalidParameter.QueuePairNumberMustEmpty":                       403,
	"InvalidParameter.InvalidQueuePairNumber":                         403,
	"InvalidParams.NetworkInterfaceName":                              403,
	"InvalidIp.IpPrefixIllegal":                                       403,
	"InvalidIp.IpPrefixMustInReserveSegment":                          403,
	"InvalidOperation.Ipv4CountExceeded":                              403,
	"InvalidOperation.Ipv6CountExceeded":                              403,
	"InvalidOperation.HighPerformanceTrafficModeEniUnsupported":       403,
	"AclLimitExceed":                                                  403,
	"InvalidIp.IpPrefixMaskInvalid":                                   403,
	"InvalidVSwitchId.IpPrefixNotEnough":                              403,
	"InvalidIp.IpPrefixMaskNotSame":                                   403,
	"EnterpriseGroupLimited.MutliGroupType":                           403,
	"InvalidOperation.BoundingEniSlaveQuotaExceed":                    403,
	"InvalidIp.IpPrefixNotAvailable":                                  403,
	"InvalidIp.IpPrefixMaskIllegal":                                   403,
	"InvalidIp.IpPrefixNotStrict":                                     403,
	"InvalidOperation.NotSupport":                                     403,
	"InvalidEcsId.NotFound":                                           404,
	"InvalidEniId.NotFound":                                           404,
	"InvalidVSwitchId.NotFound":                                       404,
	"InvalidSecurityGroupId.NotFound":                                 404,
	"InvalidResourceGroup.NotFound":                                   404,
	"InvalidOperation.MaxEniIpv6IpsCountExceeded":                     404,
	"InvalidOperation.VSwitchIpv6Disabled":                            404,
	"InvalidOperation.EnableIpv6Failed":                               404,
	"InvalidOperation.AddressAlreadyAllocated":                        404,
	"InvalidOperation.AddressNotInVSwitchCidr":                        404,
	"InvalidOperation.SlaveEniMustHaveBondingEni":                     404,
	"InvalidOperation.EniTrafficModeNotSupportIpv6":                   404,
	"InvalidOperation.VSwitchCidrReservationNotExist":                 404,
	"InternalError":                                                   500,
	"InvalidOperation.RegionNotSupportIpPrefix":                       500,
}

// TestCatalogueHoldsTheReferenceTable checks that every code of the
// reference page's error table is in the fake's catalogue with the
// table's HTTP status.
func TestCatalogueHoldsTheReferenceTable(t *testing.T) {
	require.Len(t, referenceTable, 81)
	for code, status := range referenceTable {
		got, ok := fakeecs.StatusOf(code)
		require.True(t, ok, "%s is not in the catalogue", code)
		require.Equal(t, status, got, code)
	}
	require.Subset(t, fakeecs.Codes(), []string{"InvalidAction.NotFound"})
}
