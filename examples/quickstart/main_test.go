package main

import "github.com/ecsfake/ecsfake/fakeecs"

// Example runs the quickstart against a fresh default world; the output is
// the same on every run because the fake is deterministic.
func Example() {
	f := fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()))
	if err := run(f.Client(), f); err != nil {
		panic(err)
	}
	// Output:
	// created   eni-bp17065zm8y4nl52bl0c  Available  primary 192.168.0.1  +2 secondary  mac 00:16:3e:9c:cc:35
	// created   eni-bp1qaj2wjmquagcz6vn8  Available  primary 192.168.0.4  +0 secondary  mac 00:16:3e:6f:f4:e2
	// described 2 ENIs tagged creator=quickstart map[Available:2]
	// refused   HTTP 403 InvalidVSwitchId.IpNotEnough (response body nil: true)
	// deleting  eni-bp17065zm8y4nl52bl0c
	// deleting  eni-bp1qaj2wjmquagcz6vn8
	// described 2 ENIs tagged creator=quickstart map[Deleting:2]
	// advanced  the virtual clock by 1s
	// described 0 ENIs tagged creator=quickstart map[]
}
