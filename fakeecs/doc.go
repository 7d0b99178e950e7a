// Package fakeecs is a deterministic, in-memory fake of the Alibaba Cloud
// ECS elastic network interface API.
package fakeecs
