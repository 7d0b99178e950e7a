package ipam

import (
	"errors"
	"net/netip"
)

// The errors below are the reasons a pool refuses a request. The error a
// method returns wraps one of them, together with the input and the pool,
// and is matched with [errors.Is].
var (
	// ErrOutside reports an address or prefix that is not inside the
	// pool's CIDR block, including one of the other address family.
	ErrOutside = errors.New("outside the pool")

	// ErrReserved reports an address the system reserves, or a prefix
	// that covers one.
	ErrReserved = errors.New("reserved by the system")

	// ErrHeld reports an address that is already held, singly or inside a
	// held prefix, or a prefix that covers a held address.
	ErrHeld = errors.New("already held")

	// ErrNotHeld reports the release of an address or prefix that is not
	// held as such. An address inside a held prefix is not held singly.
	ErrNotHeld = errors.New("not held")

	// ErrUnaligned reports a prefix whose length is not the pool's prefix
	// length (/28 for IPv4, /80 for IPv6) or which has host bits set.
	ErrUnaligned = errors.New("not an aligned prefix of the pool's length")
)

// opError is the refusal of one operation on one input. It unwraps to one
// of the sentinel errors.
type opError struct {
	op    string       // "take", "release", "take prefix", ...
	input string       // the address or prefix as given
	pool  netip.Prefix // the pool's CIDR block
	err   error        // one of the sentinels
}

// Error says which operation failed on what, and why.
func (e *opError) Error() string {
	return "ipam: " + e.op + " " + e.input + " in " + e.pool.String() +
		": " + e.err.Error()
}

// Unwrap returns the sentinel error.
func (e *opError) Unwrap() error { return e.err }

// addrError returns the refusal of op on address a in pool.
func addrError(op string, a netip.Addr, pool netip.Prefix, err error) error {
	return &opError{op: op, input: a.String(), pool: pool, err: err}
}

// prefixError returns the refusal of op on prefix q in pool.
func prefixError(op string, q, pool netip.Prefix, err error) error {
	return &opError{op: op, input: q.String(), pool: pool, err: err}
}
