package fakeecs

// addressAsk is what a request asks of a vSwitch's pools beyond the
// primary address: secondary IPv4 and IPv6 addresses and prefixes, each
// by value or by count.
type addressAsk struct {
	v4, v6                 []string
	v4Count, v6Count       *int32
	v4Prefixes, v6Prefixes []string
	v4PrefixCount          *int32
	v6PrefixCount          *int32
}

// askLimits are the bounds an action puts on one request's asks.
type askLimits struct {
	v4List   int // addresses in PrivateIpAddress.N
	v4Count  int // SecondaryPrivateIpAddressCount
	v6       int // Ipv6Address.N and Ipv6AddressCount
	prefixes int // Ipv4Prefix.N, Ipv6Prefix.N and their counts
}

// createLimits are CreateNetworkInterface's bounds: PrivateIpAddress.N
// with N up to 10, SecondaryPrivateIpAddressCount 1 to 49, IPv6 addresses
// and each kind of prefix 1 to 10.
var createLimits = askLimits{v4List: 10, v4Count: 49, v6: 10, prefixes: 10}

// wantsIPv6 reports whether the ask needs IPv6 from the vSwitch.
func (a addressAsk) wantsIPv6() bool {
	return len(a.v6) > 0 || a.v6Count != nil || len(a.v6Prefixes) > 0 ||
		a.v6PrefixCount != nil
}

// check checks that each address kind comes by value or by count, not
// both; that single addresses and prefixes of one family are not mixed;
// and the ranges of every list and count.
func (a addressAsk) check(l askLimits) *Error {
	checks := []func() *Error{
		a.checkExclusions,
		a.checkMixing,
		func() *Error { return a.checkV4(l) },
		func() *Error { return a.checkV6(l) },
		func() *Error { return a.checkPrefixes(l) },
	}
	for _, c := range checks {
		if err := c(); err != nil {
			return err
		}
	}
	return nil
}

func (a addressAsk) checkExclusions() *Error {
	pairs := []struct {
		list  []string
		count *int32
		names [2]string
	}{
		{a.v4, a.v4Count,
			[2]string{"PrivateIpAddress", "SecondaryPrivateIpAddressCount"}},
		{a.v6, a.v6Count, [2]string{"Ipv6Address", "Ipv6AddressCount"}},
		{a.v4Prefixes, a.v4PrefixCount,
			[2]string{"Ipv4Prefix", "Ipv4PrefixCount"}},
		{a.v6Prefixes, a.v6PrefixCount,
			[2]string{"Ipv6Prefix", "Ipv6PrefixCount"}},
	}
	for _, p := range pairs {
		if len(p.list) > 0 && p.count != nil {
			return conflict(p.names[0], p.names[1])
		}
	}
	return nil
}

// checkMixing refuses single addresses and prefixes of one family in one
// request.
func (a addressAsk) checkMixing() *Error {
	v4 := len(a.v4) > 0 || a.v4Count != nil
	v4p := len(a.v4Prefixes) > 0 || a.v4PrefixCount != nil
	if v4 && v4p {
		return conflict("PrivateIpAddress", "Ipv4Prefix")
	}
	v6 := len(a.v6) > 0 || a.v6Count != nil
	v6p := len(a.v6Prefixes) > 0 || a.v6PrefixCount != nil
	if v6 && v6p {
		return conflict("Ipv6Address", "Ipv6Prefix")
	}
	return nil
}

func (a addressAsk) checkV4(l askLimits) *Error {
	if len(a.v4) > l.v4List {
		return apiErr("InvalidParameter", "The parameter "+
			"\"PrivateIpAddress.N\" takes at most %d addresses.", l.v4List)
	}
	switch c := a.v4Count; {
	case c == nil:
	case *c < 1:
		return invalid("SecondaryPrivateIpAddressCount")
	case int(*c) > l.v4Count:
		return apiErr("MaxEniPrivateIpsCountExceeded", "An ENI can take "+
			"at most %d secondary private IP addresses; %d were asked.",
			l.v4Count, *c)
	}
	return nil
}

func (a addressAsk) checkV6(l askLimits) *Error {
	if c := a.v6Count; c != nil && *c < 1 {
		return invalid("Ipv6AddressCount")
	}
	n := len(a.v6)
	if a.v6Count != nil {
		n = int(*a.v6Count)
	}
	if n > l.v6 {
		return apiErr("InvalidOperation.MaxEniIpv6IpsCountExceeded", "")
	}
	return nil
}

func (a addressAsk) checkPrefixes(l askLimits) *Error {
	checks := []struct {
		name  string
		n     int
		count *int32
	}{
		{"Ipv4Prefix", len(a.v4Prefixes), nil},
		{"Ipv4PrefixCount", 0, a.v4PrefixCount},
		{"Ipv6Prefix", len(a.v6Prefixes), nil},
		{"Ipv6PrefixCount", 0, a.v6PrefixCount},
	}
	for _, c := range checks {
		n := c.n
		if c.count != nil {
			n = int(*c.count)
			if n < 1 {
				return invalid(c.name)
			}
		}
		if n > l.prefixes {
			return invalid(c.name)
		}
	}
	return nil
}
