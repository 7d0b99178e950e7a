package fakeecs

import (
	"fmt"
	"slices"
	"unicode/utf8"
)

// listTagsRequest is ListTagResources' request.
type listTagsRequest struct {
	RegionID     string      `rpc:"RegionId"`
	ResourceType string      `rpc:"ResourceType"`
	ResourceIDs  []string    `rpc:"ResourceId"`
	Tags         []tagParam  `rpc:"Tag"`
	TagFilters   []tagFilter `rpc:"TagFilter"`
	NextToken    string
}

// tagFilter is one TagFilter.N of ListTagResources.
type tagFilter struct {
	TagKey    string
	TagValues []string
}

// listTagsAnswer is ListTagResources' answer. NextToken is empty on the
// last page.
type listTagsAnswer struct {
	meta
	NextToken    string
	TagResources struct{ TagResource []tagResourceView }
}

// tagResourceView is one row of the answer: one tag of one resource.
type tagResourceView struct {
	ResourceId   string
	ResourceType string
	TagKey       string
	TagValue     string
}

// The bounds of ListTagResources: Tag.N up to 20 and TagFilter.N up to 5,
// each with up to 5 TagValues (the SDK's documentation of the request);
// and 50 rows a page, which the fake chooses, since the request has no
// page size and the documentation names none.
const (
	maxTagFilters   = 5
	maxFilterValues = 5
	tagPageSize     = 50
)

// groupTagKey is the Tag.N.Key that asks for the resources of a resource
// group rather than of a tag (ListTagResources, Tag.N.Key).
const groupTagKey = "acs:rm:rgId"

// listTags serves ListTagResources: the tags of the resources of one type
// in the region that pass every filter, one row per tag, in the
// resources' creation order and each resource's tag order, 50 rows a
// page.
func (f *Fake) listTags(q *listTagsRequest) (*listTagsAnswer, *Error) {
	r, err := f.region(q.RegionID)
	if err != nil {
		return nil, err
	}
	t, err := q.check(f.defaultRG)
	if err != nil {
		return nil, err
	}
	filters, err := compileFilters(q.TagFilters)
	if err != nil {
		return nil, err
	}
	var rows []tagRow
	for _, x := range t.list(f, r.ID) {
		if q.matches(x, filters) {
			rows = append(rows, rowsOf(x)...)
		}
	}
	filter := *q
	filter.NextToken = ""
	page, p, err := pageByToken(rows, tagRow.key, q.NextToken, tagPageSize,
		filter)
	if err != nil {
		return nil, err
	}
	return answerTags(t, page, *p.NextToken), nil
}

// check runs the request's own rules, the filters' patterns aside.
func (q *listTagsRequest) check(defaultRG string) (resourceType, *Error) {
	t, err := resourceTypeOf(q.ResourceType)
	if err != nil {
		return t, err
	}
	checks := []func() *Error{
		func() *Error { return checkResourceCount(q.ResourceIDs) },
		q.checkQuery,
		q.checkTags,
		func() *Error { return q.checkGroupTag(defaultRG) },
	}
	for _, c := range checks {
		if err := c(); err != nil {
			return t, err
		}
	}
	return t, nil
}

// checkQuery requires ResourceId.N, Tag.N or TagFilter.N, and not both
// of the last two.
func (q *listTagsRequest) checkQuery() *Error {
	if len(q.ResourceIDs)+len(q.Tags)+len(q.TagFilters) == 0 {
		return apiErr("MissingParameter", "One of the input parameters "+
			"\"ResourceId.N\", \"Tag.N\" and \"TagFilter.N\" must be "+
			"supplied.")
	}
	if len(q.Tags) > 0 && len(q.TagFilters) > 0 {
		return apiErr("InvalidParameter.Conflict", "Tag.N and "+
			"TagFilter.N cannot be specified together.")
	}
	return nil
}

// checkTags checks the exact tags: at most 20, each with a key of 1 to
// 128 characters and a value of at most 128.
func (q *listTagsRequest) checkTags() *Error {
	if len(q.Tags) > maxTags {
		return apiErr("InvalidParameter", "The specified parameter "+
			"\"Tag\" holds %d tags; at most %d are allowed.", len(q.Tags),
			maxTags)
	}
	for _, t := range q.Tags {
		if t.Key == "" && t.Value != "" {
			return apiErr("InvalidParameter.TagValue", "The tag value %q "+
				"is specified without a tag key.", t.Value)
		}
		if err := checkTagKey(t.Key); err != nil {
			return err
		}
		if utf8.RuneCountInString(t.Value) > 128 {
			return apiErr("InvalidTagValue.Malformed", "")
		}
	}
	return nil
}

// checkGroupTag checks a Tag.N whose key is acs:rm:rgId: it must be the
// only tag, and its value a resource group other than the default one.
func (q *listTagsRequest) checkGroupTag(defaultRG string) *Error {
	g, ok := q.groupTag()
	switch {
	case !ok:
		return nil
	case len(q.Tags) > 1:
		return apiErr("InvalidParameter", "A Tag.N.Key of %q cannot be "+
			"specified with other tags.", groupTagKey)
	case g == "" || g == defaultRG:
		return apiErr("InvalidParameter", "The Tag.N.Value of %q must "+
			"be a resource group other than the default one.", groupTagKey)
	}
	return nil
}

// groupTag returns the resource group a Tag.N of key acs:rm:rgId names.
func (q *listTagsRequest) groupTag() (string, bool) {
	for _, t := range q.Tags {
		if t.Key == groupTagKey {
			return t.Value, true
		}
	}
	return "", false
}

// matches reports whether a resource passes every filter of the request.
func (q *listTagsRequest) matches(x tagged, filters []keyFilter) bool {
	if !in(q.ResourceIDs, x.id) {
		return false
	}
	if g, ok := q.groupTag(); ok {
		return x.group == g
	}
	for _, t := range q.Tags {
		i := slices.IndexFunc(*x.tags, func(h Tag) bool {
			return h.Key == t.Key
		})
		if i < 0 || (t.Value != "" && (*x.tags)[i].Value != t.Value) {
			return false
		}
	}
	for _, k := range filters {
		if !k.match(*x.tags) {
			return false
		}
	}
	return true
}

// tagRow is one row of the answer: a resource and the place of one of
// its tags.
type tagRow struct {
	x tagged
	i int
}

// key is the row's position key: its resource's creation number and
// its tag's index, each in fixed-width hex.
func (r tagRow) key() string {
	return seqKey(r.x.seq) + fmt.Sprintf(".%08x", r.i)
}

// rowsOf returns the rows of a resource's tags.
func rowsOf(x tagged) []tagRow {
	out := make([]tagRow, len(*x.tags))
	for i := range out {
		out[i] = tagRow{x, i}
	}
	return out
}

// answerTags answers a page of rows with the token of the rows after it.
func answerTags(t resourceType, rows []tagRow,
	next string) *listTagsAnswer {
	a := &listTagsAnswer{NextToken: next}
	a.TagResources.TagResource = mapList(rows,
		func(r tagRow) tagResourceView {
			tag := (*r.x.tags)[r.i]
			return tagResourceView{r.x.id, t.name, tag.Key, tag.Value}
		})
	return a
}
