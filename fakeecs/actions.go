package fakeecs

import (
	"fmt"
	"slices"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
)

// Action names an API action of the fake. Use the constants; the set of
// actions the fake serves is [Actions].
type Action string

// The actions the fake serves.
const (
	ActionCreateNetworkInterface            Action = "CreateNetworkInterface"
	ActionDeleteNetworkInterface            Action = "DeleteNetworkInterface"
	ActionDescribeNetworkInterfaces         Action = "DescribeNetworkInterfaces"
	ActionDescribeNetworkInterfaceAttribute Action = "DescribeNetworkInterfaceAttribute"
	ActionDescribeVSwitches                 Action = "DescribeVSwitches"
	ActionDescribeVpcs                      Action = "DescribeVpcs"
	ActionAttachNetworkInterface            Action = "AttachNetworkInterface"
	ActionDetachNetworkInterface            Action = "DetachNetworkInterface"
	ActionAssignPrivateIpAddresses          Action = "AssignPrivateIpAddresses"
	ActionUnassignPrivateIpAddresses        Action = "UnassignPrivateIpAddresses"
	ActionAssignIpv6Addresses               Action = "AssignIpv6Addresses"
	ActionUnassignIpv6Addresses             Action = "UnassignIpv6Addresses"
	ActionModifyNetworkInterfaceAttribute   Action = "ModifyNetworkInterfaceAttribute"
	ActionDescribeInstances                 Action = "DescribeInstances"
	ActionDescribeInstanceTypes             Action = "DescribeInstanceTypes"
	ActionDescribeSecurityGroups            Action = "DescribeSecurityGroups"
	ActionDescribeRegions                   Action = "DescribeRegions"
	ActionDescribeZones                     Action = "DescribeZones"
	ActionTagResources                      Action = "TagResources"
	ActionUntagResources                    Action = "UntagResources"
	ActionListTagResources                  Action = "ListTagResources"
)

// handler runs one action on decoded parameters under the fake's lock. It
// returns the answer's body, or the error that the call fails with.
type handler func(f *Fake, p rpc.Params) (body, *Error)

// body is the answer of a successful call: a struct shaped like the
// service's JSON answer, which carries the request ID.
type body interface{ setRequestID(id string) }

// meta is the part every answer shares; answer structs embed it first.
type meta struct {
	RequestId string
}

func (m *meta) setRequestID(id string) { m.RequestId = id }

// The API versions the fake speaks: the ECS API's, and the VPC API's for
// the vSwitch and VPC queries that ENI code makes.
const (
	ecsVersion = "2014-05-26"
	vpcVersion = "2016-04-28"
)

// route names an action of one API version.
type route struct {
	version string
	action  Action
}

