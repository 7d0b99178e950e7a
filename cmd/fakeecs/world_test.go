package main

import (
	"encoding/json"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// writeFile writes content to a file in a fresh directory and returns
// its path.
func writeFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "world.json")
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

// beijingJSON is a small world file with one of each part.
const beijingJSON = `{
  "regions": [{"id": "cn-beijing", "zones": ["cn-beijing-a"]}],
  "vpcs": [{"id": "vpc-1", "region": "cn-beijing", "cidr": "10.1.0.0/16"}],
  "vswitches": [{"id": "vsw-1", "vpc": "vpc-1", "zone": "cn-beijing-a",
    "cidr": "10.1.2.0/24"}],
  "securityGroups": [{"id": "sg-1", "vpc": "vpc-1"}],
  "resourceGroups": [{"id": "rg-1", "default": true}]
}`

// beijing is the world of beijingJSON.
func beijing() fakeecs.World {
	return fakeecs.World{
		Regions: []fakeecs.Region{{ID: "cn-beijing",
			Zones: []string{"cn-beijing-a"}}},
		VPCs: []fakeecs.VPC{{ID: "vpc-1", Region: "cn-beijing",
			CIDR: netip.MustParsePrefix("10.1.0.0/16")}},
		VSwitches: []fakeecs.VSwitch{{ID: "vsw-1", VPC: "vpc-1",
			Zone: "cn-beijing-a", CIDR: netip.MustParsePrefix("10.1.2.0/24")}},
		SecurityGroups: []fakeecs.SecurityGroup{{ID: "sg-1", VPC: "vpc-1"}},
		ResourceGroups: []fakeecs.ResourceGroup{{ID: "rg-1", Default: true}},
	}
}

// TestLoadWorldReadsAFile checks a hand-written file, the default world
// written out with encoding/json, and the default for no file.
func TestLoadWorldReadsAFile(t *testing.T) {
	w, err := loadWorld(writeFile(t, beijingJSON))
	require.NoError(t, err)
	require.Equal(t, beijing(), w)

	data, err := json.Marshal(fakeecs.DefaultWorld())
	require.NoError(t, err)
	w, err = loadWorld(writeFile(t, string(data)))
	require.NoError(t, err)
	require.Equal(t, fakeecs.DefaultWorld(), w)

	w, err = loadWorld("")
	require.NoError(t, err)
	require.Equal(t, fakeecs.DefaultWorld(), w)
}

// TestLoadWorldRefusesBadFiles checks the exact message for each kind of
// file the server cannot use; "P" in a message stands for the path.
func TestLoadWorldRefusesBadFiles(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{"malformed JSON", "{\n  \"regions\": [}\n",
			"world file P: line 2, column 15: " +
				"invalid character '}' looking for beginning of value"},
		{"empty file", "", "world file P: the file holds no JSON"},
		{"truncated", `{"regions": [`,
			"world file P: the JSON ends before the world does"},
		{"two objects", "{} {}",
			"world file P: more data after the world's closing brace"},
		{"misspelt key", `{"region": []}`,
			`world file P: json: unknown field "region"`},
		{"wrong type", `{"vswitches": [{"id": 7}]}`,
			"world file P: line 1, column 23: json: cannot unmarshal " +
				"number into Go struct field VSwitch.vswitches.id " +
				"of type string"},
		{"bad prefix", `{"vpcs": [{"cidr": "10.0.0.0/33"}]}`,
			`world file P: netip.ParsePrefix("10.0.0.0/33"): ` +
				`prefix length out of range`},
		{"no region", `{}`, "world file P holds no region"},
		{"impossible world", `{
			"regions": [{"id": "cn-beijing", "zones": ["cn-beijing-a"]}],
			"vpcs": [{"id": "vpc-1", "region": "cn-beijing",
				"cidr": "10.1.0.0/16"}],
			"vswitches": [
				{"id": "vsw-1", "vpc": "vpc-1", "zone": "cn-beijing-a",
					"cidr": "10.2.0.0/24"},
				{"id": "vsw-2", "vpc": "vpc-9", "zone": "cn-beijing-a",
					"cidr": "10.1.0.0/24"}]}`,
			"world file P is impossible:\n" +
				`fakeecs: world: vSwitch "vsw-1": CIDR 10.2.0.0/24 is ` +
				`outside 10.1.0.0/16 of VPC "vpc-1"` + "\n" +
				`fakeecs: world: vSwitch "vsw-2": unknown VPC "vpc-9"`},
		{"impossible instance", `{
			"regions": [{"id": "cn-beijing", "zones": ["cn-beijing-a"]}],
			"vpcs": [{"id": "vpc-1", "region": "cn-beijing",
				"cidr": "10.1.0.0/16"}],
			"vswitches": [{"id": "vsw-1", "vpc": "vpc-1",
				"zone": "cn-beijing-a", "cidr": "10.1.0.0/24"}],
			"securityGroups": [{"id": "sg-1", "vpc": "vpc-1"}],
			"instances": [{"vswitch": "vsw-9", "type": "ecs.g7.large",
				"securityGroups": ["sg-1"]}]}`,
			"world file P is impossible:\n" +
				`fakeecs: world: instance 1: unknown vSwitch "vsw-9"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, tt.content)
			_, err := loadWorld(path)
			require.EqualError(t, err, replacePath(tt.want, path))
		})
	}
}

// replacePath puts path in place of the P of "world file P".
func replacePath(msg, path string) string {
	return strings.Replace(msg, "world file P", "world file "+path, 1)
}
