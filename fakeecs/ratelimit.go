package fakeecs

import (
	"cmp"
	"fmt"
	"math"
	"time"
)

// RateLimit is a request rate that an action, or the account over every
// action, allows on the virtual clock: a bucket of Burst calls that
// refills at PerSecond calls a second. A call that finds the bucket
// empty is refused with Code, a throttling code the SDKs read as such,
// and changes nothing.
type RateLimit struct {
	PerSecond float64
	Burst     int
	// Code is "Throttling", "Throttling.User" or "Throttling.Api"; empty
	// means "Throttling".
	Code string
	// Status is the HTTP status of the refusal, from 400 to 599; zero
	// means 400, the status the SDKs have been seen to get.
	Status int
}

// accountWide keys the account's rate limit among the actions' limits.
const accountWide Action = "*"

// bucket is the state of one action's rate limit.
type bucket struct {
	limit  RateLimit
	tokens float64
	at     time.Time
}

// SetRateLimit limits the rate of calls of an action; a zero RateLimit
// removes the limit. It panics for an action the fake does not serve or
// a limit that check refuses.
func (f *Fake) SetRateLimit(a Action, l RateLimit) {
	checkAction(a)
	f.setRateLimit(a, l)
}

// SetAccountRateLimit limits the rate of the account's calls of every
// action together, as the service's per-account flow control does; a
// zero RateLimit removes the limit. A call must find a token in the
// account's bucket and then in its action's, if it has one; it takes the
// account's token even when its action's bucket then refuses it. It
// panics for a limit that SetRateLimit would refuse.
func (f *Fake) SetAccountRateLimit(l RateLimit) {
	f.setRateLimit(accountWide, l)
}

// setRateLimit sets the limit of an action, or of the account.
func (f *Fake) setRateLimit(a Action, l RateLimit) {
	l, err := l.normal()
	if err != nil {
		panic("fakeecs: bad rate limit: " + err.Error())
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if l.PerSecond == 0 && l.Burst == 0 {
		delete(f.buckets, a)
		return
	}
	f.buckets[a] = &bucket{limit: l, tokens: float64(l.Burst), at: f.now}
}

// normal returns the limit with its default code, or what is wrong with
// it: a limit with no rate and no burst removes the limit, and so takes
// no code or status either.
func (l RateLimit) normal() (RateLimit, error) {
	if l.PerSecond == 0 && l.Burst == 0 {
		if l != (RateLimit{}) {
			return l, fmt.Errorf("a limit with no rate and no burst " +
				"removes the limit and takes no code or status")
		}
		return l, nil
	}
	l.Code = cmp.Or(l.Code, "Throttling")
	return l, l.check()
}

// check refuses a rate that is negative or not finite, a negative burst,
// a burst of 0 with a rate (a bucket that never holds a call), a code
// that is not a throttling code, and a status that is not an error's.
func (l RateLimit) check() error {
	switch {
	case l.Status != 0 && (l.Status < 400 || l.Status > 599):
		return fmt.Errorf("status %d is not from 400 to 599", l.Status)
	case !(l.PerSecond >= 0) || math.IsInf(l.PerSecond, 1):
		return fmt.Errorf("perSecond %v is not a finite rate of 0 or more",
			l.PerSecond)
	case l.Burst < 0:
		return fmt.Errorf("burst %d is negative", l.Burst)
	case l.Burst == 0 && l.PerSecond > 0:
		return fmt.Errorf("a burst of 0 lets no call through")
	case !throttlingCodes[l.Code]:
		return fmt.Errorf("code %q is not Throttling, Throttling.User or "+
			"Throttling.Api", l.Code)
	}
	return nil
}

// throttled takes a token from the account's bucket and then from the
// action's, and returns the throttling error of the first that has none.
func (f *Fake) throttled(a Action) *Error {
	if e := f.take(accountWide); e != nil {
		return e
	}
	return f.take(a)
}

// take takes a token from a bucket, if there is one, and returns the
// throttling error when it is empty.
func (f *Fake) take(a Action) *Error {
	b := f.buckets[a]
	if b == nil {
		return nil
	}
	elapsed := f.now.Sub(b.at).Seconds()
	b.tokens = min(float64(b.limit.Burst), b.tokens+elapsed*b.limit.PerSecond)
	b.at = f.now
	if b.tokens >= 1 {
		b.tokens--
		return nil
	}
	e := apiErr(b.limit.Code, "")
	if b.limit.Status != 0 {
		e.HTTPStatus = b.limit.Status
	}
	return e
}
