package fakeecs

import (
	"errors"
	"net/netip"
	"slices"
	"strings"

	"github.com/ecsfake/ecsfake/fakeecs/internal/ipam"
)

// pool is the part of a vSwitch's address pool, IPv4 or IPv6, that calls
// draw on.
type pool interface {
	Prefix() netip.Prefix
	Take(a netip.Addr) error
	Alloc(pol ipam.Policy, r ipam.Rand) (netip.Addr, bool)
	Release(a netip.Addr) error
	FreePrefixes() int
	TakePrefix(q netip.Prefix) error
	AllocPrefix(pol ipam.Policy, r ipam.Rand) (netip.Prefix, bool)
	ReleasePrefix(q netip.Prefix) error
}

// family holds what differs between IPv4 and IPv6 when a call takes
// addresses: the prefix length of ENI prefixes and the service's error for
// each way an address can be refused.
type family struct {
	v6         bool
	prefixBits int
	outside    func(a netip.Addr, p netip.Prefix) *Error
	reserved   func(a netip.Addr) *Error
	held       func(a netip.Addr) *Error
	malformed  func(s string) *Error
}

// ipv4 refuses addresses as CreateNetworkInterface's error table says.
var ipv4 = family{
	prefixBits: 28,
	outside: func(a netip.Addr, p netip.Prefix) *Error {
		return apiErr("InvalidVSwitchId.IpInvalid", "The specified "+
			"private IP address %s is not in the CIDR block %s of the "+
			"vSwitch.", a, p)
	},
	reserved: func(a netip.Addr) *Error {
		return apiErr("InvalidVSwitchId.IpInvalid", "The specified "+
			"private IP address %s is reserved by the vSwitch.", a)
	},
	held: func(a netip.Addr) *Error {
		return apiErr("InvalidPrivateIpAddress.Duplicated", "The "+
			"specified private IP address %q is duplicated.", a.String())
	},
	malformed: func(s string) *Error {
		return apiErr("InvalidIp.Address", "The specified IP address %q "+
			"is not a valid IPv4 address.", s)
	},
}

// ipv6 refuses addresses as CreateNetworkInterface's error table says.
var ipv6 = family{
	v6:         true,
	prefixBits: 80,
	outside: func(a netip.Addr, p netip.Prefix) *Error {
		return apiErr("InvalidOperation.AddressNotInVSwitchCidr", "")
	},
	reserved: func(a netip.Addr) *Error {
		return apiErr("InvalidIp.Address", "The specified IPv6 address "+
			"%s is reserved by the vSwitch.", a)
	},
	held: func(a netip.Addr) *Error {
		return apiErr("InvalidOperation.AddressAlreadyAllocated",
			"The specified ipv6 has been already allocated.")
	},
	malformed: func(s string) *Error {
		return apiErr("InvalidIp.Address", "The specified IP address %q "+
			"is not a valid IPv6 address.", s)
	},
}

// parseAddr parses an address of the family.
func (fam family) parseAddr(s string) (netip.Addr, *Error) {
	a, err := netip.ParseAddr(s)
	if err != nil || a.Is6() != fam.v6 || a.Is4In6() || a.Zone() != "" {
		return netip.Addr{}, fam.malformed(s)
	}
	return a, nil
}

// refused maps a pool's refusal of address a to the service's error.
func (fam family) refused(err error, a netip.Addr, p netip.Prefix) *Error {
	switch {
	case errors.Is(err, ipam.ErrReserved):
		return fam.reserved(a)
	case errors.Is(err, ipam.ErrHeld):
		return fam.held(a)
	}
	return fam.outside(a, p)
}

// policy is the pools' policy for the fake's address policy.
func (f *Fake) policy() ipam.Policy {
	if f.cfg.policy == RandomFree {
		return ipam.Random
	}
	return ipam.Lowest
}

