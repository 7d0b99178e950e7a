package fakeecs

import (
	"cmp"
	"maps"
	"slices"
	"time"
)

// ruleJSON is the body of POST /rules: a [Rule] in the admin API's words.
type ruleJSON struct {
	Name        string            `json:"name"`
	Action      Action            `json:"action"`
	Match       map[string]string `json:"match"`
	Fire        fireJSON          `json:"fire"`
	Effect      effectJSON        `json:"effect"`
	AfterCommit bool              `json:"afterCommit"`
}

// fireJSON is a [Firing]: its kind and the fields that kind reads.
type fireJSON struct {
	Kind    string  `json:"kind"`
	N       int     `json:"n"`
	P       float64 `json:"p"`
	Pattern []bool  `json:"pattern"`
	Until   string  `json:"until"`
}

// effectJSON is an [Effect]: its kind and the fields that kind reads.
type effectJSON struct {
	Kind    string `json:"kind"`
	Code    string `json:"code"`
	Status  int    `json:"status"`
	Message string `json:"message"`
	Delay   string `json:"delay"`
}

// rule checks the rule's parts and builds it, refusing what AddRule and
// the constructors would panic for.
func (j ruleJSON) rule() (Rule, error) {
	if err := knownAction(j.Action); err != nil {
		return Rule{}, err
	}
	fire, err := j.Fire.firing()
	if err != nil {
		return Rule{}, err
	}
	effect, err := j.Effect.effect()
	if err != nil {
		return Rule{}, err
	}
	return Rule{Name: j.Name, Action: j.Action,
		Match: MatchParams(j.Match), Fire: fire, Effect: effect,
		AfterCommit: j.AfterCommit}, nil
}

// firings builds each kind of firing; the empty kind is "always".
var firings = map[string]func(fireJSON) (Firing, error){
	"":       func(fireJSON) (Firing, error) { return Always(), nil },
	"always": func(fireJSON) (Firing, error) { return Always(), nil },
	"nth": func(j fireJSON) (Firing, error) {
		return OnNth(j.N), j.positive()
	},
	"firstN": func(j fireJSON) (Firing, error) {
		return FirstN(j.N), j.positive()
	},
	"everyKth": func(j fireJSON) (Firing, error) {
		return EveryKth(j.N), j.positive()
	},
	"probability": func(j fireJSON) (Firing, error) {
		return WithProbability(j.P), j.probability()
	},
	"sequence": func(j fireJSON) (Firing, error) {
		return Sequence(j.Pattern...), j.pattern()
	},
	"until": fireJSON.until,
}

func (j fireJSON) firing() (Firing, error) {
	build, ok := firings[j.Kind]
	if !ok {
		return Firing{}, badRequest("fire.kind %q is not always, nth, "+
			"firstN, everyKth, probability, sequence or until", j.Kind)
	}
	set := map[string]bool{"n": j.N != 0, "p": j.P != 0,
		"pattern": j.Pattern != nil, "until": j.Until != ""}
	if err := unread("fire", j.Kind, set, fireFields); err != nil {
		return Firing{}, err
	}
	return build(j)
}

// fireFields and effectFields are the fields each kind reads.
var (
	fireFields = map[string][]string{"nth": {"n"}, "firstN": {"n"},
		"everyKth": {"n"}, "probability": {"p"},
		"sequence": {"pattern"}, "until": {"until"}}
	effectFields = map[string][]string{
		"fail":     {"code", "status", "message"},
		"throttle": {"code"}, "delay": {"delay"}}
)

// unread refuses a field that is set but that the kind does not read,
// so that a mistake in a rule is not passed over in silence.
func unread(part, kind string, set map[string]bool,
	reads map[string][]string) error {
	for _, name := range slices.Sorted(maps.Keys(set)) {
		if set[name] && !slices.Contains(reads[kind], name) {
			return badRequest("%s.%s means nothing to %s.kind %q", part,
				name, part, kind)
		}
	}
	return nil
}

func (j fireJSON) positive() error {
	if j.N < 1 {
		return badRequest("fire.n must be at least 1, not %d", j.N)
	}
	return nil
}

func (j fireJSON) probability() error {
	if j.P < 0 || j.P > 1 {
		return badRequest("fire.p must be from 0 to 1, not %v", j.P)
	}
	return nil
}

func (j fireJSON) pattern() error {
	if len(j.Pattern) == 0 {
		return badRequest("fire.pattern is empty")
	}
	return nil
}

func (j fireJSON) until() (Firing, error) {
	t, err := time.Parse(time.RFC3339, j.Until)
	if err != nil {
		return Firing{}, badRequest("fire.until %q is not an RFC 3339 "+
			"time such as \"2026-01-01T00:00:30Z\"", j.Until)
	}
	return Until(t), nil
}

// effects builds each kind of effect.
var effects = map[string]func(effectJSON) (Effect, error){
	"fail":     effectJSON.fail,
	"throttle": effectJSON.throttle,
	"delay":    effectJSON.delay,
	"hang":     func(effectJSON) (Effect, error) { return Hang(), nil },
	"drop":     func(effectJSON) (Effect, error) { return Drop(), nil },
}

func (j effectJSON) effect() (Effect, error) {
	build, ok := effects[j.Kind]
	if !ok {
		return Effect{}, badRequest("effect.kind %q is not fail, "+
			"throttle, delay, hang or drop", j.Kind)
	}
	set := map[string]bool{"code": j.Code != "", "status": j.Status != 0,
		"message": j.Message != "", "delay": j.Delay != ""}
	if err := unread("effect", j.Kind, set, effectFields); err != nil {
		return Effect{}, err
	}
	return build(j)
}

// fail is a catalogued code with its status and message, either of which
// the body may replace, or any code with the status the body gives.
func (j effectJSON) fail() (Effect, error) {
	status, known := StatusOf(j.Code)
	switch {
	case j.Code == "":
		return Effect{}, badRequest("effect.code is required")
	case j.Status == 0 && !known:
		return Effect{}, badRequest("effect.code %q is not in the "+
			"catalogue; give its effect.status", j.Code)
	case j.Status != 0 && (j.Status < 400 || j.Status > 599):
		return Effect{}, badRequest("effect.status must be from 400 to "+
			"599, not %d", j.Status)
	}
	return FailWith(j.Code, cmp.Or(j.Status, status),
		cmp.Or(j.Message, catalogue[j.Code].Message)), nil
}

// throttle is a throttling code, "Throttling" when the body gives none.
func (j effectJSON) throttle() (Effect, error) {
	code := cmp.Or(j.Code, "Throttling")
	if !throttlingCodes[code] {
		return Effect{}, badRequest("effect.code %q is not Throttling, "+
			"Throttling.User or Throttling.Api", code)
	}
	return Throttle(code), nil
}

func (j effectJSON) delay() (Effect, error) {
	d, err := parseDuration("effect.delay", j.Delay)
	return Delay(d), err
}
