package rpc_test

import (
	"testing"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
)

// typicalParams is a CreateNetworkInterface request as the old SDK sends
// it: the request fields of typicalCreateENI plus the protocol and
// signature parameters, which Decode ignores.
func typicalParams() rpc.Params {
	p := rpc.Encode(typicalCreateENI())
	for k, v := range map[string]string{
		"AccessKeyId": "test-ak", "Action": "CreateNetworkInterface",
		"Format": "JSON", "Signature": "MPYD2I/fsa23S62XIjYT1R3N+NM=",
		"SignatureMethod": "HMAC-SHA1", "SignatureNonce": "f97c0d0e",
		"SignatureType": "", "SignatureVersion": "1.0",
		"Timestamp": "2026-12-03T15:40:20Z", "Version": "2014-05-26",
	} {
		p[k] = v
	}
	return p
}

func BenchmarkDecode(b *testing.B) {
	p := typicalParams()
	b.ReportAllocs()
	b.ReportMetric(float64(len(p)), "params")
	for b.Loop() {
		var req createENI
		if err := rpc.Decode(p, &req); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncode(b *testing.B) {
	req := typicalCreateENI()
	b.ReportAllocs()
	for b.Loop() {
		rpc.Encode(req)
	}
}
