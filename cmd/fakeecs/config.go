package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// config is what the command line asks for. The zero value is not
// useful; parseFlags fills in the defaults.
type config struct {
	// port is the TCP port on 127.0.0.1; 0 asks the system for a free one.
	port int
	// world is the path of a JSON world file; empty means the built-in
	// default world.
	world string
	// seed drives every identifier, MAC address and request ID.
	seed uint64
	// keys are the only access keys accepted when there are any; with
	// none, every key and signature is accepted.
	keys accessKeys
	// clock is "real", for a virtual clock that follows the wall clock,
	// or "manual", for one that moves only through the admin API.
	clock string
}

// The defaults of the flags. The default seed is the library's.
const (
	defaultPort = 8040
	defaultSeed = 1
)

// journalLimit is how many calls the server's journal keeps, so that a
// server polled for days does not grow without bound.
const journalLimit = 10000

// parseFlags reads the command line into a config. It returns
// flag.ErrHelp, after printing the usage to stderr, when asked for help.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("fakeecs", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.IntVar(&cfg.port, "port", defaultPort,
		"TCP `port` on 127.0.0.1; 0 picks a free one")
	fs.StringVar(&cfg.world, "world", "",
		"JSON `file` holding the world (default the built-in world)")
	fs.Uint64Var(&cfg.seed, "seed", defaultSeed,
		"`seed` of every identifier, MAC address and request ID")
	fs.Var(&cfg.keys, "access-key", "accept only this `ID:SECRET` "+
		"and check signatures; repeatable (default any key)")
	fs.StringVar(&cfg.clock, "clock", "real", "`real`: transitions end "+
		"as wall time passes; manual: only through the admin API")
	err := fs.Parse(args)
	if err == flag.ErrHelp {
		fs.SetOutput(stderr)
		fs.Usage()
		return config{}, err
	}
	if err != nil {
		return config{}, err
	}
	return cfg, cfg.check(fs.Args())
}

// check refuses a port out of range and arguments after the flags.
func (c config) check(rest []string) error {
	if len(rest) > 0 {
		return fmt.Errorf("unexpected argument %q", rest[0])
	}
	if c.port < 0 || c.port > 65535 {
		return fmt.Errorf("-port %d is not a port from 0 to 65535", c.port)
	}
	if c.clock != "real" && c.clock != "manual" {
		return fmt.Errorf("-clock %q is neither real nor manual", c.clock)
	}
	return nil
}

// addr is the address to listen on.
func (c config) addr() string {
	return "127.0.0.1:" + strconv.Itoa(c.port)
}

// options are the fake's options for the config and a loaded world.
func (c config) options(w fakeecs.World) []fakeecs.Option {
	opts := []fakeecs.Option{fakeecs.WithWorld(w), fakeecs.WithSeed(c.seed),
		fakeecs.WithJournalLimit(journalLimit)}
	for _, k := range c.keys {
		opts = append(opts, fakeecs.WithCredentials(k.id, k.secret))
	}
	return opts
}

// accessKey is one key pair of the -access-key flag.
type accessKey struct {
	id, secret string
}

// accessKeys is the value of the repeatable -access-key flag.
type accessKeys []accessKey

// String lists the key IDs, never the secrets.
func (k *accessKeys) String() string {
	ids := make([]string, len(*k))
	for i, key := range *k {
		ids[i] = key.id
	}
	return strings.Join(ids, ",")
}

// Set adds one ID:SECRET pair. The ID ends at the first colon, so the
// secret may hold colons. An ID given twice is refused, since only one
// of its secrets could be checked.
func (k *accessKeys) Set(s string) error {
	id, secret, _ := strings.Cut(s, ":")
	if id == "" || secret == "" {
		return fmt.Errorf("want ID:SECRET, both non-empty")
	}
	for _, key := range *k {
		if key.id == id {
			return fmt.Errorf("access key %s is given twice", id)
		}
	}
	*k = append(*k, accessKey{id: id, secret: secret})
	return nil
}
