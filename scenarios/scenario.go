package scenarios

import (
	"github.com/ecsfake/ecsfake/fakeecs"
)

// Scenario is a named failure that can be applied to a fake.
type Scenario struct {
	// Name is a short label, such as "exhausted vSwitch".
	Name string
	// Models says what production behaviour the scenario reproduces.
	Models string
	apply  func(f *fakeecs.Fake)
}

// Apply applies the scenario to f.
func (s Scenario) Apply(f *fakeecs.Fake) { s.apply(f) }

// Apply applies the scenarios to f, in order.
func Apply(f *fakeecs.Fake, ss ...Scenario) {
	for _, s := range ss {
		s.Apply(f)
	}
}

// rule returns a scenario that adds one fault rule.
func rule(name, models string, r fakeecs.Rule) Scenario {
	return Scenario{Name: name, Models: models,
		apply: func(f *fakeecs.Fake) {
			if r.Name == "" {
				r.Name = name
			}
			f.AddRule(r)
		}}
}
