package fakeecs

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"github.com/ecsfake/ecsfake/fakeecs/internal/ipam"
)

// Fake is an in-memory ECS network-interface service. Its methods are safe
// for concurrent use: every call runs under one lock, so calls are
// linearised in the order they take it. Make one with [New].
type Fake struct {
	mu  sync.Mutex
	cfg config
	now time.Time

	// pcg drives every random choice that ends up in the state; a failed
	// call restores it, so that it leaves no trace in later answers.
	pcg *rand.PCG
	rng *rand.Rand
	// reqs draws request IDs, one per call, failed or not.
	reqs *rand.Rand
	// faults draws the decisions of probabilistic fault rules.
	faults  *rand.Rand
	rules   []*rule
	ruleSeq int
	buckets map[Action]*bucket
	tokens  map[tokenKey]*token

	start Snapshot // the state the fake started in, for Reset
	cfg0  config   // the settings it was made with, for Reset

	lags    map[Action]lagState
	views   int // views kept so far, for lagged reads
	history []view
	changes int

	regions   map[string]*regionState
	vswitches map[string]*vswitchState
	vpcs      map[string]VPC
	groups    map[string]*groupState
	gorder    []*groupState // world order
	rgroups   map[string]ResourceGroup
	defaultRG string

	enis  map[string]*NetworkInterface
	order []*NetworkInterface // creation order
	seq   uint64
	macs  map[string]bool

	types     map[string]*InstanceType
	instances map[string]*Instance
	iseq      uint64

	pending    []*transition
	tseq       uint64
	held       map[string]bool
	failAttach map[string]bool

	journal []Call
	calls   int // calls so far, the journal's numbering
	undo    []func()
}

// regionState is a region of the world with the prefix of its IDs.
type regionState struct {
	Region
	prefix string
}

// vswitchState is a vSwitch with its address pools.
type vswitchState struct {
	VSwitch
	region string
	v4     *ipam.V4
	v6     *ipam.V6 // nil without IPv6
}

// groupState is a security group with the count of ENIs in it. Its tags
// are the embedded SecurityGroup's Tags, a copy of the world's that the
// tag actions change.
type groupState struct {
	SecurityGroup
	members int
}

// New returns a fake configured by opts. With no options it holds an empty
// world; WithWorld(DefaultWorld()) gives a usable one. New panics with a
// description of every fault when the world is impossible.
func New(opts ...Option) *Fake {
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	cfg.quotas = cfg.quotas.withDefaults()
	if err := cfg.world.Validate(); err != nil {
		panic(err)
	}
	pcg := rand.NewPCG(cfg.seed, 0x9e3779b97f4a7c15)
	f := &Fake{
		cfg:        cfg,
		now:        cfg.start,
		pcg:        pcg,
		rng:        rand.New(pcg),
		reqs:       rand.New(rand.NewPCG(cfg.seed, 0x5851f42d4c957f2d)),
		faults:     newFaultSource(cfg.seed),
		regions:    map[string]*regionState{},
		vswitches:  map[string]*vswitchState{},
		vpcs:       map[string]VPC{},
		groups:     map[string]*groupState{},
		rgroups:    map[string]ResourceGroup{},
		enis:       map[string]*NetworkInterface{},
		macs:       map[string]bool{},
		types:      map[string]*InstanceType{},
		instances:  map[string]*Instance{},
		held:       map[string]bool{},
		buckets:    map[Action]*bucket{},
		tokens:     map[tokenKey]*token{},
		lags:       map[Action]lagState{},
		failAttach: map[string]bool{},
	}
	f.build(cfg.world)
	f.start, f.cfg0 = f.Snapshot(), cfg
	return f
}

// newFaultSource returns the random source of a fake's fault decisions,
// apart from that of its IDs so that rules do not move them.
func newFaultSource(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x14057b7ef767814f))
}

// build loads a validated world into the fake.
func (f *Fake) build(w World) {
	for _, r := range w.Regions {
		r.Zones = slices.Clone(r.Zones)
		f.regions[r.ID] = &regionState{Region: r, prefix: idPrefix(r)}
	}
	for _, v := range w.VPCs {
		f.vpcs[v.ID] = v
	}
	for _, s := range w.VSwitches {
		f.vswitches[s.ID] = f.newVSwitch(s)
	}
	for _, g := range w.SecurityGroups {
		if g.Type == "" {
			g.Type = SecurityGroupNormal
		}
		if g.Capacity == 0 {
			g.Capacity = DefaultGroupCapacity(g.Type)
		}
		g.Tags = slices.Clone(g.Tags)
		gs := &groupState{SecurityGroup: g}
		f.groups[g.ID] = gs
		f.gorder = append(f.gorder, gs)
	}
	for _, g := range w.ResourceGroups {
		f.rgroups[g.ID] = g
		if g.Default {
			f.defaultRG = g.ID
		}
	}
	for _, t := range append(slices.Clone(builtinInstanceTypes),
		w.InstanceTypes...) {
		f.types[t.ID] = &t
	}
	for _, s := range w.Instances {
		if _, err := f.addInstance(s); err != nil {
			panic(fmt.Sprintf("fakeecs: world: instance %q: %v", s.ID,
				err)) // unreachable: Validate adds every instance first
		}
	}
	f.undo = f.undo[:0]
}

// newVSwitch makes the state of a validated vSwitch.
func (f *Fake) newVSwitch(s VSwitch) *vswitchState {
	if s.Status == "" {
		s.Status = VSwitchAvailable
	}
	v4, err := ipam.NewV4(s.CIDR)
	if err != nil {
		panic("fakeecs: " + err.Error())
	}
	st := &vswitchState{VSwitch: s, region: f.vpcs[s.VPC].Region, v4: v4}
	if s.IPv6CIDR.IsValid() {
		if st.v6, err = ipam.NewV6(s.IPv6CIDR); err != nil {
			panic("fakeecs: " + err.Error())
		}
	}
	return st
}

// NetworkInterfaces returns a copy of every ENI the fake holds, in the
// order they were created.
func (f *Fake) NetworkInterfaces() []NetworkInterface {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.endDue()
	out := make([]NetworkInterface, len(f.order))
	for i, n := range f.order {
		out[i] = n.clone()
	}
	return out
}

// NetworkInterface returns a copy of the ENI with the given ID, and false
// when the fake holds none.
func (f *Fake) NetworkInterface(id string) (NetworkInterface, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.endDue()
	n, ok := f.enis[id]
	if !ok {
		return NetworkInterface{}, false
	}
	return n.clone(), true
}

// AvailableIPs returns the number of IPv4 addresses the vSwitch can still
// hand out, as DescribeVSwitches reports it, and false for an unknown
// vSwitch.
func (f *Fake) AvailableIPs(vswitchID string) (int, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.endDue()
	s, ok := f.vswitches[vswitchID]
	if !ok {
		return 0, false
	}
	return s.v4.Available(), true
}

// onUndo records how to take back a change the current call made, should
// the call fail after making it.
func (f *Fake) onUndo(fn func()) {
	f.undo = append(f.undo, fn)
}

// rollback takes back every change of the failed current call, newest
// first, and restores the random source to where the call found it.
func (f *Fake) rollback(pcg rand.PCG) {
	for _, fn := range slices.Backward(f.undo) {
		fn()
	}
	f.undo = f.undo[:0]
	*f.pcg = pcg
}
