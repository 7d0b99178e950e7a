package fakeecs

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"
)

// regionPrefixes maps regions to the three characters that the service puts
// after the dash of the IDs it makes there ("eni-bp1…" in cn-hangzhou).
var regionPrefixes = map[string]string{
	"cn-hangzhou":    "bp1",
	"cn-shanghai":    "uf6",
	"cn-beijing":     "2ze",
	"cn-shenzhen":    "wz9",
	"cn-qingdao":     "m5e",
	"cn-zhangjiakou": "8vb",
	"cn-huhehaote":   "hp3",
	"cn-hongkong":    "j6c",
	"ap-southeast-1": "t4n",
	"ap-northeast-1": "6we",
	"us-west-1":      "rj9",
	"us-east-1":      "0xi",
	"eu-central-1":   "gw8",
}

const idAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789"

// idPrefix returns the ID prefix of a region: the one the world gives, the
// real one, or three characters derived from the region's name.
func idPrefix(r Region) string {
	if r.IDPrefix != "" {
		return r.IDPrefix
	}
	if p, ok := regionPrefixes[r.ID]; ok {
		return p
	}
	h := fnv.New64a()
	h.Write([]byte(r.ID))
	n := h.Sum64()
	var b strings.Builder
	for range 3 {
		b.WriteByte(idAlphabet[n%uint64(len(idAlphabet))])
		n /= uint64(len(idAlphabet))
	}
	return b.String()
}

// newID returns a resource ID such as "eni-bp1" followed by seventeen
// lower-case letters and digits, drawn from the state's random source.
func newID(r *rand.Rand, kind, prefix string) string {
	var b strings.Builder
	b.WriteString(kind + "-" + prefix)
	for range 17 {
		b.WriteByte(idAlphabet[r.IntN(len(idAlphabet))])
	}
	return b.String()
}

// newMAC returns a MAC address under the 00:16:3e prefix that Alibaba Cloud
// uses for its virtual interfaces.
func newMAC(r *rand.Rand) string {
	n := r.Uint32()
	return fmt.Sprintf("00:16:3e:%02x:%02x:%02x",
		byte(n>>16), byte(n>>8), byte(n))
}

// newRequestID returns a request ID in the service's form: an upper-case
// UUID.
func newRequestID(r *rand.Rand) string {
	a, b := r.Uint64(), r.Uint64()
	return fmt.Sprintf("%08X-%04X-%04X-%04X-%012X",
		a>>32, (a>>16)&0xffff, a&0xffff, b>>48, b&0xffffffffffff)
}
