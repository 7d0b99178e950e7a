package fakeecs

import "slices"

// What the three tag actions share: the resource types, the resources of
// a type, and the checks of ResourceType, ResourceId.N and tag keys.

// tagged is a resource as the tag actions see it.
type tagged struct {
	id    string
	seq   uint64 // creation order among the resources of its type
	group string // resource group
	tags  *[]Tag // the resource's own tags, changed in place
}

// resourceType is a resource type the fake holds: how to list its
// resources in a region, in creation order, and the code for an ID it
// does not hold.
type resourceType struct {
	name     string
	list     func(f *Fake, region string) []tagged
	notFound string
}

// heldTypes are the resource types of the tag actions that the fake
// holds, by the ResourceType that names them.
var heldTypes = map[string]resourceType{
	"eni": {"eni", (*Fake).taggedENIs, "InvalidEniId.NotFound"},
	"instance": {"instance", (*Fake).taggedInstances,
		"InvalidEcsId.NotFound"},
	"securitygroup": {"securitygroup", (*Fake).taggedGroups,
		"InvalidSecurityGroupId.NotFound"},
}

// unheldTypes are the other resource types the reference lists
// (TagResources, ResourceType): the fake holds no such resources.
var unheldTypes = []string{"disk", "snapshot", "image", "volume", "ddh",
	"ddhcluster", "keypair", "launchtemplate", "reservedinstance",
	"snapshotpolicy", "elasticityassurance", "capacityreservation",
	"command", "invocation", "activation", "managedinstance"}

// The bounds of the tag actions: ResourceId.N up to 50 (TagResources,
// UntagResources, ListTagResources), and 20 tags on one resource (the
// service's tag limit, which TagResources checks before it adds tags).
const (
	maxTagResources = 50
	maxResourceTags = 20
)

// resourceTypeOf finds the resource type a request names.
func resourceTypeOf(name string) (resourceType, *Error) {
	if name == "" {
		return resourceType{}, missing("ResourceType")
	}
	if t, ok := heldTypes[name]; ok {
		return t, nil
	}
	if slices.Contains(unheldTypes, name) {
		return resourceType{}, apiErr("InvalidParameter", "The specified "+
			"ResourceType %q holds no resources in this fake, which "+
			"holds eni, instance and securitygroup.", name)
	}
	return resourceType{}, invalid("ResourceType")
}

// checkResourceIDs checks the ResourceId.N of a request that changes
// tags: 1 to 50 IDs.
func checkResourceIDs(ids []string) *Error {
	if len(ids) == 0 {
		return missing("ResourceId")
	}
	return checkResourceCount(ids)
}

// checkResourceCount checks that a request names at most 50 resources.
func checkResourceCount(ids []string) *Error {
	if len(ids) > maxTagResources {
		return apiErr("InvalidParameter", "The specified parameter "+
			"\"ResourceId\" names %d resources; at most %d are allowed.",
			len(ids), maxTagResources)
	}
	return nil
}

// find returns the resources of type t in the region that ids name, in
// the order named and each once, or the type's not-found error for the
// first ID the fake does not hold there.
func (f *Fake) find(t resourceType, region string, ids []string) (
	[]tagged, *Error) {
	byID := map[string]tagged{}
	for _, r := range t.list(f, region) {
		byID[r.id] = r
	}
	var out []tagged
	for _, id := range ids {
		r, ok := byID[id]
		if !ok {
			return nil, apiErr(t.notFound, "The specified ResourceId %q "+
				"of type %s does not exist.", id, t.name)
		}
		if !slices.ContainsFunc(out, func(o tagged) bool {
			return o.id == id
		}) {
			out = append(out, r)
		}
	}
	return out, nil
}

// taggedENIs lists the ENIs of a region.
func (f *Fake) taggedENIs(region string) []tagged {
	var out []tagged
	for _, n := range f.order {
		if n.RegionID == region {
			out = append(out, tagged{n.ID, n.seq, n.ResourceGroupID,
				&n.Tags})
		}
	}
	return out
}

// taggedInstances lists the instances of a region. An instance is in the
// default resource group.
func (f *Fake) taggedInstances(region string) []tagged {
	var out []tagged
	for _, in := range f.instanceList() {
		if in.RegionID == region {
			out = append(out, tagged{in.ID, in.seq, f.defaultRG, &in.Tags})
		}
	}
	return out
}

// taggedGroups lists the security groups of a region's VPCs, in world
// order. A group is in the default resource group; a classic-network
// group has no VPC, so no region, and is never listed.
func (f *Fake) taggedGroups(region string) []tagged {
	var out []tagged
	for i, g := range f.gorder {
		if v, ok := f.vpcs[g.VPC]; ok && v.Region == region {
			out = append(out, tagged{g.ID, uint64(i + 1), f.defaultRG,
				&g.Tags})
		}
	}
	return out
}

// retag replaces the tags of r, so that a failed call can restore them.
func (f *Fake) retag(r tagged, tags []Tag) {
	old := *r.tags
	f.onUndo(func() { *r.tags = old })
	*r.tags = tags
}
