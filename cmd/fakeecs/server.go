package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// The server's limits. The SDKs send every parameter in the query, so a
// request of a real client is far below them.
const (
	maxBodyBytes      = 1 << 20
	maxHeaderBytes    = 64 << 10
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 2 * time.Minute
	// shutdownTimeout is how long requests in flight get to finish once
	// the server is told to stop.
	shutdownTimeout = 5 * time.Second
)

// serve loads the world, builds the fake and its server, prints the
// banner and serves until ctx ends.
func serve(ctx context.Context, cfg config, stdout, stderr io.Writer) error {
	world, err := loadWorld(cfg.world)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	fake := fakeecs.New(cfg.options(world)...)
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", cfg.addr())
	if err != nil {
		return err
	}
	printBanner(stdout, ln.Addr().String(), len(cfg.keys))
	if cfg.clock == "real" {
		go followWallClock(ctx, fake, clockTick)
	}
	log.Info("serving", "addr", ln.Addr().String(), "world",
		worldName(cfg.world), "seed", cfg.seed, "accessKeys", len(cfg.keys))
	return runServer(ctx, newServer(routes(fake, log), log), ln, log)
}

// clockTick is how often the virtual clock catches up with the wall
// clock when the server follows it.
const clockTick = 100 * time.Millisecond

// followWallClock moves the fake's virtual clock as wall time passes, so
// that attaches, detaches and deletes end for clients that poll, until
// ctx ends.
func followWallClock(ctx context.Context, f *fakeecs.Fake,
	tick time.Duration) {
	t := time.NewTicker(tick)
	defer t.Stop()
	last := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			f.Advance(now.Sub(last))
			last = now
		}
	}
}

// adminPrefix is the path under which the server mounts the fake's admin
// API; every other path is the ECS API's.
const adminPrefix = "/_admin/"

// routes serves the fake's admin API under adminPrefix and its wire front
// door at every other path, logging each request on one line.
func routes(f *fakeecs.Fake, log *slog.Logger) http.Handler {
	wire := logRequests(f.Handler(), log)
	admin := logAdmin(http.StripPrefix(strings.TrimSuffix(adminPrefix, "/"),
		f.AdminHandler()), log)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, adminPrefix) {
			admin.ServeHTTP(w, r)
			return
		}
		wire.ServeHTTP(w, r)
	})
}

// worldName says where the world came from, for the log.
func worldName(path string) string {
	if path == "" {
		return "default"
	}
	return path
}

// newServer serves h with the size limits and timeouts. The server's own
// errors go to log at warning level.
func newServer(h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           http.MaxBytesHandler(h, maxBodyBytes),
		MaxHeaderBytes:    maxHeaderBytes,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// runServer serves on ln until ctx ends, then shuts the server down,
// giving the requests in flight shutdownTimeout to finish. It returns
// nil after a clean shutdown.
func runServer(ctx context.Context, srv *http.Server, ln net.Listener,
	log *slog.Logger) error {
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down", "cause", context.Cause(ctx))
	sctx, cancel := context.WithTimeout(context.Background(),
		shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		log.Warn("requests still in flight; closing them", "error", err)
		if err := srv.Close(); err != nil {
			return fmt.Errorf("close: %w", err)
		}
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}
