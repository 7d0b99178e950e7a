// Package ipam hands out the private addresses and prefixes of one vSwitch.
//
// A [V4] pool covers the IPv4 CIDR block of a vSwitch and a [V6] pool its
// IPv6 /64. Each pool holds single addresses, as an elastic network
// interface's private IP addresses, and aligned prefixes, as the /28 IPv4
// and /80 IPv6 prefixes assigned to an interface. An address is never held
// twice, and never both singly and inside a held prefix.
//
// # What is modelled
//
//   - The addresses the system keeps for itself. The Alibaba Cloud VPC
//     documentation ("Create and manage a vSwitch") reserves the first and
//     the last three IPv4 addresses of a vSwitch CIDR block. The page "Use a
//     reserved CIDR block to assign prefixes to an ENI" reserves "the first
//     and last three IPv4 addresses, along with the first and last nine IPv6
//     addresses of the vSwitch".
//   - The sizes the service accepts: a vSwitch IPv4 mask of /16 to /29, an
//     IPv6 block of /64, IPv4 prefixes of /28 and IPv6 prefixes of /80, each
//     aligned on its own size.
//   - A prefix is given out only where none of its addresses is reserved or
//     held, and an address is not given out inside a held prefix.
//
// # What is not
//
//   - The order in which the real service picks addresses is not
//     documented. [Lowest] picks the lowest free one, which makes tests
//     readable; [Random] picks uniformly from a source the caller seeds. A
//     test that needs a particular address should ask for it with Take.
//   - Reserved CIDR blocks, which set aside part of a vSwitch for prefixes
//     only, are not modelled: every free address may go to either use.
//   - Addresses used by other kinds of resource (load balancers, databases)
//     exist only if the caller takes them.
//
// Use a real account when a test depends on which address the service
// picks, or on how it behaves once a vSwitch runs out of addresses under
// concurrent requests from other accounts or services.
//
// # Cost
//
// Every operation on a pool costs O(log n) in the size of the pool, never a
// scan of its CIDR block; lowest-first IPv6 addresses are amortised
// O(log n). Pools are not safe for concurrent use: the caller serialises
// access, as the fake does under its own lock.
package ipam
