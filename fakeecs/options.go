package fakeecs

import (
	"log/slog"
	"time"
)

// AddressPolicy says how the fake picks an address or prefix that a call
// asks for by count rather than by value.
type AddressPolicy int

// The address policies.
const (
	// LowestFree hands out the lowest free address of the vSwitch first.
	LowestFree AddressPolicy = iota
	// RandomFree picks uniformly among the free addresses, drawing from
	// the fake's seeded random source.
	RandomFree
)

// Quotas are the limits of the account that the fake enforces. Tests set
// them when the fake is made ([WithQuotas]) and change them mid-test
// ([Fake.SetQuotas]). A zero field means the default the field names.
// The JSON names are those of the admin endpoint ([Fake.AdminHandler]).
type Quotas struct {
	// SecurityGroupsPerENI is how many security groups one ENI can join
	// (JoinedGroupLimitExceed beyond); the default is 5.
	SecurityGroupsPerENI int `json:"securityGroupsPerEni"`
	// ENIsPerRegion is how many ENIs, primary ENIs aside, the account can
	// have in one region (MaxEniCountExceeded beyond); the default is no
	// limit.
	ENIsPerRegion int `json:"enisPerRegion"`
	// PrivateIPs is how many private IPv4 addresses the account's ENIs
	// can hold in one region, a /28 prefix counting 16
	// (QuotaExceeded.PrivateIpAddress beyond); the default is no limit.
	PrivateIPs int `json:"privateIps"`
	// TagsPerResource is how many tags one resource can carry
	// (QuotaExceed.Tags beyond); the default is 20.
	TagsPerResource int `json:"tagsPerResource"`
}

// withDefaults fills the zero fields of q with their defaults.
func (q Quotas) withDefaults() Quotas {
	if q.SecurityGroupsPerENI == 0 {
		q.SecurityGroupsPerENI = 5
	}
	if q.TagsPerResource == 0 {
		q.TagsPerResource = maxResourceTags
	}
	return q
}

// Option configures a fake made by [New].
type Option func(*config)

// config is what the options set.
type config struct {
	seed    uint64
	world   World
	policy  AddressPolicy
	start   time.Time
	ownerID string
	quotas  Quotas
	logger  *slog.Logger
	keys    map[string]string // access key ID to secret
	delays  Delays

	tokenLifetime time.Duration
	journalLimit  int
}

func defaultConfig() config {
	return config{
		seed:    1,
		start:   time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		ownerID: "1234567890123456",
		delays:  DefaultDelays(),

		tokenLifetime: DefaultTokenLifetime,
	}
}

// WithSeed sets the seed of every random choice the fake makes: IDs, MAC
// addresses, request IDs and random address picks. The same seed and the
// same calls give the same answers. The default seed is 1.
func WithSeed(seed uint64) Option {
	return func(c *config) { c.seed = seed }
}

// WithWorld sets the world the fake starts from. The default is an empty
// world; [DefaultWorld] is a ready-made one. New panics if the world
// fails [World.Validate].
func WithWorld(w World) Option {
	return func(c *config) { c.world = w }
}

// WithAddressPolicy sets how addresses asked for by count are picked. The
// default is [LowestFree].
func WithAddressPolicy(p AddressPolicy) Option {
	return func(c *config) { c.policy = p }
}

// WithStartTime sets the time on the fake's virtual clock when it starts.
// The default is 2026-01-01T00:00:00Z.
func WithStartTime(t time.Time) Option {
	return func(c *config) { c.start = t.UTC() }
}

// WithOwnerID sets the account ID that the fake reports as the owner of
// every resource. The default is "1234567890123456".
func WithOwnerID(id string) Option {
	return func(c *config) { c.ownerID = id }
}

// WithQuotas sets the account's limits; zero fields keep the defaults.
func WithQuotas(q Quotas) Option {
	return func(c *config) { c.quotas = q }
}

// WithJournalLimit keeps only the last n calls in the journal, for a
// fake that serves for long, such as the standalone server. The default,
// 0, keeps every call.
func WithJournalLimit(n int) Option {
	return func(c *config) { c.journalLimit = n }
}

// WithLogger makes the fake trace every call to l at debug level. By
// default the fake logs nothing.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger = l }
}
