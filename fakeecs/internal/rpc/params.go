package rpc

import "net/url"

// Params holds the flat parameters of one RPC request: each name maps to
// its value, with list members and object fields flattened into the name
// ("PrivateIpAddress.1", "Tag.2.Key",
// "NetworkInterfaceTrafficConfig.QueueNumber").
//
// A nil Params holds no parameters. Params is a plain map: it is safe for
// concurrent reads but not for a write concurrent with anything else.
type Params map[string]string

// FromValues returns the first value of each name in v. Names with no
// value are left out. The caller merges the query and the form body into
// v first.
func FromValues(v url.Values) Params {
	p := make(Params, len(v))
	for name, vals := range v {
		if len(vals) > 0 {
			p[name] = vals[0]
		}
	}
	return p
}

// FromPointers returns the parameters in m, leaving out nil values. It
// accepts the map that the v7 SDK's openapiutil.Query builds from a
// request.
func FromPointers(m map[string]*string) Params {
	p := make(Params, len(m))
	for name, val := range m {
		if val != nil {
			p[name] = *val
		}
	}
	return p
}

// Values returns p as url.Values with one value per name, ready to be
// encoded as a query or a form body.
func (p Params) Values() url.Values {
	v := make(url.Values, len(p))
	for name, val := range p {
		v[name] = []string{val}
	}
	return v
}
