package fakeecs

import (
	"fmt"
	"time"
)

// RateLimit is a request rate that an action allows, on the virtual
// clock: a bucket of Burst calls that refills at PerSecond calls a
// second. A call that finds the bucket empty is refused with Code, a
// throttling code the SDKs read as such, and changes nothing.
type RateLimit struct {
	PerSecond float64
	Burst     int
	// Code is "Throttling", "Throttling.User" or "Throttling.Api"; empty
	// means "Throttling".
	Code string
}

// bucket is the state of one action's rate limit.
type bucket struct {
	limit  RateLimit
	tokens float64
	at     time.Time
}

// SetRateLimit limits the rate of calls of an action; a zero RateLimit
// removes the limit. It panics for an action the fake does not serve, a
// negative rate or burst, or a code that is not a throttling code.
func (f *Fake) SetRateLimit(a Action, l RateLimit) {
	checkAction(a)
	if l.Code == "" {
		l.Code = "Throttling"
	}
	if l.PerSecond < 0 || l.Burst < 0 || !throttlingCodes[l.Code] {
		panic(fmt.Sprintf("fakeecs: bad rate limit %+v", l))
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if l.PerSecond == 0 && l.Burst == 0 {
		delete(f.buckets, a)
		return
	}
	f.buckets[a] = &bucket{limit: l, tokens: float64(l.Burst), at: f.now}
}

// throttled takes a token from the action's bucket, and returns the
// throttling error when there is none.
func (f *Fake) throttled(a Action) *Error {
	b := f.buckets[a]
	if b == nil {
		return nil
	}
	elapsed := f.now.Sub(b.at).Seconds()
	b.tokens = min(float64(b.limit.Burst), b.tokens+elapsed*b.limit.PerSecond)
	b.at = f.now
	if b.tokens < 1 {
		return apiErr(b.limit.Code, "")
	}
	b.tokens--
	return nil
}
