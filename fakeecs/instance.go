package fakeecs

import (
	"cmp"
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"time"
)

// InstanceStatus is the state of an ECS instance.
type InstanceStatus string

// The states of an instance. Starting and Stopping end on the virtual
// clock.
const (
	InstancePending  InstanceStatus = "Pending"
	InstanceRunning  InstanceStatus = "Running"
	InstanceStarting InstanceStatus = "Starting"
	InstanceStopping InstanceStatus = "Stopping"
	InstanceStopped  InstanceStatus = "Stopped"
)

// InstanceSpec describes an instance for [Fake.AddInstance] and
// [World.Instances].
type InstanceSpec struct {
	// ID is the instance's ID; empty means one the fake makes.
	ID string `json:"id,omitempty"`
	// VSwitch is the vSwitch of the primary ENI; the instance's zone and
	// VPC are the vSwitch's.
	VSwitch string `json:"vswitch"`
	// Type is the instance type, one of the fake's catalogue.
	Type string `json:"type"`
	// SecurityGroups are the groups of the primary ENI, at least one.
	SecurityGroups []string `json:"securityGroups"`
	// Status is Running when empty; Pending and Stopped are allowed too.
	Status InstanceStatus `json:"status,omitempty"`
	// PrimaryIP is the primary ENI's address; the zero Addr means the
	// lowest free one.
	PrimaryIP netip.Addr `json:"primaryIp,omitzero"`
	Name      string     `json:"name,omitempty"`
	// Tags are the instance's tags, under the rules of a request's Tag.N.
	Tags []Tag `json:"tags,omitempty"`
}

// Instance is the fake's record of an ECS instance. The fake hands out
// copies.
type Instance struct {
	ID             string
	Name           string
	RegionID       string
	ZoneID         string
	VPCID          string
	VSwitchID      string
	Type           string
	Status         InstanceStatus
	SecurityGroups []string
	PrimaryENI     string
	Tags           []Tag
	CreatedAt      time.Time

	seq uint64
}

func (in *Instance) clone() Instance {
	c := *in
	c.SecurityGroups = slices.Clone(in.SecurityGroups)
	c.Tags = slices.Clone(in.Tags)
	return c
}

// AddInstance adds an instance with its primary ENI and returns a copy of
// it. It panics when the spec names an unknown vSwitch, type or security
// group, a group of another VPC, an ID in use, or an address the vSwitch
// cannot give: that is a mistake in the test, not a cloud failure.
func (f *Fake) AddInstance(s InstanceSpec) Instance {
	in, err := f.tryAddInstance(s)
	if err != nil {
		panic("fakeecs: AddInstance: " + err.Error())
	}
	return in
}

// tryAddInstance adds an instance and returns a copy of it, or says why
// it cannot.
func (f *Fake) tryAddInstance(s InstanceSpec) (Instance, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	in, err := f.addInstance(s)
	if err != nil {
		return Instance{}, err
	}
	f.undo = f.undo[:0]
	f.changed()
	return in.clone(), nil
}

// addInstance makes an instance and its primary ENI, or undoes what it
// did, the random source included, and explains why it cannot.
func (f *Fake) addInstance(s InstanceSpec) (*Instance, error) {
	sw, err := f.checkSpec(s)
	if err != nil {
		return nil, err
	}
	pcg := *f.pcg
	r := f.regions[sw.region]
	in := &Instance{ID: s.ID, Name: s.Name, RegionID: r.ID,
		ZoneID: sw.Zone, VPCID: sw.VPC, VSwitchID: sw.ID, Type: s.Type,
		Status:         cmp.Or(s.Status, InstanceRunning),
		SecurityGroups: slices.Clone(s.SecurityGroups),
		Tags:           slices.Clone(s.Tags), CreatedAt: f.now}
	if in.ID == "" {
		in.ID = f.newInstanceID(r.prefix)
	}
	n, err := f.primaryENI(r, sw, in, s.PrimaryIP)
	if err != nil {
		f.rollback(pcg)
		return nil, err
	}
	in.PrimaryENI = n.ID
	f.iseq++
	in.seq = f.iseq
	f.instances[in.ID] = in
	return in, nil
}

// checkSpec checks an instance spec against the world.
func (f *Fake) checkSpec(s InstanceSpec) (*vswitchState, error) {
	sw, ok := f.vswitches[s.VSwitch]
	switch {
	case !ok:
		return nil, fmt.Errorf("unknown vSwitch %q", s.VSwitch)
	case f.types[s.Type] == nil:
		return nil, fmt.Errorf("unknown instance type %q", s.Type)
	case s.ID != "" && (f.instances[s.ID] != nil || f.enis[s.ID] != nil):
		return nil, fmt.Errorf("ID %q is in use", s.ID)
	case s.ID != "" && !strings.HasPrefix(s.ID, "i-"):
		return nil, fmt.Errorf("ID %q does not start with \"i-\"", s.ID)
	case len(s.SecurityGroups) == 0:
		return nil, fmt.Errorf("no security group")
	}
	if err := checkTags(tagParams(s.Tags)); err != nil {
		return nil, fmt.Errorf("tags: %s", err.Message)
	}
	switch s.Status {
	case "", InstanceRunning, InstancePending, InstanceStopped:
	default:
		return nil, fmt.Errorf("an instance cannot start %s", s.Status)
	}
	for _, id := range s.SecurityGroups {
		g := f.groups[id]
		if g == nil {
			return nil, fmt.Errorf("unknown security group %q", id)
		}
		if g.VPC != sw.VPC {
			return nil, fmt.Errorf("security group %q is not in VPC %q",
				id, sw.VPC)
		}
	}
	return sw, nil
}

