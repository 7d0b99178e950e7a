package main

import "github.com/ecsfake/ecsfake/fakeecs"

// Example runs the quickstart against a fresh default world; the output is
// the same on every run because the fake is deterministic.
func Example() {
	f := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()))
	if err := run(f.Client()); err != nil {
		panic(err)
	}
	// Output:
	// created   eni-bp17065zm8y4nl52bl0c  Available  primary 192.168.0.1  +2 secondary  mac 00:16:3e:9c:cc:35
	// created   eni-bp1qaj2wjmquagcz6vn8  Available  primary 192.168.0.4  +0 secondary  mac 00:16:3e:6f:f4:e2
	// described 2 ENIs tagged creator=quickstart
	// refused   HTTP 403 InvalidVSwitchId.IpNotEnough (response body nil: true)
	// deleted   eni-bp17065zm8y4nl52bl0c
	// deleted   eni-bp1qaj2wjmquagcz6vn8
	// described 0 ENIs tagged creator=quickstart
}
