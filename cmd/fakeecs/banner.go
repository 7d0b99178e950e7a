package main

import (
	"fmt"
	"io"
)

// printBanner tells where the server listens, how to point each SDK and
// the tools that read ECS_ENDPOINT at it, and where the admin API is.
// addr is the host and port actually bound; keys is the number of access
// keys accepted.
func printBanner(w io.Writer, addr string, keys int) {
	fmt.Fprintf(w, "fakeecs: serving the ECS API on http://%s\n", addr)
	fmt.Fprintf(w, "  v7 SDK, ECS and VPC clients: "+
		"Endpoint: %q, Protocol: \"HTTP\"\n", addr)
	fmt.Fprintf(w, "  older SDK: client.Domain = %q "+
		"(HTTP is its default scheme)\n", addr)
	fmt.Fprintf(w, "  tools: export ECS_ENDPOINT=%s\n", addr)
	fmt.Fprintf(w, "  admin: http://%s%s (see the README)\n", addr,
		adminPrefix)
	if keys == 0 {
		fmt.Fprintln(w, "  access keys: any key and signature are accepted")
		return
	}
	fmt.Fprintf(w, "  access keys: signatures are checked; %d %s accepted\n",
		keys, plural(keys, "key is", "keys are"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
