package fakeecs

import (
	"net/netip"
	"slices"
	"time"
)

// State is a readable summary of a fake's cloud state, made of plain
// strings, numbers and maps, so that cmp.Diff of two States, with no
// options, says what changed in a test's words. Get one from
// [Fake.State]. The JSON names are those of the admin endpoint
// ([Fake.AdminHandler]); empty lists and maps are left out.
type State struct {
	Now time.Time `json:"now"`
	// ENIs are in creation order.
	ENIs []ENIState `json:"enis,omitempty"`
	// Instances are in the order they were added.
	Instances []InstanceState `json:"instances,omitempty"`
	// Available is each vSwitch's count of free IPv4 addresses.
	Available map[string]int `json:"available,omitempty"`
	// Pending lists the ENIs and instances in transition.
	Pending []string `json:"pending,omitempty"`
	// Members is each security group's count of ENIs.
	Members map[string]int `json:"members,omitempty"`
}

// ENIState is an ENI in a [State].
type ENIState struct {
	ID       string `json:"id"`
	Status   string `json:"status"`
	Type     string `json:"type"`
	VSwitch  string `json:"vswitch"`
	Instance string `json:"instance,omitempty"`
	// Device is the device index on the instance; nil on none.
	Device         *int              `json:"device,omitempty"`
	IPv4           []string          `json:"ipv4,omitempty"` // primary first
	IPv6           []string          `json:"ipv6,omitempty"`
	Prefixes       []string          `json:"prefixes,omitempty"`
	SecurityGroups []string          `json:"securityGroups,omitempty"`
	Tags           map[string]string `json:"tags,omitempty"`
}

// InstanceState is an instance in a [State].
type InstanceState struct {
	ID     string `json:"id"`
	Type   string `json:"type"`
	Status string `json:"status"`
	Zone   string `json:"zone"`
	// ENIs are attached or attaching, in device order.
	ENIs []string `json:"enis,omitempty"`
}

// State returns a readable summary of the fake's cloud state.
func (f *Fake) State() State {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.endDue()
	s := State{Now: f.now, Available: map[string]int{}}
	s.ENIs = mapList(f.order, eniState)
	s.Instances = mapList(f.instanceList(), f.instanceState)
	for id, v := range f.vswitches {
		s.Available[id] = v.v4.Available()
	}
	s.Members = map[string]int{}
	for id, g := range f.groups {
		s.Members[id] = g.members
	}
	for _, t := range f.pending {
		if !slices.Contains(s.Pending, t.id) {
			s.Pending = append(s.Pending, t.id)
		}
	}
	return s
}

func eniState(n *NetworkInterface) ENIState {
	str := func(a netip.Addr) string { return a.String() }
	pre := func(p netip.Prefix) string { return p.String() }
	e := ENIState{ID: n.ID, Status: string(n.Status), Type: string(n.Type),
		VSwitch: n.VSwitchID, Instance: n.InstanceID,
		IPv4: mapList(append([]netip.Addr{n.PrimaryIP}, n.PrivateIPs...),
			str),
		IPv6: mapList(n.IPv6s, str),
		Prefixes: append(mapList(n.IPv4Prefixes, pre),
			mapList(n.IPv6Prefixes, pre)...),
		SecurityGroups: slices.Clone(n.SecurityGroups),
		Tags:           map[string]string{}}
	for _, t := range n.Tags {
		e.Tags[t.Key] = t.Value
	}
	if n.InstanceID != "" {
		d := n.DeviceIndex
		e.Device = &d
	}
	return e
}

func (f *Fake) instanceState(in *Instance) InstanceState {
	s := InstanceState{ID: in.ID, Type: in.Type, Status: string(in.Status),
		Zone: in.ZoneID}
	for _, n := range f.attachedTo(in.ID) {
		s.ENIs = append(s.ENIs, n.ID)
	}
	return s
}