// takeAddrs holds the given addresses in p for the current call.
func (f *Fake) takeAddrs(p pool, fam family, list []string) (
	[]netip.Addr, *Error) {
	out := make([]netip.Addr, 0, len(list))
	for _, s := range list {
		a, err := fam.parseAddr(s)
		if err != nil {
			return nil, err
		}
		if slices.Contains(out, a) {
			return nil, apiErr("InvalidIp.IpRepeated", "The IP address "+
				"%s is specified more than once.", a)
		}
		if err := p.Take(a); err != nil {
			return nil, fam.refused(err, a, p.Prefix())
		}
		f.onUndo(func() { _ = p.Release(a) })
		out = append(out, a)
	}
	return out, nil
}

// allocAddrs picks n free addresses from p for the current call; short is
// the error when p has fewer.
func (f *Fake) allocAddrs(p pool, n int, short func() *Error) (
	[]netip.Addr, *Error) {
	out := make([]netip.Addr, 0, n)
	for range n {
		a, ok := p.Alloc(f.policy(), f.rng)
		if !ok {
			return nil, short()
		}
		f.onUndo(func() { _ = p.Release(a) })
		out = append(out, a)
	}
	return out, nil
}

// takePrefixes holds the given prefixes in p for the current call.
func (f *Fake) takePrefixes(p pool, fam family, list []string) (
	[]netip.Prefix, *Error) {
	ps, err := fam.parsePrefixes(list)
	if err != nil {
		return nil, err
	}
	for _, q := range ps {
		if err := p.TakePrefix(q); err != nil {
			return nil, prefixRefused(err, q)
		}
		f.onUndo(func() { _ = p.ReleasePrefix(q) })
	}
	return ps, nil
}

// allocPrefixes picks n free prefixes from p for the current call.
func (f *Fake) allocPrefixes(p pool, n int) ([]netip.Prefix, *Error) {
	if p.FreePrefixes() < n {
		return nil, apiErr("InvalidVSwitchId.IpPrefixNotEnough", "")
	}
	out := make([]netip.Prefix, 0, n)
	for range n {
		q, _ := p.AllocPrefix(f.policy(), f.rng)
		f.onUndo(func() { _ = p.ReleasePrefix(q) })
		out = append(out, q)
	}
	return out, nil
}

// parsePrefixes parses prefixes of the family and checks their form: CIDR
// notation, one mask for all, the family's prefix length, no host bits,
// and no prefix twice.
func (fam family) parsePrefixes(list []string) ([]netip.Prefix, *Error) {
	out := make([]netip.Prefix, 0, len(list))
	for _, s := range list {
		q, err := netip.ParsePrefix(s)
		if err != nil || q.Addr().Is6() != fam.v6 || q.Addr().Is4In6() {
			return nil, apiErr("InvalidIp.IpPrefixIllegal", "The ip "+
				"prefixes %s is/are illegal.", strings.Join(list, ","))
		}
		out = append(out, q)
	}
	return out, fam.checkPrefixForm(out)
}

func (fam family) checkPrefixForm(ps []netip.Prefix) *Error {
	for i, q := range ps {
		switch {
		case q.Bits() != ps[0].Bits():
			return apiErr("InvalidIp.IpPrefixMaskNotSame", "The IP "+
				"prefixes %s and %s are illegal. The IP prefix mask "+
				"must be the same.", ps[0], q)
		case q.Bits() != fam.prefixBits:
			return apiErr("InvalidIp.IpPrefixMaskInvalid", "The IP prefix "+
				"mask %d is illegal which must be between %d and %d.",
				q.Bits(), fam.prefixBits, fam.prefixBits)
		case q != q.Masked():
			return apiErr("InvalidIp.IpPrefixNotStrict", "The IP prefix "+
				"%q must be strict CIDR format.", q.String())
		case slices.Contains(ps[:i], q):
			return apiErr("InvalidIp.IpRepeated", "The IP prefix %s is "+
				"specified more than once.", q)
		}
	}
	return nil
}

// prefixRefused maps a pool's refusal of prefix q to the service's error.
func prefixRefused(err error, q netip.Prefix) *Error {
	if errors.Is(err, ipam.ErrOutside) {
		return apiErr("InvalidIp.IpPrefixMustInReserveSegment", "The ip "+
			"prefix %s must in vswitch reserve segment.", q)
	}
	return apiErr("InvalidIp.IpPrefixNotAvailable", "The IP prefix %s is "+
		"not available.", q)
}
