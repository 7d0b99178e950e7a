package fakeecs

import (
	"slices"
	"unicode/utf8"
)

// untagResourcesRequest is UntagResources' request.
type untagResourcesRequest struct {
	RegionID     string   `rpc:"RegionId"`
	ResourceType string   `rpc:"ResourceType"`
	ResourceIDs  []string `rpc:"ResourceId"`
	TagKeys      []string `rpc:"TagKey"`
	// All removes every tag; it takes effect only without TagKey.N.
	All *bool
}

// untagResources serves UntagResources: it removes the keys named, or
// every tag with All, from every resource named. A key a resource does
// not have is passed over. It changes nothing when any resource is
// unknown.
func (f *Fake) untagResources(q *untagResourcesRequest) (*emptyAnswer,
	*Error) {
	r, err := f.region(q.RegionID)
	if err != nil {
		return nil, err
	}
	t, err := q.check()
	if err != nil {
		return nil, err
	}
	rs, err := f.find(t, r.ID, q.ResourceIDs)
	if err != nil {
		return nil, err
	}

	for _, x := range rs {
		f.retag(x, q.remaining(*x.tags))
	}

	return &emptyAnswer{}, nil
}

// check runs the request's own rules: the resource type, 1 to 50
// resources, and 1 to 20 valid keys or All.
func (q *untagResourcesRequest) check() (resourceType, *Error) {
	t, err := resourceTypeOf(q.ResourceType)
	if err != nil {
		return t, err
	}
	if err := checkResourceIDs(q.ResourceIDs); err != nil {
		return t, err
	}
	if len(q.TagKeys) == 0 && !boolOf(q.All) {
		return t, missing("TagKey")
	}
	if len(q.TagKeys) > maxTags {
		return t, apiErr("InvalidParameter", "The specified parameter "+
			"\"TagKey\" names %d keys; at most %d are allowed.",
			len(q.TagKeys), maxTags)
	}
	for _, k := range q.TagKeys {
		if err := checkTagKey(k); err != nil {
			return t, err
		}
	}
	return t, nil
}

// remaining returns the tags the request leaves of have, in their order.
func (q *untagResourcesRequest) remaining(have []Tag) []Tag {
	if len(q.TagKeys) == 0 {
		return nil
	}
	return slices.DeleteFunc(slices.Clone(have), func(t Tag) bool {
		return slices.Contains(q.TagKeys, t.Key)
	})
}

// checkTagKey checks a tag key that names tags to remove or find: 1 to
// 128 characters.
func checkTagKey(k string) *Error {
	if k == "" || utf8.RuneCountInString(k) > 128 {
		return apiErr("InvalidTagKey.Malformed", "The specified tag key "+
			"%q is not valid: it must be 1 to 128 characters.", k)
	}
	return nil
}
