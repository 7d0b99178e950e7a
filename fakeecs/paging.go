package fakeecs

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
)

// Paging of the list actions. A list
// comes out in a fixed order, each item with a position key that sorts in
// that order: its ID, or its creation number written as fixed-width hex.
// A NextToken names the key of the last item of its page, so that it
// stays good when items come and go between pages, and carries a hash of
// the query's filters, so that it is good only for the query that made
// it: "AAAAA", the key in hex, ".", and the hash.

// tokenPrefix starts every NextToken the fake makes.
const tokenPrefix = "AAAAA"

// listPaging is the paging part of a list answer. NextToken is always
// there, empty on the last page; TotalCount, PageNumber and PageSize only
// in page mode, since the reference calls TotalCount invalid in NextToken
// mode.
type listPaging struct {
	NextToken  *string `json:",omitempty"`
	TotalCount *int    `json:",omitempty"`
	PageNumber *int    `json:",omitempty"`
	PageSize   *int    `json:",omitempty"`
}

// checkPages refuses a PageNumber below 1 and a PageSize outside 1 to
// most, each where given.
func checkPages(number, size *int32, most int) *Error {
	if number != nil && *number < 1 {
		return invalid("PageNumber")
	}
	if size != nil && (*size < 1 || int(*size) > most) {
		return invalid("PageSize")
	}
	return nil
}

// sizeOr returns a checked PageSize, or the default when it is absent.
func sizeOr(size *int32) int {
	if size == nil {
		return defaultPerPage
	}
	return int(*size)
}

// seqKey is the position key of an item listed in creation order.
func seqKey(seq uint64) string {
	return fmt.Sprintf("%016x", seq)
}

// pageByToken answers a page in NextToken mode: the first size items of
// all whose key sorts after the token's. filters is the query without its
// paging parameters.
func pageByToken[T any](all []T, key func(T) string, token string,
	size int, filters any) ([]T, listPaging, *Error) {
	start := 0
	if token != "" {
		after, err := parseListToken(token, filters)
		if err != nil {
			return nil, listPaging{}, err
		}
		start = sort.Search(len(all), func(i int) bool {
			return key(all[i]) > after
		})
	}
	page, next := firstPage(all[start:], size, key, filters)
	return page, listPaging{NextToken: &next}, nil
}

// pageByNumber answers page number (from 1) of the given size in page
// mode, with the total and the NextToken of the position after the page.
func pageByNumber[T any](all []T, key func(T) string, number, size int,
	filters any) ([]T, listPaging) {
	start := len(all)
	if int64(number-1)*int64(size) < int64(len(all)) {
		start = (number - 1) * size
	}
	page, next := firstPage(all[start:], size, key, filters)
	total := len(all)
	return page, listPaging{NextToken: &next, TotalCount: &total,
		PageNumber: &number, PageSize: &size}
}

// firstPage returns a copy of the first size items of list, never nil,
// and the token of the last of them when more follow.
func firstPage[T any](list []T, size int, key func(T) string,
	filters any) ([]T, string) {
	if len(list) <= size {
		return append([]T{}, list...), ""
	}
	page := append([]T{}, list[:size]...)
	return page, makeListToken(key(page[size-1]), filters)
}

// makeListToken returns the NextToken of the position after the item
// with the given key, for a query with the given filters.
func makeListToken(key string, filters any) string {
	return tokenPrefix + hex.EncodeToString([]byte(key)) + "." +
		hashOf(filters)
}

// parseListToken reads a NextToken made by makeListToken for a query with
// the given filters, and returns its key.
func parseListToken(token string, filters any) (string, *Error) {
	rest, ok := strings.CutPrefix(token, tokenPrefix)
	h, hash, ok2 := strings.Cut(rest, ".")
	key, err := hex.DecodeString(h)
	if !ok || !ok2 || err != nil || hash != hashOf(filters) {
		return "", invalid("NextToken")
	}
	return string(key), nil
}

// hashOf hashes the JSON of v, a query's filters, into a short string.
func hashOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic("fakeecs: filters cannot be encoded: " + err.Error())
	}
	h := fnv.New32a()
	h.Write(b)
	return strconv.FormatUint(uint64(h.Sum32()), 36)
}