func (f *Fake) newInstanceID(prefix string) string {
	for {
		id := newID(f.rng, "i", prefix)
		if f.instances[id] == nil {
			return id
		}
	}
}

// primaryENI makes the primary ENI of a new instance: InUse at device
// index 0, released with the instance.
func (f *Fake) primaryENI(r *regionState, s *vswitchState, in *Instance,
	ip netip.Addr) (*NetworkInterface, error) {
	n := &NetworkInterface{ID: f.newENIID(r.prefix), RegionID: r.ID,
		ZoneID: s.Zone, VPCID: s.VPC, VSwitchID: s.ID,
		Status: StatusInUse, Type: TypePrimary, MAC: f.newMAC(),
		SecurityGroups:  slices.Clone(in.SecurityGroups),
		ResourceGroupID: f.defaultRG, DeleteOnRelease: true,
		TrafficMode: TrafficStandard, ConnTrack: defaultConnectionTracking,
		InstanceID: in.ID, CreatedAt: f.now}
	primary := ""
	if ip.IsValid() {
		primary = ip.String()
	}
	if err := f.fillAddresses(s, n, primary, addressAsk{}); err != nil {
		return nil, fmt.Errorf("primary address: %s: %s", err.Code,
			err.Message)
	}
	for _, id := range n.SecurityGroups {
		f.groups[id].members++
	}
	f.insert(n)
	return n, nil
}

// mustExist panics unless id is an ENI or an instance of the fake.
func (f *Fake) mustExist(id string) {
	if f.enis[id] == nil && f.instances[id] == nil {
		panic(fmt.Sprintf("fakeecs: no ENI or instance %q", id))
	}
}

// instanceOf finds an instance for a test's control call, or panics.
func (f *Fake) instanceOf(id string) *Instance {
	in := f.instances[id]
	if in == nil {
		panic(fmt.Sprintf("fakeecs: no instance %q", id))
	}
	return in
}

// Instances returns a copy of every instance, in the order they were
// added.
func (f *Fake) Instances() []Instance {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.endDue()
	return mapList(f.instanceList(), func(in *Instance) Instance {
		return in.clone()
	})
}

// instanceList returns the instances in the order they were added.
func (f *Fake) instanceList() []*Instance {
	out := make([]*Instance, 0, len(f.instances))
	for _, in := range f.instances {
		out = append(out, in)
	}
	slices.SortFunc(out, func(a, b *Instance) int {
		return cmp.Compare(a.seq, b.seq)
	})
	return out
}

// StartInstance starts a Stopped or Pending instance: it is Starting
// until the StartInstance delay passes on the clock, then Running. It
// panics for an instance in another state.
func (f *Fake) StartInstance(id string) {
	f.moveInstance(id, InstanceStarting, InstanceRunning,
		f.cfg.delays.StartInstance, InstanceStopped, InstancePending)
}

// StopInstance stops a running instance: it is Stopping until the
// StopInstance delay passes on the clock, then Stopped. It panics unless
// the instance is Running.
func (f *Fake) StopInstance(id string) {
	f.moveInstance(id, InstanceStopping, InstanceStopped,
		f.cfg.delays.StopInstance, InstanceRunning)
}

// moveInstance starts an instance's transition from one of the states in
// from, through via, to to.
func (f *Fake) moveInstance(id string, via, to InstanceStatus,
	d time.Duration, from ...InstanceStatus) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.endDue()
	in := f.instanceOf(id)
	if !slices.Contains(from, in.Status) {
		panic(fmt.Sprintf("fakeecs: instance %s is %s, not %s", id,
			in.Status, joinStatuses(from)))
	}
	in.Status = via
	f.schedule(id, d, endInstance, to)
	f.undo = f.undo[:0]
	f.changed()
	f.endDue()
}

func joinStatuses(ss []InstanceStatus) string {
	names := mapList(ss, func(s InstanceStatus) string { return string(s) })
	return strings.Join(names, " or ")
}

// ReleaseInstance releases an instance at once: its primary ENI and every
// attached ENI with DeleteOnRelease are deleted, and the other attached
// ENIs detached. It panics for an unknown instance.
func (f *Fake) ReleaseInstance(id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.endDue()
	f.instanceOf(id)
	for _, n := range f.attachedTo(id) {
		f.cancelAll(n.ID)
		if n.DeleteOnRelease || n.Type == TypePrimary {
			f.remove(n)
		} else {
			f.detached(n)
		}
	}
	f.cancelAll(id)
	delete(f.instances, id)
	delete(f.held, id)
	f.changed()
}

// attachedTo returns the ENIs attached or attaching to an instance, in
// device order.
func (f *Fake) attachedTo(id string) []*NetworkInterface {
	var out []*NetworkInterface
	for _, n := range f.order {
		if n.InstanceID == id {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, func(a, b *NetworkInterface) int {
		return a.DeviceIndex - b.DeviceIndex
	})
	return out
}
