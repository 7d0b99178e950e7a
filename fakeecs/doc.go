// Package fakeecs is a deterministic, in-memory fake of the Alibaba Cloud
// ECS elastic network interface (ENI) API, for the tests of code that
// manages ENIs: network plugins, cloud controllers, infrastructure tools.
//
// A [Fake] holds a world (regions, zones, VPCs, vSwitches, security groups,
// resource groups) and the ENIs made in it. Tests build the world as a
// [World] value, or start from [DefaultWorld], and talk to the fake
// through its typed front door, [Fake.Client], whose methods have the
// signatures of the v7 SDK's client, so that it satisfies any interface
// declared over that client:
//
//	f := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()))
//	var api ENIAPI = f.Client() // ENIAPI: your interface over *ecs.Client
//
// Answers and errors are the SDK's own values, built from the JSON the
// service would send: a failed call returns a non-nil response with a nil
// body and a *tea.SDKError with the service's code, HTTP status, message
// and data.
//
// The second front door is the wire: [Fake.Handler] speaks the ECS RPC
// protocol, so unmodified clients of both Go SDKs, and anything else that
// speaks the protocol, talk to the fake. [Fake.SDKClient],
// [Fake.VPCClient] and [Fake.LegacyClient] return real SDK clients wired
// to it in-process; [Fake.NewServer] serves it on a loopback socket. The
// typed client and the wire give the same answer and the same error to
// the same request.
//
// Programs outside Go drive a fake through [Fake.AdminHandler], a small
// JSON API over HTTP for its rules, quotas, rate limits, read lags,
// clock, instances, journal and state; cmd/fakeecs serves it at
// /_admin/.
//
// # Fidelity
//
// What is modelled, from the API reference page of CreateNetworkInterface
// and the v7 SDK's documentation of the other actions:
//
//   - CreateNetworkInterface: every documented request parameter is
//     honoured or refused with the documented error. The new ENI is
//     Available at once, of type Secondary unless InstanceType says Trunk,
//     with a MAC under 00:16:3e and the zone and VPC of its vSwitch.
//   - DescribeNetworkInterfaces with every filter and both paging styles,
//     DescribeNetworkInterfaceAttribute, and DeleteNetworkInterface, which
//     releases every address, tag and security group place.
//   - Instances with their primary ENIs, and the ENI lifecycle: attach,
//     detach and delete through their transitional states on a virtual
//     clock; the address actions for IPv4 and IPv6 addresses and
//     prefixes; ModifyNetworkInterfaceAttribute; the limits of each
//     instance type.
//   - Addresses: one pool per vSwitch for primary and secondary IPv4
//     addresses, IPv6 addresses, IPv4 /28 prefixes and IPv6 /80 prefixes.
//     The first address and the last three of a vSwitch's IPv4 block are
//     reserved, and so are the first address and the last nine of its IPv6
//     /64 (Alibaba Cloud VPC documentation: "the first and last three IPv4
//     addresses, along with the first and last nine IPv6 addresses of the
//     vSwitch"). No address is held twice, and a vSwitch's available count
//     is its size, less the reserved addresses, less the held ones.
//   - Every code of the reference page's error table is in the fake's
//     catalogue ([Codes], [StatusOf]) with its HTTP status.
//   - TagResources and UntagResources on ENIs, instances and security
//     groups (ResourceType eni, instance and securitygroup), with the key
//     and value rules of Tag.N. An existing key's value is overwritten in
//     place; new keys follow in the order given. UntagResources removes
//     the keys of TagKey.N, or every tag with All when TagKey.N is
//     absent; a key a resource lacks is passed over. A call changes the
//     tags of every resource it names or of none.
//   - ListTagResources by ResourceId.N, by exact Tag.N (a key alone
//     matches any value; the key acs:rm:rgId finds the resources of a
//     resource group), and by fuzzy TagFilter.N, paged with NextToken.
//   - A call that fails changes nothing, not even the random choices of
//     later calls: the same seed and the same successful calls give the
//     same IDs and addresses whatever failed in between.
//
// Where the documentation is silent, the fake chooses, and says so here:
//
//   - Checks run in a fixed order: parameters that cannot be read as their
//     type, the region, the request's own rules (required parameters,
//     exclusions, ranges, names, tags), then the world (vSwitch, resource
//     group, security groups), then the addresses. A request with several
//     faults gets the error of the first.
//   - A RegionId outside the world gets Forbidden.RegionId. A value that
//     cannot be read as its type ("QueueNumber=abc") gets InvalidParameter.
//   - Security groups: an ENI joins at most five (JoinedGroupLimitExceed
//     beyond; see [Quotas]); a normal group holds 2,000 ENIs and an
//     enterprise group 65,536 (SecurityGroupInstanceLimitExceed and
//     InvalidOperation.EniCountExceeded beyond). A group with no VPC is a
//     classic-network group (InvalidSecurityGroupId.NotVpc).
//   - Single addresses and prefixes of one family cannot be asked for in
//     one request (InvalidParameter.Conflict), as ENI controllers report
//     of the service. PrivateIpAddress.N takes at most 10 addresses
//     (InvalidParameter beyond) and SecondaryPrivateIpAddressCount at most
//     49 (MaxEniPrivateIpsCountExceeded beyond); a count of 0 is
//     InvalidParameter.
//   - A vSwitch that runs out of IPv4 addresses answers
//     InvalidVSwitchId.IpNotEnough; out of free aligned prefixes,
//     InvalidVSwitchId.IpPrefixNotEnough. Prefixes come from anywhere in
//     the vSwitch's block; a given prefix outside it gets
//     InvalidIp.IpPrefixMustInReserveSegment.
//   - The traffic settings may be given at the top level or in
//     NetworkInterfaceTrafficConfig; the same setting with two values is
//     InvalidParameter.Conflict. RxQueueSize and TxQueueSize go together.
//   - EnhancedNetwork, documented as unavailable, gets
//     UnsupportedParameter. BusinessType and Visible, documented as no
//     longer used, are accepted and ignored, as the service does.
//   - DeleteOnRelease and SourceDestCheck default to false. An ENI created
//     without a resource group joins the world's default resource group.
//   - DescribeNetworkInterfaces lists ENIs in creation order. NextToken
//     mode (NextToken or MaxResults given) answers NextToken only, not
//     PageSize or TotalCount, which the reference calls invalid there: a
//     client that stops when PageSize is below its page size stops after
//     one page, as it may against the service. Page mode answers
//     TotalCount, PageNumber and PageSize, and a NextToken too. A
//     NextToken is good only for the query that made it; any other gets
//     InvalidParameter. IDs the fake does not hold match nothing, without
//     an error. A Tag.N filter with an empty value matches any value of
//     its key. The ResourceGroupId filter also lists the ENIs of the
//     default resource group, as the reference says.
//   - DescribeNetworkInterfaceAttribute takes Attribute "basic", which ENI
//     plugins send, as well as the two documented values.
//   - Attach, detach and delete are asynchronous, on a virtual clock that
//     moves only when the test moves it ([Fake.Advance], [Fake.Settle]):
//     Attaching, Detaching and Deleting last the delays of [Delays]
//     (3s, 3s and 1s by default; [WithDelays]). [Fake.Hold] keeps a
//     resource's transitions from ending; [Fake.FailAttach] makes the
//     next attach of an ENI roll back to Available. A transition that
//     falls due ends at the start of the next call, read or clock move.
//     With Delays.PerRead, each read call moves the clock first, for
//     code that polls and cannot be handed the clock.
//   - Attach needs an Available secondary or trunk ENI and a Running or
//     Stopped instance of its zone and VPC, with room for it: fewer ENIs
//     than EniQuantity (the primary counted), the ENI's queues within
//     MaximumQueueNumberPerEni and all queues within
//     TotalEniQueueQuantity (an ENI without a QueueNumber counts the
//     type's default), its addresses within the type's limits (a prefix
//     takes one slot), trunking only where EniTrunkSupported, and RDMA
//     ENIs up to EriQuantity. The ENI takes the lowest free device index.
//     An unknown instance gets InvalidEcsId.NotFound; an ID that does not
//     start with "i-" InvalidInstanceID.Malformed.
//     TrunkNetworkInstanceId, documented as unavailable, gets
//     UnsupportedParameter.
//   - Detach needs the ENI InUse or Detaching on the named instance (on
//     another instance: InvalidParameter); detaching a Detaching ENI
//     succeeds and changes nothing. Deleting a Deleting ENI likewise. The
//     primary ENI is neither detached nor deleted
//     (InvalidOperation.InvalidEniType for delete).
//   - Assign and unassign need the ENI Available or InUse, and for a
//     primary ENI a Running or Stopped instance. An ENI on no instance
//     holds 50 IPv4 slots (the primary address and 49 secondary) and 10
//     IPv6; an InUse ENI holds its type's EniPrivateIpAddressQuantity and
//     EniIpv6AddressQuantity; beyond them Ipv4CountExceeded or
//     Ipv6CountExceeded. An address held anywhere gets
//     InvalidIp.IpAssigned on IPv4 assign, and
//     InvalidOperation.AddressAlreadyAllocated on IPv6 assign, as at
//     create; unassigning an address the ENI does
//     not hold as a secondary one, its primary address included, gets
//     InvalidIp.IpUnassigned. An assign with nothing to assign gets
//     MissingParameter.
//   - Modify changes any attribute in any state, except: the queue number
//     changes only while the ENI is Available, or InUse on a Stopped
//     instance (else InvalidOperation.InvalidEcsState), within its type's
//     queue limits; the traffic mode changes only while the ENI is
//     Available; only a secondary ENI changes its security groups, and a
//     full group it is already in does not refuse it. A new name must
//     start with a letter; a description holds at most 255 characters.
//   - Instances are the test's to make ([Fake.AddInstance] or
//     [World.Instances]), start, stop and release; releasing one is
//     immediate. Instance types come from a catalogue of real ones
//     ([Fake.InstanceTypes]), which a world may extend.
//   - The tag actions take ResourceType exactly as the reference writes
//     it, in lower case. The other types the reference lists (disk,
//     image, ...) get InvalidParameter, since the fake holds no such
//     resources, and so does any other value. An ID the fake does not
//     hold in the region gets the not-found code of its type:
//     InvalidEniId.NotFound, InvalidEcsId.NotFound or
//     InvalidSecurityGroupId.NotFound, all 404. More than 50 IDs get
//     InvalidParameter; an ID named twice counts once.
//   - A resource holds at most 20 tags: TagResources answers
//     QuotaExceed.Tags when one would pass that, and also when a request
//     carries more than 20. A Tag.N with no Value adds its key with an
//     empty value, since the older SDK leaves empty values out. A
//     security group of the classic network has no region, so the tag
//     actions never find it. Instances and security groups are in the
//     default resource group. World.SecurityGroups may carry tags.
//   - UntagResources with neither TagKey.N nor All=true gets
//     MissingParameter, since it would remove nothing; more than 20 keys
//     get InvalidParameter, and an empty key or one over 128 characters
//     InvalidTagKey.Malformed. Other keys are not checked against the
//     rules of TagResources: a key no resource can have is passed over.
//   - ListTagResources answers every tag of each resource that passes
//     all its filters, not only the tags a filter names: one row per tag,
//     resources in creation order (security groups in world order), each
//     resource's tags in their order, 50 rows a page. A NextToken holds
//     the place of the last row of its page and is good only for its
//     query; any other gets InvalidParameter. A tag added to or removed
//     from a resource between pages can shift that resource's later
//     rows. IDs the fake does not hold match nothing, without an error.
//   - A TagFilter key or value matches exactly ("env"), by prefix
//     ("env*") or by infix ("*env*"); any other use of "*" gets
//     InvalidParameter, and so does a fuzzy key with values. All the
//     values of a filter use the method of the first, which the
//     reference says prevails. Fuzzy search is immediate, not up to two
//     seconds late, and is not capped at 5,000 resources.
//   - ListTagResources refuses more than 20 Tag.N, 5 TagFilter.N or 5
//     values of one filter with InvalidParameter, Tag.N with TagFilter.N
//     with InvalidParameter.Conflict, and a request with none of
//     ResourceId.N, Tag.N and TagFilter.N with MissingParameter.
//     InvalidParameter.TagValue, which the reference names without a
//     status, travels with 400.
//   - A Tag.N.Key of acs:rm:rgId must be the only tag and name a group
//     other than the default one (InvalidParameter otherwise); it finds
//     the ENIs of that group. Instances and security groups, in the
//     default group, never match it; nor does anything for a group the
//     fake does not hold.
//   - The wire serves any path, by POST or GET. The action and version come
//     from the x-acs-action and x-acs-version headers, else from the Action
//     and Version parameters; a request without an action gets
//     MissingAction, without a version MissingParameter, with a version
//     the action does not have InvalidVersion, and an unknown action
//     InvalidAction.NotFound. A parameter in both the query and a form
//     body takes the query's value. Bodies over 1 MiB are refused.
//   - A list parameter (Tag.N, SecurityGroupIds.N) is rebuilt from the
//     indices present, in their order, with gaps closed: Tag.1 and Tag.7
//     are two tags. Its bounds apply to the count of items, not to the
//     indices, since the reference bounds N only through the count.
//   - The typed client takes a nil request as an empty one, so that a
//     create gets MissingParameter; the SDK's own client dereferences it
//     and panics instead.
//   - Signatures are checked only when the fake has credentials
//     ([WithCredentials]); timestamps and nonces are never checked, since
//     the fake's clock is virtual.
//   - The VPC API's DescribeVSwitches and DescribeVpcs list in ID order,
//     with PageSize from 1 to 50; VpcId takes up to 20 IDs separated by
//     commas. Every vSwitch and VPC reports the fake's start time as its
//     creation time and the default resource group as its group.
//   - The ECS API's own DescribeVSwitches and DescribeVpcs, deprecated
//     and undocumented beyond their fields, filter, page and refuse as
//     the VPC API's do (RegionId required, PageSize 1 to 50, DescribeVpcs'
//     VpcId up to 20 IDs separated by commas), and answer the fields of
//     the ECS SDK's models only. No VPC answers a VRouterId, since the
//     fake has no routers.
//   - The other list actions page as DescribeNetworkInterfaces does:
//     NextToken mode when NextToken or MaxResults is given, page mode
//     otherwise, with the same answers and the same NextTokens, good only
//     for the query that made them and across deletions. Where the
//     reference gives a largest MaxResults, a larger one is lowered to it;
//     a PageSize out of its range is InvalidParameter.
//   - DescribeInstances lists instances in the order they were added,
//     each in the state it is in, transitional ones included, with its
//     primary ENI and every ENI attached to it in device order, attaching
//     and detaching ones included. InstanceIds and PrivateIpAddresses take
//     JSON arrays of up to 100 strings; another value is InvalidParameter
//     and an empty array filters nothing. PrivateIpAddresses matches the
//     primary address of the primary ENI, the one VpcAttributes reports;
//     Ipv6Address.N matches the IPv6 addresses of any of the instance's
//     ENIs. A * in InstanceName matches any run of characters. Filter.N
//     takes only the documented key, CreationStartTime, and keeps the
//     instances created in or after its minute. Every instance is in the
//     default resource group, so ResourceGroupId filters out none.
//     A MaxResults below 10 counts as 10 and one above 100 as 100, as the
//     reference says; PageSize, whose range it does not give, runs from 1
//     to 100, defaulting to 10.
//     CreationTime is written to the minute, as Filter.N.Value is, and
//     Memory in MiB.
//   - DescribeInstanceTypes takes no RegionId and lists the catalogue
//     ([InstanceType]) ordered by ID, with NextToken paging only. Its
//     MaxResults is documented as 1 to 1600 on the field but as at most
//     100 since 2023-11-15 in the action's description: the fake follows
//     the description, lowering larger values to 100, and answers 100
//     types when MaxResults is left out. It answers the fields the
//     catalogue records and one NetworkCards entry per network card; the
//     Minimum and Maximum filters apply to those fields only, and a
//     memory size that is not a number is InvalidParameter.
//   - DescribeSecurityGroups lists groups ordered by ID. A group of the
//     classic network has no VPC and so no region: it is listed in every
//     region. SecurityGroupIds takes a JSON array of up to 100 IDs.
//     MaxResults defaults to 10, and one above 100 counts as 100;
//     PageSize, whose range the reference does not give, runs from 1 to
//     50, as the VPC API's lists do. Every group is in the default
//     resource group, was created when the fake started, and has no
//     rules, so RuleCount is not answered. EcsCount counts the ENIs in the
//     group, primary ENIs included, and AvailableInstanceAmount the places
//     left. The deprecated FuzzyQuery and IsQueryEcsCount are read and
//     ignored.
//   - DescribeRegions takes no RegionId and lists the world's regions
//     ordered by ID, each "available" at the endpoint
//     "ecs.<region>.aliyuncs.com", whatever InstanceChargeType and
//     ResourceType ask about. DescribeZones lists a region's zones ordered
//     by ID, of type AvailabilityZone (the VPC SDK's documented default),
//     each offering Instance and VSwitch creation and every type of the
//     catalogue; the fake has no disks or dedicated hosts, so those lists
//     are not answered, and Verbose false leaves out the two it answers.
//     Names are English whatever AcceptLanguage says ("China (Hangzhou)",
//     "Hangzhou Zone H") for the regions whose ID prefixes the fake
//     knows, and the IDs themselves for the others. The options take the
//     documented values only; SpotStrategy and InstanceChargeType change
//     nothing.
//   - A documented filter on something the fake does not model (images,
//     key pairs, public and elastic addresses, billing, metadata options,
//     CPU architectures, GPUs, disks) gets UnsupportedParameter, never
//     silence. DryRun, where documented, answers DryRunOperation (400)
//     once the request passes its checks.
//   - Fault rules ([Fake.AddRule]) act on the calls of one action that
//     their matcher accepts, counted from 1 per rule; the first rule that
//     fires acts, and every matching rule counts the call. A rule that
//     fails a call before it runs leaves the fake as it was; a Delay
//     before the call moves the clock, and transitions due on the way
//     end, whether the call then succeeds or not. A rule that acts after
//     the commit leaves the call's work done. A probabilistic rule draws
//     from the fake's seeded source of fault decisions, which all rules
//     share and which IDs and addresses do not use, so rules do not
//     change the IDs and addresses of the calls they let through. Every
//     call's journal entry names the rule it met. A Drop rule cuts the
//     connection: over a socket the client meets EOF; the in-process
//     clients and the typed client get the *url.Error of a connection
//     reset, the error an http.Client gives. A MatchParams matcher
//     does not check its parameter names: one the action does not take
//     never matches.
//   - Quotas ([Quotas], [Fake.SetQuotas]) count per region: ENIs made by
//     CreateNetworkInterface (primary ENIs aside) against ENIsPerRegion,
//     and the private IPv4 addresses of all ENIs, a /28 prefix counting
//     16, against PrivateIPs. Lowering a quota below what the fake holds
//     removes nothing; the next call that would add refuses.
//   - Rate limits ([Fake.SetRateLimit], per action, and
//     [Fake.SetAccountRateLimit], over every action) are token buckets on
//     the virtual clock, checked before fault rules, the account's first;
//     a refused call is journaled and changes nothing. Throttling codes
//     travel with status 400, which the v7 SDK turns into its throttling
//     error, unless the limit names another status.
//   - ClientToken is taken by CreateNetworkInterface,
//     AssignPrivateIpAddresses and AssignIpv6Addresses, the actions whose
//     requests have one; the others ignore it. Tokens are not kept apart
//     by access key: two accounts of one fake share them.
//     It is remembered per action for an hour of virtual time
//     ([WithTokenLifetime]) once a call that carries it succeeds,
//     including one whose answer a rule then lost. The parameters compared
//     leave out the protocol's (Signature, Timestamp, AccessKeyId, ...),
//     which change between attempts. A replay gets the original answer
//     with a new request ID; other parameters get
//     IdempotentParameterMismatch. A failed call leaves its token free;
//     IdempotentFailed comes only from a rule.
//   - Read lag ([Fake.SetReadLag]) covers the ENIs and instances that the
//     Describe and List actions read; the vSwitches' free counts are
//     always current.
//   - [Fake.Snapshot] and [Fake.Restore] copy and put back the cloud
//     state and the random source of IDs and addresses; the journal,
//     rules and quotas are the test's and stay. [Fake.Reset] goes back to
//     how the fake was made, but request IDs and rule IDs go on, so that
//     none is given twice. [Fake.State] is a summary for cmp.Diff.
//   - A rule made outside Go ([Fake.AdminHandler]) matches a call's flat
//     RPC parameters ([MatchParams]), not its typed request: each named
//     parameter must be present with the value as the SDKs write it
//     ("SecondaryPrivateIpAddressCount" "2", not "02").
//   - The admin endpoint refuses, with a status and a message, what the
//     Go API panics for (an unknown action or ID, a code outside the
//     catalogue without a status, a probability outside [0, 1], a
//     negative duration), and a refused request changes nothing. It
//     takes no access keys, even when the wire checks signatures.
//   - Request IDs are upper-case UUIDs drawn from the seed; resource IDs
//     use the region's real prefix ("eni-bp1…" in cn-hangzhou). A failed
//     call is still journaled and draws a request ID; it changes nothing
//     else.
//   - No ENI is managed by a cloud service, so answers carry
//     ServiceManaged false and no ServiceID.
//   - The typed client flattens requests with the SDK's own code, so a
//     nil element in a request's list panics there as it does in the
//     SDK. A context that is already done fails the call with the
//     context's error before it reaches the fake, which does not journal
//     it; a nil context is an error.
//
// What is deliberately not modelled: trunk member ENIs, bond and slave
// ENIs, network cards beyond index checks, vSwitch CIDR reservations,
// public and elastic addresses, and instances' own lifecycle beyond
// start, stop and release. The codes of the error table whose cause is an
// account or region setting (RAM permissions, allow-lists, regions
// without prefixes or queue sizes) or an unmodelled resource are
// catalogued; the named scenarios of package scenarios produce them.
//
// When a test needs a real account: to learn how the service behaves
// where the documentation is silent and this package had to choose, to
// test permissions (RAM policies), or to measure real timings and quotas.
//
// A Fake is safe for concurrent use. It logs nothing unless given a
// logger with [WithLogger].
package fakeecs
