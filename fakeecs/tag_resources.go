package fakeecs

import "slices"

// tagResourcesRequest is TagResources' request.
type tagResourcesRequest struct {
	RegionID     string     `rpc:"RegionId"`
	ResourceType string     `rpc:"ResourceType"`
	ResourceIDs  []string   `rpc:"ResourceId"`
	Tags         []tagParam `rpc:"Tag"`
}

// tagResources serves TagResources: it adds the tags to every resource
// named, overwriting the value of a key the resource has in place and
// appending the others in the order given. It changes nothing when any
// resource is unknown or would pass 20 tags.
func (f *Fake) tagResources(q *tagResourcesRequest) (*emptyAnswer, *Error) {
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
	add := toTags(q.Tags)
	most := f.cfg.quotas.TagsPerResource
	if err := checkRoomForTags(rs, add, most); err != nil {
		return nil, err
	}

	for _, x := range rs {
		f.retag(x, withTags(*x.tags, add))
	}

	return &emptyAnswer{}, nil
}

// check runs the request's own rules: the resource type, 1 to 50
// resources, and 1 to 20 valid tags with distinct keys.
func (q *tagResourcesRequest) check() (resourceType, *Error) {
	t, err := resourceTypeOf(q.ResourceType)
	if err != nil {
		return t, err
	}
	if err := checkResourceIDs(q.ResourceIDs); err != nil {
		return t, err
	}
	if len(q.Tags) == 0 {
		return t, missing("Tag")
	}
	return t, checkTags(q.Tags)
}

// checkRoomForTags requires that each resource holds at most most tags
// once the new keys are added.
func checkRoomForTags(rs []tagged, add []Tag, most int) *Error {
	for _, x := range rs {
		n := len(withTags(*x.tags, add))
		if n > most {
			return apiErr("QuotaExceed.Tags", "The resource %q would "+
				"have %d tags; a resource has at most %d.", x.id, n, most)
		}
	}
	return nil
}

// withTags returns a new list of the tags of have with add applied: the
// value of a key already held is replaced in place, and a new key is
// appended.
func withTags(have, add []Tag) []Tag {
	out := slices.Clone(have)
	for _, a := range add {
		i := slices.IndexFunc(out, func(t Tag) bool { return t.Key == a.Key })
		if i < 0 {
			out = append(out, a)
			continue
		}
		out[i].Value = a.Value
	}
	return out
}
