package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestParseFlagsReadsEveryFlag checks the defaults and that each flag
// lands in the config, -access-key repeated and with a colon in a secret.
func TestParseFlagsReadsEveryFlag(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want config
	}{
		{"defaults", nil, config{port: 8040, seed: 1, clock: "real"}},
		{"every flag", []string{"-port", "0", "-world", "w.json",
			"-seed", "7", "-access-key", "ak:sk", "-access-key", "ak2:s:k",
			"-clock", "manual"},
			config{port: 0, world: "w.json", seed: 7, keys: accessKeys{
				{id: "ak", secret: "sk"}, {id: "ak2", secret: "s:k"}},
				clock: "manual"}},
		{"highest port", []string{"-port", "65535"},
			config{port: 65535, seed: 1, clock: "real"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseFlags(tt.args, &bytes.Buffer{})
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
		})
	}
}

// TestParseFlagsRefusesBadFlags checks the exact message for each kind
// of bad command line.
func TestParseFlagsRefusesBadFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"port not a number", []string{"-port", "x"},
			`invalid value "x" for flag -port: parse error`},
		{"port too high", []string{"-port", "65536"},
			"-port 65536 is not a port from 0 to 65535"},
		{"negative port", []string{"-port", "-1"},
			"-port -1 is not a port from 0 to 65535"},
		{"negative seed", []string{"-seed", "-1"},
			`invalid value "-1" for flag -seed: parse error`},
		{"key without colon", []string{"-access-key", "ak"},
			`invalid value "ak" for flag -access-key: ` +
				"want ID:SECRET, both non-empty"},
		{"key without ID", []string{"-access-key", ":sk"},
			`invalid value ":sk" for flag -access-key: ` +
				"want ID:SECRET, both non-empty"},
		{"key without secret", []string{"-access-key", "ak:"},
			`invalid value "ak:" for flag -access-key: ` +
				"want ID:SECRET, both non-empty"},
		{"key given twice", []string{"-access-key", "ak:a",
			"-access-key", "ak:b"},
			`invalid value "ak:b" for flag -access-key: ` +
				"access key ak is given twice"},
		{"unknown flag", []string{"-verbose"},
			"flag provided but not defined: -verbose"},
		{"argument after the flags", []string{"-seed", "3", "serve"},
			`unexpected argument "serve"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseFlags(tt.args, &bytes.Buffer{})
			require.EqualError(t, err, tt.want)
		})
	}
}

// TestRunExitCodes checks what the command prints and returns when it
// stops before serving: help, a bad flag, an unusable world file.
func TestRunExitCodes(t *testing.T) {
	missing := t.TempDir() + "/missing.json"
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string
	}{
		{"bad flag", []string{"-port", "x"}, 2,
			"fakeecs: invalid value \"x\" for flag -port: parse error\n" +
				"Run fakeecs -h for the flags.\n"},
		{"missing world file", []string{"-world", missing}, 1,
			"fakeecs: world file: open " + missing +
				": no such file or directory\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, &stdout, &stderr)
			require.Equal(t, tt.wantCode, code)
			require.Equal(t, tt.wantStderr, stderr.String())
			require.Empty(t, stdout.String())
		})
	}
}

// TestRunPrintsHelp checks that -h prints the flags and exits 0.
func TestRunPrintsHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"-h"}, &stdout, &stderr)
	require.Equal(t, 0, code)
	require.Contains(t, stderr.String(), "Usage of fakeecs:\n")
	for _, f := range []string{"-access-key ID:SECRET", "-port port",
		"-seed seed", "-world file"} {
		require.Contains(t, stderr.String(), "  "+f+"\n")
	}
}
