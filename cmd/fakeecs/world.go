package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// loadWorld reads the world of a JSON file in the format of
// fakeecs.World, or returns the built-in default world for an empty
// path. It refuses a file it cannot read or parse, a key the format does
// not know, an impossible world and a world without a region, saying
// which and where.
func loadWorld(path string) (fakeecs.World, error) {
	if path == "" {
		return fakeecs.DefaultWorld(), nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fakeecs.World{}, fmt.Errorf("world file: %w", err)
	}
	w, err := decodeWorld(data)
	if err != nil {
		return fakeecs.World{}, fmt.Errorf("world file %s: %w", path, err)
	}
	if err := w.Validate(); err != nil {
		return fakeecs.World{}, fmt.Errorf(
			"world file %s is impossible:\n%w", path, err)
	}
	if len(w.Regions) == 0 {
		// An empty world is valid, but a server on it can only answer
		// every call with an unknown region.
		return fakeecs.World{}, fmt.Errorf(
			"world file %s holds no region", path)
	}
	return w, nil
}

// decodeWorld parses one JSON object into a World. Unknown keys are
// errors, so that a misspelt key is not silently dropped.
func decodeWorld(data []byte) (fakeecs.World, error) {
	var w fakeecs.World
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return fakeecs.World{}, jsonError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fakeecs.World{}, errors.New(
			"more data after the world's closing brace")
	}
	return w, nil
}

// jsonError adds the line and column to a decoding error that knows its
// byte offset, and names an empty or truncated file as such.
func jsonError(data []byte, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return errors.New("the file holds no JSON")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the JSON ends before the world does")
	case errors.As(err, &syntax):
		return atOffset(data, syntax.Offset, err)
	case errors.As(err, &typ):
		return atOffset(data, typ.Offset, err)
	}
	return err
}

// atOffset prefixes err with the 1-based line and column of the byte
// just before offset, where the decoder stopped.
func atOffset(data []byte, offset int64, err error) error {
	before := data[:min(int(offset), len(data))]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n') - 1
	return fmt.Errorf("line %d, column %d: %w", line, col, err)
}
