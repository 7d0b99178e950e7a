package ipam_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/netip"

	"github.com/ecsfake/ecsfake/fakeecs/internal/ipam"
)

func ExampleV4() {
	pool, err := ipam.NewV4(netip.MustParsePrefix("10.0.0.0/24"))
	if err != nil {
		panic(err)
	}
	fmt.Println(pool.Available())

	a, _ := pool.Alloc(ipam.Lowest, nil)
	q, _ := pool.AllocPrefix(ipam.Lowest, nil)
	fmt.Println(a, q, pool.Available())

	err = pool.Take(netip.MustParseAddr("10.0.0.255"))
	fmt.Println(errors.Is(err, ipam.ErrReserved), err)
	// Output:
	// 252
	// 10.0.0.1 10.0.0.16/28 235
	// true ipam: take 10.0.0.255 in 10.0.0.0/24: reserved by the system
}

// The Random policy draws from the caller's source, so a fixed seed gives
// the same addresses on every run.
func ExampleV4_random() {
	pool, _ := ipam.NewV4(netip.MustParsePrefix("192.168.0.0/20"))
	r := rand.New(rand.NewPCG(1, 2))
	for range 3 {
		a, _ := pool.Alloc(ipam.Random, r)
		fmt.Println(a)
	}
	// Output:
	// 192.168.12.77
	// 192.168.9.218
	// 192.168.12.139
}

func ExampleV6() {
	pool, err := ipam.NewV6(netip.MustParsePrefix("2001:db8:1:2::/64"))
	if err != nil {
		panic(err)
	}
	a, _ := pool.Alloc(ipam.Lowest, nil)
	q, _ := pool.AllocPrefix(ipam.Lowest, nil)
	fmt.Println(a, q, pool.HeldCount(), pool.FreePrefixes())

	// Releasing and allocating again gives the same address back.
	_ = pool.Release(a)
	a, _ = pool.Alloc(ipam.Lowest, nil)
	fmt.Println(a)

	last := netip.MustParseAddr("2001:db8:1:2:ffff:ffff:ffff:fff7")
	fmt.Println(pool.Reserved(last), pool.Reserved(last.Prev()))
	// Output:
	// 2001:db8:1:2::1 2001:db8:1:2:1::/80 1 65533
	// 2001:db8:1:2::1
	// true false
}