// handlers maps each action of each version to its handler.
var handlers = table(
	on(ecsVersion, ActionCreateNetworkInterface, handle((*Fake).createENI)),
	on(ecsVersion, ActionDeleteNetworkInterface, handle((*Fake).deleteENI)),
	on(ecsVersion, ActionDescribeNetworkInterfaces, handle((*Fake).describeENIs)),
	on(ecsVersion, ActionDescribeNetworkInterfaceAttribute, handle((*Fake).describeENI)),
	on(ecsVersion, ActionAttachNetworkInterface, handle((*Fake).attachENI)),
	on(ecsVersion, ActionDetachNetworkInterface, handle((*Fake).detachENI)),
	on(ecsVersion, ActionAssignPrivateIpAddresses, handle((*Fake).assignV4)),
	on(ecsVersion, ActionUnassignPrivateIpAddresses, handle((*Fake).unassignV4)),
	on(ecsVersion, ActionAssignIpv6Addresses, handle((*Fake).assignV6)),
	on(ecsVersion, ActionUnassignIpv6Addresses, handle((*Fake).unassignV6)),
	on(ecsVersion, ActionModifyNetworkInterfaceAttribute, handle((*Fake).modifyENI)),
	on(ecsVersion, ActionDescribeInstances, handle((*Fake).describeInstances)),
	on(ecsVersion, ActionDescribeInstanceTypes, handle((*Fake).describeInstanceTypes)),
	on(ecsVersion, ActionDescribeSecurityGroups, handle((*Fake).describeSecurityGroups)),
	on(ecsVersion, ActionDescribeRegions, handle((*Fake).describeRegions)),
	on(ecsVersion, ActionDescribeZones, handle((*Fake).describeZones)),
	on(ecsVersion, ActionDescribeVSwitches, handle((*Fake).describeVSwitchesECS)),
	on(ecsVersion, ActionDescribeVpcs, handle((*Fake).describeVpcsECS)),
	on(vpcVersion, ActionDescribeVSwitches, handle((*Fake).describeVSwitches)),
	on(vpcVersion, ActionDescribeVpcs, handle((*Fake).describeVpcs)),
	on(ecsVersion, ActionTagResources, handle((*Fake).tagResources)),
	on(ecsVersion, ActionUntagResources, handle((*Fake).untagResources)),
	on(ecsVersion, ActionListTagResources, handle((*Fake).listTags)),
)

// row is one row of the handler table.
type row struct {
	r route
	h handler
}

// on is the table row of an action of a version.
func on(version string, a Action, h handler) row {
	return row{route{version, a}, h}
}

// table builds the handler table; an action listed twice is a bug in the
// fake, caught when the package loads.
func table(rows ...row) map[route]handler {
	m := make(map[route]handler, len(rows))
	for _, e := range rows {
		if _, dup := m[e.r]; dup {
			panic(fmt.Sprintf("fakeecs: %s %s is in the table twice",
				e.r.action, e.r.version))
		}
		m[e.r] = e.h
	}
	return m
}

// handle turns an action that takes its typed request into a handler: it
// decodes the parameters into the request, answering a value that cannot
// be read as its type with InvalidParameter.
func handle[R any, B body](run func(*Fake, *R) (B, *Error)) handler {
	return func(f *Fake, p rpc.Params) (body, *Error) {
		var req R
		if err := rpc.Decode(p, &req); err != nil {
			return nil, malformed(err)
		}
		b, e := run(f, &req)
		if e != nil {
			return nil, e
		}
		return b, nil
	}
}

// malformed is the error for a parameter whose value cannot be read.
func malformed(err error) *Error {
	e, ok := err.(*rpc.Error)
	switch {
	case ok && e.Want == "a list index":
		return apiErr("InvalidParameter", "The specified parameter %q "+
			"is not valid: its list index must be a positive integer.",
			e.Param)
	case ok:
		return apiErr("InvalidParameter", "The specified parameter %q "+
			"is not valid: %q is not %s.", e.Param, e.Value, e.Want)
	}
	return apiErr("InvalidParameter", "%s", err.Error())
}

// Actions returns the actions the fake serves, in any API version.
func Actions() []Action {
	var out []Action
	for r := range handlers {
		if !slices.Contains(out, r.action) {
			out = append(out, r.action)
		}
	}
	slices.Sort(out)
	return out
}

// run finds the action's handler and runs it. An action the fake serves
// in another version only gets InvalidVersion.
func (f *Fake) run(r route, p rpc.Params) (body, *Error) {
	if err := unserved(r); err != nil {
		return nil, err
	}
	return handlers[r](f, p)
}

// unserved is the error for a route the fake does not serve: an action
// it has in another version, or one it does not have; nil for one it
// serves.
func unserved(r route) *Error {
	switch {
	case handlers[r] != nil:
		return nil
	case slices.Contains(Actions(), r.action):
		return apiErr("InvalidVersion", "Specified parameter "+
			"Version %q is not valid for action %q.", r.version,
			string(r.action))
	}
	return apiErr("InvalidAction.NotFound", "")
}
