// Command fakeecs serves the fake ECS network-interface API on loopback,
// for tools and programs outside a Go test: anything that speaks the ECS
// RPC protocol, through either Alibaba Cloud Go SDK or another language's.
//
// It holds the built-in default world of package fakeecs, or a world read
// from a JSON file, and logs one line per request to stderr. Under
// /_admin/ it serves the fake's admin API (fakeecs.Fake.AdminHandler),
// which adds fault rules, moves the virtual clock, reads the journal and
// resets the fake. Its state lives in memory and is gone when it stops.
// Usage:
//
//	fakeecs [-port 8040] [-world FILE] [-seed N] [-access-key ID:SECRET]...
//
// SIGINT or SIGTERM stops it cleanly; it then exits 0. A bad flag exits
// 2, and a world file it cannot use, or a port it cannot take, exits 1.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(),
		os.Interrupt, syscall.SIGTERM)
	// After the first signal, a second one ends the process at once.
	context.AfterFunc(ctx, stop)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole command: it parses args, serves until ctx ends, and
// returns the exit code. The banner goes to stdout; the request log and
// every error go to stderr.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "fakeecs: %v\nRun fakeecs -h for the flags.\n",
			err)
		return 2
	}
	if err := serve(ctx, cfg, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "fakeecs: %v\n", err)
		return 1
	}
	return 0
}
